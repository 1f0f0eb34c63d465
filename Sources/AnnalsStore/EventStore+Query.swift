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

    /// SQL condition and arguments over `events e`.
    func whereClause() -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !includeNegated { conditions.append("e.polarity = 'affirmed'") }
        if minMentions > 1 {
            conditions.append("e.num_mentions >= ?")
            arguments += [minMentions]
        }
        if let since {
            conditions.append("e.day >= ?")
            arguments += [since.description]
        }
        if let until {
            conditions.append("e.day <> '' AND e.day <= ?")
            arguments += [until.description]
        }
        if source != nil || target != nil {
            func side(_ s: String?, _ t: String?) -> String {
                var parts: [String] = []
                if let s { parts.append("e.source_code GLOB '\(s)*'") }
                if let t { parts.append("e.target_code GLOB '\(t)*'") }
                return "(" + parts.joined(separator: " AND ") + ")"
            }
            var dyad = side(source, target)
            if undirected { dyad = "(\(dyad) OR \(side(target, source)))" }
            conditions.append(dyad)
        }
        if let actor, !actor.isEmpty {
            var alternatives: [String] = []
            if let code = try? Self.codePrefix(actor), actor == actor.uppercased() {
                alternatives.append("e.source_code GLOB '\(code)*' OR e.target_code GLOB '\(code)*'")
            }
            alternatives.append(
                """
                e.source_name = ? COLLATE NOCASE OR e.target_name = ? COLLATE NOCASE OR e.id IN (SELECT event FROM mentions \
                WHERE source_name = ? COLLATE NOCASE OR target_name = ? COLLATE NOCASE OR source_text LIKE ? OR target_text LIKE ?)
                """)
            let like = "%" + actor.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            arguments += [actor, actor, actor, actor, like, like]
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        let codes = cameo.filter { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        if !codes.isEmpty {
            conditions.append("(" + codes.map { "e.cameo GLOB '\($0)*'" }.joined(separator: " OR ") + ")")
        }
        if !plover.isEmpty {
            conditions.append("e.plover IN (" + plover.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += StatementArguments(plover.map { $0.uppercased() })
        }
        let sql = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return (sql, arguments)
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
    static let rowSelect = """
        SELECT e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,
               e.plover, e.quad, e.goldstein, e.is_root, e.num_mentions, e.num_sources, e.num_articles,
               e.polarity, e.modality, d.ident, e.first_sentence, d.url, e.date_added, coalesce(e.first_text, s.text, '')
        FROM events e JOIN documents d ON d.id = e.first_doc
        LEFT JOIN sentences s ON s.doc = e.first_doc AND s.idx = e.first_sentence
        """

    /// Calls `body` with every matching event, by date then id.
    public func events(_ query: EventQuery, _ body: (EventRow) throws -> Void) throws {
        let (condition, arguments) = query.whereClause()
        var sql = Self.rowSelect + " WHERE \(condition) ORDER BY e.day, e.id"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() { try body(Self.eventRow(r)) }
        }
    }

    /// Decodes one row selected by ``rowSelect``.
    static func eventRow(_ r: Row) -> EventRow {
        let source: String = r[2]
        let target: String = r[4]
        let ident: String = r[17]
        let url: String? = r[19]
        return EventRow(
            id: String(r[0] as Int64), date: r[1], sourceCode: source, sourceName: r[3],
            sourceCountry: ActorCode.country(of: source), sourceSector: ActorCode.sector(of: source),
            targetCode: target, targetName: r[5], targetCountry: ActorCode.country(of: target),
            targetSector: ActorCode.sector(of: target), cameo: r[6], root: r[7], plover: (r[8] as String?) ?? "",
            quad: r[9], goldstein: r[10], isRoot: r[11], numMentions: r[12], numSources: r[13],
            numArticles: r[14], polarity: r[15], modality: r[16], doc: ident, sentence: r[18],
            url: url.flatMap { $0.isEmpty ? nil : $0 } ?? ident, dateAdded: r[20], text: r[21])
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
        let (condition, arguments) = query.whereClause()
        let sql = """
            SELECT e.day, e.quad, count(*), sum(e.num_mentions), sum(e.goldstein) FROM events e
            WHERE e.day <> '' AND \(condition) GROUP BY e.day, e.quad ORDER BY e.day
            """
        var buckets: [Day: SeriesPoint] = [:]
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() {
                guard let day = Day(r[0] as String) else { continue }
                let start = unit.start(of: day)
                var p = buckets[start] ?? SeriesPoint(period: start, events: 0, quad: [0, 0, 0, 0], mentions: 0, goldsteinSum: 0)
                let quad: Int = r[1]
                let n: Int = r[2]
                p.events += n
                if (1...4).contains(quad) { p.quad[quad - 1] += n }
                p.mentions += r[3] as Int
                p.goldsteinSum += r[4] as Double
                buckets[start] = p
            }
        }
        let starts = buckets.keys
        guard let first = query.since.map({ unit.start(of: $0) }) ?? starts.min(),
            let last = query.until.map({ unit.start(of: $0) }) ?? starts.max(), first <= last
        else { return [] }
        var out: [SeriesPoint] = []
        var p = first
        while p <= last {
            out.append(buckets[p] ?? SeriesPoint(period: p, events: 0, quad: [0, 0, 0, 0], mentions: 0, goldsteinSum: 0))
            p = unit.next(after: p)
        }
        return out
    }
}

extension EventStore {
    /// Calls `body` with every stored relation as the record the coder emitted (`doc` is the document's
    /// input id), by date, document and sentence; `since`/`until` bound the date, inclusive.
    public func relations(since: Day? = nil, until: Day? = nil, _ body: (RelationRecord) throws -> Void) throws {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let since {
            conditions.append("r.date >= ?")
            arguments += [since.description]
        }
        if let until {
            conditions.append("r.date <> '' AND r.date <= ?")
            arguments += [until.description]
        }
        let sql = """
            SELECT r.record, d.ident, r.sentence, r.text, r.subject_text, r.subject_name, r.subject_code,
                   coalesce(r.subject_start, r.span_start), coalesce(r.subject_end, r.span_end), r.relation, r.label,
                   r.object_text, r.object_name, r.object_code, coalesce(r.object_start, r.span_start),
                   coalesce(r.object_end, r.span_end), r.date, r.verb, coalesce(r.verb_start, r.span_start),
                   coalesce(r.verb_end, r.span_end), r.rule
            FROM relations r JOIN documents d ON d.id = r.doc
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY r.date, r.doc, r.sentence, r.id
            """
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() {
                guard let kind = RelationKind(rawValue: r[9]) else { continue }
                try body(
                    RelationRecord(
                        id: r[0], doc: r[1], sentence: r[2], text: r[3],
                        subject: ActorRef(text: r[4], name: r[5], code: r[6], span: Span(r[7], r[8])),
                        relation: kind, label: r[10],
                        object: ActorRef(text: r[11], name: r[12], code: r[13], span: Span(r[14], r[15])),
                        date: r[16], evidence: Evidence(verb: r[17], span: Span(r[18], r[19]), rule: r[20])))
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
