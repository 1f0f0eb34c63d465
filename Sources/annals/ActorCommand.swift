import AnnalsCore
import ArgumentParser
import Foundation

/// `annals actor NAME`: what is known about an actor.
struct ActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "Show an actor's codes, roles over time, affiliations and events.",
        discussion: """
            NAME is a dictionary id, name or alias ("Qaani", "IRGC", "quds-force"). With --in, documents are coded \
            and the actor's text relations and events are listed; with --db, its stored events and relations.
            Example: annals actor Qaani --in ../shared/seed/seed-article.txt --date 2023-11-20
            """
    )

    @Argument(help: "Actor id, name or alias.")
    var name: String

    @Option(name: .customLong("in"), help: "Documents to code for relations and events (files, directories, - for standard input).")
    var inputs: [String] = []

    @Option(help: "Input format: auto, text, html, jsonl, csv, rss, petrarch.")
    var inputFormat: InputFormat = .auto

    @Option(help: "Document date (YYYY-MM-DD) for inputs that carry none.")
    var date: String?

    @Option(help: "Read events and relations from this event store (SQLite file or postgres:// URL).")
    var db: String?

    @Option(name: .customLong("as-of"), help: "Show codes and affiliations as of this date.")
    var asOf: String?

    @Option(help: "Dictionaries: 'annals' (built in) or a directory in our format.")
    var dictionaries: String = "annals"

    @Option(help: "Events to list at most.")
    var limit: Int = 30

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM-DD, not '\(asOf)'") }
        if let date, Day(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let coder = try CoderFactory.make(dictionaries)
        let lexicon = try NetworkSupport.lexicon(of: coder)
        var builder = GraphBuilder(lexicon: lexicon, scope: .all)
        if !inputs.isEmpty {
            let reader = DocumentReader(format: inputFormat, defaultDate: date.flatMap { Day($0) })
            _ = try BatchRunner(threads: ProcessStats.coreCount).run(reader, paths: inputs, pipeline: Pipeline(coder: coder)) {
                builder.add($0)
            }
        }
        if let db { try NetworkSupport.addStoredEvents(db, to: &builder) }
        var graph = builder.build()
        if let asOf, let day = Day(asOf) { graph = graph.asOf(day) }
        guard let node = graph.find(name) else {
            StandardError.print("annals: no actor named '\(name)' in the dictionaries\(inputs.isEmpty ? "" : " or the documents")")
            throw ExitCode.failure
        }
        print(ActorProfile(graph: graph, id: node.id, eventLimit: limit).text, terminator: "")
    }
}
