import AnnalsCore
import Foundation
import GRDB
import Testing

@testable import AnnalsStore

@Suite struct DeduplicationTests {
    /// Four articles from two publishers; the IRN→ISR 190 event of 2024-04-01 is stated five times
    /// in three articles (twice in article A) by two publishers.
    static func articles() -> [CodedDocument] {
        let d1 = "2024-04-01", d2 = "2024-04-02"
        return [
            Fixture.coded(
                "A", source: "Reuters", date: d1, url: "https://reuters.com/a",
                events: [
                    Fixture.event(doc: "A", sentence: 0, date: d1, source: "IRN", target: "ISR", cameo: "190"),
                    Fixture.event(doc: "A", sentence: 2, date: d1, source: "IRN", target: "ISR", cameo: "190"),
                    Fixture.event(doc: "A", sentence: 3, date: d1, source: "USA", target: "IRN", cameo: "112"),
                ], relations: [Fixture.relation(doc: "A", date: d1, subject: "IRNMIL", object: "IRN")]),
            Fixture.coded(
                "B", source: "AP", date: d1,
                events: [
                    Fixture.event(doc: "B", sentence: 1, date: d1, source: "IRN", target: "ISR", cameo: "190", mentions: 2),
                    Fixture.event(doc: "B", sentence: 2, date: d1, source: "IRNMIL", target: "ISR", cameo: "190"),
                ]),
            Fixture.coded(
                "C", source: "Reuters", date: d1,
                events: [
                    Fixture.event(doc: "C", sentence: 2, date: d1, source: "IRN", target: "ISR", cameo: "190")
                ]),
            Fixture.coded(
                "D", source: "AP", date: d2,
                events: [
                    Fixture.event(doc: "D", sentence: 0, date: d2, source: "IRN", target: "ISR", cameo: "190"),
                    Fixture.event(doc: "D", sentence: 1, date: d2, source: "IRN", target: "ISR", cameo: "190", polarity: .negated),
                ]),
        ]
    }

    func check(_ store: EventStore, inOrder: Bool = true) throws {
        var all = EventQuery()
        all.includeNegated = true
        let rows = try store.events(all)
        #expect(rows.count == 5)
        let main = try #require(rows.first { $0.date == "2024-04-01" && $0.sourceCode == "IRN" && $0.cameo == "190" })
        #expect(main.numMentions == 5)  // A twice, B once with mentions 2, C once
        #expect(main.numArticles == 3)
        #expect(main.numSources == 2)
        #expect(main.isRoot)  // A states it in sentence 0
        if inOrder { #expect(main.doc == "A" && main.url == "https://reuters.com/a") }
        if inOrder { #expect(main.text == "IRN 190 ISR in sentence 0") }
        let mil = try #require(rows.first { $0.sourceCode == "IRNMIL" })
        #expect(mil.numMentions == 1 && mil.numArticles == 1 && mil.numSources == 1 && !mil.isRoot)
        let next = try #require(rows.first { $0.date == "2024-04-02" && $0.polarity == "affirmed" })
        #expect(next.numMentions == 1 && next.numSources == 1)
        let negated = try #require(rows.first { $0.polarity == "negated" })
        #expect(negated.date == "2024-04-02" && negated.numMentions == 1)
        // Negated events are hidden unless asked for.
        #expect(try store.events(EventQuery()).count == 4)
        let c = try store.counts()
        #expect(c.documents == 4 && c.mentions == 8 && c.events == 5 && c.relations == 1 && c.sentences == 16)
    }

    @Test func countsRollUpAcrossArticles() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try EventStore(path: dir.path("dedup.sqlite"))
        let result = try store.store(Self.articles().map(StorableDocument.init))
        #expect(result.stored == 4 && result.mentions == 8 && result.newEvents == 5)
        try check(store)
        // Foreign keys are not enforced per row (speed) but hold.
        #expect(try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test func countsAreTheSameWhateverTheBatches() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try EventStore(path: dir.path("batches.sqlite"))
        for doc in Self.articles().reversed() { try store.store([StorableDocument(doc)]) }
        try check(store, inOrder: false)
    }

    @Test func reingestIsANoOp() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("again.sqlite")
        let store = try EventStore(path: path)
        try store.store(Self.articles().map(StorableDocument.init))
        let before = try store.counts()
        var all = EventQuery()
        all.includeNegated = true
        let rowsBefore = try store.events(all)
        let again = try store.store(Self.articles().map(StorableDocument.init))
        #expect(again.stored == 0 && again.skipped == 4 && again.mentions == 0)
        // Also through a fresh connection and with duplicates inside one batch.
        let reopened = try EventStore(path: path)
        let twice = try reopened.store((Self.articles() + Self.articles()).map(StorableDocument.init))
        #expect(twice.stored == 0 && twice.skipped == 8)
        #expect(try reopened.counts() == before)
        #expect(try reopened.events(all) == rowsBefore)
        try check(reopened)
    }

