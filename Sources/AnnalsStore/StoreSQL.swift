import AnnalsCore

/// A value bound to or read from SQL, the same for both backends.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    public var int: Int {
        switch self {
        case .int(let v): return Int(v)
        case .double(let v): return Int(v)
        case .text(let s): return Int(s) ?? 0
        default: return 0
        }
    }

    public var double: Double {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .text(let s): return Double(s) ?? 0
        default: return 0
        }
    }

    /// The text, nil for NULL (numbers are written out).
    public var string: String? {
        switch self {
        case .text(let s): return s
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .null, .blob: return nil
        }
    }
}

/// The SQL spoken by a backend: where the two differ, the query code asks its dialect.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// `column` starts with `prefix` (letters and digits only, checked by the caller).
    func prefix(_ column: String, _ prefix: String) -> String {
        self == .sqlite ? "\(column) GLOB '\(prefix)*'" : "\(column) LIKE '\(prefix)%'"
    }

    /// `column` equals the bound value, ASCII case-insensitively.
    func equalsIgnoringCase(_ column: String, _ placeholder: String) -> String {
        self == .sqlite ? "\(column) = \(placeholder) COLLATE NOCASE" : "lower(\(column)) = lower(\(placeholder))"
    }

    /// `column` contains the bound `%pattern%`, case-insensitively.
    func containsIgnoringCase(_ column: String, _ placeholder: String) -> String {
        self == .sqlite ? "\(column) LIKE \(placeholder)" : "\(column) ILIKE \(placeholder)"
    }
}

/// SQL text with its bound values, placeholders written in the dialect's style.
public struct SQLArguments: Sendable {
    public let dialect: SQLDialect
    public private(set) var values: [SQLValue] = []

    public init(_ dialect: SQLDialect) { self.dialect = dialect }

    /// Binds `value` and returns its placeholder (`?` or `$n`).
    public mutating func bind(_ value: SQLValue) -> String {
        values.append(value)
        return dialect == .sqlite ? "?" : "$\(values.count)"
    }

    public mutating func bind(_ text: String) -> String { bind(.text(text)) }
    public mutating func bind(_ n: Int) -> String { bind(.int(Int64(n))) }
}

/// The query text and row decoding shared by the SQLite and PostgreSQL stores: both have the same
/// tables and columns (docs/store.md), so the same SELECTs read them.
public enum StoreSQL {
    /// The columns ``eventRow(_:)`` decodes, over `events e` joined to its first document and sentence.
    public static let eventSelect = """
        SELECT e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,
               e.plover, e.quad, e.goldstein, e.is_root, e.num_mentions, e.num_sources, e.num_articles,
               e.polarity, e.modality, d.ident, e.first_sentence, d.url, e.date_added, coalesce(e.first_text, s.text, ''),
               e.geo, e.actor1_geo, e.actor2_geo
        FROM events e JOIN documents d ON d.id = e.first_doc
        LEFT JOIN sentences s ON s.doc = e.first_doc AND s.idx = e.first_sentence
        """

    /// The whole query of `events`: by date, then event id.
    public static func eventsQuery(_ query: EventQuery, _ dialect: SQLDialect) -> (String, [SQLValue]) {
        var arguments = SQLArguments(dialect)
        let condition = query.condition(&arguments)
        var sql = eventSelect + " WHERE \(condition) ORDER BY e.day, e.id"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return (sql, arguments.values)
    }

    /// One event row from the columns of ``eventSelect``.
    public static func eventRow(_ r: [SQLValue]) -> EventRow {
        var row = plainEventRow(r)
        if r.count > 24 {
            row.actionGeo = GeoJSON.decode(r[22].string)
            row.actor1Geo = GeoJSON.decode(r[23].string)
            row.actor2Geo = GeoJSON.decode(r[24].string)
        }
        return row
    }

    static func plainEventRow(_ r: [SQLValue]) -> EventRow {
        let source = r[2].string ?? ""
        let target = r[4].string ?? ""
        let ident = r[17].string ?? ""
        let url = r[19].string
        return EventRow(
            id: r[0].string ?? "", date: r[1].string ?? "", sourceCode: source, sourceName: r[3].string ?? "",
            sourceCountry: ActorCode.country(of: source), sourceSector: ActorCode.sector(of: source),
            targetCode: target, targetName: r[5].string ?? "", targetCountry: ActorCode.country(of: target),
            targetSector: ActorCode.sector(of: target), cameo: r[6].string ?? "", root: r[7].string ?? "",
            plover: r[8].string ?? "", quad: r[9].int, goldstein: r[10].double, isRoot: r[11].int != 0,
            numMentions: r[12].int, numSources: r[13].int, numArticles: r[14].int, polarity: r[15].string ?? "",
            modality: r[16].string ?? "", doc: ident, sentence: r[18].int,
            url: url.flatMap { $0.isEmpty ? nil : $0 } ?? ident, dateAdded: r[20].string ?? "", text: r[21].string ?? "")
    }

    /// Per-day, per-quad counts of the matching dated events; rows feed ``SeriesBuckets/add(_:)``.
    public static func seriesQuery(_ query: EventQuery, _ dialect: SQLDialect) -> (String, [SQLValue]) {
        var arguments = SQLArguments(dialect)
        let condition = query.condition(&arguments)
        let sql = """
            SELECT e.day, e.quad, count(*), sum(e.num_mentions), sum(e.goldstein) FROM events e
            WHERE e.day <> '' AND \(condition) GROUP BY e.day, e.quad ORDER BY e.day, e.quad
            """
        return (sql, arguments.values)
    }

