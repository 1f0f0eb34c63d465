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
    /// `storage[0..<count]` are the cleaned bytes; `10` is used as a hard-break marker between
    /// sentences, never as text. Both arrays are kept at least `count` long, zero-filled past
    /// `count`, so that ``append(_:from:to:)`` can write through pointers without growing an array
    /// (and checking its capacity and uniqueness) byte by byte.
    private var storage: [UInt8] = []
    /// `offsets[i]` is the original offset of `storage[i]`.
    private var offsets: [Int32] = []
    /// The number of cleaned bytes.
    private(set) var count = 0

    init() {}

    /// Makes room for `n` more bytes without growing again.
    mutating func reserve(_ n: Int) {
        let needed = count + n
        guard storage.count < needed else { return }
        // Grow geometrically so that appending line by line stays linear.
        let size = max(needed, 2 * storage.count)
        if storage.isEmpty {
            // The usual case (one reservation per document): no copy.
            storage = [UInt8](repeating: 0, count: size)
            offsets = [Int32](repeating: 0, count: size)
        } else {
            storage += [UInt8](repeating: 0, count: size - storage.count)
            offsets += [Int32](repeating: 0, count: size - offsets.count)
        }
    }

    mutating func removeAll() {
        count = 0
    }

    /// The cleaned bytes.
    var bytes: ArraySlice<UInt8> { storage[..<count] }

    /// The last cleaned byte, if any.
    var last: UInt8? { count > 0 ? storage[count - 1] : nil }

    /// Calls `body` with the cleaned bytes and their original offsets (`map[i]` is the offset of
    /// `bytes[i]`).
    func withBytes<R>(_ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ map: UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { b in
            try offsets.withUnsafeBufferPointer { m in
                try body(UnsafeBufferPointer(rebasing: b[..<count]), UnsafeBufferPointer(rebasing: m[..<count]))
            }
        }
    }

    /// A space, unless the buffer is empty or already ends with a space or hard break.
    mutating func space(_ at: Int) {
        if let b = last, b != 32, b != 10 { emit(32, at) }
    }

    /// A hard sentence break (drops a trailing space first).
    mutating func hardBreak(_ at: Int) {
        if last == 32 { count -= 1 }
        if let b = last, b != 10 { emit(10, at) }
    }

    private mutating func emit(_ b: UInt8, _ at: Int) {
        reserve(1)
        storage[count] = b
        offsets[count] = Int32(truncatingIfNeeded: at)
        count += 1
    }

    /// Appends the normalised form of `text[from..<to]`.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        guard from < to else { return }
        // The normalised form is never longer than the original: every character becomes at most
        // as many bytes as it had (an em dash, 3 bytes, becomes at most " - ").
        reserve(to - from)
        let start = count
        count = storage.withUnsafeMutableBufferPointer { b in
            offsets.withUnsafeMutableBufferPointer { m in
                var writer = Writer(bytes: b.baseAddress!, map: m.baseAddress!, count: start, limit: start + to - from)
                writer.append(text, from: from, to: to)
                return writer.count
            }
        }
    }

    /// Writes normalised bytes into memory reserved beforehand (see ``NormalizedBuffer/append(_:from:to:)``).
    private struct Writer {
        let bytes: UnsafeMutablePointer<UInt8>
        let map: UnsafeMutablePointer<Int32>
        var count: Int
        /// The reserved end (checked in debug builds only).
        let limit: Int

        @inline(__always) var lastIsSpaceOrEmpty: Bool {
            guard count > 0 else { return true }
            let b = bytes[count - 1]
            return b == 32 || b == 10
        }

        @inline(__always) mutating func emit(_ b: UInt8, _ at: Int) {
            assert(count < limit)
            bytes[count] = b
            map[count] = Int32(truncatingIfNeeded: at)
            count += 1
        }

        @inline(__always) mutating func space(_ at: Int) {
            if !lastIsSpaceOrEmpty { emit(32, at) }
        }

        mutating func append(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            var i = from
            while i < to {
                let b = text[i]
                if b > 32 && b < 127 {
                    i = copyPrintable(text, from: i, to: to)
                } else if b < 0x80 {
                    if b <= 32 || b == 127 { space(i) } else { emit(b, i) }
                    i += 1
                } else if let (kind, length) = NormalizedBuffer.special(text, i, to) {
                    appendSpecial(kind, text, at: i, length: length, to: to)
                    i += length
                } else {
                    // Copy the character unchanged.
                    let end = min(to, i + utf8SequenceLength(b))
                    while i < end {
                        emit(text[i], i)
                        i += 1
                    }
                }
            }
        }

        /// Copies the run of printable ASCII and single spaces that starts at `text[from]` (a
        /// printable byte), unchanged; returns where it ends. This is most of any text, so it is
        /// found with a tight loop (the space test looks at the input, which inside the run is the
        /// same as the output) and copied in bulk.
        @inline(__always)
        private mutating func copyPrintable(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
            var i = from + 1
            while i < to {
                let b = text[i]
                guard (b > 32 && b < 127) || (b == 32 && text[i - 1] != 32) else { break }
                i += 1
            }
            let n = i - from
            assert(count + n <= limit)
            (bytes + count).update(from: text.baseAddress! + from, count: n)
            // Offsets from..<from + n (locals and wrapping arithmetic let the compiler vectorise).
            let offsets = map + count
            let first = Int32(truncatingIfNeeded: from)
            for k in 0..<n { offsets[k] = first &+ Int32(truncatingIfNeeded: k) }
            count += n
            return i
        }

        /// Appends the replacement of the special character `text[i..<i + length]`.
        private mutating func appendSpecial(_ kind: Special, _ text: UnsafeBufferPointer<UInt8>, at i: Int, length: Int, to: Int) {
            switch kind {
            case .space: space(i)
            case .drop: break
            case .byte(let replacement): emit(replacement, i)
            case .spacedDash:
                if !lastIsSpaceOrEmpty { emit(32, i) }
                emit(45, i)
                if i + length < to, text[i + length] > 32 { emit(32, i) }
            case .ellipsis:
                // One output byte per original byte, so the offsets stay exact.
                emit(46, i)
                emit(46, i + 1)
                emit(46, i + 2)
            }
        }
    }

    /// How the normaliser rewrites a multi-byte character.
    enum Special: Equatable {
        /// A space (collapsed with its neighbours).
        case space
        /// Removed.
        case drop
        /// Replaced by one ASCII byte.
        case byte(UInt8)
        /// An em dash or horizontal bar: `-` with a space on each side.
        case spacedDash
        /// The ellipsis character: `...`.
        case ellipsis
    }

    /// The treatment of the character starting at `text[i]` (which must be `< to`) and its length
    /// in bytes, or nil when it is copied unchanged (ASCII is never special here).
    @inline(__always)
    static func special(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> (Special, Int)? {
        let b = text[i]
        if b == 0xC2, i + 1 < to {
            switch text[i + 1] {
            case 0xA0: return (.space, 2)  // NBSP
            case 0xAD: return (.drop, 2)  // soft hyphen
            case 0xAB, 0xBB: return (.byte(34), 2)  // « »
            case 0x80...0x9F: return (.space, 2)  // C1 controls
            default: return nil
            }
        } else if b == 0xE2, i + 2 < to {
            let c = text[i + 1], d = text[i + 2]
            if c == 0x80 {
                switch d {
                case 0x80...0x8A, 0xAF: return (.space, 3)  // U+2000...200A, 202F
                case 0x8B...0x8D: return (.drop, 3)  // zero-width
                case 0x8E, 0x8F, 0xAA...0xAE: return (.drop, 3)  // direction marks
                case 0xA8, 0xA9: return (.space, 3)  // line/para separator
                case 0x90...0x93: return (.byte(45), 3)  // hyphens, en dash
                case 0x94, 0x95: return (.spacedDash, 3)  // em dash, bar
                case 0x98...0x9B, 0xB2, 0xB5: return (.byte(39), 3)  // ‘ ’ ‚ ‛ ′ ‵
                case 0x9C...0x9F, 0xB3: return (.byte(34), 3)  // “ ” „ ‟ ″
                case 0xA6: return (.ellipsis, 3)  // …
                case 0xA2: return (.byte(42), 3)  // • bullet -> *
                default: return nil
                }
            } else if c == 0x81 {
                switch d {
                case 0xA0...0xA4: return (.drop, 3)  // word joiner etc.
                case 0x9F: return (.space, 3)
                default: return nil
                }
            } else if c == 0x88, d == 0x92 {
                return (.byte(45), 3)  // minus sign
            }
        } else if b == 0xE3, i + 2 < to, text[i + 1] == 0x80, text[i + 2] == 0x80 {
            return (.space, 3)  // ideographic space
        } else if b == 0xEF, i + 2 < to, text[i + 1] == 0xBB, text[i + 2] == 0xBF {
            return (.drop, 3)  // BOM / ZWNBSP
        }
        return nil
    }
}

