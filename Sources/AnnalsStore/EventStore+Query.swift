import AnnalsCore
import Foundation
import GRDB

/// Which deduplicated events to read.
public struct EventQuery: Sendable {
    /// A CAMEO actor code prefix on either side (`IRN` matches `IRNMIL`) or an actor name (matched
    /// case-insensitively against canonical names and mention text).
    public var actor: String?
    /// Dyad: source and target code prefixes; either may be nil (any).
    public var source: String?
    public var target: String?
    /// Also match the dyad reversed (target → source).
    public var undirected = false
    /// CAMEO roots (`19`) or code prefixes (`193`).
    public var cameo: [String] = []
    /// PLOVER categories (`ASSAULT`).
    public var plover: [String] = []
    /// Inclusive bounds on the event date.
    public var since: Day?
    public var until: Day?
    /// Include events whose statements deny them (`polarity = negated`); off by default.
    public var includeNegated = false
    public var minMentions = 1
    public var limit: Int?
    /// Where the event happened: ISO 3166-1 alpha-3 country (`PAK`).
    public var country: String?
    /// Where the event happened: within a circle.
    public var near: GeoCircle?

    public init() {}

    /// Parses `A:B`, `A:` or `:B` into source and target prefixes.
    public mutating func setDyad(_ text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else {
            throw StoreError(.other, path: "--dyad", "expected SOURCE:TARGET code prefixes such as IRN:ISR, not '\(text)'")
        }
        source = parts[0].isEmpty ? nil : try Self.codePrefix(String(parts[0]))
        target = parts[1].isEmpty ? nil : try Self.codePrefix(String(parts[1]))
    }

