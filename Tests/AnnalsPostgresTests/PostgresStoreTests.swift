import AnnalsCore
import AnnalsStore
import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import AnnalsPostgres

/// The store's behaviour on both backends: the same documents, stored in different batches, give
/// the same events, roll-ups, series and relations from SQLite and PostgreSQL.
@Suite(.enabled(if: TestServer.available, "needs a PostgreSQL server in ANNALS_TEST_POSTGRES (Scripts/pg-test-cluster)"))
struct PostgresStoreTests {
    static func queries() throws -> [EventQuery] {
        var all = EventQuery()
        all.includeNegated = true
        var dyad = EventQuery()
        try dyad.setDyad("IRN:ISR")
        var undirected = dyad
        undirected.undirected = true
        var root = EventQuery()
        root.cameo = ["19", "03"]
        var name = EventQuery()
        name.actor = "TEHRAN"
        var code = EventQuery()
        code.actor = "USA"
        var dated = EventQuery()
        dated.since = Day("2024-04-02")
        dated.until = Day("2024-05-31")
        var plover = EventQuery()
        plover.plover = ["assault"]
        var popular = EventQuery()
        popular.minMentions = 2
        var limited = all
        limited.limit = 3
        return [EventQuery(), all, dyad, undirected, root, name, code, dated, plover, popular, limited]
    }

    static func dateless(_ rows: [EventRow]) -> [EventRow] {
        rows.map { var r = $0; r.dateAdded = ""; return r }
    }

    @Test func sameAnswersAsSQLite() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let url = try TestServer.freshDatabase("same")
        defer { TestServer.drop(url) }
        let docs = Fixture.articles().map(StorableDocument.init)
        let sqlite = try EventStore(path: dir.path("s.sqlite"))
        try sqlite.store(Array(docs[0..<2]))
        try sqlite.store(Array(docs[2...]))
        let pg = try PostgresStore(url: url)
        try pg.store(Array(docs[0..<3]))
        try pg.store(Array(docs[3...]))
        #expect(try pg.counts() == sqlite.counts())
        for q in try Self.queries() {
            let expected = Self.dateless(try sqlite.events(q))
            #expect(!expected.isEmpty)
            #expect(Self.dateless(try pg.allEvents(q)) == expected)
            for unit in SeriesUnit.allCases { #expect(try pg.series(q, by: unit) == sqlite.series(q, by: unit)) }
        }
        #expect(try pg.allRelations() == sqlite.relations())
        #expect(try pg.allRelations(since: Day("2024-05-01")).count == 1)
        #expect(try Content.of(pg) == Content.of(sqlite))

        // The roll-up of the main event: five statements in three articles by three publishers
        // (Reuters, AP, and bbc.co.uk from C's URL); the first statement is A's headline.
        var q = EventQuery()
        try q.setDyad("IRN:ISR")
        q.since = Day("2024-04-01")
        q.until = Day("2024-04-01")
        q.cameo = ["190"]
        let main = try #require(try pg.allEvents(q).first { $0.sourceCode == "IRN" })
        #expect(main.numMentions == 5 && main.numArticles == 3 && main.numSources == 3 && main.isRoot)
        #expect(main.doc == "A" && main.sentence == 0 && main.sourceName == "irn")
    }

    @Test func rollUpDoesNotDependOnTheOrder() throws {
        let docs = Fixture.articles().map(StorableDocument.init)
        var contents: [[String: [String]]] = []
        for (i, order) in [Array(docs), Array(docs.reversed()), [docs[4], docs[1], docs[5], docs[0], docs[3], docs[2]]].enumerated() {
            let url = try TestServer.freshDatabase("order\(i)")
            defer { TestServer.drop(url) }
            let pg = try PostgresStore(url: url)
            for chunk in stride(from: 0, to: order.count, by: 2) { try pg.store(Array(order[chunk..<min(chunk + 2, order.count)])) }
            contents.append(try Content.of(pg))
        }
        #expect(contents[0]["events"]!.count == 8)
        #expect(contents[1] == contents[0])
        #expect(contents[2] == contents[0])
    }

