import Foundation

/// An expected or coded event of a validation record: `(source, target, code)`.
public struct PetrarchTriple: Hashable, Comparable, Sendable {
    public var source: String
    public var target: String
    public var code: String
    public init(source: String, target: String, code: String) {
        self.source = source
        self.target = target
        self.code = code
    }
    public static func < (a: Self, b: Self) -> Bool { (a.source, a.target, a.code) < (b.source, b.target, b.code) }
}

/// One `<Sentence>` of a PETRARCH validation file.
public struct PetrarchValidationRecord: Sendable {
    public var id: String
    public var category: String
    /// YYYYMMDD.
    public var date: Int?
    public var text: String
    /// Expected events; empty with `noevents` or an expected `error`.
    public var expected: [PetrarchTriple]
    /// `error="..."` expectation (dateline, storydiscard, sentencediscard): no events are expected.
    public var expectedError: String?
    public var line: Int
}

/// A PETRARCH validation file (`PETR.UnitTest.records.txt` format): `<Environment>` naming the
/// dictionaries and `<Config>` options, then `<Sentence>` records.
public struct PetrarchValidationSuite: Sendable {
    public var files = PetrarchFileSet()
    public var hasEnvironment = false
    public var records: [PetrarchValidationRecord] = []

    public init(path: String, dictionaryDir: String? = nil) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError(file: path, line: 0, message: "cannot read validation file")
        }
        let raw = String(decoding: data, as: UTF8.self)
        let text = Self.blankComments(raw)
        let dir = dictionaryDir ?? (path as NSString).deletingLastPathComponent
        func resolve(_ n: String) -> String {
            let t = n.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.hasPrefix("/") ? t : (dir as NSString).appendingPathComponent(t)
        }
        if let env = Self.element("Environment", in: text[...]) {
            hasEnvironment = true
            let body = env.body
            if let v = Self.element("Verbfile", in: body) { files.verbs = resolve(String(v.body)) }
            var rest = body
            while let a = Self.element("Actorfile", in: rest) {
                files.actors += a.body.split(separator: ",").map { resolve(String($0)) }
                rest = body[a.range.upperBound...]
            }
            if let v = Self.element("Agentfile", in: body) { files.agents = resolve(String(v.body)) }
            if let v = Self.element("Discardfile", in: body) { files.discards = resolve(String(v.body)) }
            if let v = Self.element("Issuefile", in: body) { files.issues = resolve(String(v.body)) }
            for tag in Self.tags("Config", in: body) {
                let a = Self.attributes(tag)
                if let o = a["option"], let v = a["value"] { files.options.set(o, v) }
            }
        }
        var search = text.startIndex
        while let open = text.range(of: "<Sentence", range: search..<text.endIndex) {
            guard let tagEnd = text[open.upperBound...].firstIndex(of: ">") else { break }
            if let next = text[open.upperBound...].first, next != " " && next != ">" && next != "\t" && next != "\n" {
                search = open.upperBound  // <Sentences>
                continue
            }
            let attrs = Self.attributes(text[open.upperBound..<tagEnd])
            guard let close = text.range(of: "</Sentence>", range: tagEnd..<text.endIndex) else {
                throw DictionaryError(file: path, line: Self.line(of: open.lowerBound, in: text), message: "<Sentence> without </Sentence>")
            }
            search = close.upperBound
            let body = text[text.index(after: tagEnd)..<close.lowerBound]
            var expected: [PetrarchTriple] = []
            var error: String? = nil
            for tag in Self.tags("EventCoding", in: body) {
                let a = Self.attributes(tag)
                if let e = a["error"] { error = e }
                if let s = a["sourcecode"], let t = a["targetcode"], let c = a["eventcode"] {
                    expected.append(PetrarchTriple(source: s, target: t, code: c))
                }
            }
            let t = Self.element("Text", in: body).map { Self.unescape(String($0.body)) } ?? ""
            let words = t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            records.append(
                PetrarchValidationRecord(
                    id: attrs["id"] ?? "record-\(records.count + 1)", category: attrs["category"] ?? "",
                    date: attrs["date"].flatMap { PetrarchLines.date($0) }, text: words,
                    expected: Array(Set(expected)).sorted(), expectedError: error,
                    line: Self.line(of: open.lowerBound, in: text)))
        }
    }

    static func line(of index: String.Index, in text: String) -> Int {
        text.utf8[..<index].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Replaces `<!-- ... -->` with blanks of the same length (keeps line numbers and offsets).
    static func blankComments(_ s: String) -> String {
        var u = Array(s.utf8)
        var i = 0
        while i + 3 < u.count {
            if u[i] == 60, u[i + 1] == 33, u[i + 2] == 45, u[i + 3] == 45 {
                var j = i + 4
                while j + 2 < u.count, !(u[j] == 45 && u[j + 1] == 45 && u[j + 2] == 62) { j += 1 }
                let end = min(u.count, j + 3)
                for k in i..<end where u[k] != 10 { u[k] = 32 }
                i = end
            } else {
                i += 1
            }
        }
        return String(decoding: u, as: UTF8.self)
    }

    static func element(_ name: String, in s: Substring) -> (body: Substring, range: Range<String.Index>)? {
        guard let open = s.range(of: "<\(name)") else { return nil }
        guard let gt = s[open.upperBound...].firstIndex(of: ">") else { return nil }
        let after = s.index(after: gt)
        guard let close = s.range(of: "</\(name)>", range: after..<s.endIndex) else { return nil }
        return (s[after..<close.lowerBound], open.lowerBound..<close.upperBound)
    }

    /// The attribute text of every `<name ...>` tag.
    static func tags(_ name: String, in s: Substring) -> [Substring] {
        var out: [Substring] = []
        var from = s.startIndex
        while let open = s.range(of: "<\(name)", range: from..<s.endIndex), let gt = s[open.upperBound...].firstIndex(of: ">") {
            out.append(s[open.upperBound..<gt])
            from = gt
        }
        return out
    }

    /// `a = "x" b='y'` → dictionary.
    static func attributes(_ s: Substring) -> [String: String] {
        var out: [String: String] = [:]
        var i = s.startIndex
        while i < s.endIndex {
            while i < s.endIndex, !(s[i].isLetter) { i = s.index(after: i) }
            let nameStart = i
            while i < s.endIndex, s[i].isLetter || s[i].isNumber || s[i] == "_" { i = s.index(after: i) }
            let name = String(s[nameStart..<i])
            while i < s.endIndex, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i = s.index(after: i) }
            guard i < s.endIndex, s[i] == "=" else { continue }
            i = s.index(after: i)
            while i < s.endIndex, s[i] == " " || s[i] == "\t" { i = s.index(after: i) }
            guard i < s.endIndex, s[i] == "\"" || s[i] == "'" else { continue }
            let q = s[i]
            i = s.index(after: i)
            let vStart = i
            while i < s.endIndex, s[i] != q { i = s.index(after: i) }
            if !name.isEmpty { out[name.lowercased()] = unescape(String(s[vStart..<i])) }
            if i < s.endIndex { i = s.index(after: i) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The outcome of coding one validation record.
public struct PetrarchValidationOutcome: Sendable {
    public var record: PetrarchValidationRecord
    public var got: [PetrarchTriple]
    public var events: [PetrarchEvent]
    /// The set of coded (source, target, code) equals the expected set.
    public var passed: Bool
}

extension PetrarchCoder {
    /// Codes every record with its date and compares the set of (source, target, code) with the
    /// expected set. Negated events count (PETRARCH codes them); duplicates collapse.
    public func validate(_ suite: PetrarchValidationSuite) -> [PetrarchValidationOutcome] {
        suite.records.map { r in
            let result = codeSentence(r.text, date: r.date)
            let events = result.events
            let got = Array(Set(events.map { PetrarchTriple(source: $0.source, target: $0.target, code: $0.code) })).sorted()
            return PetrarchValidationOutcome(record: r, got: got, events: events, passed: got == r.expected)
        }
    }
}