    /// An upper-case actor code prefix, or an error for anything that is not one.
    static func codePrefix(_ s: String) throws -> String {
        let u = s.uppercased()
        guard !u.isEmpty, u.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }) else {
            throw StoreError(.other, path: "--dyad", "'\(s)' is not a CAMEO actor code (letters and digits)")
        }
        return u
    }

    /// SQL condition over `events e`, binding its values into `arguments` (either dialect).
    public func condition(_ arguments: inout SQLArguments) -> String {
        let dialect = arguments.dialect
        var conditions: [String] = []
        if !includeNegated { conditions.append("e.polarity = 'affirmed'") }
        if minMentions > 1 { conditions.append("e.num_mentions >= \(arguments.bind(minMentions))") }
        if let since { conditions.append("e.day >= \(arguments.bind(since.description))") }
        if let until { conditions.append("e.day <> '' AND e.day <= \(arguments.bind(until.description))") }
        if source != nil || target != nil {
            func side(_ s: String?, _ t: String?) -> String {
                var parts: [String] = []
                if let s { parts.append(dialect.prefix("e.source_code", s)) }
                if let t { parts.append(dialect.prefix("e.target_code", t)) }
                return "(" + parts.joined(separator: " AND ") + ")"
            }
            var dyad = side(source, target)
            if undirected { dyad = "(\(dyad) OR \(side(target, source)))" }
            conditions.append(dyad)
        }
        if let actor, !actor.isEmpty {
            var alternatives: [String] = []
            if let code = try? Self.codePrefix(actor), actor == actor.uppercased() {
                alternatives.append("\(dialect.prefix("e.source_code", code)) OR \(dialect.prefix("e.target_code", code))")
            }
            let like = "%" + actor.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            let names = [
                dialect.equalsIgnoringCase("e.source_name", arguments.bind(actor)),
                dialect.equalsIgnoringCase("e.target_name", arguments.bind(actor)),
            ]
            let mentions = [
                dialect.equalsIgnoringCase("source_name", arguments.bind(actor)),
                dialect.equalsIgnoringCase("target_name", arguments.bind(actor)),
                dialect.containsIgnoringCase("source_text", arguments.bind(like)),
                dialect.containsIgnoringCase("target_text", arguments.bind(like)),
            ]
            alternatives.append(
                names.joined(separator: " OR ") + " OR e.id IN (SELECT event FROM mentions WHERE "
                    + mentions.joined(separator: " OR ") + ")")
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        let codes = cameo.filter { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if !codes.isEmpty {
            conditions.append("(" + codes.map { dialect.prefix("e.cameo", $0) }.joined(separator: " OR ") + ")")
        }
        if !plover.isEmpty {
            conditions.append("e.plover IN (" + plover.map { arguments.bind($0.uppercased()) }.joined(separator: ",") + ")")
        }
        if let country, !country.isEmpty {
            conditions.append("e.geo_country = \(arguments.bind(country.uppercased()))")
        }
        if let near { conditions.append(near.sqlCondition(lat: "e.geo_lat", lon: "e.geo_lon", &arguments)) }
        return conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
    }
}

/// Units of a time series.
public enum SeriesUnit: String, Sendable, CaseIterable {
    /// Calendar days.
    case day
    /// ISO weeks, Monday to Sunday, labelled by their Monday.
    case week
    /// Calendar months, labelled by their first day.
    case month

    /// First day of the period that contains `day`.
    public func start(of day: Day) -> Day {
        switch self {
        case .day: return day
        case .week: return day.adding(days: -((day.weekday + 6) % 7))
        case .month: return Day(year: day.year, month: day.month, day: 1)!
        }
    }

    /// First day of the next period.
    public func next(after start: Day) -> Day {
        switch self {
        case .day: return start.adding(days: 1)
        case .week: return start.adding(days: 7)
        case .month:
            return start.month == 12 ? Day(year: start.year + 1, month: 1, day: 1)! : Day(year: start.year, month: start.month + 1, day: 1)!
        }
    }
}

/// One period of an event series.
public struct SeriesPoint: Sendable, Equatable {
    /// First day of the period.
    public var period: Day
    /// Deduplicated events in the period.
    public var events: Int
    /// Events per quad class: [verbal cooperation, material cooperation, verbal conflict, material conflict].
    public var quad: [Int]
    /// Sum of NumMentions of those events.
    public var mentions: Int
    /// Sum of Goldstein scores over the events (each event once).
    public var goldsteinSum: Double

    /// Mean Goldstein score, nil for a period without events.
    public var goldsteinMean: Double? { events > 0 ? goldsteinSum / Double(events) : nil }
}

extension EventStore {
    /// Calls `body` with every matching event, by date then id.
    public func events(_ query: EventQuery, _ body: (EventRow) throws -> Void) throws {
        let (sql, values) = StoreSQL.eventsQuery(query, .sqlite)
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: Self.arguments(values))
            while let r = try rows.next() { try body(StoreSQL.eventRow(Self.values(r))) }
        }
    }

    /// All matching events (convenience for small results and tests).
    public func events(_ query: EventQuery) throws -> [EventRow] {
        var rows: [EventRow] = []
        try events(query) { rows.append($0) }
        return rows
    }

    /// Per-period counts of matching events by quad class with Goldstein sum and mean. Periods run
    /// without gaps from the first to the last matching event (or the `since`/`until` bounds when
    /// given); events without a date are left out.
    public func series(_ query: EventQuery, by unit: SeriesUnit) throws -> [SeriesPoint] {
        let (sql, values) = StoreSQL.seriesQuery(query, .sqlite)
        var buckets = SeriesBuckets(unit: unit)
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: Self.arguments(values))
            while let r = try rows.next() { buckets.add(Self.values(r)) }
        }
        return buckets.points(query)
    }

    /// GRDB arguments for shared query values.
    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { v -> (any DatabaseValueConvertible)? in
                switch v {
                case .null: return nil
                case .int(let n): return n
                case .double(let d): return d
                case .text(let s): return s
                case .blob(let b): return Data(b)
                }
            })
    }

    /// A GRDB row as shared query values.
    static func values(_ row: Row) -> [SQLValue] {
        row.databaseValues.map { v in
            switch v.storage {
            case .null: return .null
            case .int64(let n): return .int(n)
            case .double(let d): return .double(d)
            case .string(let s): return .text(s)
            case .blob(let b): return .blob(Array(b))
            }
        }
    }
}

extension EventStore {
    /// Calls `body` with every stored relation as the record the coder emitted (`doc` is the document's
    /// input id), by date, document and sentence; `since`/`until` bound the date, inclusive.
    public func relations(since: Day? = nil, until: Day? = nil, _ body: (RelationRecord) throws -> Void) throws {
        let (sql, values) = StoreSQL.relationsQuery(since: since, until: until, .sqlite)
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: Self.arguments(values))
            while let r = try rows.next() {
                if let relation = StoreSQL.relation(Self.values(r)) { try body(relation) }
            }
        }
    }

    /// All stored relations (convenience for small stores and tests).
    public func relations(since: Day? = nil, until: Day? = nil) throws -> [RelationRecord] {
        var out: [RelationRecord] = []
        try relations(since: since, until: until) { out.append($0) }
        return out
    }
}
