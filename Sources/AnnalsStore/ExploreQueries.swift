import AnnalsCore
import Foundation

/// The queries of `annals serve`, written once for both backends over ``ExplorableDatabase``'s
/// primitives: every value is bound through ``SQLArguments`` and the few dialect differences are
/// asked of ``SQLDialect``.
extension ExplorableDatabase {
    /// One page of matching events in `request.sort` order, as rows or records (``EventPage/Shape``).
    /// The page and its total are read in one snapshot (``explore(_:)``).
    public func eventPage(_ request: EventPageRequest) throws -> EventPage {
        var arguments = SQLArguments(dialect)
        var condition = request.query.condition(&arguments)
        if let text = request.text {
            condition += " AND " + (try searchCondition(text, &arguments))
        }
        let countCondition = condition
        let countValues = arguments.values
        let sort = request.sort
        let op = sort.descending ? "<" : ">"
        if let after = request.after {
            let value: SQLValue
            switch sort {
            case .date, .dateDescending: value = .text(after.value)
            case .goldstein, .goldsteinDescending: value = .double(Double(after.value) ?? 0)
            case .mentions, .mentionsDescending: value = .int(Int64(after.value) ?? 0)
            }
            let a = arguments.bind(value), b = arguments.bind(value), c = arguments.bind(.int(after.id))
            condition += " AND (\(sort.column) \(op) \(a) OR (\(sort.column) = \(b) AND e.id \(op) \(c)))"
        }
        let direction = sort.descending ? "DESC" : "ASC"
        let limit = max(1, request.limit)
        // The page's ids first (index and sort only), then the events with their documents and sentences.
        let order = "ORDER BY \(sort.column) \(direction), e.id \(direction)"
        let pageValues = arguments.values
        return try explore { reader in
            let select = request.shape == .rows ? StoreSQL.eventSelect : try reader.storedEventSelect()
            let sql = select + " WHERE e.id IN (SELECT e.id FROM events e WHERE \(condition) \(order) LIMIT \(limit + 1)) \(order)"
            var rows = try reader.rows(sql, pageValues)
            var page = EventPage()
            let more = rows.count > limit
            if more { rows.removeLast(rows.count - limit) }
            switch request.shape {
            case .rows:
                page.rows = rows.map(StoreSQL.eventRow)
                if more, let last = page.rows.last, let id = Int64(last.id) {
                    page.next = EventCursor(sort: sort, value: sort.value(of: last), id: id)
                }
            case .records:
                page.events = rows.map(StoreSQL.storedEvent)
                if more, let last = page.events.last {
                    page.next = EventCursor(sort: sort, value: sort.value(of: last), id: last.storeID)
                }
            }
            if request.countTotal {
                page.total = try reader.count("SELECT count(*) FROM events e WHERE \(countCondition)", countValues)
            }
            return page
        }
    }

    /// The event with this store id as its record plus roll-up, and up to `mentionLimit` of its
    /// statements (oldest first) with their sentences and spans; nil when there is none.
    public func event(id: Int64, mentionLimit: Int = 200) throws -> (event: StoredEvent, mentions: [EventMention])? {
        var one = SQLArguments(dialect)
        let eventCondition = " WHERE e.id = \(one.bind(.int(id)))"
        var arguments = SQLArguments(dialect)
        let sql = """
            SELECT m.id, m.record, d.ident, d.title, d.url, d.date, m.sentence, coalesce(m.text, s.text, ''), m.count,
                   m.polarity, m.modality, m.verb, m.verb_start, m.verb_end, m.rule, m.source_text, m.source_name,
                   m.target_text, m.target_name, m.span_start, m.span_end, s.start, CASE WHEN m.text IS NULL THEN 1 ELSE 0 END
            FROM mentions m JOIN documents d ON d.id = m.doc
            LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence
            WHERE m.event = \(arguments.bind(.int(id))) ORDER BY m.id LIMIT \(arguments.bind(max(1, mentionLimit)))
            """
        return try explore { reader in
            guard let r = try reader.rows(try reader.storedEventSelect() + eventCondition, one.values).first else { return nil }
            let mentions = try reader.rows(sql, arguments.values).map(Self.mention)
            return (StoreSQL.storedEvent(r), mentions)
        }
    }

