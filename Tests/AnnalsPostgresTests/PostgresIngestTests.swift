import AnnalsCore
import AnnalsStore
import Foundation
import Testing

@testable import AnnalsPostgres

/// `annals ingest` processes against one PostgreSQL server, on the Guardian sample.
@Suite(
    .enabled(if: TestServer.available, "needs a PostgreSQL server in ANNALS_TEST_POSTGRES (Scripts/pg-test-cluster)"),
    .enabled(if: AnnalsBinary.guardianSample != nil, "needs ../shared/corpora/guardian-2019-sample.csv"),
    .enabled(if: AnnalsBinary.url != nil, "needs the built annals binary beside the tests"),
    .serialized)
struct PostgresIngestTests {
    /// The sample split into `n` CSV files that overlap: each also holds the first rows of the next.
    static func slices(_ n: Int, overlap: Int, in dir: TempDir) throws -> [String] {
        let rows = RecordTable.parseCSV(try String(contentsOfFile: AnnalsBinary.guardianSample!, encoding: .utf8))
        let header = rows[0], body = Array(rows.dropFirst())
        let size = (body.count + n - 1) / n
        return try (0..<n).map { k in
            let part = body[min(body.count, k * size)..<min(body.count, (k + 1) * size + overlap)]
            let path = dir.path("slice-\(k).csv")
            let text = ([header] + part).map { row in row.map(TableCSV.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    static func ingest(_ inputs: [String], _ db: String, batch: Int = 16) throws -> AnnalsBinary.Output {
        try AnnalsBinary.run(["ingest", "--input-format", "csv", "--quiet", "--batch", String(batch), "--db", db] + inputs)
    }

    @Test func fourRacingIngestersEqualOne() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let one = try TestServer.freshDatabase("one")
        let four = try TestServer.freshDatabase("four")
        defer {
            TestServer.drop(one)
            TestServer.drop(four)
        }
        let whole = try Self.ingest([AnnalsBinary.guardianSample!], one)
        #expect(whole.status == 0, "\(whole.stderr)")
        // Four processes started together on slices that overlap by 30 articles, each slice also read twice.
        let parts = try Self.slices(4, overlap: 30, in: dir)
        let processes = try parts.map { part in
            try AnnalsBinary.start(["ingest", "--input-format", "csv", "--quiet", "--batch", "4", "--db", four, part, part])
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let expected = try Content.of(PostgresStore(url: one, mode: .readOnly))
        let got = try Content.of(PostgresStore(url: four, mode: .readOnly))
        #expect(expected["documents"]!.count == 249)
        #expect(expected["events"]!.count > 100)
        for (table, _) in Content.queries {
            #expect(got[table] == expected[table], "\(table) differs after racing ingesters")
        }
    }

    @Test func killedIngesterThenRerunEqualsCleanRun() throws {
        let clean = try TestServer.freshDatabase("clean")
        let killed = try TestServer.freshDatabase("killed")
        defer {
            TestServer.drop(clean)
            TestServer.drop(killed)
        }
        let sample = AnnalsBinary.guardianSample!
        #expect(try Self.ingest([sample], clean).status == 0)
        let total = try PostgresStore(url: clean, mode: .readOnly).counts().documents

        let p = try AnnalsBinary.start(["ingest", "--input-format", "csv", "--quiet", "--batch", "2", "--db", killed, sample])
        let deadline = Date().addingTimeInterval(120)
        var atKill = 0
        var store: PostgresStore?
        while p.isRunning && Date() < deadline {
            if store == nil { store = try? PostgresStore(url: killed, mode: .readOnly) }
            if let n = try? store?.counts().documents, n >= total / 3 {
                atKill = n
                break
            }
            usleep(2000)
        }
        let wasRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        if wasRunning {
            #expect(p.terminationReason == .uncaughtSignal)
            print("killed the PostgreSQL ingest after \(atKill) of \(total) documents were committed")
        } else {
            print("note: the ingest finished before it could be killed; checking the re-run anyway")
        }
        let afterKill = try PostgresStore(url: killed, mode: .readOnly)
        // Whole batches only: every stored document has all its sentences.
        let partial = try afterKill.rows(
            "SELECT count(*) FROM documents d WHERE d.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc = d.id)")
        #expect(partial.first?.first?.int == 0)
        #expect(try afterKill.counts().documents < total || !wasRunning)

        #expect(try Self.ingest([sample], killed).status == 0)
        #expect(try Content.of(PostgresStore(url: killed, mode: .readOnly)) == Content.of(PostgresStore(url: clean, mode: .readOnly)))
    }

    /// `events`, `series`, `graph` and `actor` print the same on SQLite and PostgreSQL.
    @Test func queryCommandsPrintTheSameOnBothBackends() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let pg = try TestServer.freshDatabase("diff")
        defer { TestServer.drop(pg) }
        let sqlite = dir.path("diff.sqlite")
        let sample = AnnalsBinary.guardianSample!
        #expect(try Self.ingest([sample], sqlite, batch: 16).status == 0)
        #expect(try Self.ingest([sample], pg, batch: 16).status == 0)
        let commands: [[String]] = [
            ["events", "--format", "csv"],
            ["events", "--format", "tsv", "--include-negated"],
            ["events", "--dyad", "USA:", "--undirected", "--format", "jsonl"],
            ["events", "--root", "19,18", "--since", "2019-04-01", "--until", "2019-06-30"],
            ["events", "--actor", "Trump", "--format", "csv"],
            ["events", "--plover", "ASSAULT", "--min-mentions", "2"],
            ["series", "--by", "week"],
            ["series", "--dyad", "GBR:", "--by", "month", "--format", "jsonl"],
            ["graph", "--format", "graphml"],
            ["graph", "--format", "json", "--as-of", "2019-06-01"],
            ["actor", "Bashar al-Assad"],
            ["actor", "Recep Tayyip Erdogan", "--as-of", "2018-01-01"],
        ]
        for c in commands {
            let a = try AnnalsBinary.run(c + ["--db", sqlite])
            let b = try AnnalsBinary.run(c + ["--db", pg])
            #expect(a.status == 0 && b.status == 0, "\(c.joined(separator: " ")): \(a.stderr) \(b.stderr)")
            #expect(a.stdout.utf8.count > 100, "\(c.joined(separator: " ")) printed almost nothing")
            let (left, right) = (Self.withoutDateAdded(a.stdout), Self.withoutDateAdded(b.stdout))
            #expect(left == right, "\(c.joined(separator: " ")) differs between SQLite and PostgreSQL")
        }
    }

    /// DATEADDED (and JSON's `first_seen`) is the wall-clock second an event was stored: blank
    /// 14-digit stamps starting with 20 and ISO 8601 UTC stamps.
    static func withoutDateAdded(_ s: String) -> String {
        s.replacing(/([^0-9])20[0-9]{12}(?=[^0-9]|$)/) { m in m.output.1 + "DATEADDED" }
            .replacing(/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) { _ in "DATEADDED" }
    }
}
