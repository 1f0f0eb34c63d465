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

    /// Splits a file into meaningful lines, dropping comments and blanks.
    static func lines(of text: String) -> [DictionaryLine] {
        var out: [DictionaryLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            line = stripComment(line)
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            let indented = line.first == " " || line.first == "\t"
            if let colon = trimmed.firstIndex(of: ":"), isKey(trimmed[trimmed.startIndex..<colon]) {
                let key = String(trimmed[trimmed.startIndex..<colon]).lowercased()
                let value = String(trimmed[trimmed.index(after: colon)...].trimmingSpaces)
                out.append(DictionaryLine(number: number, kind: indented ? .attribute(key: key, value: value) : .header(kind: key, value: value)))
            } else {
                out.append(DictionaryLine(number: number, kind: indented ? .text(String(trimmed)) : .bare(String(trimmed))))
            }
        }
        return out
    }

    static func isKey(_ s: Substring) -> Bool {
        !s.isEmpty && s.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || $0 == "_" || $0 == "-" }
    }

    /// `#` at line start or after whitespace starts a comment.
    static func stripComment(_ line: Substring) -> Substring {
        var previous: Character = " "
        for i in line.indices {
            let c = line[i]
            if c == "#" && (previous == " " || previous == "\t") { return line[line.startIndex..<i] }
            previous = c
        }
        return line
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