    /// A statement from the columns of ``event(id:mentionLimit:)``'s mention query.
    static func mention(_ m: [SQLValue]) -> EventMention {
        func int(_ i: Int) -> Int? { if case .null = m[i] { return nil } else { return m[i].int } }
        let text = m[7].string ?? ""
        let sourceText = m[15].string
        let targetText = m[17].string
        // Stored offsets are in the document; the sentence's start makes them local to its text.
        let base = int(21)
        let isSentence = m[22].int != 0
        let bytes = Array(text.utf8)
        func local(_ s: Int?, _ e: Int?) -> Span? {
            guard isSentence, let base, let s, let e, s - base >= 0, e - base <= bytes.count, s < e else { return nil }
            return Span(s - base, e - base)
        }
        let window = local(int(19), int(20))
        let verbText = m[11].string ?? ""
        let verb = MentionSpans.align(local(int(12), int(13)), to: verbText, in: bytes)
        return EventMention(
            id: Int64(m[0].int), record: m[1].string ?? "", doc: m[2].string ?? "", title: m[3].string, url: m[4].string,
            docDate: m[5].string, sentence: m[6].int, text: text, count: m[8].int, polarity: m[9].string ?? "",
            modality: m[10].string ?? "", verb: verbText, rule: m[14].string ?? "", sourceText: sourceText,
            sourceName: m[16].string, targetText: targetText, targetName: m[18].string, verbSpan: verb,
            sourceSpan: MentionSpans.locate(sourceText, in: bytes, near: window, avoiding: verb),
            targetSpan: MentionSpans.locate(targetText, in: bytes, near: window, avoiding: verb))
    }

    static var actorSelect: String { "SELECT code, name, country, sector, mentions, first_date, last_date FROM actors" }

    static func storedActor(_ r: [SQLValue]) -> StoredActor {
        StoredActor(
            code: r[0].string ?? "", name: r[1].string ?? "", country: r[2].string ?? "", sector: r[3].string ?? "",
            mentions: r[4].int, firstDate: r[5].string, lastDate: r[6].string)
    }

    /// Actors whose code starts with `text` (upper-cased) or whose name contains it
    /// (case-insensitively), most mentioned first.
    public func searchActors(_ text: String, limit: Int = 20) throws -> [StoredActor] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let like = "%" + trimmed.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        // Letters and digits only, so the prefix can stand in the SQL text (GLOB/LIKE need a literal to use the index).
        let codePrefix = trimmed.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        var arguments = SQLArguments(dialect)
        let byCode = codePrefix.isEmpty ? "" : dialect.prefix("code", codePrefix) + " OR "
        let sql =
            Self.actorSelect + """
                 WHERE \(byCode)\(dialect.containsIgnoringCase("name", arguments.bind(like)))
                ORDER BY mentions DESC, code, name LIMIT \(arguments.bind(max(1, limit)))
                """
        return try queryRows(sql, arguments.values).map(Self.storedActor)
    }

    /// The stored actors with exactly this code, or (when none) this name ignoring case, most mentioned first.
    public func actors(codeOrName key: String) throws -> [StoredActor] {
        var byCode = SQLArguments(dialect)
        let codeSQL = Self.actorSelect + " WHERE code = \(byCode.bind(key.uppercased())) AND code <> '' ORDER BY mentions DESC, name"
        let found = try queryRows(codeSQL, byCode.values)
        if !found.isEmpty { return found.map(Self.storedActor) }
        var byName = SQLArguments(dialect)
        let nameSQL = Self.actorSelect + " WHERE \(dialect.equalsIgnoringCase("name", byName.bind(key))) ORDER BY mentions DESC, code"
        return try queryRows(nameSQL, byName.values).map(Self.storedActor)
    }

    /// Affirmed events with `code` exactly on one side: counts by role and quad class, the date
    /// range and the `partnerLimit` most frequent counterparts.
    public func actorEventStats(code: String, partnerLimit: Int = 10) throws -> ActorEventStats {
        var stats = ActorEventStats()
        var a = SQLArguments(dialect)
        let (s1, s2, s3, s4) = (a.bind(code), a.bind(code), a.bind(code), a.bind(code))
        let counts = """
            SELECT sum(CASE WHEN e.source_code = \(s1) THEN 1 ELSE 0 END), sum(CASE WHEN e.target_code = \(s2) THEN 1 ELSE 0 END),
                   sum(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END),
                   sum(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END),
                   min(nullif(e.day, '')), max(nullif(e.day, ''))
            FROM events e WHERE (e.source_code = \(s3) OR e.target_code = \(s4)) AND e.polarity = 'affirmed'
            """
        if let r = try queryRows(counts, a.values).first {
            stats.asSource = r[0].int
            stats.asTarget = r[1].int
            stats.quad = (2...5).map { r[$0].int }
            stats.firstDate = r[6].string
            stats.lastDate = r[7].string
        }
        var p = SQLArguments(dialect)
        let (c1, c2, c3, c4) = (p.bind(code), p.bind(code), p.bind(code), p.bind(code))
        let partners = """
            SELECT CASE WHEN e.source_code = \(c1) THEN e.target_code ELSE e.source_code END AS partner,
                   max(CASE WHEN e.source_code = \(c2) THEN e.target_name ELSE e.source_name END),
                   count(*) AS n, avg(e.goldstein)
            FROM events e WHERE (e.source_code = \(c3) OR e.target_code = \(c4)) AND e.polarity = 'affirmed'
            GROUP BY partner ORDER BY n DESC, partner LIMIT \(p.bind(max(1, partnerLimit)))
            """
        stats.partners = try queryRows(partners, p.values).map {
            ActorEventStats.Partner(code: $0[0].string ?? "", name: $0[1].string ?? "", events: $0[2].int, goldsteinMean: $0[3].double)
        }
        return stats
    }
}
