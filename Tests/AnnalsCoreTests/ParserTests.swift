import Foundation
import Testing

@testable import AnnalsCore

/// The tagger and dependency parser: CoNLL-U in and out, CoNLL 2018 scoring, reproducible
/// training, and what the bundled model gives the coder on news syntax.
@Suite struct ParserTests {
    static let tinyURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/syntax/tiny.conllu")

    static func tiny() throws -> [CoNLLU.Sentence] {
        try CoNLLU.parse(String(contentsOf: tinyURL, encoding: .utf8))
    }

    /// Small, fast options: the tiny treebank fits in a few epochs.
    static var tinyOptions: ParserTraining.Options {
        var o = ParserTraining.Options()
        o.taggerEpochs = 6
        o.parserEpochs = 15
        o.folds = 1  // no jackknifing: with eight sentences, half-data taggers only add noise
        o.threshold = 0
        return o
    }

    // MARK: CoNLL-U

    @Test func conlluRoundTripsWordsAndComments() throws {
        let text = try String(contentsOf: Self.tinyURL, encoding: .utf8)
        let sentences = try CoNLLU.parse(text)
        #expect(sentences.count == 8)
        #expect(sentences[0].comment("sent_id") == "tiny-1")
        #expect(sentences[5].words[1].deprel == "nsubj:pass")
        // Our writer leaves DEPS as `_`, as the fixture has it: the text comes back byte for byte.
        #expect(CoNLLU.write(sentences) == text)
    }

    @Test func conlluSkipsMultiwordTokensAndEmptyNodes() throws {
        let text = """
            1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
            1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
            2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
            3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
            3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_

            """
        let s = try CoNLLU.parse(text)
        #expect(s.count == 1)
        #expect(s[0].words.map(\.form) == ["do", "n't", "go"])
    }

