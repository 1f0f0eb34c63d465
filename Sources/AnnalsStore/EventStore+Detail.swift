import AnnalsCore
import Foundation
import GRDB

/// One statement of a stored event: its sentence and where source, verb and target are in it.
public struct EventMention: Sendable {
    public var id: Int64
    /// The record id `annals code` gave the statement.
    public var record: String
    public var doc: String
    public var title: String?
    public var url: String?
    public var docDate: String?
    public var sentence: Int
    /// The statement's sentence.
    public var text: String
    public var count: Int
    public var polarity: String
    public var modality: String
    public var verb: String
    /// The dictionary rule or pattern that coded it.
    public var rule: String
    public var sourceText: String?
    public var sourceName: String?
    public var targetText: String?
    public var targetName: String?
    /// UTF-8 byte ranges in ``text`` (nil where the store cannot place them).
    public var verbSpan: Span?
    public var sourceSpan: Span?
    public var targetSpan: Span?
}

/// An actor as stored: one (code, name) pair with its mention counts and dates.
public struct StoredActor: Sendable, Equatable {
    public var code: String
    public var name: String
    public var country: String
    public var sector: String
    public var mentions: Int
    public var firstDate: String?
    public var lastDate: String?
}

/// What the events say about one actor code.
public struct ActorEventStats: Sendable {
    public struct Partner: Sendable {
        public var code: String
        public var name: String
        public var events: Int
        public var goldsteinMean: Double
    }
    public var asSource = 0
    public var asTarget = 0
    /// Events per quad class 1–4.
    public var quad = [0, 0, 0, 0]
    public var firstDate: String?
    public var lastDate: String?
    /// Counterparts by number of events, most first.
    public var partners: [Partner] = []

    public init() {}
}

extension EventStore {
    /// The event with this id and up to `mentionLimit` of its statements, nil when there is none.
    public func event(id: Int64, mentionLimit: Int = 200) throws -> (row: EventRow, mentions: [EventMention])? {
        try read { db in
            guard let r = try Row.fetchOne(db, sql: StoreSQL.eventSelect + " WHERE e.id = ?", arguments: [id]) else { return nil }
            let sql = """
                SELECT m.id, m.record, d.ident, d.title, d.url, d.date, m.sentence, coalesce(m.text, s.text, ''), m.count,
                       m.polarity, m.modality, m.verb, m.verb_start, m.verb_end, m.rule, m.source_text, m.source_name,
                       m.target_text, m.target_name, m.span_start, m.span_end, s.start, m.text IS NULL
                FROM mentions m JOIN documents d ON d.id = m.doc
                LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence
                WHERE m.event = ? ORDER BY m.id LIMIT ?
                """
            let mentions = try Row.fetchAll(db, sql: sql, arguments: [id, max(1, mentionLimit)]).map { m -> EventMention in
                let text: String = m[7]
                let sourceText: String? = m[15]
                let targetText: String? = m[17]
                // Stored offsets are in the document; the sentence's start makes them local to its text.
                let base: Int? = m[21]
                let isSentence: Bool = m[22]
                let bytes = Array(text.utf8)
                func local(_ s: Int, _ e: Int) -> Span? {
                    guard isSentence, let base, s - base >= 0, e - base <= bytes.count, s < e else { return nil }
                    return Span(s - base, e - base)
                }
                let window = local(m[19], m[20])
                let verbText: String = m[11]
                let verb = Self.align(local(m[12], m[13]), to: verbText, in: bytes)
                return EventMention(
                    id: m[0], record: m[1], doc: m[2], title: m[3], url: m[4], docDate: m[5], sentence: m[6], text: text,
                    count: m[8], polarity: m[9], modality: m[10], verb: m[11], rule: m[14], sourceText: sourceText,
                    sourceName: m[16], targetText: targetText, targetName: m[18], verbSpan: verb,
                    sourceSpan: Self.locate(sourceText, in: bytes, near: window, avoiding: verb),
                    targetSpan: Self.locate(targetText, in: bytes, near: window, avoiding: verb))
            }
            return (StoreSQL.eventRow(Self.values(r)), mentions)
        }
    }

