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

extension EventStore {
    /// Calls `body` with every matching event as a ``StoredEvent``, by date then id (the order of
    /// ``events(_:_:)``).
    public func storedEvents(_ query: EventQuery, _ body: (StoredEvent) throws -> Void) throws {
        var bound = SQLArguments(.sqlite)
        let condition = query.condition(&bound)
        let arguments = Self.arguments(bound.values)
        try read { db in
            // Databases from before schema 3 have no actor spans; the mention's span stands in.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let spans =
                version >= 3
                ? "coalesce(m.source_start, m.span_start), coalesce(m.source_end, m.span_end), coalesce(m.target_start, m.span_start), coalesce(m.target_end, m.span_end)"
                : "m.span_start, m.span_end, m.span_start, m.span_end"
            var sql = """
                SELECT e.id, e.day, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root,
                       e.plover, e.quad, e.goldstein, e.is_root, e.num_mentions, e.num_sources, e.num_articles,
                       e.polarity, e.modality, d.ident, e.first_sentence, e.date_added, coalesce(e.first_text, s.text, ''),
                       m.record, m.count, m.verb, m.verb_start, m.verb_end, m.rule, m.source_text, m.target_text, \(spans)
                FROM events e JOIN documents d ON d.id = e.first_doc
                LEFT JOIN sentences s ON s.doc = e.first_doc AND s.idx = e.first_sentence
                LEFT JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)
                WHERE \(condition) ORDER BY e.day, e.id
                """
            if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() {
                let id: Int64 = r[0]
                func actor(code: String, name: String, text: String?, start: Int?, end: Int?) -> ActorRef? {
                    guard !code.isEmpty || !name.isEmpty else { return nil }
                    return ActorRef(text: text ?? name, name: name, code: code, span: Span(start ?? 0, end ?? 0))
                }
                let record = EventRecord(
                    id: (r[21] as String?) ?? String(id), doc: r[17], sentence: r[18], text: r[20], date: r[1],
                    source: actor(code: r[2], name: r[3], text: r[27], start: r[29], end: r[30]),
                    target: actor(code: r[4], name: r[5], text: r[28], start: r[31], end: r[32]),
                    cameo: r[6], root: r[7], plover: (r[8] as String?).flatMap { $0.isEmpty ? nil : $0 }, quad: r[9],
                    goldstein: r[10], polarity: Polarity(rawValue: r[15]) ?? .affirmed,
                    modality: Modality(rawValue: r[16]) ?? .asserted, mentions: (r[22] as Int?) ?? 1,
                    evidence: Evidence(
                        verb: (r[23] as String?) ?? "", span: Span((r[24] as Int?) ?? 0, (r[25] as Int?) ?? 0),
                        rule: (r[26] as String?) ?? ""))
                try body(
                    StoredEvent(
                        record: record, storeID: id, numMentions: r[12], numSources: r[13], numArticles: r[14],
                        isRoot: r[11], firstSeen: StoredEvent.iso(compact: r[19])))
            }
        }
    }

    /// All matching events as ``StoredEvent``s (convenience for small results and tests).
    public func storedEvents(_ query: EventQuery) throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        try storedEvents(query) { out.append($0) }
        return out
    }
}
