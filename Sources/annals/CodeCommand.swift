import AnnalsCore
import ArgumentParser
import Foundation

/// `annals code [PATH ...]`: reads news, codes events and relations, writes records.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code documents into event and relation records (JSON Lines by default).",
        discussion: """
            PATH may be a file, a directory (read recursively) or - for standard input.
            Example: annals code Examples/example-article.txt --date 2024-03-12
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var coding: CodingFlags

    @Option(help: "Output format: jsonl, csv or tsv (GDELT-like columns).")
    var format: OutputFormat = .jsonl

    @Option(help: "Which records to write: events, relations or both (comma separated).")
    var emit: String = "events,relations"

    @Flag(help: "Print capitalised names the dictionaries do not know, with counts, to standard error.")
    var unknownActors = false

    @Flag(help: "Print a JSON object with counts, time, speed and peak memory to standard error at the end.")
    var stats = false

    @Flag(help: "Do not geolocate events (no \"location\" and no actor places).")
    var noGeo = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let loadStarted = clock.now
        var options = coding.options
        let kinds = Set(emit.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        for k in kinds where k != "events" && k != "relations" {
            throw ValidationError("--emit takes events, relations or both, not '\(k)'")
        }
        options.emitEvents = kinds.contains("events")
        options.emitRelations = kinds.contains("relations")
        let coder = try coding.makeCoder()
        let loadSeconds = (clock.now - loadStarted).seconds
        var pipeline = Pipeline(coder: coder, options: options)
        if noGeo { pipeline.geolocator = nil }

        var out = RecordWriter(format: format)
        out.writeHeader()
        var totals = Totals()
        var unknown: [String: Int] = [:]
        let failed = try BatchRunner(threads: coding.threads).run(input.reader, paths: input.paths, pipeline: pipeline) { coded in
            totals.add(coded)
            for e in coded.events { out.write(.event(e)) }
            for r in coded.relations { out.write(.relation(r)) }
            for name in coded.unknownActors { unknown[name, default: 0] += 1 }
        }
        out.flush()
        if unknownActors {
            for (name, count) in unknown.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                FileHandle.standardError.write(Data("\(count)\t\(name)\n".utf8))
            }
        }
        if stats {
            let seconds = (clock.now - started).seconds
            totals.printStats(seconds: seconds, loadSeconds: loadSeconds)
        }
        if failed { throw ExitCode.failure }
    }
}

/// Counts for `--stats`.
struct Totals {
    var documents = 0
    var sentences = 0
    var events = 0
    var relations = 0

    mutating func add(_ coded: CodedDocument) {
        documents += 1
        sentences += coded.sentences.count
        events += coded.events.count
        relations += coded.relations.count
    }

    func printStats(seconds: Double, loadSeconds: Double) {
        var json = JSONWriter()
        json.object { j in
            j.key("documents"); j.int(documents)
            j.key("sentences"); j.int(sentences)
            j.key("events"); j.int(events)
            j.key("relations"); j.int(relations)
            j.key("seconds"); j.double((seconds * 1000).rounded() / 1000)
            j.key("load_seconds"); j.double((loadSeconds * 1000).rounded() / 1000)
            let coding = max(seconds - loadSeconds, 1e-9)
            j.key("sentences_per_second"); j.int(Int(Double(sentences) / coding))
            j.key("peak_rss_mb"); j.double((ProcessStats.peakResidentMegabytes * 10).rounded() / 10)
        }
        FileHandle.standardError.write(Data((json.string + "\n").utf8))
    }
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