    /// Stored spans are offsets into the document as read, the stored sentence is the cleaned text
    /// (curly quotes, dashes and odd spaces made ASCII), so a span can land a few bytes late. When the
    /// text at `span` does not start with the verb's first word, the nearest occurrence of that word
    /// (within 64 bytes) is taken and the span shifted by the same amount.
    static func align(_ span: Span?, to verb: String, in bytes: [UInt8]) -> Span? {
        guard let span else { return nil }
        guard let first = verb.split(separator: " ").first.map({ Array($0.lowercased().utf8) }), !first.isEmpty else { return span }
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func matches(at i: Int) -> Bool {
            guard i >= 0, i + first.count <= bytes.count else { return false }
            if i > 0, Self.isWordByte(bytes[i - 1]) { return false }
            for k in 0..<first.count where lower(bytes[i + k]) != first[k] { return false }
            return true
        }
        if matches(at: span.start) { return span }
        let candidates = (max(0, span.start - 64)...min(bytes.count, span.start + 64)).filter(matches)
        guard let best = candidates.min(by: { abs($0 - span.start) < abs($1 - span.start) }) else { return span }
        let shift = span.start - best
        var end = min(bytes.count, max(best + first.count, span.end - shift))
        while end < bytes.count, Self.isWordByte(bytes[end]), end > 0, Self.isWordByte(bytes[end - 1]) { end += 1 }
        return Span(best, end)
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }

    /// Where `needle` occurs in `bytes`: the first occurrence inside `window` (the statement's span),
    /// else the first anywhere that does not overlap `avoiding` (the verb); nil when absent.
    static func locate(_ needle: String?, in bytes: [UInt8], near window: Span?, avoiding: Span?) -> Span? {
        guard let needle, !needle.isEmpty else { return nil }
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        var hits: [Span] = []
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], Array(bytes[i..<(i + n.count)]) == n { hits.append(Span(i, i + n.count)) }
            i += 1
        }
        func overlapsVerb(_ s: Span) -> Bool {
            guard let v = avoiding else { return false }
            return s.start < v.end && v.start < s.end
        }
        if let w = window, let h = hits.first(where: { $0.start >= w.start && $0.end <= w.end && !overlapsVerb($0) }) { return h }
        return hits.first(where: { !overlapsVerb($0) })
    }

    /// Actors whose code starts with `text` (upper-cased) or whose name contains it, most mentioned first.
    public func searchActors(_ text: String, limit: Int = 20) throws -> [StoredActor] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let like = "%" + trimmed.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        let codePrefix = trimmed.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT code, name, country, sector, mentions, first_date, last_date FROM actors
                    WHERE (? <> '' AND code GLOB ? || '*') OR name LIKE ?
                    ORDER BY mentions DESC, code, name LIMIT ?
                    """, arguments: [codePrefix, codePrefix, like, max(1, limit)]
            ).map(Self.storedActor)
        }
    }

    /// The stored actors with exactly this code, or (when none) this name, most mentioned first.
    public func actors(codeOrName key: String) throws -> [StoredActor] {
        try read { db in
            let select = "SELECT code, name, country, sector, mentions, first_date, last_date FROM actors"
            let byCode = try Row.fetchAll(
                db, sql: select + " WHERE code = ? AND code <> '' ORDER BY mentions DESC, name", arguments: [key.uppercased()])
            if !byCode.isEmpty { return byCode.map(Self.storedActor) }
            return try Row.fetchAll(db, sql: select + " WHERE name = ? COLLATE NOCASE ORDER BY mentions DESC, code", arguments: [key])
                .map(Self.storedActor)
        }
    }

    static func storedActor(_ r: Row) -> StoredActor {
        StoredActor(code: r[0], name: r[1], country: r[2], sector: r[3], mentions: r[4], firstDate: r[5], lastDate: r[6])
    }

    /// Affirmed events with `code` exactly on one side: counts by role and quad class, the date
    /// range and the `partnerLimit` most frequent counterparts.
    public func actorEventStats(code: String, partnerLimit: Int = 10) throws -> ActorEventStats {
        try read { db in
            var stats = ActorEventStats()
            let side = "(e.source_code = ?1 OR e.target_code = ?1) AND e.polarity = 'affirmed'"
            if let r = try Row.fetchOne(
                db,
                sql: """
                    SELECT sum(e.source_code = ?1), sum(e.target_code = ?1), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3),
                           sum(e.quad = 4), min(nullif(e.day, '')), max(nullif(e.day, '')) FROM events e WHERE \(side)
                    """, arguments: [code])
            {
                stats.asSource = (r[0] as Int?) ?? 0
                stats.asTarget = (r[1] as Int?) ?? 0
                stats.quad = (2...5).map { (r[$0] as Int?) ?? 0 }
                stats.firstDate = r[6]
                stats.lastDate = r[7]
            }
            stats.partners = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN e.source_code = ?1 THEN e.target_code ELSE e.source_code END AS partner,
                           max(CASE WHEN e.source_code = ?1 THEN e.target_name ELSE e.source_name END),
                           count(*) AS n, avg(e.goldstein)
                    FROM events e WHERE \(side) GROUP BY partner ORDER BY n DESC, partner LIMIT ?2
                    """, arguments: [code, max(1, partnerLimit)]
            ).map { ActorEventStats.Partner(code: $0[0], name: $0[1], events: $0[2], goldsteinMean: $0[3]) }
            return stats
        }
    }
}
