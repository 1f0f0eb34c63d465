import AnnalsCore
import Foundation
import GRDB

/// A coded document ready to store, with the content hash of the document *as read* (before the
/// pipeline cleaned it), which is its identity.
public struct StorableDocument: Sendable {
    public var hash: ContentHash
    public var coded: CodedDocument

    public init(hash: ContentHash, coded: CodedDocument) {
        self.hash = hash
        self.coded = coded
    }

    /// Hashes `coded.document`; use when the pipeline did not change the fields that are hashed.
    public init(_ coded: CodedDocument) {
        self.init(hash: ContentHash(coded.document), coded: coded)
    }
}

/// What storing one batch did.
public struct BatchResult: Sendable {
    /// Documents newly stored.
    public var stored = 0
    /// Documents already in the store (left untouched).
    public var skipped = 0
    public var sentences = 0
    /// Event statements stored as mentions.
    public var mentions = 0
    /// Mentions that created a new deduplicated event.
    public var newEvents = 0
    public var relations = 0
    /// Seconds spent hashing and checking for stored documents, coding, and writing (for `--stats`).
    public var hashSeconds = 0.0
    public var codeSeconds = 0.0
    public var storeSeconds = 0.0

    public init() {}

    public mutating func add(_ other: BatchResult) {
        stored += other.stored
        skipped += other.skipped
        sentences += other.sentences
        mentions += other.mentions
        newEvents += other.newEvents
        relations += other.relations
        hashSeconds += other.hashSeconds
        codeSeconds += other.codeSeconds
        storeSeconds += other.storeSeconds
    }
}

extension EventStore {
    /// Stores a batch of documents in one transaction. A document whose hash is already stored is
    /// skipped; each event statement becomes a mention of the deduplicated event keyed by
    /// (date, source code, target code, CAMEO code, polarity), whose NumMentions, NumSources and
    /// NumArticles are recounted from its mentions before the transaction commits.
    @discardableResult
    public func store(_ batch: [StorableDocument]) throws -> BatchResult {
        guard !batch.isEmpty else { return BatchResult() }
        let now = Timestamp.now()
        return try transaction { db in
            var writer = try BatchWriter(db: db, now: now)
            for item in batch { try writer.add(item) }
            try writer.recount()
            return writer.result
        }
    }
}

/// What both backends store the same way, in one place.
public enum StoreRules {
    /// The publisher counted by NumSources: the document's source, else the host of its URL.
    public static func publisher(_ d: Document) -> String? {
        if let s = d.source?.trimmingCharacters(in: .whitespaces), !s.isEmpty { return s }
        if let u = d.url, let host = URL(string: u)?.host, !host.isEmpty {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return nil
    }

    /// A `[start, end]` pair of the record contract as a span (tolerating a malformed pair).
    public static func span(_ pair: [Int]) -> Span {
        Span(pair.first ?? 0, pair.count > 1 ? pair[1] : (pair.first ?? 0))
    }

    /// The span stored for an event statement: its trigger with both actors.
    public static func mentionSpan(_ e: EventRecord) -> Span {
        var result = Self.span(e.evidence.span)
        if let s = e.source { result = result.union(Self.span(s.span)) }
        if let t = e.target { result = result.union(Self.span(t.span)) }
        return result
    }

    /// The statement's own text, nil when it is its sentence's (then read from `sentences`).
    public static func ownText(_ e: EventRecord, sentenceText: String?) -> String? {
        sentenceText == e.text ? nil : e.text
    }
}

/// Key of a deduplicated event.
struct EventKey: Hashable {
    var day: String
    var source: String
    var target: String
    var cameo: String
    var polarity: String
}

/// Writes one batch inside a transaction with cached prepared statements.
struct BatchWriter {
    let db: Database
    let addedCompact: String
    let addedISO: String
    var result = BatchResult()
    var eventIDs: [EventKey: Int64] = [:]
    var touched: Set<Int64> = []

    let insertDocument: Statement
    let insertSentence: Statement
    let findEvent: Statement
    let insertEvent: Statement
    let insertMention: Statement
    let insertRelation: Statement
    let upsertActor: Statement