    /// Four connections store overlapping batches of 40 articles that all state the same few events,
    /// at once and in different orders: the counts and first statements equal one writer's.
    @Test func racingWritersOnTheSameEvents() throws {
        let publishers = ["Reuters", "AP", "AFP", nil]
        let docs = (0..<40).map { i -> StorableDocument in
            let day = i % 3 == 0 ? "2024-04-01" : "2024-04-02"
            return StorableDocument(
                Fixture.coded(
                    String(format: "N%02d", i), source: publishers[i % 4], date: day, url: "https://news\(i % 5).example.org/\(i)",
                    events: [
                        Fixture.event(doc: "N\(i)", sentence: i % 3, date: day, source: "IRN", target: "ISR", cameo: "190", mentions: 1 + i % 2),
                        Fixture.event(doc: "N\(i)", sentence: 3, date: day, source: "USA", target: "IRN", cameo: "112", sourceName: "n\(i % 7)"),
                    ]))
        }
        let reference = try TestServer.freshDatabase("raceref")
        let raced = try TestServer.freshDatabase("race")
        defer {
            TestServer.drop(reference)
            TestServer.drop(raced)
        }
        let one = try PostgresStore(url: reference)
        for chunk in stride(from: 0, to: docs.count, by: 5) { try one.store(Array(docs[chunk..<chunk + 5])) }
        let stores = try (0..<4).map { _ in try PostgresStore(url: raced) }
        let failures = NIOLockedValueBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            // Writer k takes 25 of the 40 documents, in its own order, three at a time.
            let mine = (0..<25).map { docs[($0 * (k + 1) * 3 + k * 7) % docs.count] }
            for chunk in stride(from: 0, to: mine.count, by: 3) {
                do { try stores[k].store(Array(mine[chunk..<min(chunk + 3, mine.count)])) } catch {
                    failures.withLockedValue { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLockedValue { $0 }.isEmpty)
        let missing = docs.filter { d in (try? stores[0].storedHashes([d.hash]).isEmpty) ?? true }
        try stores[0].store(missing)
        #expect(try Content.of(stores[0]) == Content.of(one))
        var q = EventQuery()
        try q.setDyad("IRN:ISR")
        let rows = try one.allEvents(q)
        #expect(rows.map(\.numArticles).sorted() == [14, 26])
    }

    /// Two writers add a statement of the same event; the second waits for the first to commit. Its
    /// recount must still see the first writer's statement (a lost update would leave 1 article).
    @Test func aWriterThatWaitedCountsTheOtherWritersMentions() throws {
        let url = try TestServer.freshDatabase("wait")
        defer { TestServer.drop(url) }
        let day = "2024-04-01"
        // Each statement names the actor differently, so the writers share no actor row (whose upsert
        // would make the second wait before its recount anyway).
        @Sendable func doc(_ id: String, _ source: String) -> StorableDocument {
            StorableDocument(
                Fixture.coded(
                    id, source: source, date: day,
                    events: [Fixture.event(doc: id, sentence: 2, date: day, source: "IRN", target: nil, cameo: "190", sourceName: "Iran \(id)")]))
        }
        let (first, second) = (try PostgresStore(url: url), try PostgresStore(url: url))
        try first.store([doc("seed", "AFP")])  // the event exists before the race
        try first.ensurePartitions(for: [day])
        try first.session.query("BEGIN")
        var w1 = PostgresBatchWriter(session: first.session, now: Date())
        try w1.write([doc("A", "Reuters")])  // holds the event's row lock until COMMIT
        let done = DispatchSemaphore(value: 0)
        let failure = NIOLockedValueBox<String?>(nil)
        let b = doc("B", "AP")
        DispatchQueue.global().async {
            do { try second.store([b]) } catch { failure.withLockedValue { $0 = "\(error)" } }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 1.5) == .timedOut)  // the second writer waits
        try first.session.query("COMMIT")
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(failure.withLockedValue { $0 } == nil)
        let e = try #require(try first.allEvents(EventQuery()).first)
        #expect(e.numArticles == 3 && e.numMentions == 3 && e.numSources == 3)
    }

    @Test func reingestIsANoOpAndPartitionsAreMonthly() throws {
        let url = try TestServer.freshDatabase("noop")
        defer { TestServer.drop(url) }
        let docs = Fixture.articles().map(StorableDocument.init)
        let pg = try PostgresStore(url: url)
        let first = try pg.store(docs)
        #expect(first.stored == 6 && first.skipped == 0 && first.newEvents == 8)
        let before = try Content.of(pg)
        let again = try pg.store(docs + docs)
        #expect(again.stored == 0 && again.skipped == 12 && again.mentions == 0)
        #expect(try Content.of(pg) == before)
        #expect(Set(try pg.storedHashes(docs.map(\.hash))) == Set(docs.map(\.hash)))

        let partitions = try pg.rows(
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1"
        ).compactMap { $0[0].string }
        #expect(partitions == ["events_2024_04", "events_2024_05", "events_undated"])
        #expect(try pg.rows("SELECT count(*) FROM events_undated").first?.first?.int == 1)

        // The materialised dyad series agrees with the events after `maintain`.
        try pg.maintain()
        let daily = try pg.rows(
            "SELECT sum(events), sum(mentions) FROM dyad_daily WHERE source_code = 'IRN' AND target_code = 'ISR' AND polarity = 'affirmed'")
        var q = EventQuery()
        try q.setDyad("IRN:ISR")
        let dyad = try pg.allEvents(q).filter { $0.sourceCode == "IRN" && !$0.date.isEmpty }
        #expect(daily.first?[0].int == dyad.count && daily.first?[1].int == dyad.reduce(0) { $0 + $1.numMentions })
    }

    @Test func reopensAndRefusesForeignDatabases() throws {
        let url = try TestServer.freshDatabase("open")
        defer { TestServer.drop(url) }
        #expect(throws: StoreError.self) { try PostgresStore(url: url, mode: .readOnly) }
        _ = try PostgresStore(url: url)
        let again = try PostgresStore(url: url)
        #expect(try again.rows("SELECT value FROM meta WHERE key = 'schema'").first?.first?.string == String(PostgresSchema.version))
        _ = try PostgresStore(url: url, mode: .readOnly)

        let foreign = try TestServer.freshDatabase("foreign")
        defer { TestServer.drop(foreign) }
        var location = try PostgresLocation(foreign)
        try PostgresSession(location).query("CREATE TABLE events (x int)")
        do {
            _ = try PostgresStore(url: foreign)
            Issue.record("a database with someone else's events table was opened")
        } catch let e as StoreError {
            #expect(e.kind == .notOurs)
            #expect(e.description.contains("refusing"))
        }
        #expect(try PostgresSession(location).query("SELECT count(*) FROM pg_tables WHERE tablename = 'meta'").first?.first?.int == 0)

        location.database = "annals_no_such_database"
        do {
            _ = try PostgresStore(location)
            Issue.record("opened a database that does not exist")
        } catch let e as StoreError {
            #expect(e.description.contains("createdb annals_no_such_database"))
        }
    }

    @Test func exportCopiesAnSQLiteStore() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let sqlite = try EventStore(path: dir.path("s.sqlite"))
        for d in Fixture.articles() { try sqlite.store([StorableDocument(d)]) }
        let url = try TestServer.freshDatabase("copy")
        defer { TestServer.drop(url) }
        let pg = try PostgresStore(url: url)
        let copied = try EventDatabases.copy(sqlite, to: pg)
        #expect(copied.first { $0.0 == "events" }?.1 == 8)
        var all = EventQuery()
        all.includeNegated = true
        #expect(try pg.allEvents(all) == sqlite.events(all))  // ids and DATEADDED included
        #expect(try Content.of(pg) == Content.of(sqlite))
        // New documents continue the copied ids.
        let more = Fixture.coded("G", source: "AP", date: "2024-06-01", events: [Fixture.event(doc: "G", sentence: 0, date: "2024-06-01", source: "ISR", target: "IRN", cameo: "190")])
        try pg.store([StorableDocument(more)])
        #expect(try pg.allEvents(all).map(\.id).last == "9")
        #expect(throws: StoreError.self) { try EventDatabases.copy(sqlite, to: pg) }

        // CSV exports of both are the same, table by table.
        let sqliteCSV = dir.path("sqlite-events.csv"), pgCSV = dir.path("pg-events.csv")
        let copiedAgain = try TestServer.freshDatabase("copy2")
        defer { TestServer.drop(copiedAgain) }
        let pg2 = try PostgresStore(url: copiedAgain)
        try EventDatabases.copy(sqlite, to: pg2)
        for table in EventDatabases.tables {
            try TableCSV.write(table, of: sqlite, to: sqliteCSV)
            try TableCSV.write(table, of: pg2, to: pgCSV)
            let a = try String(contentsOfFile: sqliteCSV, encoding: .utf8), b = try String(contentsOfFile: pgCSV, encoding: .utf8)
            #expect(a == b, "\(table).csv differs")
            #expect(a.split(separator: "\n").count > 1)
        }
    }
}

