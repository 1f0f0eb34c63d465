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
        var number = 0
        var inBlock = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            if inBlock {
                guard let end = line.range(of: "-->") else { continue }
                line = line[end.upperBound...]
                inBlock = false
            }
            // Remove complete and opening XML comment blocks on this line.
            while let open = openComment(in: line) {
                if let close = line[open.upperBound...].range(of: "-->") {
                    line = line[line.startIndex..<open.lowerBound] + line[close.upperBound...]
                } else {
                    line = line[line.startIndex..<open.lowerBound]
                    inBlock = true
                }
            }
            let stripped = stripComment(line, semicolon: semicolonComments)
            if stripped.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let indented = stripped.first == "\t" || stripped.first == " "
            out.append(PetrarchLine(number: number, text: stripped, indented: indented))
        }
        return out
    }

    private static func openComment(in line: Substring) -> Range<Substring.Index>? {
        if let r = line.range(of: "<!--") { return r }
        if let r = line.range(of: "<! --") { return r }
        return nil
    }

    /// Drops everything from the first `#` (or `;`) that is not inside `[...]`.
    static func stripComment(_ line: Substring, semicolon: Bool) -> Substring {
        var depth = 0
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "[" { depth += 1 } else if c == "]" { depth = max(0, depth - 1) } else if depth == 0 && (c == "#" || (semicolon && c == ";")) {
                return line[line.startIndex..<i]
            }
            i = line.index(after: i)
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
        var a = s.startIndex
        var b = s.endIndex
        while a < b, s[a] == " " || s[a] == "\t" { a = s.index(after: a) }
        while b > a, s[s.index(before: b)] == " " || s[s.index(before: b)] == "\t" { b = s.index(before: b) }
        return s[a..<b]
    }

    /// Token keys of a dictionary phrase: `_` and blanks separate words, which are tokenised like
    /// running text so that `N'T`, `U.S.` and `AL-QAEDA` match what the tokenizer produces.
    static func keys(_ phrase: some StringProtocol) -> [UInt64] {
        var s = String(phrase)
        if s.contains("_") { s = s.replacingOccurrences(of: "_", with: " ") }
        return Tokenizer.tokens(of: s).map(\.key)
    }

    /// Words of a phrase in upper case, `_` replaced by blanks (for display and export).
    static func display(_ phrase: some StringProtocol) -> String {
        String(phrase).replacingOccurrences(of: "_", with: " ").split(separator: " ").joined(separator: " ")
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
