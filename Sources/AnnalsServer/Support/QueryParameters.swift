import AnnalsCore
import AnnalsStore
import Foundation

/// Limits on what a request may ask for.
public enum ServerLimits {
    /// Largest request body (`POST /api/code`): 1 MB.
    public static let maxBodyBytes = 1 << 20
    /// Longest query string, in bytes.
    public static let maxQueryBytes = 4096
    /// Longest single parameter value, in characters.
    public static let maxValueLength = 512
    /// Most events on one JSON page, and in one CSV/TSV download.
    public static let maxPageSize = 1000
    public static let maxDownloadSize = 10_000
}

/// The query string of a request, decoded (`+` is a space, `%XX` escapes) and checked: only the
/// route's parameters, each at most once unless repeatable, within ``ServerLimits``.
struct QueryParameters {
    private(set) var values: [String: [String]] = [:]

    /// Parses `query` for a route that takes `allowed` (names; repeatable ones are listed in `repeatable`).
    init(_ query: String?, allowed: Set<String>, repeatable: Set<String> = []) throws {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= ServerLimits.maxQueryBytes else {
            throw ApiError(.badRequest, "query string too long (at most \(ServerLimits.maxQueryBytes) bytes)")
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw ApiError(.badRequest, "malformed query string") }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw ApiError.badParameter(Self.printable(name), "malformed percent-encoding")
            }
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw ApiError.badParameter(Self.printable(name), "unknown here (this route takes: \(known.isEmpty ? "none" : known))")
            }
            guard value.count <= ServerLimits.maxValueLength else {
                throw ApiError.badParameter(name, "value too long (at most \(ServerLimits.maxValueLength) characters)")
            }
            if values[name] != nil && !repeatable.contains(name) { throw ApiError.badParameter(name, "given more than once") }
            values[name, default: []].append(value)
        }
    }

    static func decode(_ s: Substring) -> String? {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A name cut short and stripped of control characters, for error messages.
    static func printable(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40).map(Character.init))
    }

    /// The value of `name`, nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let v = values[name]?.first?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// All values of a repeatable parameter, commas splitting further.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func day(_ name: String) throws -> Day? {
        guard let v = string(name) else { return nil }
        return try Self.strictDay(v, name: name)
    }

    /// Exactly `YYYY-MM-DD`, a real calendar day.
    static func strictDay(_ v: String, name: String) throws -> Day {
        let b = Array(v.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard b.count == 10, b[4] == 45, b[7] == 45, digits.allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }), let d = Day(v) else {
            throw ApiError.badParameter(name, "expected a date YYYY-MM-DD, not '\(printable(v))'")
        }
        return d
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let v = string(name) else { return nil }
        guard let n = Int(v), range.contains(n) else {
            throw ApiError.badParameter(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), not '\(Self.printable(v))'")
        }
        return n
    }

    func bool(_ name: String) throws -> Bool {
        guard let v = string(name)?.lowercased() else { return values[name] != nil }
        switch v {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ApiError.badParameter(name, "expected true or false, not '\(Self.printable(v))'")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let v = string(name) else { return nil }
        guard let t = T(rawValue: v) else {
            throw ApiError.badParameter(name, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(Self.printable(v))'")
        }
        return t
    }
}

/// The event filters of `annals events`, from query parameters.
enum EventFilters {
    /// Parameter names of the filters (shared by events, series and their OpenAPI entries).
    static let names: Set<String> = [
        "actor", "dyad", "undirected", "root", "plover", "since", "until", "include_negated", "min_mentions", "q",
    ]
    static let repeatable: Set<String> = ["root", "plover"]

    /// The store query and the full-text search words.
    static func parse(_ p: QueryParameters) throws -> (EventQuery, String?) {
        var q = EventQuery()
        q.actor = p.string("actor")
        if let dyad = p.string("dyad") {
            do { try q.setDyad(dyad) } catch let e as StoreError { throw ApiError.badParameter("dyad", e.message) }
        }
        q.undirected = try p.bool("undirected")
        q.cameo = p.list("root")
        for r in q.cameo where !r.allSatisfy({ $0.isASCII && $0.isNumber }) || r.count > 4 {
            throw ApiError.badParameter("root", "expected CAMEO digits such as 19 or 193, not '\(QueryParameters.printable(r))'")
        }
        q.plover = p.list("plover").map { $0.uppercased() }
        for c in q.plover where !c.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) {
            throw ApiError.badParameter("plover", "expected a PLOVER category such as ASSAULT, not '\(QueryParameters.printable(c))'")
        }
        q.since = try p.day("since")
        q.until = try p.day("until")
        if let s = q.since, let u = q.until, s > u { throw ApiError.badParameter("until", "is before since") }
        q.includeNegated = try p.bool("include_negated")
        q.minMentions = try p.int("min_mentions", in: 1...1_000_000) ?? 1
        let text = p.string("q")
        if let text, SearchWords.parse(text).isEmpty {
            throw ApiError.badParameter("q", "no word to search for")
        }
        return (q, text)
    }
}