    /// The stored relations between `since` and `until`, by date, then document (by date, input id and
    /// content hash, so not by the order of ingestion), sentence and order in the document.
    public static func relationsQuery(since: Day?, until: Day?, _ dialect: SQLDialect) -> (String, [SQLValue]) {
        var arguments = SQLArguments(dialect)
        var conditions: [String] = []
        if let since { conditions.append("r.date >= \(arguments.bind(since.description))") }
        if let until { conditions.append("r.date <> '' AND r.date <= \(arguments.bind(until.description))") }
        let sql = """
            SELECT r.record, d.ident, r.sentence, r.text, r.subject_text, r.subject_name, r.subject_code,
                   coalesce(r.subject_start, r.span_start), coalesce(r.subject_end, r.span_end), r.relation, r.label,
                   r.object_text, r.object_name, r.object_code, coalesce(r.object_start, r.span_start),
                   coalesce(r.object_end, r.span_end), r.date, r.verb, coalesce(r.verb_start, r.span_start),
                   coalesce(r.verb_end, r.span_end), r.rule
            FROM relations r JOIN documents d ON d.id = r.doc
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY r.date, d.date, d.ident, d.hash, r.sentence, r.id
            """
        return (sql, arguments.values)
    }

    /// One relation from the columns of ``relationsQuery(since:until:_:)``; nil for an unknown kind.
    public static func relation(_ r: [SQLValue]) -> RelationRecord? {
        guard let kind = RelationKind(rawValue: r[9].string ?? "") else { return nil }
        func s(_ i: Int) -> String { r[i].string ?? "" }
        return RelationRecord(
            id: s(0), doc: s(1), sentence: r[2].int, text: s(3),
            subject: ActorRef(text: s(4), name: s(5), code: s(6), span: Span(r[7].int, r[8].int)),
            relation: kind, label: r[10].string,
            object: ActorRef(text: s(11), name: s(12), code: s(13), span: Span(r[14].int, r[15].int)),
            date: s(16), evidence: Evidence(verb: s(17), span: Span(r[18].int, r[19].int), rule: s(20)))
    }
}

/// Accumulates the rows of ``StoreSQL/seriesQuery(_:_:)`` into periods without gaps.
public struct SeriesBuckets {
    let unit: SeriesUnit
    var buckets: [Day: SeriesPoint] = [:]

    public init(unit: SeriesUnit) { self.unit = unit }

    /// A row (day, quad, events, mentions, Goldstein sum).
    public mutating func add(_ r: [SQLValue]) {
        guard let text = r[0].string, let day = Day(text) else { return }
        let start = unit.start(of: day)
        var p = buckets[start] ?? SeriesPoint(period: start, events: 0, quad: [0, 0, 0, 0], mentions: 0, goldsteinSum: 0)
        let quad = r[1].int
        let n = r[2].int
        p.events += n
        if (1...4).contains(quad) { p.quad[quad - 1] += n }
        p.mentions += r[3].int
        // Goldstein weights are tenths: the sum is kept in tenths, so that a database's summation
        // order (SQLite and PostgreSQL add doubles differently) cannot move a mean across a rounding tie.
        p.goldsteinSum = ((p.goldsteinSum + r[4].double) * 10).rounded() / 10
        buckets[start] = p
    }

    /// Periods from the first to the last event (or the query's bounds), empty ones included.
    public func points(_ query: EventQuery) -> [SeriesPoint] {
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

/// How an event's roll-up is computed from its mentions, in SQL both backends run: the counts
/// (NumMentions, NumArticles, NumSources, IsRootEvent) and the *first* statement, which is the one of
/// the earliest document (by date, then input id, then content hash), then the earliest sentence and
/// span. Nothing depends on the order documents were ingested in, so racing writers agree.
public enum RollUp {
    /// Aggregates over `mentions m JOIN documents d ON d.id = m.doc`, in the order of the event columns
    /// `num_mentions, num_articles, num_sources, is_root`.
    public static let counts = """
        coalesce(sum(m.count), 0), count(DISTINCT m.doc), count(DISTINCT coalesce(d.publisher, '')), \
        coalesce(max(CASE WHEN m.sentence <= 1 THEN 1 ELSE 0 END), 0)
        """
    /// The first statement's values, in the order of `first_doc, first_sentence, first_text, modality,
    /// source_name, target_name`.
    public static let first = "m.doc, m.sentence, m.text, m.modality, coalesce(m.source_name, ''), coalesce(m.target_name, '')"
    /// Orders mentions so that the first statement comes first.
    public static let firstOrder = "d.date IS NULL, d.date, d.ident, d.hash, m.sentence, m.span_start, m.record"

    /// `SET` assignments of the event's places: where it happened (`geo`, with `geo_country`,
    /// `geo_lat`, `geo_lon` for the filters) from its first statement that has a location, and each
    /// actor's stated place (`actor1_geo`, `actor2_geo`) from its first statement that has one.
    /// `event` is the SQL for the event's id.
    public static func geo(event: String) -> String {
        func first(_ columns: String, where column: String) -> String {
            """
            (SELECT \(columns) FROM mentions m JOIN documents d ON d.id = m.doc
                         WHERE m.event = \(event) AND m.\(column) IS NOT NULL ORDER BY \(firstOrder) LIMIT 1)
            """
        }
        return """
            (geo, geo_country, geo_lat, geo_lon) = \(first("m.location, m.location_country, m.location_lat, m.location_lon", where: "location")),
                    actor1_geo = \(first("m.source_place", where: "source_place")),
                    actor2_geo = \(first("m.target_place", where: "target_place"))
            """
    }
}