    @Test func relationsReadBackWhole() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try EventStore(path: dir.path("relations.sqlite"))
        try store.store(Self.articles().map(StorableDocument.init))
        let original = Self.articles()[0].relations
        #expect(try store.relations() == original)
        #expect(try store.relations(since: Day("2024-04-02")).isEmpty)
    }

    @Test func migratesAVersionOneStore() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("v1.sqlite")
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(sql: Schema.migrations[0])
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 1")
            try db.execute(sql: "INSERT INTO meta VALUES ('format', '\(Schema.format)'), ('schema', '1')")
        }
        try q.close()
        let store = try EventStore(path: path)
        try store.store(Self.articles().map(StorableDocument.init))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Schema.version)
        #expect(try store.relations() == Self.articles()[0].relations)
    }

    @Test func actorsAreCounted() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try EventStore(path: dir.path("actors.sqlite"))
        try store.store(Self.articles().map(StorableDocument.init))
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT code, mentions, first_date, last_date FROM actors ORDER BY code")
        }
        let irn = try #require(rows.first { ($0["code"] as String) == "IRN" })
        // IRN: 6 event mentions as source + 1 as target + 1 relation object
        #expect(irn["mentions"] as Int == 8)
        #expect(irn["first_date"] as String == "2024-04-01" && irn["last_date"] as String == "2024-04-02")
    }
}

@Suite struct QueryTests {
    func store(_ dir: TempDir) throws -> EventStore {
        let store = try EventStore(path: dir.path("q.sqlite"))
        try store.store(DeduplicationTests.articles().map(StorableDocument.init))
        return store
    }

    @Test func filters() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let s = try store(dir)
        var q = EventQuery()
        try q.setDyad("IRN:ISR")
        #expect(try s.events(q).count == 3)  // IRN and IRNMIL on the 1st, IRN on the 2nd
        try q.setDyad("IRNMIL:")
        #expect(try s.events(q).map(\.sourceCode) == ["IRNMIL"])
        try q.setDyad("ISR:IRN")
        #expect(try s.events(q).isEmpty)
        q.undirected = true
        #expect(try s.events(q).count == 3)

        q = EventQuery()
        q.cameo = ["19"]
        #expect(try s.events(q).count == 3)
        q.cameo = ["11"]
        #expect(try s.events(q).map(\.cameo) == ["112"])
        q = EventQuery()
        q.plover = ["assault"]
        #expect(try s.events(q).count == 3)
        q = EventQuery()
        q.since = Day("2024-04-02")
        #expect(try s.events(q).count == 1)
        q = EventQuery()
        q.until = Day("2024-04-01")
        #expect(try s.events(q).count == 3)
        q = EventQuery()
        q.actor = "USA"
        #expect(try s.events(q).map(\.cameo) == ["112"])
        q.actor = "usa"  // a name: matches the mention's name "usa"
        #expect(try s.events(q).count == 1)
        q = EventQuery()
        q.minMentions = 2
        #expect(try s.events(q).count == 1)
        q = EventQuery()
        q.limit = 2
        #expect(try s.events(q).count == 2)
    }

    @Test func series() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let s = try store(dir)
        var q = EventQuery()
        try q.setDyad("IRN:ISR")
        q.since = Day("2024-03-31")
        let days = try s.series(q, by: .day)
        #expect(days.map(\.period.description) == ["2024-03-31", "2024-04-01", "2024-04-02"])
        #expect(days[0].events == 0 && days[0].goldsteinMean == nil)
        #expect(days[1].events == 2 && days[1].quad == [0, 0, 0, 2] && days[1].mentions == 6)
        #expect(days[1].goldsteinSum == -20 && days[1].goldsteinMean == -10)
        let weeks = try s.series(EventQuery(), by: .week)
        // 2024-03-31 is a Sunday: its week starts 2024-03-25; the 1st and 2nd of April fall in the next.
        #expect(weeks.map(\.period.description) == ["2024-04-01"])
        #expect(weeks[0].events == 4 && weeks[0].quad == [0, 0, 1, 3])
        let months = try s.series(EventQuery(), by: .month)
        #expect(months.count == 1 && months[0].period.description == "2024-04-01")
        #expect(abs(months[0].goldsteinSum - -32) < 1e-9)
    }
}

