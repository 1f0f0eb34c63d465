import Foundation

/// One gold event of an event-gold record: who did what to whom, as a human coder wrote it.
public struct GoldEvent: Sendable, Hashable {
    /// CAMEO actor code of the source (`IRNGOV`), or `nil` when the source is not codable.
    public var source: String?
    /// CAMEO actor code of the target, or `nil`.
    public var target: String?
    /// CAMEO event code (`190`, `0311`).
    public var cameo: String

    public init(source: String?, target: String?, cameo: String) {
        self.source = source
        self.target = target
        self.cameo = cameo
    }

    /// The two-digit root.
    public var root: String { String(cameo.prefix(2)) }
}

/// What a gold record says the text holds.
public enum GoldAnswer: Sendable, Hashable {
    /// ConfliBERT-style: the class (0-4) of the main event, with the source and target mention strings when given.
    case pentaclass(Int, sources: [String], targets: [String])
    /// Our event gold: every event in the text (`[]` means the text holds no event).
    case events([GoldEvent])
}

/// One line of a gold file: a text and what a human coder found in it.
public struct GoldRecord: Sendable, Hashable {
    public var id: String
    public var text: String
    public var date: Day?
    public var answer: GoldAnswer
    /// `dev` or `reserved` when the file marks it (`"split"`), else `nil`.
    public var split: String?
    /// 1-based line in the gold file.
    public var line: Int

    public init(id: String, text: String, date: Day? = nil, answer: GoldAnswer, split: String? = nil, line: Int = 0) {
        self.id = id
        self.text = text
        self.date = date
        self.answer = answer
        self.split = split
        self.line = line
    }
}

/// A gold file problem, naming the file and line.
public struct GoldFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads gold files in the two formats of `docs/evaluation.md`.
public enum GoldFile {
    /// Reads a gold file from disk.
    public static func load(_ path: String) throws -> [GoldRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoldFileError(file: path, line: 0, message: "cannot read file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw GoldFileError(file: path, line: 0, message: "not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// The JSON object on each non-empty line of a JSON Lines text, with its 1-based line number.
    static func objects(_ text: String, file: String) throws -> [(line: Int, object: [String: Any])] {
        var out: [(Int, [String: Any])] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("//") { continue }
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
                let object = parsed as? [String: Any]
            else {
                throw GoldFileError(file: file, line: number, message: "not a JSON object")
            }
            out.append((number, object))
        }
        return out
    }

    /// Parses gold records; every problem names the file and line.
    public static func parse(_ text: String, file: String = "-") throws -> [GoldRecord] {
        var records: [GoldRecord] = []
        var seen: [String: Int] = [:]
        for (n, o) in try objects(text, file: file) {
            func fail(_ m: String) -> GoldFileError { GoldFileError(file: file, line: n, message: m) }
            let id: String
            if let s = o["id"] as? String {
                id = s
            } else if let i = o["id"] as? Int {
                id = String(i)
            } else {
                throw fail("missing \"id\"")
            }
            if let first = seen[id] { throw fail("duplicate id '\(id)' (first on line \(first))") }
            seen[id] = n
            guard let text = o["text"] as? String, !text.isEmpty else { throw fail("missing or empty \"text\"") }
            var date: Day?
            if let d = o["date"] as? String {
                guard let day = Day(d) else { throw fail("\"date\" must be YYYY-MM-DD, not '\(d)'") }
                date = day
            }
            let split = o["split"] as? String
            if let split, split != "dev" && split != "reserved" { throw fail("\"split\" must be dev or reserved, not '\(split)'") }
            let answer: GoldAnswer
            if let events = o["events"] {
                guard o["pentaclass"] == nil else { throw fail("a record has \"events\" or \"pentaclass\", not both") }
                guard let list = events as? [[String: Any]] else { throw fail("\"events\" must be a list of objects") }
                answer = .events(try list.map { try event($0, fail: fail) })
            } else if let c = o["pentaclass"] {
                guard let k = c as? Int, (0...4).contains(k) else { throw fail("\"pentaclass\" must be 0-4") }
                answer = .pentaclass(k, sources: o["sources"] as? [String] ?? [], targets: o["targets"] as? [String] ?? [])
            } else {
                throw fail("a record needs \"events\" (our event gold) or \"pentaclass\" (ConfliBERT)")
            }
            records.append(GoldRecord(id: id, text: text, date: date, answer: answer, split: split, line: n))
        }
        return records
    }

    static func event(_ e: [String: Any], fail: (String) -> GoldFileError) throws -> GoldEvent {
        guard let cameo = e["cameo"] as? String, CameoTable.shared[cameo] != nil else {
            throw fail("an event needs \"cameo\": a CAMEO event code from the ontology table")
        }
        func actor(_ key: String) throws -> String? {
            guard let v = e[key], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw fail("\"\(key)\" must be an actor code or null") }
            let code = s.uppercased()
            if code.isEmpty || code == "---" { return nil }
            guard LexiconBuilder.isActorCode(code) else { throw fail("'\(s)' is not a CAMEO actor code (three-letter groups)") }
            return code
        }
        return GoldEvent(source: try actor("source"), target: try actor("target"), cameo: cameo)
    }
}
