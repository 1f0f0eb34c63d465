import AnnalsCore
import ArgumentParser
import Foundation

/// `annals train-parser`: trains the tagger and parser on a UD treebank and writes the model file.
struct TrainParserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-parser",
        abstract: "Train the POS tagger and dependency parser on a UD treebank (train/dev/test CoNLL-U) and write the model.",
        discussion: """
            The same treebank, options and seed give the same model file, byte for byte. Rebuild the shipped model with
            `annals train-parser --treebank ../shared/treebanks/UD_English-EWT --out Sources/AnnalsCore/Resources/Model/parser-en-ewt.bin`.
            """
    )

    @Option(help: "A directory with *-ud-train.conllu (and optionally *-ud-dev.conllu, *-ud-test.conllu), or a train CoNLL-U file.")
    var treebank: String

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Tagger training epochs.") var taggerEpochs = ParserTraining.Options().taggerEpochs
    @Option(help: "Parser training epochs.") var parserEpochs = ParserTraining.Options().parserEpochs
    @Option(help: "Folds for jackknifed training tags (1 = tag the training data with the final tagger).")
    var folds = ParserTraining.Options().folds
    @Option(help: "Random seed (shuffling and exploration).") var seed = ParserTraining.Options().seed
    @Flag(help: "Print dev scores after every epoch (slower).") var verbose = false

    func run() throws {
        let files = try TreebankFiles(treebank)
        let train = try files.read(files.train)
        let dev = try files.dev.map(files.read) ?? []
        let test = try files.test.map(files.read) ?? []
        StandardError.print("annals: training on \(train.count) sentences (\(files.train))")
        var options = ParserTraining.Options()
        options.taggerEpochs = taggerEpochs
        options.parserEpochs = parserEpochs
        options.folds = folds
        options.seed = seed
        let started = Date()
        let model = ParserTraining.train(train, dev: verbose ? dev : [], options: options) { StandardError.print("annals: \($0)") }
        let bytes = model.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        StandardError.print(
            "annals: wrote \(out) (\(bytes.count) bytes) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        for (name, set) in [("dev", dev), ("test", test)] where !set.isEmpty {
            let s = ParseScore.score(model: model, gold: set)
            print(ParseReport.line(name, s))
        }
    }
}

/// The train/dev/test files of a UD treebank directory.
struct TreebankFiles {
    var train: String
    var dev: String?
    var test: String?

    init(_ path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ValidationError("\(path): no such file or directory")
        }
        guard isDir.boolValue else {
            train = path
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        func find(_ part: String) -> String? {
            names.first { $0.hasSuffix("-ud-\(part).conllu") }.map { (path as NSString).appendingPathComponent($0) }
        }
        guard let t = find("train") else { throw ValidationError("\(path): no *-ud-train.conllu file") }
        train = t
        dev = find("dev")
        test = find("test")
    }

    func read(_ file: String) throws -> [CoNLLU.Sentence] {
        try CoNLLUFile.read(file)
    }
}

enum CoNLLUFile {
    /// Reads a CoNLL-U file; errors name the file and line.
    static func read(_ file: String) throws -> [CoNLLU.Sentence] {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot read") }
        guard let text = String(validating: data, as: UTF8.self) else { throw ValidationError("\(file): invalid UTF-8") }
        do {
            return try CoNLLU.parse(text)
        } catch let e as CoNLLU.FormatError {
            throw ValidationError("\(file):\(e.line): \(e.message)")
        }
    }
}

enum ParseReport {
    static func pct(_ x: Double) -> String { String(format: "%.2f", x * 100) }

    static func line(_ name: String, _ s: ParseScore, seconds: Double? = nil) -> String {
        var out = "\(name): sentences \(s.sentences) words \(s.words) UPOS \(pct(s.upos)) XPOS \(pct(s.xpos)) UAS \(pct(s.uas)) LAS \(pct(s.las))"
        out += " (full labels \(pct(s.labelExact)))"
        if let seconds, seconds > 0 { out += String(format: " sentences/s %.0f", Double(s.sentences) / seconds) }
        return out
    }
}