@Suite struct FaultTests {
    @Test func refusesADatabaseThatIsNotOurs() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("theirs.sqlite")
        let theirs = try DatabaseQueue(path: path)
        try theirs.write { db in
            try db.execute(sql: "CREATE TABLE customers(name TEXT); INSERT INTO customers VALUES ('x')")
        }
        try theirs.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for mode in [EventStore.Mode.readWrite, .readOnly] {
            #expect { try EventStore(path: path, mode: mode) } throws: { error in
                let e = error as? StoreError
                return e?.kind == .notOurs && e!.description.hasPrefix(path)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("notes.sqlite")
        try Data("id,text\n1,hello\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try EventStore(path: path) } throws: { ($0 as? StoreError)?.kind == .notDatabase }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,text\n1,hello\n")
    }

    @Test func missingDatabaseForQueries() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        #expect { try EventStore(path: dir.path("none.sqlite"), mode: .readOnly) } throws: { ($0 as? StoreError)?.kind == .missing }
        #expect(!FileManager.default.fileExists(atPath: dir.path("none.sqlite")))
    }

    @Test func fullDiskRollsBackTheBatchAndKeepsTheRest() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("full.sqlite")
        let first = try EventStore(path: path)
        try first.store(DeduplicationTests.articles().map(StorableDocument.init))
        try first.checkpoint()
        let before = try first.counts()
        let pages = try first.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        let limited = try EventStore(path: path, mode: .readWrite, maxPageCount: pages + 2)
        let big = (0..<200).map { i in
            Fixture.coded(
                "big\(i)", source: "X", date: "2024-05-01", sentences: 40,
                events: [
                    Fixture.event(doc: "big\(i)", sentence: 1, date: "2024-05-01", source: "USA", target: "ISR", cameo: "036")
                ])
        }
        #expect { try limited.store(big.map(StorableDocument.init)) } throws: { error in
            (error as? StoreError)?.kind == .diskFull && "\(error)".contains("disk full")
        }
        let reopened = try EventStore(path: path)
        #expect(try reopened.counts() == before)
        #expect(try reopened.integrityCheck() == ["ok"])
        // With space again, the same batch goes in.
        #expect(try reopened.store(big.map(StorableDocument.init)).stored == 200)
    }

    @Test func corruptFileGivesAClearError() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("corrupt.sqlite")
        do {
            let store = try EventStore(path: path)
            try store.store(DeduplicationTests.articles().map(StorableDocument.init))
            try store.checkpoint()
        }
        // Overwrite everything after the first page (the schema survives, the tables do not).
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
        try handle.close()
        var failure: StoreError?
        do {
            let store = try EventStore(path: path, mode: .readOnly)
            _ = try store.events(EventQuery())
            let check = try store.integrityCheck()
            #expect(check != ["ok"])
        } catch let e as StoreError {
            failure = e
        }
        if let failure {
            #expect(failure.description.hasPrefix(path))
            #expect(failure.kind == .corrupt || failure.kind == .notDatabase)
        }
    }

    @Test func readOnlyFile() throws {
        guard getuid() != 0 else {
            print("skipping readOnlyFile: running as root, file permissions do not apply")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("ro.sqlite")
        _ = try EventStore(path: path)
        chmod(path, 0o444)
        #expect { try EventStore(path: path) } throws: { ($0 as? StoreError)?.kind == .readOnly }
    }

    @Test func defaultDatabaseName() {
        #expect(AnnalsStoreInfo.defaultPath == "annals.sqlite")
    }
}
