/// A greedy left-to-right part-of-speech tagger: an averaged perceptron over the word, its affixes
/// and shape, two words either side and the two tags already chosen.
///
/// A class is a pair of tags, the Universal POS tag and the Penn Treebank tag ("PROPN NNP"), so one
/// decision gives both. Frequent words that are unambiguous in the treebank skip scoring (the
/// tag dictionary), which is both faster and at least as accurate.
public struct Tagger: Sendable {
    /// Class names, each "UPOS XPOS".
    public let classes: [String]
    let model: LinearModel
    let fixed: KeyMap<UInt16>
    /// Sorted (word key, class) pairs of `fixed`, which is what the file stores.
    let fixedList: [(UInt64, UInt16)]
    /// Ambiguity classes: for words seen often enough in training, a key of the set of classes they
    /// took. The classes a word *can* take, and those of the next words, stand in for the right
    /// context a left-to-right tagger cannot see.
    let ambiguity: KeyMap<UInt64>
    let ambiguityList: [(UInt64, UInt64)]

    init(classes: [String], model: LinearModel, fixed: [(UInt64, UInt16)], ambiguity: [(UInt64, UInt64)]) {
        self.classes = classes
        self.model = model
        self.fixedList = fixed
        var map = KeyMap<UInt16>(capacity: fixed.count)
        for (k, c) in fixed { map[k] = c }
        self.fixed = map
        self.ambiguityList = ambiguity
        var amb = KeyMap<UInt64>(capacity: ambiguity.count)
        for (k, c) in ambiguity { amb[k] = c }
        self.ambiguity = amb
    }

    /// The ambiguity class of a word (unknown words have none).
    @inline(__always)
    func ambiguityClass(_ w: SyntaxWord) -> UInt64 { ambiguity[w.norm] ?? 0x554E_4B }

    /// Number of feature keys one decision looks up.
    static let featureCount = 28

    /// Writes the features of word `i` given the previous two classes (`start` codes for none);
    /// `amb` holds the words' ambiguity classes.
    @inline(__always)
    static func features(
        _ w: UnsafeBufferPointer<SyntaxWord>, _ amb: UnsafeBufferPointer<UInt64>, _ i: Int, _ p1: UInt64, _ p2: UInt64,
        into f: UnsafeMutablePointer<UInt64>
    ) {
        let n = w.count
        let x = w[i]
        let a0 = amb[i]
        let a1 = i + 1 < n ? amb[i + 1] : 0x454E_44
        let a2 = i + 2 < n ? amb[i + 2] : 0x454E_44
        let am1 = i > 0 ? amb[i - 1] : 0x535452
        let none: UInt64 = 0x5354_4152_5421
        let m1 = i > 0 ? w[i - 1].norm : none
        let m2 = i > 1 ? w[i - 2].norm : none
        let n1 = i + 1 < n ? w[i + 1].norm : none &+ 1
        let n2 = i + 2 < n ? w[i + 2].norm : none &+ 1
        let m1s = i > 0 ? w[i - 1].suffix3 : none
        let n1s = i + 1 < n ? w[i + 1].suffix3 : none &+ 1
        let n1shape = i + 1 < n ? w[i + 1].shape : none &+ 1
        f[0] = FeatureHash.key(0, 0)
        f[1] = FeatureHash.key(1, x.norm)
        f[2] = FeatureHash.key(2, x.suffix3)
        f[3] = FeatureHash.key(3, x.suffix2)
        f[4] = FeatureHash.key(4, x.suffix1)
        f[5] = FeatureHash.key(5, x.suffix4)
        f[6] = FeatureHash.key(6, x.prefix1)
        f[7] = FeatureHash.key(7, x.shape, UInt64(x.flags.rawValue))
        f[8] = FeatureHash.key(8, m1)
        f[9] = FeatureHash.key(9, m2)
        f[10] = FeatureHash.key(10, n1)
        f[11] = FeatureHash.key(11, n2)
        f[12] = FeatureHash.key(12, m1s)
        f[13] = FeatureHash.key(13, n1s)
        f[14] = FeatureHash.key(14, p1)
        f[15] = FeatureHash.key(15, p1, p2)
        f[16] = FeatureHash.key(16, p1, x.norm)
        f[17] = FeatureHash.key(17, x.norm, n1)
        f[18] = FeatureHash.key(18, m1, x.norm)
        f[19] = FeatureHash.key(19, n1shape, x.suffix3)
        f[20] = FeatureHash.key(20, p1, x.suffix3)
        f[21] = FeatureHash.key(21, x.prefix2, x.shape)
        f[22] = FeatureHash.key(22, a0)
        f[23] = FeatureHash.key(23, a0, p1)
        f[24] = FeatureHash.key(24, a1)
        f[25] = FeatureHash.key(25, a0, a1)
        f[26] = FeatureHash.key(26, a1, a2)
        f[27] = FeatureHash.key(27, am1, a0, a1)
    }

