/// Byte-level normalisation of original text into a cleaned buffer that remembers, for every
/// output byte, the byte offset in the original it came from.
///
/// The normalisations (applied in one pass, no `String` per character):
/// - curly single quotes, primes and low quotes (U+2018...U+201B, U+2032) become `'`;
///   curly double quotes, guillemets and double primes (U+201C...U+201F, U+00AB, U+00BB, U+2033) `"`;
/// - NBSP and the other Unicode spaces (U+2000...U+200A, U+202F, U+205F, U+3000), tabs, CR, LF and
///   other ASCII control characters become a space; runs of spaces collapse to one;
/// - hyphen, dash and minus characters (U+2010...U+2015, U+2212) become `-`; an em dash or
///   horizontal bar written without spaces gets spaces around it ("attack—the" → "attack - the");
/// - the ellipsis character becomes `...` (one output byte per original byte, so offsets stay exact);
/// - zero-width characters, the BOM and soft hyphens (U+200B...U+200D, U+2060, U+FEFF, U+00AD)
///   are dropped.
///
/// A character replaced by a shorter one maps to the offset of its first original byte.
struct NormalizedBuffer {
    /// Cleaned bytes; `10` is used as a hard-break marker between sentences, never as text.
    var bytes: [UInt8] = []
    /// `map[i]` is the original offset of `bytes[i]`.
    var map: [Int32] = []

    init() {}

    mutating func reserve(_ n: Int) {
        bytes.reserveCapacity(n)
        map.reserveCapacity(n)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        map.removeAll(keepingCapacity: true)
    }

    @inline(__always) var lastIsSpaceOrEmpty: Bool {
        guard let b = bytes.last else { return true }
        return b == 32 || b == 10
    }

    @inline(__always) mutating func emit(_ b: UInt8, _ at: Int) {
        bytes.append(b)
        map.append(Int32(truncatingIfNeeded: at))
    }

    /// A space, unless the buffer is empty or already ends with a space or hard break.
    @inline(__always) mutating func space(_ at: Int) {
        if !lastIsSpaceOrEmpty { emit(32, at) }
    }

    /// A hard sentence break (drops a trailing space first).
    mutating func hardBreak(_ at: Int) {
        if bytes.last == 32 { bytes.removeLast(); map.removeLast() }
        if let last = bytes.last, last != 10 { emit(10, at) }
    }

    /// Appends the normalised form of `text[from..<to]`.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        var i = from
        while i < to {
            let b = text[i]
            if b < 0x80 {
                if b <= 32 || b == 127 { space(i) } else { emit(b, i) }
                i += 1
                continue
            }
            // Multi-byte sequences.
            if b == 0xC2, i + 1 < to {
                let c = text[i + 1]
                switch c {
                case 0xA0: space(i); i += 2; continue  // NBSP
                case 0xAD: i += 2; continue  // soft hyphen
                case 0xAB, 0xBB: emit(34, i); i += 2; continue  // « »
                case 0x80...0x9F: space(i); i += 2; continue  // C1 controls
                default: break
                }
            } else if b == 0xE2, i + 2 < to {
                let c = text[i + 1], d = text[i + 2]
                if c == 0x80 {
                    switch d {
                    case 0x80...0x8A, 0xAF: space(i); i += 3; continue  // U+2000...200A, 202F
                    case 0x8B...0x8D: i += 3; continue  // zero-width
                    case 0x8E, 0x8F, 0xAA...0xAE: i += 3; continue  // direction marks
                    case 0xA8, 0xA9: space(i); i += 3; continue  // line/para separator
                    case 0x90...0x93: emit(45, i); i += 3; continue  // hyphens, en dash
                    case 0x94, 0x95:  // em dash, bar
                        if !lastIsSpaceOrEmpty { emit(32, i) }
                        emit(45, i)
                        i += 3
                        if i < to, text[i] > 32 { emit(32, i - 3) }
                        continue
                    case 0x98...0x9B, 0xB2, 0xB5: emit(39, i); i += 3; continue  // ‘ ’ ‚ ‛ ′ ‵
                    case 0x9C...0x9F, 0xB3: emit(34, i); i += 3; continue  // “ ” „ ‟ ″
                    case 0xA6: emit(46, i); emit(46, i + 1); emit(46, i + 2); i += 3; continue  // …
                    case 0xA2: emit(42, i); i += 3; continue  // • bullet -> *
                    default: break
                    }
                } else if c == 0x81 {
                    switch d {
                    case 0xA0...0xA4: i += 3; continue  // word joiner etc.
                    case 0x9F: space(i); i += 3; continue
                    default: break
                    }
                } else if c == 0x88, d == 0x92 {
                    emit(45, i); i += 3; continue  // minus sign
                }
            } else if b == 0xE3, i + 2 < to, text[i + 1] == 0x80, text[i + 2] == 0x80 {
                space(i); i += 3; continue  // ideographic space
            } else if b == 0xEF, i + 2 < to, text[i + 1] == 0xBB, text[i + 2] == 0xBF {
                i += 3; continue  // BOM / ZWNBSP
            }
            // Copy the character unchanged.
            let n = utf8SequenceLength(b)
            let end = min(to, i + n)
            while i < end { emit(text[i], i); i += 1 }
        }
    }
}

@inline(__always) func utf8SequenceLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead < 0xC0 { return 1 }  // stray continuation byte
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
}

/// ASCII helpers on bytes.
enum ByteClass {
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 || b == 11 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Case-insensitive: does `bytes[from..<to]` start with the ASCII `prefix` (given lowercase)?
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard to - from >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where lower(bytes[from + k]) != p[k] { return false }
        return true
    }

    /// Case-insensitive substring search for a lowercase ASCII needle.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, to - from >= n else { return false }
        let p = needle.utf8Start
        let first = p[0]
        var i = from
        while i <= to - n {
            if lower(bytes[i]) == first {
                var k = 1
                while k < n && lower(bytes[i + k]) == p[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
