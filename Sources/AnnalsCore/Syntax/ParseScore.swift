/// Scores of a tagger and parser on a treebank with gold tokenisation, as the CoNLL 2018 shared task
/// defines them: every word counts (punctuation included); LAS compares the universal part of the
/// relation (`nsubj:pass` counts as `nsubj`), and `labelExact` the full label.
public struct ParseScore: Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var uposCorrect = 0
    public var xposCorrect = 0
    public var headCorrect = 0
    public var labelledCorrect = 0
    public var exactLabelCorrect = 0

    public var upos: Double { ratio(uposCorrect) }
    public var xpos: Double { ratio(xposCorrect) }
    public var uas: Double { ratio(headCorrect) }
    public var las: Double { ratio(labelledCorrect) }
    public var labelExact: Double { ratio(exactLabelCorrect) }

    func ratio(_ x: Int) -> Double { words == 0 ? 0 : Double(x) / Double(words) }

    public init() {}

    /// Adds one predicted sentence against its gold.
    public mutating func add(gold: CoNLLU.Sentence, predicted: CoNLLU.Sentence) {
        sentences += 1
        for (g, p) in zip(gold.words, predicted.words) {
            words += 1
            if g.upos == p.upos { uposCorrect += 1 }
            if g.xpos == p.xpos { xposCorrect += 1 }
            if g.head == p.head {
                headCorrect += 1
                if universal(g.deprel) == universal(p.deprel) { labelledCorrect += 1 }
                if g.deprel == p.deprel { exactLabelCorrect += 1 }
            }
        }
    }

    func universal(_ l: String) -> Substring { l.split(separator: ":", maxSplits: 1).first ?? "" }

    /// Parses the gold sentences' words (tags and trees hidden) and scores the result.
    public static func score(model: ParserModel, gold: [CoNLLU.Sentence], parse: Bool = true) -> ParseScore {
        var s = ParseScore()
        for g in gold {
            let p = model.annotate(g, parse: parse)
            s.add(gold: g, predicted: p)
        }
        return s
    }
}

extension ParserModel {
    /// The sentence's words tagged, lemmatised and parsed by this model (comments and forms kept,
    /// gold annotation replaced).
    public func annotate(_ gold: CoNLLU.Sentence, parse: Bool = true) -> CoNLLU.Sentence {
        let words = gold.words.enumerated().map { SyntaxWord($1.form, sentenceInitial: $0 == 0) }
        let tags = tagger.tag(words)
        var heads = [Int32](repeating: 0, count: words.count)
        var labels = [UInt8](repeating: 0, count: words.count)
        if parse { (heads, labels) = parser.parse(words, tags: tags, coarse: coarseOfTag) }
        var out = gold
        for i in out.words.indices {
            let t = Int(tags[i])
            let label = parser.labels[Int(labels[i])]
            let passive = out.words.indices.contains { heads[$0] == Int32(i + 1) && parser.labels[Int(labels[$0])] == "aux:pass" }
            out.words[i].upos = uposNameOfTag[t]
            out.words[i].xpos = xposOfTag[t]
            out.words[i].lemma = Lemmatizer.lemma(out.words[i].form, xpos: xposOfTag[t])
            out.words[i].feats = Lemmatizer.feats(xpos: xposOfTag[t], passive: passive)
            out.words[i].head = parse ? Int(heads[i]) : 0
            out.words[i].deprel = parse ? label : "_"
        }
        return out
    }
}
