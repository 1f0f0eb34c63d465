import AnnalsCore
import ArgumentParser
import Foundation

/// `annals parse`: POS tags, lemmas and dependency trees as CoNLL-U, or a treebank score.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tag and parse documents into CoNLL-U, or score the parser on a treebank.",
        discussion: """
            With PATHs (the inputs of `annals code`), writes one CoNLL-U sentence per cleaned sentence; MISC keeps \
            each token's Span=START:END into the original text and SpaceAfter=No.
            --eval GOLD.conllu parses the gold tokens and prints UPOS, XPOS, UAS and LAS (CoNLL 2018 definitions: \
            punctuation included, LAS on universal relations) and sentences/s.
            --gold-tokens GOLD.conllu writes this parser's CoNLL-U for the gold tokens (same ids and token counts).
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Score the parser on a gold CoNLL-U file (gold tokenisation).")
    var eval: String?

    @Option(help: "Parse the tokens of a gold CoNLL-U file and write CoNLL-U.")
    var goldTokens: String?

    @Option(help: "A model file instead of the bundled one.")
    var model: String?

    @Option(help: "Drop weights below this magnitude before parsing (to measure a smaller model).")
    var prune: Float?

    @Option(help: "With --prune: write the pruned model to this file.")
    var writeModel: String?

    func run() throws {
        let started = Date()
        var m = try model.map { try ParserModel(contentsOf: URL(fileURLWithPath: $0)) } ?? ParserModel.bundled()
        let loaded = Date().timeIntervalSince(started)
        if let prune {
            m = m.pruned(threshold: prune)
            StandardError.print("annals: pruned at \(prune): \(m.sizes)")
            if let writeModel { try Data(m.serialized()).write(to: URL(fileURLWithPath: writeModel)) }
        }
        if let eval {
            let gold = try CoNLLUFile.read(eval)
            // Timed: tagging and parsing only (what the pipeline does per sentence), on one thread.
            let words = gold.map { g in g.words.enumerated().map { SyntaxWord($1.form, sentenceInitial: $0 == 0) } }
            let t0 = Date()
            var checksum = 0
            for w in words { checksum &+= Int(m.parse(w).heads.last ?? 0) }
            let seconds = Date().timeIntervalSince(t0)
            let predicted = gold.map { m.annotate($0) }
            _ = checksum
            var score = ParseScore()
            for (g, p) in zip(gold, predicted) { score.add(gold: g, predicted: p) }
            print(ParseReport.line(eval, score, seconds: seconds) + String(format: " model load %.3f s", loaded))
            return
        }
        if let goldTokens {
            let gold = try CoNLLUFile.read(goldTokens)
            var out = ""
            for g in gold { CoNLLU.write(m.annotate(g), to: &out) }
            FileHandle.standardOutput.write(Data(out.utf8))
            return
        }
        let pre = Preprocessor()
        var out = ""
        var failed = false
        input.reader.read(
            paths: input.paths,
            onError: { error in
                failed = true
                StandardError.print("annals: \(error)")
            }
        ) { document in
            var doc = document
            for s in pre.sentences(in: &doc) {
                let (tokens, tree) = m.parse(s)
                CoNLLU.write(m.conllu(s, tokens: tokens, tree: tree, docID: doc.id), to: &out)
            }
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if failed { throw ExitCode.failure }
    }
}
