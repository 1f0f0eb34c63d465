import AnnalsCore
import Foundation

/// The Syntax stage alone for `annals bench`: every cleaned sentence of the corpus tokenised, tagged
/// and parsed on one thread (reading and cleaning excluded from the timed part).
struct ParseStage {
    var sentences = 0
    var tokens = 0
    var seconds = 0.0
    var loadSeconds = 0.0

    var sentencesPerSecond: Int { Int(Double(sentences) / max(seconds, 1e-9)) }
    var tokensPerSecond: Int { Int(Double(tokens) / max(seconds, 1e-9)) }

    static func measure(reader: DocumentReader, path: String, limit: Int = 20_000) throws -> ParseStage {
        var stage = ParseStage()
        let clock = ContinuousClock()
        let loadStarted = clock.now
        let model = try ParserModel.bundled()
        stage.loadSeconds = (clock.now - loadStarted).seconds
        let pre = Preprocessor()
        var words: [[SyntaxWord]] = []
        reader.read(paths: [path], onError: { _ in }) { document in
            guard words.count < limit else { return }
            var doc = document
            for s in pre.sentences(in: &doc) where words.count < limit {
                words.append(SyntaxWord.words(of: s.text, tokens: Tokenizer.tokens(of: s.text)))
            }
        }
        let started = clock.now
        var checksum: Int32 = 0
        for w in words {
            let tree = model.parse(w)
            checksum &+= tree.heads.last ?? 0
            stage.tokens += w.count
        }
        stage.seconds = (clock.now - started).seconds
        stage.sentences = words.count
        if checksum == Int32.min { print("") }  // keeps the work observable
        return stage
    }
}
