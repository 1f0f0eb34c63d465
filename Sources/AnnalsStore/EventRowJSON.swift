import AnnalsCore
import GRDB

/// A deduplicated event read back from the store: the record `annals code` wrote for its first
/// statement, plus the store's roll-up across articles. `annals events --format jsonl` writes it as
/// that same event object with the roll-up fields added (docs/record-schema.json).
public struct StoredEvent: Hashable, Sendable {
    /// The first statement's event record (its `id` is the record id `annals code` gave it).
    public var record: EventRecord
    /// The store's integer event id (GDELT GlobalEventID).
    public var storeID: Int64
    /// Statements of the event in all articles (GDELT NumMentions).
    public var numMentions: Int
    /// Distinct publishers (GDELT NumSources).
    public var numSources: Int
    /// Distinct documents (GDELT NumArticles).
    public var numArticles: Int
    /// Whether a statement is in a headline or lead sentence (GDELT IsRootEvent).
    public var isRoot: Bool
    /// When the store first recorded the event, ISO 8601 UTC (`2024-03-12T08:15:00Z`).
    public var firstSeen: String

    /// Writes the event object followed by `store_id`, `num_mentions`, `num_sources`,
    /// `num_articles`, `is_root` and `first_seen`.
    public func write(to json: inout JSONWriter) {
        record.write(to: &json) { j in
            j.key("store_id"); j.int(Int(storeID))
            j.key("num_mentions"); j.int(numMentions)
            j.key("num_sources"); j.int(numSources)
            j.key("num_articles"); j.int(numArticles)
            j.key("is_root"); j.bool(isRoot)
            j.key("first_seen"); j.string(firstSeen)
        }
    }

    /// `YYYYMMDDHHMMSS` (GDELT DATEADDED) as `YYYY-MM-DDTHH:MM:SSZ`; other text unchanged.
    static func iso(compact s: String) -> String {
        let c = Array(s.utf8)
        guard c.count == 14, c.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return s }
        func part(_ r: Range<Int>) -> String { String(decoding: c[r], as: UTF8.self) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(8..<10)):\(part(10..<12)):\(part(12..<14))Z"
    }
}

extension StoreSQL {
    /// The columns ``storedEvent(_:)`` decodes: ``eventSelect``'s event columns plus the event's first
    /// mention (record id, evidence and actor spans). Stores from before the actor-span columns
    /// (`actorSpans == false`) use the mention's span for both actors; stores from before the
    /// location columns (`geo == false`) read back without places.
    public static func storedEventSelect(actorSpans: Bool = true, geo: Bool = true) -> String {
        let spans =
            actorSpans
            ? "coalesce(m.source_start, m.span_start), coalesce(m.source_end, m.span_end), coalesce(m.target_start, m.span_start), coalesce(m.target_end, m.span_end)"
            : "m.span_start, m.span_end, m.span_start, m.span_end"
        return """
            SELECT e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,
                   e.plover, e.quad, e.goldstein, e.is_root, e.num_mentions, e.num_sources, e.num_articles,
                   e.polarity, e.modality, d.ident, e.first_sentence, e.date_added, coalesce(e.first_text, s.text, ''),
                   m.record, m.count, m.verb, m.verb_start, m.verb_end, m.rule, m.source_text, m.target_text, \(spans),
                   \(geo ? "m.location, m.source_place, m.target_place" : "NULL, NULL, NULL")
            FROM events e JOIN documents d ON d.id = e.first_doc
            LEFT JOIN sentences s ON s.doc = e.first_doc AND s.idx = e.first_sentence
            LEFT JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)
            """
    }

    /// One stored event from the columns of ``storedEventSelect(actorSpans:)``.
    public static func storedEvent(_ r: [SQLValue]) -> StoredEvent {
        func int(_ i: Int) -> Int? { if case .null = r[i] { return nil } else { return r[i].int } }
        func actor(code: String, name: String, text: String?, start: Int?, end: Int?) -> ActorRef? {
            guard !code.isEmpty || !name.isEmpty else { return nil }
            return ActorRef(text: text ?? name, name: name, code: code, span: Span(start ?? 0, end ?? 0))
        }
        let id = Int64(r[0].int)
        let plover = r[8].string ?? ""
        var record = EventRecord(
            id: r[21].string ?? String(id), doc: r[17].string ?? "", sentence: r[18].int, text: r[20].string ?? "",
            date: r[1].string ?? "",
            source: actor(code: r[2].string ?? "", name: r[3].string ?? "", text: r[27].string, start: int(29), end: int(30)),
            target: actor(code: r[4].string ?? "", name: r[5].string ?? "", text: r[28].string, start: int(31), end: int(32)),
            cameo: r[6].string ?? "", root: r[7].string ?? "", plover: plover.isEmpty ? nil : plover, quad: r[9].int,
            goldstein: r[10].double, polarity: Polarity(rawValue: r[15].string ?? "") ?? .affirmed,
            modality: Modality(rawValue: r[16].string ?? "") ?? .asserted, mentions: int(22) ?? 1,
            evidence: Evidence(verb: r[23].string ?? "", span: Span(int(24) ?? 0, int(25) ?? 0), rule: r[26].string ?? ""))
        record.location = GeoJSON.decode(r[33].string)
        record.source?.place = GeoJSON.decode(r[34].string)
        record.target?.place = GeoJSON.decode(r[35].string)
        return StoredEvent(
            record: record, storeID: id, numMentions: r[12].int, numSources: r[13].int, numArticles: r[14].int,
            isRoot: r[11].int != 0, firstSeen: StoredEvent.iso(compact: r[19].string ?? ""))
    }
}

extension EventStore {
    /// Calls `body` with every matching event as a ``StoredEvent``, by date then id (the order of
    /// ``events(_:_:)``).
    public func storedEvents(_ query: EventQuery, _ body: (StoredEvent) throws -> Void) throws {
        var bound = SQLArguments(.sqlite)
        let condition = query.condition(&bound)
        let arguments = Self.arguments(bound.values)
        try read { db in
            // Databases from before schema 3 have no actor spans (the mention's span stands in),
            // from before 4 no locations.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            var sql = StoreSQL.storedEventSelect(actorSpans: version >= 3, geo: version >= 4) + " WHERE \(condition) ORDER BY e.day, e.id"
            if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() { try body(StoreSQL.storedEvent(Self.values(r))) }
        }
    }
}
