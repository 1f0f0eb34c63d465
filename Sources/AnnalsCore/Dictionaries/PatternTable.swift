/// The verb and noun patterns of a ``Lexicon`` in flat arrays of integers: the form the
/// ``PatternMatcher`` reads in its inner loop.
///
/// ``VerbPattern`` keeps a pattern as written (code, text, origin, an array of elements whose words
/// carry strings). Reading that in the matcher costs a reference-count operation per pattern, per
/// element and per word list. Here a pattern is a run of `Int32` operations and a word is a run of
/// keys in one shared array, so matching touches only plain integers.
///
/// ```swift
/// let table = lexicon.patternTable
/// for p in table.candidates(forVerb: TokenKey.hash("attack")) { print(table.specificity(p)) }
/// ```
public struct PatternTable: Sendable {
    /// One element of a compiled pattern.
    enum Op {
        /// A word: `op >= 0` is its index in the word lists.
        static let target: Int32 = -1
        /// A gap of up to four words, no target slot after it.
        static let gap: Int32 = -2
        /// A gap before a target slot: it skips words, not coded actors.
        static let gapBeforeTarget: Int32 = -3
    }

    /// A head's candidate patterns: `candidates[start..<end]`, most specific first.
    struct Candidates {
        var start: Int32
        var end: Int32
    }

    private var verbHeads = KeyMap<Candidates>()
    private var nounHeads = KeyMap<Candidates>()
    private var candidateList: [Int32] = []
    /// Operations of pattern `p`: `ops[opStart[p]..<opStart[p + 1]]`.
    private(set) var opStart: [Int32] = [0]
    private(set) var ops: [Int32] = []
    /// Keys of word list `w`: `wordKeys[wordStart[w]..<wordStart[w + 1]]`.
    private(set) var wordStart: [Int32] = [0]
    private(set) var wordKeys: [UInt64] = []
    private var specificities: [Int32] = []
    /// Per pattern: a signature of the keys its first and second words accept (see ``signature(_:)``),
    /// all ones when it has no such word. A pattern can only match if each signature meets the
    /// signature of the words after the head, which rules out most candidates with one AND.
    private var firstWordSignatures: [UInt64] = []
    private var secondWordSignatures: [UInt64] = []

    public init() {}

    /// Compiles `patterns`; `verbHeads` and `nounHeads` list each head lemma with its candidate
    /// pattern indices, most specific first.
    init(patterns: [VerbPattern], verbHeads: [(UInt64, [Int])], nounHeads: [(UInt64, [Int])]) {
        for pattern in patterns {
            for (e, element) in pattern.elements.enumerated() {
                switch element {
                case .word(let keys, _):
                    ops.append(Int32(wordStart.count - 1))
                    wordKeys += keys
                    wordStart.append(Int32(wordKeys.count))
                case .target:
                    ops.append(Op.target)
                case .gap:
                    ops.append(pattern.elements[(e + 1)...].contains(.target) ? Op.gapBeforeTarget : Op.gap)
                }
            }
            opStart.append(Int32(ops.count))
            specificities.append(Int32(pattern.specificity))
            var signatures: [UInt64] = []
            for case .word(let keys, _) in pattern.elements where signatures.count < 2 {
                signatures.append(keys.reduce(0) { $0 | Self.signature($1) })
            }
            firstWordSignatures.append(signatures.count > 0 ? signatures[0] : ~0)
            secondWordSignatures.append(signatures.count > 1 ? signatures[1] : ~0)
        }
        func add(_ heads: [(UInt64, [Int])], to map: inout KeyMap<Candidates>) {
            for (head, list) in heads where !list.isEmpty {
                let start = Int32(candidateList.count)
                candidateList += list.map { Int32($0) }
                map[head] = Candidates(start: start, end: Int32(candidateList.count))
            }
        }
        add(verbHeads, to: &self.verbHeads)
        add(nounHeads, to: &self.nounHeads)
    }

    /// Candidate patterns of a verb lemma (or of an event noun when `nominal`), most specific first.
    @inline(__always)
    func candidates(for lemma: UInt64, nominal: Bool) -> ArraySlice<Int32> {
        guard let c = nominal ? nounHeads[lemma] : verbHeads[lemma] else { return [] }
        return candidateList[Int(c.start)..<Int(c.end)]
    }

    /// Operations of pattern `p`.
    @inline(__always)
    func ops(of p: Int) -> Range<Int> { Int(opStart[p])..<Int(opStart[p + 1]) }

    /// Does word list `w` hold `key`? Lists are short (a word's inflections), so a scan is fastest.
    @inline(__always)
    func word(_ w: Int32, contains key: UInt64) -> Bool {
        var i = Int(wordStart[Int(w)])
        let end = Int(wordStart[Int(w) + 1])
        while i < end {
            if wordKeys[i] == key { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    func specificity(_ p: Int) -> Int { Int(specificities[p]) }

    /// One bit of 64 for a token key: the signature of a set of keys is the OR of its keys' bits.
    @inline(__always)
    static func signature(_ key: UInt64) -> UInt64 { 1 << ((key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// Could pattern `p` match words whose signature is `words`? False means certainly not.
    @inline(__always)
    func mayMatch(_ p: Int, words: UInt64) -> Bool {
        firstWordSignatures[p] & words != 0 && secondWordSignatures[p] & words != 0
    }
}
