import AnnalsCore
import ArgumentParser

extension InputFormat: ExpressibleByArgument {}

/// Options shared by every command that reads documents.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files, directories (recursive) or - for standard input.")
    var paths: [String] = ["-"]

    @Option(help: "Input format: auto, text, html, jsonl, csv, rss, petrarch.")
    var inputFormat: InputFormat = .auto

    @Option(help: "Document date (YYYY-MM-DD) for inputs that carry none.")
    var date: String?

    @Flag(help: "Skip a file or record with invalid UTF-8 or a NUL byte instead of repairing it with U+FFFD.")
    var strictUTF8 = false

    @Option(help: "Largest document (a text or HTML file, a JSONL line, a CSV record) in bytes; larger ones are skipped.")
    var maxDocumentBytes: Int = DocumentReader().maxDocumentBytes

    @Option(help: "Largest RSS/Atom or PETRARCH XML file in bytes; larger ones are skipped.")
    var maxFileBytes: Int = DocumentReader().maxFileBytes

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
        if maxDocumentBytes < 1 { throw ValidationError("--max-document-bytes must be at least 1") }
        if maxFileBytes < 1 { throw ValidationError("--max-file-bytes must be at least 1") }
    }

    var reader: DocumentReader {
        var reader = DocumentReader(format: inputFormat, defaultDate: date.flatMap { Day($0) })
        reader.strictUTF8 = strictUTF8
        reader.maxDocumentBytes = maxDocumentBytes
        reader.maxFileBytes = maxFileBytes
        return reader
    }
}

/// Options that choose dictionaries and coding behaviour.
struct CodingFlags: ParsableArguments {
    @Option(
        help:
            "Dictionaries: 'annals' (built in), a directory in our format, or petrarch:PATH (a PETR_config.ini or directory). Repeat to put actor layers under the first: petrarch-actors:PATH or actors:PATH (the first wins on conflicts)."
    )
    var dictionaries: [String] = []

    @Flag(help: "Also write negated events, with \"polarity\":\"negated\".")
    var includeNegated = false

    @Flag(help: "Also write hypothetical events (conditions, possibilities), with \"modality\":\"hypothetical\".")
    var includeHypothetical = false

    @Flag(help: "Add to each event the pattern that matched and the spans of source, verb and target.")
    var explain = false

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessStats.coreCount

    @Option(help: "Longest sentence in tokens; longer ones (tables, lists) are skipped with a warning.")
    var maxSentenceTokens: Int = ResourceLimits().maxSentenceTokens

    @Option(help: "Most records (events and relations) kept per document; the rest are dropped with a warning.")
    var maxRecordsPerDocument: Int = ResourceLimits().maxRecordsPerDocument

    func validate() throws {
        if maxSentenceTokens < 1 { throw ValidationError("--max-sentence-tokens must be at least 1") }
        if maxRecordsPerDocument < 1 { throw ValidationError("--max-records-per-document must be at least 1") }
    }

    var options: CodingOptions {
        var o = CodingOptions()
        o.includeNegated = includeNegated
        o.includeHypothetical = includeHypothetical
        o.explain = explain
        o.limits = ResourceLimits(maxSentenceTokens: maxSentenceTokens, maxRecordsPerDocument: maxRecordsPerDocument)
        return o
    }

    func makeCoder() throws -> any EventCoder {
        try CoderFactory.make(layers: dictionaries.isEmpty ? ["annals"] : dictionaries)
    }
}
