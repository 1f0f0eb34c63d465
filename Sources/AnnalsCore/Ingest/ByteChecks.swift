/// Checks on raw input bytes: UTF-8 validity and binary content.
enum ByteChecks {
    /// Offset of the first byte that is not part of valid UTF-8, or nil if all is valid.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            if i + 8 <= n {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
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
            default: return i
            }
            guard i + need < n else { return i }
            let c1 = b[i + 1]
            guard c1 >= minNext && c1 <= maxNext else { return i }
            var k = 2
            while k <= need {
                guard b[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// 1-based line number of byte `offset`.
    static func lineNumber(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var line = 1
        for i in 0..<min(offset, b.count) where b[i] == 10 { line += 1 }
        return line
    }

    /// True if the sample looks binary: more than 10% control bytes other than tab, newline,
    /// carriage return and form feed, or NUL bytes in more than 1% of it (`strict`: any NUL byte).
    /// A stray NUL in text is repaired, not a reason to skip the file (``ByteRepair``).
    static func looksBinary(_ sample: ArraySlice<UInt8>, strict: Bool = false) -> Bool {
        guard !sample.isEmpty else { return false }
        var control = 0
        var nul = 0
        for b in sample {
            if b == 0 {
                if strict { return true }
                nul += 1
            }
            if b < 32 && b != 9 && b != 10 && b != 13 && b != 12 && b != 27 { control += 1 }
        }
        return control * 10 > sample.count || nul * 100 > sample.count
    }

    /// True if the bytes contain nothing but whitespace (ASCII, NBSP) and a BOM.
    static func isBlank(_ sample: ArraySlice<UInt8>) -> Bool {
        var i = sample.startIndex
        while i < sample.endIndex {
            let b = sample[i]
            if b <= 32 { i += 1; continue }
            if b == 0xEF, i + 2 < sample.endIndex, sample[i + 1] == 0xBB, sample[i + 2] == 0xBF { i += 3; continue }
            if b == 0xC2, i + 1 < sample.endIndex, sample[i + 1] == 0xA0 { i += 2; continue }
            return false
        }
        return true
    }
}
