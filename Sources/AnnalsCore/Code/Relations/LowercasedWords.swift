/// The lower-cased words of a sentence as strings, for labels and rule names, and byte tests on
/// tokens. Rules compare token keys instead (``RelationReader/key(_:)``), so few strings are made.
struct LowercasedWords {
    private let bytes: [UInt8]
    private let tokens: [Token]

    init(text: String, tokens: [Token]) {
        self.bytes = Array(text.utf8)
        self.tokens = tokens
    }

    /// Whether the sentence contains the byte `b`.
    func contains(byte b: UInt8) -> Bool { bytes.contains(b) }

    /// The offset in token `i` of its last byte `b`, looking only at its last `within` bytes.
    func lastIndex(_ i: Int, of b: UInt8, within: Int = .max) -> Int? {
        let start = Int(tokens[i].start)
        let end = Int(tokens[i].end)
        let from = end - start > within ? end - within : start
        var k = end - 1
        while k >= from {
            if bytes[k] == b { return k - start }
            k -= 1
        }
        return nil
    }

    /// The key of token `i`'s text from byte `offset` on, as if that text were a token.
    func key(_ i: Int, from offset: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer {
            TokenKey.hash(UnsafeBufferPointer(rebasing: $0[(Int(tokens[i].start) + offset)..<Int(tokens[i].end)]))
        }
    }

    /// Whether token `i` starts with `prefix` (lower-case ASCII), without making its string.
    func hasPrefix(_ i: Int, _ prefix: StaticString) -> Bool {
        let t = tokens[i]
        let n = prefix.utf8CodeUnitCount
        guard Int(t.end - t.start) >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where TokenKey.lowerASCII(bytes[Int(t.start) + k]) != p[k] { return false }
        return true
    }

    subscript(i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[Int(t.start)..<Int(t.end)].lazy.map(TokenKey.lowerASCII), as: UTF8.self)
    }
}