@Suite struct PostgresLocationTests {
    @Test func urlsAndEnvironment() throws {
        let env = ["PGHOST": "db.example.org", "PGPORT": "6543", "PGUSER": "coder", "PGDATABASE": "events", "PGPASSWORD": "pw"]
        var l = try PostgresLocation("postgres://annals@localhost:5433/news", environment: env)
        #expect(l.host == "localhost" && l.port == 5433 && l.user == "annals" && l.database == "news" && l.password == "pw")
        l = try PostgresLocation("postgres://", environment: env)
        #expect(l.host == "db.example.org" && l.port == 6543 && l.user == "coder" && l.database == "events")
        l = try PostgresLocation("postgresql://u:s%40cret@h/db", environment: [:])
        #expect(l.password == "s@cret" && l.port == 5432 && l.database == "db")
        #expect(!l.description.contains("cret"))
        l = try PostgresLocation("postgres://postgres@%2Ftmp%2Fpg:5439/annals", environment: [:])
        #expect(l.isSocket && l.socketPath == "/tmp/pg/.s.PGSQL.5439")
        l = try PostgresLocation("postgres:///annals?host=/var/run/postgresql", environment: ["USER": "me"])
        #expect(l.isSocket && l.user == "me" && l.database == "annals")
        #expect(throws: StoreError.self) { try PostgresLocation("postgres://h:notaport/db", environment: [:]) }
        #expect(PostgresLocation.isURL("postgres://x") && !PostgresLocation.isURL("events.sqlite"))
    }

    @Test func unreachableServerIsOneClearError() throws {
        do {
            _ = try PostgresStore(url: "postgres://annals@127.0.0.1:1/annals")
            Issue.record("connected to port 1")
        } catch let e as StoreError {
            #expect(e.description.hasPrefix("postgres://annals@127.0.0.1:1/annals: cannot connect"))
        }
    }
}
