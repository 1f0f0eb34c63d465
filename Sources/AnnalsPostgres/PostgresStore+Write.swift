import AnnalsCore
import AnnalsStore
import Foundation

extension PostgresStore {
    /// Stores a batch in one transaction, with one bulk statement (`INSERT ... SELECT FROM unnest`) per
    /// table. Safe with many writers on overlapping input:
    ///
    /// - documents are inserted `ON CONFLICT (hash) DO NOTHING`: a document another writer stored (or
    ///   is storing: the insert waits for its transaction) is skipped with its sentences, mentions and
    ///   relations, so each document is stored once;
    /// - events are inserted `ON CONFLICT DO NOTHING` on their key, then looked up;
    /// - the touched events are locked (`FOR UPDATE`, in id order) before their roll-up is recomputed
    ///   from all their mentions in a new statement: the last writer to touch an event sees every
    ///   mention committed before it, so the counts come out as one writer's would;
    /// - a deadlock between writers rolls the batch back and runs it again.
    @discardableResult
    public func store(_ batch: [StorableDocument]) throws -> BatchResult {
        guard !batch.isEmpty else { return BatchResult() }
        var seen: Set<ContentHash> = []
        let items = batch.filter { seen.insert($0.hash).inserted }
        try ensurePartitions(for: items.lazy.flatMap { $0.coded.events.lazy.map(\.date) })
        let now = Date()
        var result = try session.transaction {
            var writer = PostgresBatchWriter(session: session, now: now)
            try writer.write(items)
            return writer.result
        }
        result.skipped += batch.count - items.count
        return result
    }
}

/// Writes one batch inside a transaction (see ``PostgresStore/store(_:)``).
struct PostgresBatchWriter {
    let session: PostgresSession
    let addedCompact: String
    let addedISO: String
    var result = BatchResult()

