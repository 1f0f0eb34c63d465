import AnnalsCore
import ArgumentParser
import Foundation

/// `annals eval GOLD.jsonl`: codes each gold record's text and scores the events (or, with
/// `--relations`, the relation records) against the gold.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Code a gold file and print recall, precision and F1 by class, CAMEO root, PLOVER category and dyad.",
        discussion: """
            Gold formats (docs/evaluation.md): ConfliBERT pentaclass lines {"id","text","pentaclass":0-4,...} \
            and our event gold {"id","text","date"?,"events":[{"source","target","cameo"}]} ("events": [] is a \
            sentence with no event). With --relations, GOLD holds articles with their affiliations; texts \
            come from the record's "text" or, by "doc" id, from --documents.
            Example: annals eval Tests/AnnalsCoreTests/Fixtures/guardian-events-dev.jsonl
            """
    )

    enum Format: String, ExpressibleByArgument { case table, json }

    @Argument(help: "A gold file (JSON Lines).")
    var gold: String

    @Option(
        help:
            "Dictionaries: 'annals', a directory, or petrarch:PATH; repeat to put actor layers under the first (petrarch-actors:PATH, actors:PATH)."
    )
    var dictionaries: [String] = []

    @Option(help: "How many misses and how many false positives to list.")
    var misses: Int = 20

    @Option(help: "Output: table or json.")
    var format: Format = .table

    @Option(help: "Score only the records marked with this split (dev or reserved).")
    var split: String?

    @Flag(help: "GOLD holds articles with affiliations: score relation records instead of events.")
    var relations = false

    @Option(help: "With --relations: documents (e.g. a CSV) whose ids the gold's \"doc\" fields name.")
    var documents: [String] = []

    func validate() throws {
        if let split, split != "dev" && split != "reserved" { throw ValidationError("--split takes dev or reserved, not '\(split)'") }
        if misses < 0 { throw ValidationError("--misses must be 0 or more") }
    }

    func run() throws {
        let coder: any EventCoder
        do {
            coder = try CoderFactory.make(layers: dictionaries.isEmpty ? ["annals"] : dictionaries)
        } catch let e as DictionaryError {
            throw ValidationError(e.description)
        }
        let out: String
        do {
            out = relations ? try relationReport(coder) : try eventReport(coder)
        } catch let e as GoldFileError {
            StandardError.print("annals: \(e)")
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    func eventReport(_ coder: any EventCoder) throws -> String {
        var records = try GoldFile.load(gold)
        if let split { records = records.filter { $0.split == split } }
        let scores = Evaluator(pipeline: Pipeline(coder: coder)).evaluate(records)
        return format == .json ? EvaluationReport.json(scores, misses: misses) : EvaluationReport.table(scores, misses: misses)
    }

    func relationReport(_ coder: any EventCoder) throws -> String {
        var articles = try RelationGoldFile.load(gold)
        if let split { articles = articles.filter { $0.split == split } }
        let wanted = Set(articles.compactMap(\.doc))
        var byID: [String: Document] = [:]
        if !documents.isEmpty {
            var failed: IngestError?
            DocumentReader().read(paths: documents, onError: { failed = failed ?? $0 }) { doc in
                if wanted.contains(doc.id) { byID[doc.id] = doc }
            }
            if let failed { throw ValidationError("\(failed)") }
        }
        var options = CodingOptions()
        options.emitEvents = false
        let pipeline = Pipeline(coder: coder, options: options)
        var scores = RelationEvaluation()
        for a in articles {
            let doc: Document
            if let text = a.text {
                doc = Document(id: a.id, text: text, date: a.date)
            } else if let id = a.doc, let d = byID[id] {
                doc = d
            } else {
                throw GoldFileError(
                    file: gold, line: a.line, message: "document '\(a.doc ?? "")' is not in --documents \(documents.joined(separator: " "))")
            }
            scores.add(a, text: doc.text, got: pipeline.run(doc).relations)
        }
        if format == .json {
            var j = JSONWriter()
            j.object { o in
                o.key("articles"); o.int(scores.articles)
                o.key("gold"); o.int(scores.tally.gold)
                o.key("records"); o.int(scores.tally.predicted)
                o.key("found"); o.int(scores.tally.truePositives)
                o.key("recall"); o.double(scores.tally.recall)
                o.key("precision"); o.double(scores.tally.precision)
                o.key("f1"); o.double(scores.tally.f1)
            }
            return j.string + "\n"
        }
        return scores.table(misses: misses)
    }
}