/// The bytes of a line that matter when comparing headlines: the lowercased ASCII letters and
/// digits and the non-ASCII bytes of the line's normalised form (so quotes, dashes and spaces do
/// not count). Produced lazily, without building the normalised form, so that comparing two lines
/// stops at the first difference.
struct HeadlineKey: Sequence, IteratorProtocol {
    private let text: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let to: Int
    /// End of the unchanged multi-byte character being copied.
    private var copyEnd = 0

    init(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        self.text = text
        self.i = from
        self.to = to
    }

    mutating func next() -> UInt8? {
        while i < to {
            let b = text[i]
            if b < 0x80 || i < copyEnd {
                // Bytes of the normalised form are filtered; ASCII bytes that are not letters or
                // digits (and so every replacement) are left out.
                i += 1
                if ByteClass.isAlnum(b) || b >= 0x80 { return ByteClass.lower(b) }
            } else if let (_, length) = NormalizedBuffer.special(text, i, to) {
                i += length
            } else {
                copyEnd = Swift.min(to, i + utf8SequenceLength(b))
            }
        }
        return nil
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
        // For a letter, `b | 0x20 == first` is the same test as `lower(b) == first`, and cheaper.
        let firstIsLetter = isLower(first)
        var i = from
        while i <= to - n {
            let b = bytes[i]
            if (firstIsLetter ? b | 0x20 : lower(b)) == first {
                var k = 1
                while k < n && lower(bytes[i + k]) == p[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