    init(db: Database, now: Timestamp) throws {
        self.db = db
        addedCompact = now.compact
        addedISO = now.iso
        insertDocument = try db.cachedStatement(
            sql: """
                INSERT INTO documents(hash, ident, date, source, publisher, url, title, origin, bytes, sentences, events, relations, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hash) DO NOTHING
                """)
        insertSentence = try db.cachedStatement(
            sql: "INSERT INTO sentences(doc, idx, text, start, end, headline) VALUES (?, ?, ?, ?, ?, ?)")
        findEvent = try db.cachedStatement(
            sql: """
                SELECT id FROM events WHERE day = ? AND source_code = ? AND target_code = ? AND cameo = ? AND polarity = ?
                """)
        insertEvent = try db.cachedStatement(
            sql: """
                INSERT INTO events(day, source_code, target_code, cameo, polarity, root, plover, quad, goldstein,
                    source_name, target_name, first_doc, first_sentence, first_text, modality, date_added)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertMention = try db.cachedStatement(
            sql: """
                INSERT INTO mentions(event, doc, sentence, record, count, text, span_start, span_end, polarity, modality,
                    verb, verb_start, verb_end, rule, source_text, source_name, target_text, target_name,
                    source_start, source_end, target_start, target_end,
                    location, location_country, location_lat, location_lon, source_place, target_place)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertRelation = try db.cachedStatement(
            sql: """
                INSERT INTO relations(doc, sentence, record, date, subject_code, subject_name, subject_text, relation, label,
                    object_code, object_name, object_text, text, verb, rule, span_start, span_end,
                    subject_start, subject_end, object_start, object_end, verb_start, verb_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        upsertActor = try db.cachedStatement(
            sql: """
                INSERT INTO actors(code, name, country, sector, mentions, first_date, last_date) VALUES (?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT(code, name) DO UPDATE SET mentions = mentions + 1,
                    first_date = CASE WHEN excluded.first_date IS NOT NULL AND (first_date IS NULL OR excluded.first_date < first_date) THEN excluded.first_date ELSE first_date END,
                    last_date = CASE WHEN excluded.last_date IS NOT NULL AND (last_date IS NULL OR excluded.last_date > last_date) THEN excluded.last_date ELSE last_date END
                """)
    }

    static func publisher(_ d: Document) -> String? { StoreRules.publisher(d) }

    mutating func add(_ item: StorableDocument) throws {
        let coded = item.coded
        let d = coded.document
        try insertDocument.execute(arguments: [
            item.hash.data, d.id, d.date?.description, d.source, Self.publisher(d), d.url, d.title, d.origin,
            d.text.utf8.count, coded.sentences.count, coded.events.count, coded.relations.count, addedISO,
        ])
        guard db.changesCount > 0 else {
            result.skipped += 1
            return
        }
        let docID = db.lastInsertedRowID
        result.stored += 1
        var sentenceTexts: [Int: String] = [:]
        for s in coded.sentences {
            sentenceTexts[s.index] = s.text
            try insertSentence.execute(arguments: [docID, s.index, s.text, s.span.start, s.span.end, s.isHeadline])
        }
        result.sentences += coded.sentences.count

        for e in coded.events {
            // The statement's text is stored only when it is not its sentence's (see Schema).
            let ownText = StoreRules.ownText(e, sentenceText: sentenceTexts[e.sentence])
            let key = EventKey(
                day: e.date, source: e.source?.code ?? "", target: e.target?.code ?? "",
                cameo: e.cameo, polarity: e.polarity.rawValue)
            var eventID: Int64
            if let id = eventIDs[key] {
                eventID = id
            } else if let id = try Int64.fetchOne(findEvent, arguments: [key.day, key.source, key.target, key.cameo, key.polarity]) {
                eventID = id
                eventIDs[key] = id
            } else {
                try insertEvent.execute(arguments: [
                    key.day, key.source, key.target, key.cameo, key.polarity, e.root, e.plover, e.quad, e.goldstein,
                    e.source?.name ?? "", e.target?.name ?? "", docID, e.sentence, ownText, e.modality.rawValue, addedCompact,
                ])
                eventID = db.lastInsertedRowID
                eventIDs[key] = eventID
                result.newEvents += 1
            }
            touched.insert(eventID)
            let span = StoreRules.mentionSpan(e)
            try insertMention.execute(arguments: [
                eventID, docID, e.sentence, e.id, max(1, e.mentions), ownText, span.start, span.end,
                e.polarity.rawValue, e.modality.rawValue, e.evidence.verb, Self.span(e.evidence.span).start, Self.span(e.evidence.span).end,
                e.evidence.rule, e.source?.text, e.source?.name, e.target?.text, e.target?.name,
                e.source.map { Self.span($0.span).start }, e.source.map { Self.span($0.span).end },
                e.target.map { Self.span($0.span).start }, e.target.map { Self.span($0.span).end },
                e.location.flatMap(GeoJSON.encode), e.location.flatMap { $0.country.isEmpty ? nil : $0.country },
                e.location?.lat, e.location?.lon, e.source?.place.flatMap(GeoJSON.encode),
                e.target?.place.flatMap(GeoJSON.encode),
            ])
            result.mentions += 1
            if let s = e.source { try actor(s, date: e.date) }
            if let t = e.target { try actor(t, date: e.date) }
        }

        for r in coded.relations {
            let (subject, object, verb) = (Self.span(r.subject.span), Self.span(r.object.span), Self.span(r.evidence.span))
            let span = subject.union(object).union(verb)
            try insertRelation.execute(arguments: [
                docID, r.sentence, r.id, r.date, r.subject.code, r.subject.name, r.subject.text, r.relation.rawValue,
                r.label, r.object.code, r.object.name, r.object.text, r.text, r.evidence.verb, r.evidence.rule,
                span.start, span.end, subject.start, subject.end, object.start, object.end, verb.start, verb.end,
            ])
            result.relations += 1
            try actor(r.subject, date: r.date)
            try actor(r.object, date: r.date)
        }
    }

    static func span(_ pair: [Int]) -> Span { StoreRules.span(pair) }

    private func actor(_ a: ActorRef, date: String) throws {
        guard !a.code.isEmpty || !a.name.isEmpty else { return }
        let day: String? = date.isEmpty ? nil : date
        try upsertActor.execute(arguments: [a.code, a.name, a.country, a.sector, day, day])
    }

    /// Recomputes the roll-up of every event touched by this batch from its mentions (``RollUp``).
    func recount() throws {
        let update = try db.cachedStatement(
            sql: """
                UPDATE events SET
                    (num_mentions, num_articles, num_sources, is_root) =
                        (SELECT \(RollUp.counts) FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.event = ?1),
                    (first_doc, first_sentence, first_text, modality, source_name, target_name) =
                        (SELECT \(RollUp.first) FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.event = ?1
                         ORDER BY \(RollUp.firstOrder) LIMIT 1),
                    \(RollUp.geo(event: "?1"))
                WHERE id = ?1
                """)
        for id in touched.sorted() { try update.execute(arguments: [id]) }
    }
}
