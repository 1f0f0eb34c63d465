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

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
    }

    var reader: DocumentReader {
        DocumentReader(format: inputFormat, defaultDate: date.flatMap { Day($0) })
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

    @Flag(help: "Add to each event the pattern that matched and the spans of source, verb and target.")
    var explain = false

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessStats.coreCount

    var options: CodingOptions {
        var o = CodingOptions()
        o.includeNegated = includeNegated
        o.explain = explain
        return o
    }

    func makeCoder() throws -> any EventCoder {
        try CoderFactory.make(layers: dictionaries.isEmpty ? ["annals"] : dictionaries)
    }
}