    init(session: PostgresSession, now: Date) {
        self.session = session
        var t = time_t(now.timeIntervalSince1970)
        var p = tm()
        gmtime_r(&t, &p)
        let (y, mo, d, h, mi, s) = (Int(p.tm_year) + 1900, Int(p.tm_mon) + 1, Int(p.tm_mday), Int(p.tm_hour), Int(p.tm_min), Int(p.tm_sec))
        addedCompact = String(format: "%04d%02d%02d%02d%02d%02d", y, mo, d, h, mi, s)
        addedISO = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s)
    }

    /// Key of a deduplicated event: day, source, target, CAMEO code, polarity.
    struct Key: Hashable {
        var day, source, target, cameo, polarity: String
    }

    mutating func write(_ items: [StorableDocument]) throws {
        let docIDs = try insertDocuments(items)
        result.stored = docIDs.count
        result.skipped = items.count - docIDs.count
        let fresh = items.compactMap { item in docIDs[item.hash].map { (id: $0, coded: item.coded) } }
        guard !fresh.isEmpty else { return }
        try insertSentences(fresh)
        let eventIDs = try insertEvents(fresh)
        try insertMentions(fresh, eventIDs: eventIDs)
        try insertRelations(fresh)
        try upsertActors(fresh)
        try recount(Set(eventIDs.values).sorted(), days: Set(eventIDs.keys.map(\.day)).sorted())
    }

    /// Inserts the documents not stored yet (in hash order, so writers lock them in the same order);
    /// returns the ids of those this transaction inserted, by hash.
    func insertDocuments(_ items: [StorableDocument]) throws -> [ContentHash: Int64] {
        var c = BulkColumns()
        c.bytes(items.map(\.hash.bytes))
        c.text(items.map { $0.coded.document.id })
        c.text(items.map { $0.coded.document.date?.description })
        c.text(items.map { $0.coded.document.source })
        c.text(items.map { StoreRules.publisher($0.coded.document) })
        c.text(items.map { $0.coded.document.url })
        c.text(items.map { $0.coded.document.title })
        c.text(items.map { $0.coded.document.origin })
        c.int(items.map { $0.coded.document.text.utf8.count })
        c.int(items.map { $0.coded.sentences.count })
        c.int(items.map { $0.coded.events.count })
        c.int(items.map { $0.coded.relations.count })
        c.text(items.map { _ in addedISO })
        let rows = try session.query(
            """
            INSERT INTO documents(hash, ident, date, source, publisher, url, title, origin, bytes, sentences, events, relations, ingested_at)
            SELECT * FROM \(c.unnest) ORDER BY 1 ON CONFLICT (hash) DO NOTHING RETURNING id, hash
            """, binds: c.binds)
        var ids: [ContentHash: Int64] = [:]
        for r in rows {
            if case .int(let id) = r[0], case .blob(let b) = r[1], b.count == 16 { ids[ContentHash(bytes: b)] = id }
        }
        return ids
    }

    mutating func insertSentences(_ fresh: [(id: Int64, coded: CodedDocument)]) throws {
        var doc: [Int64?] = [], idx: [Int64?] = [], text: [String?] = [], start: [Int64?] = [], end: [Int64?] = [], headline: [Int64?] = []
        for (id, coded) in fresh {
            for s in coded.sentences {
                doc.append(id)
                idx.append(Int64(s.index))
                text.append(s.text)
                start.append(Int64(s.span.start))
                end.append(Int64(s.span.end))
                headline.append(s.isHeadline ? 1 : 0)
            }
        }
        result.sentences += doc.count
        guard !doc.isEmpty else { return }
        var c = BulkColumns()
        for column in [doc, idx] { c.int(column) }
        c.text(text)
        for column in [start, end, headline] { c.int(column) }
        try session.query("INSERT INTO sentences(doc, idx, text, start, \"end\", headline) SELECT * FROM \(c.unnest)", binds: c.binds)
    }

    static func key(_ e: EventRecord) -> Key {
        Key(day: e.date, source: e.source?.code ?? "", target: e.target?.code ?? "", cameo: e.cameo, polarity: e.polarity.rawValue)
    }

    static func keyColumns(_ keys: [Key]) -> BulkColumns {
        var c = BulkColumns()
        c.text(keys.map(\.day))
        c.text(keys.map(\.source))
        c.text(keys.map(\.target))
        c.text(keys.map(\.cameo))
        c.text(keys.map(\.polarity))
        return c
    }

    /// Ids of the events with `keys` that exist (committed, or inserted by this transaction).
    func lookUp(_ keys: [Key]) throws -> [Key: Int64] {
        guard !keys.isEmpty else { return [:] }
        let c = Self.keyColumns(keys)
        let rows = try session.query(
            """
            SELECT e.id, k.ord FROM \(c.unnest) WITH ORDINALITY AS k(day, source_code, target_code, cameo, polarity, ord)
            JOIN events e ON e.day = k.day AND e.source_code = k.source_code AND e.target_code = k.target_code
                AND e.cameo = k.cameo AND e.polarity = k.polarity
            """, binds: c.binds)
        var ids: [Key: Int64] = [:]
        for r in rows { ids[keys[r[1].int - 1]] = Int64(r[0].int) }
        return ids
    }

    /// Finds or creates the event of every statement; new events are created in the order their first
    /// statement appears (so one writer numbers events as the SQLite store does).
    mutating func insertEvents(_ fresh: [(id: Int64, coded: CodedDocument)]) throws -> [Key: Int64] {
        var keys: [Key] = []
        struct First {
            var doc: Int64
            var event: EventRecord
            var text: String?
        }
        var firsts: [Key: First] = [:]
        for (id, coded) in fresh {
            var sentenceTexts: [Int: String] = [:]
            for s in coded.sentences { sentenceTexts[s.index] = s.text }
            for e in coded.events {
                let k = Self.key(e)
                if firsts[k] == nil {
                    firsts[k] = First(doc: id, event: e, text: StoreRules.ownText(e, sentenceText: sentenceTexts[e.sentence]))
                    keys.append(k)
                }
            }
        }
        result.mentions += fresh.reduce(0) { $0 + $1.coded.events.count }
        guard !keys.isEmpty else { return [:] }
        var ids = try lookUp(keys)
        let missing = keys.filter { ids[$0] == nil }
        guard !missing.isEmpty else { return ids }
        var c = Self.keyColumns(missing)
        let f = missing.map { firsts[$0]! }
        c.text(f.map { $0.event.root })
        c.text(f.map { $0.event.plover })
        c.int(f.map { $0.event.quad })
        c.double(f.map { $0.event.goldstein })
        c.text(f.map { $0.event.source?.name ?? "" })
        c.text(f.map { $0.event.target?.name ?? "" })
        c.int(f.map { $0.doc })
        c.int(f.map { $0.event.sentence })
        c.text(f.map { $0.text })
        c.text(f.map { $0.event.modality.rawValue })
        c.text(f.map { _ in addedCompact })
        let rows = try session.query(
            """
            INSERT INTO events(day, source_code, target_code, cameo, polarity, root, plover, quad, goldstein,
                source_name, target_name, first_doc, first_sentence, first_text, modality, date_added)
            SELECT day, source_code, target_code, cameo, polarity, root, plover, quad, goldstein,
                source_name, target_name, first_doc, first_sentence, first_text, modality, date_added
            FROM \(c.unnest) WITH ORDINALITY AS k(day, source_code, target_code, cameo, polarity, root, plover, quad, goldstein,
                source_name, target_name, first_doc, first_sentence, first_text, modality, date_added, ord)
            ORDER BY ord
            ON CONFLICT (day, source_code, target_code, cameo, polarity) DO NOTHING
            RETURNING id, day, source_code, target_code, cameo, polarity
            """, binds: c.binds)
        for r in rows {
            let k = Key(day: r[1].string ?? "", source: r[2].string ?? "", target: r[3].string ?? "", cameo: r[4].string ?? "", polarity: r[5].string ?? "")
            ids[k] = Int64(r[0].int)
        }
        result.newEvents += rows.count
        // Keys another writer created while this one was inserting: committed by now.
        let raced = missing.filter { ids[$0] == nil }
        if !raced.isEmpty { ids.merge(try lookUp(raced)) { a, _ in a } }
        return ids
    }

    func insertMentions(_ fresh: [(id: Int64, coded: CodedDocument)], eventIDs: [Key: Int64]) throws {
        var event: [Int64?] = [], doc: [Int64?] = [], sentence: [Int64?] = [], record: [String?] = [], count: [Int64?] = []
        var text: [String?] = [], spanStart: [Int64?] = [], spanEnd: [Int64?] = [], polarity: [String?] = [], modality: [String?] = []
        var verb: [String?] = [], verbStart: [Int64?] = [], verbEnd: [Int64?] = [], rule: [String?] = []
        var sourceText: [String?] = [], sourceName: [String?] = [], targetText: [String?] = [], targetName: [String?] = []
        var actorSpans: [[Int64?]] = Array(repeating: [], count: 4)
        var places: [[String?]] = Array(repeating: [], count: 4)  // location, its country, source and target places
        var coordinates: [[Double?]] = Array(repeating: [], count: 2)
        for (id, coded) in fresh {
            var sentenceTexts: [Int: String] = [:]
            for s in coded.sentences { sentenceTexts[s.index] = s.text }
            for e in coded.events {
                guard let eid = eventIDs[Self.key(e)] else { continue }
                let span = StoreRules.mentionSpan(e)
                let verbSpan = StoreRules.span(e.evidence.span)
                event.append(eid)
                doc.append(id)
                sentence.append(Int64(e.sentence))
                record.append(e.id)
                count.append(Int64(max(1, e.mentions)))
                text.append(StoreRules.ownText(e, sentenceText: sentenceTexts[e.sentence]))
                spanStart.append(Int64(span.start))
                spanEnd.append(Int64(span.end))
                polarity.append(e.polarity.rawValue)
                modality.append(e.modality.rawValue)
                verb.append(e.evidence.verb)
                verbStart.append(Int64(verbSpan.start))
                verbEnd.append(Int64(verbSpan.end))
                rule.append(e.evidence.rule)
                sourceText.append(e.source?.text)
                sourceName.append(e.source?.name)
                targetText.append(e.target?.text)
                targetName.append(e.target?.name)
                let source = e.source.map { StoreRules.span($0.span) }, target = e.target.map { StoreRules.span($0.span) }
                actorSpans[0].append(source.map { Int64($0.start) })
                actorSpans[1].append(source.map { Int64($0.end) })
                actorSpans[2].append(target.map { Int64($0.start) })
                actorSpans[3].append(target.map { Int64($0.end) })
                places[0].append(e.location.flatMap(GeoJSON.encode))
                places[1].append(e.location.flatMap { $0.country.isEmpty ? nil : $0.country })
                places[2].append(e.source?.place.flatMap(GeoJSON.encode))
                places[3].append(e.target?.place.flatMap(GeoJSON.encode))
                coordinates[0].append(e.location?.lat)
                coordinates[1].append(e.location?.lon)
            }
        }
        guard !event.isEmpty else { return }
        var c = BulkColumns()
        for column in [event, doc, sentence] { c.int(column) }
        c.text(record)
        c.int(count)
        c.text(text)
        c.int(spanStart)
        c.int(spanEnd)
        c.text(polarity)
        c.text(modality)
        c.text(verb)
        c.int(verbStart)
        c.int(verbEnd)
        for column in [rule, sourceText, sourceName, targetText, targetName] { c.text(column) }
        for column in actorSpans { c.int(column) }
        c.text(places[0])
        c.text(places[1])
        for column in coordinates { c.double(column) }
        c.text(places[2])
        c.text(places[3])
        try session.query(
            """
            INSERT INTO mentions(event, doc, sentence, record, count, text, span_start, span_end, polarity, modality,
                verb, verb_start, verb_end, rule, source_text, source_name, target_text, target_name,
                source_start, source_end, target_start, target_end,
                location, location_country, location_lat, location_lon, source_place, target_place)
            SELECT * FROM \(c.unnest)
            """, binds: c.binds)
    }

    mutating func insertRelations(_ fresh: [(id: Int64, coded: CodedDocument)]) throws {
        var ints: [[Int64?]] = Array(repeating: [], count: 10)
        var texts: [[String?]] = Array(repeating: [], count: 13)
        for (id, coded) in fresh {
            for r in coded.relations {
                let (subject, object, verb) = (StoreRules.span(r.subject.span), StoreRules.span(r.object.span), StoreRules.span(r.evidence.span))
                let span = subject.union(object).union(verb)
                let t: [String?] = [
                    r.id, r.date, r.subject.code, r.subject.name, r.subject.text, r.relation.rawValue, r.label,
                    r.object.code, r.object.name, r.object.text, r.text, r.evidence.verb, r.evidence.rule,
                ]
                let n: [Int] = [r.sentence, span.start, span.end, subject.start, subject.end, object.start, object.end, verb.start, verb.end]
                for (i, v) in t.enumerated() { texts[i].append(v) }
                ints[0].append(id)
                for (i, v) in n.enumerated() { ints[i + 1].append(Int64(v)) }
            }
        }
        result.relations += ints[0].count
        guard !ints[0].isEmpty else { return }
        var c = BulkColumns()
        c.int(ints[0])
        c.int(ints[1])
        for column in texts { c.text(column) }
        for column in ints[2...] { c.int(column) }
        try session.query(
            """
            INSERT INTO relations(doc, sentence, record, date, subject_code, subject_name, subject_text, relation, label,
                object_code, object_name, object_text, text, verb, rule, span_start, span_end,
                subject_start, subject_end, object_start, object_end, verb_start, verb_end)
            SELECT * FROM \(c.unnest)
            """, binds: c.binds)
    }

    /// Adds this batch's actor mentions: counts add up and date bounds widen, whatever the order.
    func upsertActors(_ fresh: [(id: Int64, coded: CodedDocument)]) throws {
        struct Tally {
            var country: String, sector: String, mentions = 0
            var first: String?, last: String?
        }
        var tallies: [[String]: Tally] = [:]
        func add(_ a: ActorRef, _ date: String) {
            guard !a.code.isEmpty || !a.name.isEmpty else { return }
            var t = tallies[[a.code, a.name]] ?? Tally(country: a.country, sector: a.sector)
            t.mentions += 1
            if !date.isEmpty {
                if t.first.map({ date < $0 }) ?? true { t.first = date }
                if t.last.map({ date > $0 }) ?? true { t.last = date }
            }
            tallies[[a.code, a.name]] = t
        }
        for (_, coded) in fresh {
            for e in coded.events {
                if let s = e.source { add(s, e.date) }
                if let t = e.target { add(t, e.date) }
            }
            for r in coded.relations {
                add(r.subject, r.date)
                add(r.object, r.date)
            }
        }
        guard !tallies.isEmpty else { return }
        let keys = tallies.keys.sorted { ($0[0].utf8.lexicographicallyPrecedes($1[0].utf8)) || ($0[0] == $1[0] && $0[1].utf8.lexicographicallyPrecedes($1[1].utf8)) }
        let t = keys.map { tallies[$0]! }
        var c = BulkColumns()
        c.text(keys.map { $0[0] })
        c.text(keys.map { $0[1] })
        c.text(t.map(\.country))
        c.text(t.map(\.sector))
        c.int(t.map(\.mentions))
        c.text(t.map(\.first))
        c.text(t.map(\.last))
        try session.query(
            """
            INSERT INTO actors(code, name, country, sector, mentions, first_date, last_date)
            SELECT * FROM \(c.unnest)
            ON CONFLICT (code, name) DO UPDATE SET mentions = actors.mentions + excluded.mentions,
                first_date = least(actors.first_date, excluded.first_date),
                last_date = greatest(actors.last_date, excluded.last_date)
            """, binds: c.binds)
    }

    /// Locks the touched events, then recomputes their roll-up from all their mentions (``RollUp``).
    /// `days` (those of the events) lets PostgreSQL skip the other months' partitions.
    func recount(_ ids: [Int64], days: [String]) throws {
        guard !ids.isEmpty else { return }
        var c = BulkColumns()
        c.int(ids)
        c.text(days)
        try session.query(
            "SELECT id FROM events WHERE id = ANY($1::int8[]) AND day = ANY($2::text[]) ORDER BY id FOR UPDATE", binds: c.binds)
        try session.query(
            """
            UPDATE events e SET num_mentions = c.num_mentions, num_articles = c.num_articles, num_sources = c.num_sources,
                is_root = c.is_root, first_doc = f.doc, first_sentence = f.sentence, first_text = f.text,
                modality = f.modality, source_name = f.source_name, target_name = f.target_name,
                \(RollUp.geo(event: "e.id"))
            FROM (SELECT m.event, \(RollUp.counts) FROM mentions m JOIN documents d ON d.id = m.doc
                  WHERE m.event = ANY($1::int8[]) GROUP BY m.event) AS c(event, num_mentions, num_articles, num_sources, is_root),
                 (SELECT DISTINCT ON (m.event) m.event, \(RollUp.first) FROM mentions m JOIN documents d ON d.id = m.doc
                  WHERE m.event = ANY($1::int8[]) ORDER BY m.event, \(RollUp.firstOrder))
                  AS f(event, doc, sentence, text, modality, source_name, target_name)
            WHERE e.id = c.event AND f.event = c.event AND e.day = ANY($2::text[])
            """, binds: c.binds)
    }
}
