/// A token of a sentence: a byte range of the sentence's normalised text plus a few facts about it.
///
/// Tokens never own strings: `key` is a 64-bit hash of the lower-cased bytes, which is what the
/// dictionaries are compiled against, so matching compares integers.
public struct Token: Sendable, Hashable {
    /// Byte range in ``Sentence/text``.
    public var start: Int32
    public var end: Int32
    /// FNV-1a hash of the lower-cased token bytes (see ``TokenKey``).
    public var key: UInt64
    public var flags: Flags
    /// The closed classes of the word (determiner, preposition, modal, ...), looked up once.
    public var classes: WordClasses = []

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// First letter upper case ("Iran").
        public static let capitalized = Flags(rawValue: 1)
        /// Every letter upper case, at least two letters ("IRGC").
        public static let allCaps = Flags(rawValue: 2)
        /// Starts with a digit.
        public static let numeric = Flags(rawValue: 4)
        /// A punctuation mark.
        public static let punctuation = Flags(rawValue: 8)
        /// The possessive clitic `'s` or a lone `'` after a plural.
        public static let possessive = Flags(rawValue: 16)
        /// First token of the sentence.
        public static let sentenceInitial = Flags(rawValue: 32)
        /// Some letter is upper case ("al-Qassam", "McDonald").
        public static let containsUpper = Flags(rawValue: 64)
        /// Ends in a lower-case "s" after another letter, as plurals do ("forces", "Houthis").
        public static let pluralLooking = Flags(rawValue: 128)
    }

    public var length: Int { Int(end - start) }
}

/// Hashing of normalised token text; the same function keys the dictionaries and the tokens.
public enum TokenKey {
    @inline(__always)
    public static func lowerASCII(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }

    /// FNV-1a over the lower-cased bytes.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(lowerASCII(b))
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    public static func hash(_ word: some StringProtocol) -> UInt64 {
        var copy = String(word)
        return copy.withUTF8 { hash($0) }
    }
}
