import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser
import Foundation

extension GraphFormat: ExpressibleByArgument {}
extension GraphBuilder.DictionaryScope: ExpressibleByArgument {}

/// `annals graph [PATH ...]`: the actor network of coded documents and/or the event store.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build the actor network (affiliations, roles, alliances, events) and export it.",
        discussion: """
            PATH inputs are coded like `annals code` (same input options). Affiliations stated in the text are \
            merged with the dictionaries' dated roles and affiliations; events become weighted links.
            Examples:
              annals graph ../shared/seed/seed-article.txt --date 2023-11-20 --format html -o seed.html
              annals graph corpus.csv --as-of 2019-06-30 --format gexf -o network.gexf
              annals graph --db annals.sqlite --format graphml
            With --db, the events and relations stored by `annals ingest` are read from the event store, alone or
            together with PATH inputs.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var coding: CodingFlags

    @Option(help: "Output format: json, graphml, gexf, dot or html.")
    var format: GraphFormat = .json

    @Option(name: .customLong("as-of"), help: "Show the network as it stood on this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "Read events from this event store (SQLite file or postgres:// URL, written by `annals ingest`).")
    var db: String?

    @Option(help: "Dictionary affiliations to add: none, linked (among the actors named, and what they belong to) or all.")
    var dictionaryEdges: GraphBuilder.DictionaryScope = .linked

    @Option(help: "HTML: draw at most this many actors (the most central); 0 = 160.")
    var maxNodes: Int = 0

    @Option(help: "Title of the HTML page.")
    var title: String = "Annals actor network"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Print the hub, the alliances and who leads what to standard error.")
    var summary = false

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let coder = try coding.makeCoder()
        let lexicon = try NetworkSupport.lexicon(of: coder)
        var builder = GraphBuilder(lexicon: lexicon, scope: dictionaryEdges)
        var failed = false
        // With --db and no PATH, do not wait for standard input.
        if !(db != nil && input.paths == ["-"]) {
            let pipeline = Pipeline(coder: coder, options: coding.options)
            failed = try BatchRunner(threads: coding.threads).run(input.reader, paths: input.paths, pipeline: pipeline) { coded in
                builder.add(coded)
            }
        }
        if let db { try NetworkSupport.addStoredEvents(db, to: &builder) }
        var graph = builder.build()
        if let asOf, let day = Day(asOf) { graph = graph.asOf(day) }
        let text = format.encode(graph, title: title, maxNodes: maxNodes)
        try NetworkSupport.write(text, to: output)
        if summary { StandardError.print(NetworkSupport.summary(graph)) }
        if failed { throw ExitCode.failure }
    }
}

/// Shared by `graph` and `actor`.
enum NetworkSupport {
    static func lexicon(of coder: any EventCoder) throws -> Lexicon {
        if let c = coder as? DictionaryCoder { return c.lexicon }
        return try LexiconLoader.loadBundled()
    }

    static func addStoredEvents(_ path: String, to builder: inout GraphBuilder) throws {
        do {
            let store = try EventDatabases.open(path, mode: .readOnly)
            var query = EventQuery()
            query.includeNegated = false
            try store.events(query) { builder.add(eventRow: $0) }
            try store.relations(since: nil, until: nil) { builder.add(relation: $0) }
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }

    static func write(_ text: String, to path: String?) throws {
        if let path {
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                StandardError.print("annals: \(path): cannot write (\(error.localizedDescription))")
                throw ExitCode.failure
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
            if !text.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
        }
    }

    /// A few lines: the hub, the largest alliances, who leads what.
    static func summary(_ graph: ActorGraph) -> String {
        var lines: [String] = []
        let c = graph.centrality()
        lines.append("actors: \(graph.nodes.count), affiliations: \(graph.relations.count), event links: \(graph.events.count)")
        if let hub = c.first { lines.append("hub: \(hub.name) (PageRank \(String(format: "%.3f", hub.pageRank)), degree \(hub.degree))") }
        lines.append("most central: " + c.prefix(10).map(\.name).joined(separator: ", "))
        for (a, leaders, members) in graph.alliances().prefix(8) {
            lines.append(
                "alliance \(a.name)\(leaders.isEmpty ? "" : " led by " + leaders.map(\.name).joined(separator: ", ")): \(members.count) members: "
                    + members.map(\.name).joined(separator: ", "))
        }
        for e in graph.relations where e.relation == .leads && e.fromText {
            lines.append("\(graph.node(e.source)?.name ?? e.source) leads \(graph.node(e.target)?.name ?? e.target)")
        }
        return lines.joined(separator: "\n")
    }
}
