import Foundation

/// One meaningful line of a PETRARCH/TABARI dictionary file, with comments removed.
struct PetrarchLine {
    /// 1-based line number in the file.
    var number: Int
    /// The line with `#` comments (and `<!-- -->` blocks) removed; leading whitespace kept.
    var text: Substring
    /// True when the raw line started with a tab or a space (actor date-restriction lines).
    var indented: Bool
}

/// Line scanning shared by all PETRARCH readers.
enum PetrarchLines {
    /// Splits `text` into lines, removes `<!-- ... -->` blocks (also the malformed `<! --` opener
    /// found in the validation dictionaries), `#` comments outside `[...]`, and, when
    /// `semicolonComments` is set, TABARI `;` comments. Blank lines are dropped.
    static func lines(_ text: String, semicolonComments: Bool = false) -> [PetrarchLine] {
        var out: [PetrarchLine] = []
        var text = text
        text.withUTF8 { u in
            let n = u.count
            var number = 0
            var inBlock = false
            var i = 0
            var buf: [UInt8] = []
            buf.reserveCapacity(256)
            while i < n {
                var e = i
                while e < n && u[e] != 10 { e += 1 }
                number += 1
                var lineEnd = e
                if lineEnd > i && u[lineEnd - 1] == 13 { lineEnd -= 1 }
                buf.removeAll(keepingCapacity: true)
                var k = i
                var depth = 0
                while k < lineEnd {
                    let c = u[k]
                    if inBlock {
                        if c == 45, k + 2 < lineEnd, u[k + 1] == 45, u[k + 2] == 62 { inBlock = false; k += 3; continue }
                        k += 1
                        continue
                    }
                    if c == 60, k + 3 < lineEnd, u[k + 1] == 33,
                        (u[k + 2] == 45 && u[k + 3] == 45) || (u[k + 2] == 32 && k + 4 < lineEnd && u[k + 3] == 45 && u[k + 4] == 45)
                    {
                        inBlock = true
                        k += u[k + 2] == 45 ? 4 : 5
                        continue
                    }
                    if c == 91 {
                        depth += 1
                    } else if c == 93 {
                        depth = max(0, depth - 1)
                    } else if depth == 0 && (c == 35 || (semicolonComments && c == 59)) {
                        // comment to end of line (a block opened later on the line is ignored, as PETRARCH does)
                        break
                    }
                    buf.append(c)
                    k += 1
                }
                i = e + 1
                if buf.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                let str = String(decoding: buf, as: UTF8.self)
                out.append(PetrarchLine(number: number, text: Substring(str), indented: buf[0] == 9 || buf[0] == 32))
            }
        }
        return out
    }

    /// Drops everything from the first `#` (or `;`) that is not inside `[...]`.
    static func stripComment(_ line: Substring, semicolon: Bool) -> Substring {
        var depth = 0
        var i = line.utf8.startIndex
        let u = line.utf8
        while i < u.endIndex {
            let c = u[i]
            if c == 91 {
                depth += 1
            } else if c == 93 {
                depth = max(0, depth - 1)
            } else if depth == 0 && (c == 35 || (semicolon && c == 59)) {
                return line[line.startIndex..<i]
            }
            i = u.index(after: i)
        }
        return line
    }

    /// The contents of the last `[...]` of `line` and the line without it, or nil when none.
    static func lastBracket(_ line: Substring) -> (inside: Substring, before: Substring, after: Substring)? {
        guard let close = line.lastIndex(of: "]"), let open = line[..<close].lastIndex(of: "[") else { return nil }
        return (line[line.index(after: open)..<close], line[..<open], line[line.index(after: close)...])
    }

