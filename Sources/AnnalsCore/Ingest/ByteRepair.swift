/// Repairs the bytes of a document so that one bad byte does not lose the article.
///
/// - Invalid UTF-8 (each maximal ill-formed subsequence, as the Unicode standard counts them) and
///   NUL bytes become U+FFFD (`EF BF BD`).
/// - Other C0 control characters (except tab, newline, carriage return and form feed) and DEL become
///   a space, which keeps their length.
///
/// The repaired text is longer than the original where a 1- or 2-byte sequence became the 3-byte
/// U+FFFD; ``OffsetMap`` maps offsets in the repaired text back to the original bytes, so reported
/// spans still point into the input as it was.
public enum ByteRepair {
    /// What a repair changed.
    public struct Report: Sendable, Hashable {
        /// Number of invalid UTF-8 sequences replaced, and the original offset of the first.
        public var invalidUTF8 = 0
        public var firstInvalidUTF8: Int?
        public var nul = 0
        public var firstNUL: Int?
        public var control = 0
        public var firstControl: Int?

        public var isEmpty: Bool { invalidUTF8 == 0 && nul == 0 && control == 0 }

        /// The original offset of the first repaired byte.
        public var firstOffset: Int? { [firstInvalidUTF8, firstNUL, firstControl].compactMap { $0 }.min() }

        /// "invalid UTF-8 at byte 6 (2 sequences), NUL at byte 9 replaced by U+FFFD; control character
        /// at byte 12 (3) replaced by a space". `position` names where an offset is ("byte 6", or
        /// "column 7" for a line).
        public func summary(position: (Int) -> String = { "byte \($0)" }) -> String {
            var parts: [String] = []
            var fffd: [String] = []
            if let at = firstInvalidUTF8 {
                fffd.append("invalid UTF-8 at \(position(at))" + (invalidUTF8 > 1 ? " (\(invalidUTF8) sequences)" : ""))
            }
            if let at = firstNUL { fffd.append("NUL at \(position(at))" + (nul > 1 ? " (\(nul) bytes)" : "")) }
            if !fffd.isEmpty { parts.append(fffd.joined(separator: ", ") + " replaced by U+FFFD") }
            if let at = firstControl {
                parts.append("control character at \(position(at))" + (control > 1 ? " (\(control))" : "") + " replaced by a space")
            }
            return parts.joined(separator: "; ")
        }
    }

    /// Is anything in `b` to repair? (Fast: 8 bytes at a time over ASCII text.)
    public static func needsRepair(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteChecks.firstInvalidUTF8(b) != nil { return true }
        let n = b.count
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            if i + 8 <= n {
                // Skip words with no byte below 32 and no DEL (the usual "has a byte < n" trick).
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let below32 = (w &- ones &* 32) & ~w & highs
                let x = w ^ (ones &* 127)
                let del = (x &- ones) & ~x & highs
                if below32 == 0 && del == 0 { i += 8; continue }
            }
            let c = b[i]
            if (c < 32 && c != 9 && c != 10 && c != 13 && c != 12) || c == 127 { return true }
            i += 1
        }
        return false
    }

    /// The repaired bytes, the map back to `b`'s offsets and what was changed; nil when `b` needs
    /// no repair.
    public static func repair(_ b: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], map: OffsetMap, report: Report)? {
        guard needsRepair(b) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        var map = OffsetMap()
        var report = Report()
        let n = b.count
        var i = 0
        func replace(originalLength: Int) {
            out.append(0xEF); out.append(0xBF); out.append(0xBD)
            i += originalLength
            map.append(repaired: out.count, original: i)
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0 {
                    report.nul += 1
                    if report.firstNUL == nil { report.firstNUL = i }
                    replace(originalLength: 1)
                    continue
                }
                if (c < 32 && c != 9 && c != 10 && c != 13 && c != 12) || c == 127 {
                    report.control += 1
                    if report.firstControl == nil { report.firstControl = i }
                    out.append(32)
                } else {
                    out.append(c)
                }
                i += 1
                continue
            }
            let length = validSequenceLength(b, at: i)
            if length > 0 {
                for k in 0..<length { out.append(b[i + k]) }
                i += length
                continue
            }
            report.invalidUTF8 += 1
            if report.firstInvalidUTF8 == nil { report.firstInvalidUTF8 = i }
            replace(originalLength: invalidSequenceLength(b, at: i))
        }
        return (out, map, report)
    }

    /// Length of the valid UTF-8 sequence starting with the non-ASCII byte at `i`, or 0.
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        var need = 0
        var minNext: UInt8 = 0x80, maxNext: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; minNext = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; maxNext = 0x9F
        case 0xF0: need = 3; minNext = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; maxNext = 0x8F
        default: return 0
        }
        guard i + need < b.count else { return 0 }
        guard b[i + 1] >= minNext && b[i + 1] <= maxNext else { return 0 }
        var k = 2
        while k <= need {
            guard b[i + k] & 0xC0 == 0x80 else { return 0 }
            k += 1
        }
        return need + 1
    }

    /// Length of the maximal ill-formed subsequence at `i` (a lead byte and the continuation bytes
    /// that still fit it), at least 1: the unit that becomes one U+FFFD.
    static func invalidSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        var need = 0
        var minNext: UInt8 = 0x80, maxNext: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; minNext = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; maxNext = 0x9F
        case 0xF0: need = 3; minNext = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; maxNext = 0x8F
        default: return 1
        }
        var k = 1
        while k <= need, i + k < b.count {
            let x = b[i + k]
            if k == 1 ? (x < minNext || x > maxNext) : (x & 0xC0 != 0x80) { break }
            k += 1
        }
        return k
    }
}

/// Maps byte offsets in a repaired text back to the original bytes.
///
/// Stored as breakpoints: after each replacement, the repaired offset where the replacement ends and
/// the original offset it corresponds to. An offset inside a replacement maps to the start of the
/// replaced bytes (or their end, for an offset past their length), so a span of the repaired text
/// maps to the original bytes it covers.
public struct OffsetMap: Sendable, Hashable {
    /// `(repaired, original)` ends of each replacement, increasing.
    private var repaired: [Int32] = []
    private var original: [Int32] = []

    public init() {}

    public var isEmpty: Bool { repaired.isEmpty }

    mutating func append(repaired r: Int, original o: Int) {
        repaired.append(Int32(truncatingIfNeeded: r))
        original.append(Int32(truncatingIfNeeded: o))
    }

    /// The original offset of repaired offset `offset`.
    public func original(_ offset: Int) -> Int {
        // The last breakpoint at or before `offset`.
        var lo = 0, hi = repaired.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(repaired[mid]) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else {
            // Before the first replacement's end: identity up to its start.
            guard let r = repaired.first else { return offset }
            let start = Int(r) - 3
            return offset <= start ? offset : min(Int(original[0]), start + (offset - start))
        }
        let r = Int(repaired[lo - 1]), o = Int(original[lo - 1])
        let delta = offset - r
        // Inside the next replacement?
        if lo < repaired.count {
            let nextStart = Int(repaired[lo]) - 3
            if offset > nextStart {
                let originalStart = o + (nextStart - r)
                return min(Int(original[lo]), originalStart + (offset - nextStart))
            }
        }
        return o + delta
    }
}
