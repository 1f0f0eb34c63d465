/// The line structure shared by our dictionary files: comments, entry headers and attributes.
struct DictionaryLine {
    enum Kind {
        /// `KIND: Name` at column 0.
        case header(kind: String, value: String)
        /// Indented `key: value`.
        case attribute(key: String, value: String)
        /// Indented text without a key (pattern lines in verbs files).
        case text(String)
        /// Any other non-blank line at column 0.
        case bare(String)
    }
    var number: Int
    var kind: Kind

    /// Splits a file into meaningful lines, dropping comments and blanks. Works on UTF-8 bytes:
    /// dictionaries are megabytes and load time is a feature.
    static func lines(of text: String) -> [DictionaryLine] {
        var out: [DictionaryLine] = []
        let bytes = Array(text.utf8)
        var number = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            number += 1
            if let line = parse(bytes, start, end, number: number) { out.append(line) }
            start = end + 1
        }
        return out
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 }

    private static func parse(_ b: [UInt8], _ start: Int, _ lineEnd: Int, number: Int) -> DictionaryLine? {
        // Cut the comment: '#' at the start or after whitespace.
        var end = lineEnd
        var k = start
        while k < lineEnd {
            if b[k] == 35 && (k == start || isSpace(b[k - 1])) {
                end = k
                break
            }
            k += 1
        }
        var s = start
        while s < end && isSpace(b[s]) { s += 1 }
        var e = end
        while e > s && isSpace(b[e - 1]) { e -= 1 }
        guard s < e else { return nil }
        let indented = isSpace(b[start])
        func string(_ a: Int, _ z: Int) -> String { String(decoding: b[a..<z], as: UTF8.self) }
        // A key is letters, '_' or '-' followed by ':'.
        var c = s
        while c < e, isKeyByte(b[c]) { c += 1 }
        if c > s, c < e, b[c] == 58 {
            let key = string(s, c).lowercased()
            var v = c + 1
            while v < e && isSpace(b[v]) { v += 1 }
            let value = string(v, e)
            return DictionaryLine(number: number, kind: indented ? .attribute(key: key, value: value) : .header(kind: key, value: value))
        }
        let body = string(s, e)
        return DictionaryLine(number: number, kind: indented ? .text(body) : .bare(body))
    }

    private static func isKeyByte(_ x: UInt8) -> Bool {
        (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || x == 95 || x == 45
    }
}

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        var s = self[startIndex...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }

    /// Splits on `;` and trims; drops empty items.
    var listItems: [String] {
        split(separator: ";").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }
}