    /// The code the features use for "no previous tag".
    static let start: UInt64 = 0xFFFF

    /// Tags a sentence: one class index per word.
    public func tag(_ words: [SyntaxWord]) -> [UInt16] {
        decode(words, zero: Int32(0)) { model.score($0, into: $1) }
    }

    /// Tags with the unrounded weights of a freshly trained model (``LinearModel/scoreTrained``):
    /// what training uses for the parser's jackknifed tags.
    func tagTrained(_ words: [SyntaxWord]) -> [UInt16] {
        decode(words, zero: Float(0)) { model.scoreTrained($0, into: $1) }
    }

    /// Greedy left-to-right decoding with the scorer `score` (the shipped integer table or the trained
    /// floating-point weights); words in the closed-class table keep their fixed tag. Inlined into both
    /// callers, so the hot path is the same specialised loop as a hand-written one.
    @inline(__always)
    private func decode<Score: Comparable>(
        _ words: [SyntaxWord], zero: Score,
        score: (UnsafeBufferPointer<UInt64>, UnsafeMutablePointer<Score>) -> Void
    ) -> [UInt16] {
        var out = [UInt16](repeating: 0, count: words.count)
        let n = classes.count
        withUnsafeTemporaryAllocation(of: Score.self, capacity: n) { scores in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.featureCount) { f in
                let amb = words.map { ambiguityClass($0) }
                amb.withUnsafeBufferPointer { a in
                    words.withUnsafeBufferPointer { w in
                        var p1 = Self.start
                        var p2 = Self.start
                        for i in 0..<w.count {
                            let c: UInt16
                            if let known = fixed[w[i].norm] {
                                c = known
                            } else {
                                Self.features(w, a, i, p1, p2, into: f.baseAddress!)
                                for k in 0..<n { scores[k] = zero }
                                score(UnsafeBufferPointer(f), scores.baseAddress!)
                                var best = 0
                                for k in 1..<n where scores[k] > scores[best] { best = k }
                                c = UInt16(best)
                            }
                            out[i] = c
                            p2 = p1
                            p1 = UInt64(c)
                        }
                    }
                }
            }
        }
        return out
    }

    func write(to out: inout BinaryWriter) {
        out.strings(classes)
        model.write(to: &out)
        out.array(fixedList.map(\.0))
        out.array(fixedList.map(\.1))
        out.array(ambiguityList.map(\.0))
        out.array(ambiguityList.map(\.1))
    }

    init(from r: inout BinaryReader) throws {
        let classes = try r.strings()
        let model = try LinearModel(from: &r)
        let keys: [UInt64] = try r.array()
        let values: [UInt16] = try r.array()
        guard keys.count == values.count, model.classCount == classes.count, values.allSatisfy({ Int($0) < classes.count })
        else { throw BinaryReader.Error.malformed("inconsistent tag dictionary") }
        let ambKeys: [UInt64] = try r.array()
        let ambValues: [UInt64] = try r.array()
        guard ambKeys.count == ambValues.count else { throw BinaryReader.Error.malformed("inconsistent ambiguity classes") }
        self.init(classes: classes, model: model, fixed: Array(zip(keys, values)), ambiguity: Array(zip(ambKeys, ambValues)))
    }
}