    /// The contents of the first `[...]` of `line` and the text before it.
    static func firstBracket(_ line: Substring) -> (inside: Substring, before: Substring, after: Substring)? {
        guard let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]") else { return nil }
        return (line[line.index(after: open)..<close], line[..<open], line[line.index(after: close)...])
    }

    static func trim(_ s: Substring) -> Substring {
        let u = s.utf8
        var a = u.startIndex
        var b = u.endIndex
        while a < b, u[a] == 32 || u[a] == 9 { a = u.index(after: a) }
        while b > a, u[u.index(before: b)] == 32 || u[u.index(before: b)] == 9 { b = u.index(before: b) }
        return s[a..<b]
    }

    /// Token keys of a dictionary phrase: `_` and blanks separate words, which are tokenised like
    /// running text so that `N'T`, `U.S.` and `AL-QAEDA` match what the tokenizer produces.
    static func keys(_ phrase: some StringProtocol) -> [UInt64] {
        var bytes = Array(phrase.utf8)
        for i in bytes.indices where bytes[i] == 95 { bytes[i] = 32 }
        return bytes.withUnsafeBufferPointer { b in Tokenizer.tokens(bytes: b).map(\.key) }
    }

    /// Words of a phrase in upper case, `_` replaced by blanks (for display and export).
    static func display(_ phrase: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(phrase.utf8.count)
        var space = false
        for c in phrase.utf8 {
            if c == 95 || c == 32 || c == 9 {
                space = !out.isEmpty
            } else {
                if space { out.append(32); space = false }
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `YYMMDD` or `YYYYMMDD` as the integer YYYYMMDD; two-digit years up to 30 are 20YY.
    static func date(_ s: some StringProtocol) -> Int? {
        let d = s.utf8.filter { $0 != UInt8(ascii: " ") }
        guard d.allSatisfy({ $0 >= 48 && $0 <= 57 }), let v = Int(String(decoding: d, as: UTF8.self)) else { return nil }
        switch d.count {
        case 8: return v
        case 6:
            let yy = v / 10000
            return (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + v % 10000
        default: return nil
        }
    }

    /// Regular plural of the last word: `Y` → `IES`, `SS` → `SSES`, else `S`.
    static func plural(_ phrase: String) -> String {
        let u = phrase.uppercased()
        if u.hasSuffix("Y") {
            let before = u.dropLast().last
            if let b = before, !"AEIOU".contains(b) { return String(phrase.dropLast()) + "IES" }
            return phrase + "S"
        }
        if u.hasSuffix("SS") || u.hasSuffix("SH") || u.hasSuffix("CH") || u.hasSuffix("X") { return phrase + "ES" }
        return phrase + "S"
    }
}

/// A trie of token-key sequences compiled into one hash table: an edge is keyed by
/// `(node, token key)`, so a lookup is one hash probe per token.
public struct PetrarchTrie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    private var values: [Int32: Int32] = [:]
    private var nodes: Int32 = 1

    public init() {}

    @inline(__always)
    static func edge(_ node: Int32, _ key: UInt64) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15) ^ key
    }

    /// Inserts a phrase; returns false (keeping the first value) when it is already present.
    @discardableResult
    public mutating func insert(_ keys: [UInt64], value: Int32) -> Bool {
        guard !keys.isEmpty else { return false }
        var node: Int32 = 0
        for k in keys {
            let e = Self.edge(node, k)
            if let next = edges[e] {
                node = next
            } else {
                edges[e] = nodes
                node = nodes
                nodes += 1
            }
        }
        if values[node] != nil { return false }
        values[node] = value
        return true
    }

    /// The value of an exact phrase.
    public func lookup(_ keys: [UInt64]) -> Int32? {
        var node: Int32 = 0
        for k in keys {
            guard let next = edges[Self.edge(node, k)] else { return nil }
            node = next
        }
        return values[node]
    }

    /// Longest phrase starting at `tokens[start]`: its length in tokens and its value.
    @inline(__always)
    public func longestMatch(_ keys: UnsafeBufferPointer<UInt64>, from start: Int) -> (length: Int, value: Int32)? {
        var node: Int32 = 0
        var best: (Int, Int32)?
        var i = start
        while i < keys.count, let next = edges[Self.edge(node, keys[i])] {
            node = next
            i += 1
            if let v = values[node] { best = (i - start, v) }
        }
        return best
    }

    public var count: Int { values.count }
    public func reserve(_ n: Int) -> PetrarchTrie {
        var t = self
        t.edges.reserveCapacity(n)
        t.values.reserveCapacity(n)
        return t
    }
}
