/// What the tagger and the parser know of a word before tagging: hashed spellings, affixes and shape.
///
/// Everything is a 64-bit key computed once from the word's UTF-8 bytes, so feature extraction in the
/// hot loop only combines integers. The keys are stable across runs and machines (no `Hasher`), which
/// is what lets a trained model be shipped and reloaded.
public struct SyntaxWord: Sendable, Hashable {
    /// The lower-cased word with every digit written as `0` ("1,500" → "0,000").
    public var norm: UInt64
    /// Last one to four bytes, lower-cased.
    public var suffix1: UInt64
    public var suffix2: UInt64
    public var suffix3: UInt64
    public var suffix4: UInt64
    /// First byte and first two bytes, as written.
    public var prefix1: UInt64
    public var prefix2: UInt64
    /// Letter shape with runs collapsed: "Iran" → "Xx", "U.S." → "X.X.", "1,500" → "d,d".
    public var shape: UInt64
    public var flags: Flags

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let capitalized = Flags(rawValue: 1)
        public static let allCaps = Flags(rawValue: 2)
        public static let hasDigit = Flags(rawValue: 4)
        public static let hasHyphen = Flags(rawValue: 8)
        public static let sentenceInitial = Flags(rawValue: 16)
    }

    /// The word spelled by `bytes[start..<end]`.
    public init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, sentenceInitial: Bool) {
        var norm = FeatureHash.seed
        var shape = FeatureHash.seed
        var flags: Flags = sentenceInitial ? [.sentenceInitial] : []
        var lastShape: UInt8 = 0
        var shapeLength = 0
        var uppers = 0
        var lowers = 0
        for k in start..<end {
            var b = bytes[k]
            let s: UInt8
            if b >= 65 && b <= 90 {
                s = 88  // X
                uppers += 1
                b |= 0x20
            } else if b >= 97 && b <= 122 {
                s = 120  // x
                lowers += 1
            } else if b >= 48 && b <= 57 {
                s = 100  // d
                b = 48
                flags.insert(.hasDigit)
            } else if b >= 0x80 {
                s = 120
                lowers += 1
            } else {
                s = b
                if b == 45 { flags.insert(.hasHyphen) }
            }
            norm = FeatureHash.byte(norm, b)
            if s != lastShape && shapeLength < 6 {
                shape = FeatureHash.byte(shape, s)
                shapeLength += 1
                lastShape = s
            }
        }
        if end > start, bytes[start] >= 65 && bytes[start] <= 90 {
            flags.insert(.capitalized)
            if uppers >= 2 && lowers == 0 { flags.insert(.allCaps) }
        }
        func affix(_ from: Int, _ to: Int, _ tag: UInt64) -> UInt64 {
            var h = FeatureHash.seed ^ tag
            for k in max(from, start)..<min(to, end) { h = FeatureHash.byte(h, TokenKey.lowerASCII(bytes[k])) }
            return h
        }
        self.norm = norm
        self.shape = shape
        self.flags = flags
        self.suffix1 = affix(end - 1, end, 1)
        self.suffix2 = affix(end - 2, end, 2)
        self.suffix3 = affix(end - 3, end, 3)
        self.suffix4 = affix(end - 4, end, 4)
        var p1 = FeatureHash.seed ^ 5
        var p2 = FeatureHash.seed ^ 6
        if end > start { p1 = FeatureHash.byte(p1, bytes[start]) }
        for k in start..<min(start + 2, end) { p2 = FeatureHash.byte(p2, bytes[k]) }
        self.prefix1 = p1
        self.prefix2 = p2
    }

    /// The word `form` (for treebank words, which arrive as strings).
    public init(_ form: String, sentenceInitial: Bool = false) {
        var copy = form
        self = copy.withUTF8 { SyntaxWord(bytes: $0, start: 0, end: $0.count, sentenceInitial: sentenceInitial) }
    }

    /// The words of a tokenised sentence.
    public static func words(of text: String, tokens: [Token]) -> [SyntaxWord] {
        var copy = text
        return copy.withUTF8 { bytes in
            tokens.enumerated().map { i, t in
                SyntaxWord(bytes: bytes, start: Int(t.start), end: Int(t.end), sentenceInitial: i == 0)
            }
        }
    }
}

/// Combining integer atoms into feature keys. Stable: the same atoms give the same key everywhere.
public enum FeatureHash {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func byte(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }

    @inline(__always)
    static func mix(_ h: UInt64, _ x: UInt64) -> UInt64 {
        var z = (h ^ x) &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 29
        z = z &* 0xBF58_476D_1CE4_E5B9
        return z ^ (z >> 32)
    }

    /// A feature key from a template number and up to three atoms; never 0 (the empty slot).
    @inline(__always)
    public static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        let h = mix(mix(mix(template &* 0xD6E8_FEB8_6659_FD93, a), b), c)
        return h == 0 ? 1 : h
    }
}