    @Test func conlluErrorsNameTheLine() {
        #expect {
            _ = try CoNLLU.parse("# c\n1\tword\tword\tNOUN\n")
        } throws: { error in
            "\(error)".hasPrefix("line 2:")
        }
        #expect {
            _ = try CoNLLU.parse("1\ta\ta\tDET\tDT\t_\tx\tdet\t_\t_\n")
        } throws: { error in
            "\(error)".contains("head 'x'")
        }
    }

    // MARK: Scoring

    /// CoNLL 2018 definitions: every word counts (punctuation included); LAS compares the universal
    /// part of the label; UAS and LAS share the denominator.
    @Test func scoringFollowsCoNLL2018() throws {
        let gold = try Self.tiny()[0]  // 7 words
        var predicted = gold
        predicted.words[2].upos = "ADJ"  // five: wrong tag
        predicted.words[3].head = 5  // protesters: wrong head
        predicted.words[5].deprel = "obl:tmod"  // Cairo: subtype differs, universal part right
        predicted.words[6].deprel = "dep"  // the full stop: right head, wrong label
        var s = ParseScore()
        s.add(gold: gold, predicted: predicted)
        #expect(s.words == 7)
        #expect(s.uposCorrect == 6)
        #expect(s.headCorrect == 6)
        #expect(s.labelledCorrect == 5)
        #expect(s.exactLabelCorrect == 4)
        #expect(abs(s.uas - 6.0 / 7.0) < 1e-9)
        #expect(abs(s.las - 5.0 / 7.0) < 1e-9)
    }

    // MARK: Training

    /// The same data and seed give the same model file, byte for byte (what `annals train-parser`
    /// promises for the shipped model), and the file reads back into a model that parses alike.
    @Test func trainingIsReproducibleAndTheFileRoundTrips() throws {
        let data = try Self.tiny()
        let a = ParserTraining.train(data, options: Self.tinyOptions)
        let b = ParserTraining.train(data, options: Self.tinyOptions)
        let bytes = a.serialized()
        #expect(bytes == b.serialized())
        let reread = try ParserModel(bytes: bytes)
        #expect(reread.serialized() == bytes)
        for s in data { #expect(reread.annotate(s) == a.annotate(s)) }
    }

    @Test func trainingFitsItsData() throws {
        let data = try Self.tiny()
        let model = ParserTraining.train(data, options: Self.tinyOptions)
        let s = ParseScore.score(model: model, gold: data)
        #expect(s.upos >= 0.95, "UPOS \(s.upos)")
        #expect(s.uas >= 0.9, "UAS \(s.uas)")
        #expect(s.las >= 0.85, "LAS \(s.las)")
    }

    @Test func aTruncatedModelFileIsAnErrorNotACrash() throws {
        let bytes = try ParserModel.bundled().serialized()
        for n in [0, 7, 100, bytes.count / 2, bytes.count - 1] {
            #expect(throws: (any Error).self) { _ = try ParserModel(bytes: Array(bytes.prefix(n))) }
        }
    }

    // MARK: The bundled model on news syntax

    static func parse(_ text: String) throws -> (words: [String], tree: DependencyTree) {
        let words = text.split(separator: " ").map(String.init)
        let tree = try ParserModel.bundled().parse(words.enumerated().map { SyntaxWord($1, sentenceInitial: $0 == 0) })
        return (words, tree)
    }

    /// The word `i` depends on, by form ("ROOT" for the root).
    static func head(_ p: (words: [String], tree: DependencyTree), _ word: String) -> String {
        guard let i = p.words.firstIndex(of: word) else { return "?" }
        return p.tree.head(i).map { p.words[$0] } ?? "ROOT"
    }

    static func relation(_ p: (words: [String], tree: DependencyTree), _ word: String) -> UDRelation? {
        p.words.firstIndex(of: word).map { p.tree.relations[$0] }
    }

    @Test func bundledModelFindsSubjectAndObject() throws {
        let p = try Self.parse("Police arrested five protesters in Cairo on Friday .")
        #expect(Self.head(p, "arrested") == "ROOT")
        #expect(Self.head(p, "Police") == "arrested" && Self.relation(p, "Police") == .nsubj)
        #expect(Self.head(p, "protesters") == "arrested" && Self.relation(p, "protesters") == .obj)
        #expect(Self.head(p, "Cairo") == "arrested" && Self.relation(p, "Cairo") == .obl)
    }

    /// The shapes the coder failed on before the parser: a title before a name, a parenthetical
    /// acronym, "Leaders of X".
    @Test func bundledModelAttachesLongSubjects() throws {
        // Known error of the shipped model: "leader" and "Idriss" are both made subjects of "rejected"
        // (the coder's mention recogniser joins title and name, so the event is still coded). When
        // this starts passing, the known issue reports it.
        let title = try Self.parse("Chadian leader Idriss Deby rejected the proposal .")
        let rejected = try #require(title.words.firstIndex(of: "rejected"))
        withKnownIssue("title + name split into two subjects") {
            let subjects = title.tree.children(rejected, .nsubj)
            #expect(subjects.count == 1 && subjects.first.map { title.tree.subtreeRange($0) } == 0...3)
        }

        let acronym = try Self.parse("The Economic Community of West African States ( ECOWAS ) bloc has agreed to send troops .")
        #expect(Self.head(acronym, "agreed") == "ROOT")
        #expect(Self.head(acronym, "bloc") == "agreed" && Self.relation(acronym, "bloc") == .nsubj)

        let leaders = try Self.parse("Leaders of the opposition alliance agreed to boycott the vote .")
        #expect(Self.head(leaders, "Leaders") == "agreed" && Self.relation(leaders, "Leaders") == .nsubj)
        #expect(Self.head(leaders, "boycott") == "agreed" && Self.relation(leaders, "boycott") == .xcomp)
    }

    @Test func bundledModelMarksPassives() throws {
        let p = try Self.parse("Five soldiers were killed by militants near the border .")
        let killed = try #require(p.words.firstIndex(of: "killed"))
        let soldiers = try #require(p.words.firstIndex(of: "soldiers"))
        #expect(p.tree.head(soldiers) == killed)
        #expect(p.tree.passive[soldiers], "nsubj:pass")
        #expect(Self.head(p, "militants") == "killed" && Self.relation(p, "militants") == .obl)
    }

    /// Every parse is a tree: one root, every word reaches it, no cycles.
    @Test func bundledModelAlwaysGivesATree() throws {
        let sentences = [
            "Police arrested five protesters in Cairo .",
            "\" We will not negotiate , \" the minister said , adding that talks had failed .",
            "and and and the the , , ( ) ;",
            "Iran",
            "The UN Security Council , which met on Monday in New York , condemned the attack on the convoy , which killed 12 aid workers .",
        ]
        for s in sentences {
            let p = try Self.parse(s)
            #expect(p.tree.count == p.words.count)
            #expect(p.tree.heads.filter { $0 < 0 }.count == 1, "\(s)")
            for i in 0..<p.tree.count {
                var j = i
                var steps = 0
                while let h = p.tree.head(j), steps <= p.tree.count {
                    j = h
                    steps += 1
                }
                #expect(steps <= p.tree.count && p.tree.head(j) == nil, "\(s): word \(i) never reaches the root")
            }
        }
    }

    /// Parsing on several threads at once gives what one thread gives.
    @Test func parsesAreTheSameOnEveryThread() async throws {
        let model = try ParserModel.bundled()
        let data = try Self.tiny()
        let serial = data.map { model.annotate($0) }
        let parallel = await withTaskGroup(of: (Int, CoNLLU.Sentence).self) { group in
            for (i, s) in data.enumerated() { group.addTask { (i, model.annotate(s)) } }
            var out = [CoNLLU.Sentence?](repeating: nil, count: data.count)
            for await (i, s) in group { out[i] = s }
            return out.compactMap { $0 }
        }
        #expect(parallel == serial)
    }

    // MARK: The treebank (../shared)

    /// The shipped model's scores on EWT dev (gold tokens), a floor under what docs/parser-model.md
    /// reports (dev UPOS 94.93, UAS 84.20, LAS 80.76), so a change that loses accuracy fails.
    @Test(.enabled(if: SharedFixtures.file("treebanks/UD_English-EWT/en_ewt-ud-dev.conllu") != nil, "needs ../shared"))
    func bundledModelScoresOnEWTDev() throws {
        let url = try #require(SharedFixtures.file("treebanks/UD_English-EWT/en_ewt-ud-dev.conllu"))
        let gold = try CoNLLU.parse(String(contentsOf: url, encoding: .utf8))
        let s = ParseScore.score(model: try ParserModel.bundled(), gold: gold)
        print("EWT dev: UPOS \(s.upos) UAS \(s.uas) LAS \(s.las) over \(s.words) words")
        #expect(s.sentences == 2001)
        #expect(s.upos >= 0.945)
        #expect(s.uas >= 0.835)
        #expect(s.las >= 0.80)
    }
}
