import AnnalsCore
import Foundation
import GRDB
import Testing

@testable import AnnalsStore

@Suite struct IngestEndToEndTests {
    static let articles = [
        "one.txt": "Iran attacked Israel on Monday.\nThe United States praised Israel for its restraint.\n",
        "two.txt": "Officials said Iran attacked Israel overnight.\nMarkets fell.\n",
        "three.txt": "Iran did not attack anyone, officials said.\nIran never attacked Israel, a minister claimed.\n",
    ]

    func write(_ dir: TempDir) throws -> [String] {
        try Self.articles.keys.sorted().map { name in
            try Data(Self.articles[name]!.utf8).write(to: dir.url.appendingPathComponent(name))
            return dir.path(name)
        }
    }

    @Test func throughThePipeline() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let paths = try write(dir)
        let store = try EventStore(path: dir.path("e2e.sqlite"))
        let ingester = Ingester(store: store, pipeline: Pipeline(coder: KeywordCoder()), runner: BatchRunner(threads: 2), batchDocuments: 2)
        let reader = DocumentReader(format: .text, defaultDate: Day("2024-04-01"))
        let (first, failed) = try ingester.run(reader: reader, paths: paths, onError: { Issue.record("\($0)") })
        #expect(!failed)
        #expect(first.stored == 3 && first.skipped == 0)
        #expect(first.sentences >= 6)
        let rows = try store.events(EventQuery())
        // "Iran attacked Israel" twice in two articles → one event; "United States praised Israel" → another.
        let attack = try #require(rows.first { $0.cameo == "190" })
        #expect(attack.sourceCode == "IRN" && attack.targetCode == "ISR" && attack.date == "2024-04-01")
        #expect(attack.numMentions == 2 && attack.numArticles == 2 && attack.numSources == 1)
        #expect(rows.contains { $0.cameo == "051" && $0.sourceCode == "USA" })
        #expect(rows.count == 2)
        let mentionTexts = try store.read { db in try String.fetchAll(db, sql: "SELECT text FROM mentions_with_text ORDER BY id") }
        #expect(mentionTexts.contains { $0.contains("Iran attacked Israel") })
        #expect(attack.text.contains("Iran attacked Israel"))
        // A statement whose text is its sentence's is not stored twice.
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions WHERE text IS NOT NULL") } == 0)

        // Negated statements are not stored unless the coder emits them.
        #expect(
            try store.events(
                {
                    var q = EventQuery(); q.includeNegated = true; return q
                }()
            ).count == 2)

        // Running again, or with a copy of an article under another name, changes nothing.
        let before = try store.counts()
        try FileManager.default.copyItem(atPath: paths[0], toPath: dir.path("copy.txt"))
        let (again, _) = try ingester.run(reader: reader, paths: paths + [dir.path("copy.txt")])
        #expect(again.stored == 0 && again.skipped == 4 && again.mentions == 0)
        #expect(try store.counts() == before)
    }

    @Test func negatedEventsStoredWhenEmitted() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let paths = try write(dir)
        let store = try EventStore(path: dir.path("neg.sqlite"))
        var options = CodingOptions()
        options.includeNegated = true
        let ingester = Ingester(store: store, pipeline: Pipeline(coder: KeywordCoder(), options: options), runner: BatchRunner(threads: 1))
        _ = try ingester.run(reader: DocumentReader(format: .text, defaultDate: Day("2024-04-01")), paths: paths)
        var q = EventQuery()
        q.includeNegated = true
        let negated = try store.events(q).filter { $0.polarity == "negated" }
        #expect(negated.count == 1 && negated[0].cameo == "190")
        #expect(try store.events(EventQuery()).allSatisfy { $0.polarity == "affirmed" })
        let polarities = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT polarity FROM mentions ORDER BY 1") }
        #expect(polarities == ["affirmed", "negated"])
    }

    @Test func withTheShippedCoder() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let paths = try write(dir)
        let store = try EventStore(path: dir.path("real.sqlite"))
        let ingester = Ingester(store: store, pipeline: Pipeline(coder: try CoderFactory.make("annals")), runner: BatchRunner(threads: 2))
        let reader = DocumentReader(format: .text, defaultDate: Day("2024-04-01"))
        let (first, _) = try ingester.run(reader: reader, paths: paths)
        #expect(first.stored == 3)
        let before = try store.counts()
        #expect(before.documents == 3 && before.sentences == first.sentences && before.mentions == first.mentions)
        let (again, _) = try ingester.run(reader: reader, paths: paths)
        #expect(again.stored == 0 && again.skipped == 3)
        #expect(try store.counts() == before)
    }
}

/// Runs the built `annals` binary: SIGKILL in the middle of an ingest, then finish it.
@Suite struct KillTests {
    /// The `annals` executable built beside this test bundle, nil when not found.
    static func annalsBinary() -> URL? {
        var candidates: [URL] = []
        if let argv0 = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: argv0).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("annals"))
                dir = dir.deletingLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("annals"))
        let root = Shared.root
        for scratch in [".build-store", ".build"] {
            candidates.append(root.appendingPathComponent("\(scratch)/debug/annals"))
            candidates.append(root.appendingPathComponent("\(scratch)/release/annals"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }

    static func run(_ binary: URL, _ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Documents committed so far in `path`, nil while the store is not created yet.
    static func storedDocuments(_ path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        guard let q = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? q.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") }
    }

    /// The events of a store without their DATEADDED stamp, for comparing runs.
    static func events(_ path: String) throws -> [EventRow] {
        var q = EventQuery()
        q.includeNegated = true
        return try EventStore(path: path, mode: .readOnly).events(q).map {
            var r = $0; r.dateAdded = ""; return r
        }
    }

    static func hashes(_ path: String) throws -> [String] {
        try EventStore(path: path, mode: .readOnly).read { db in
            try Data.fetchAll(db, sql: "SELECT hash FROM documents ORDER BY hash").map { $0.base64EncodedString() }
        }
    }

    @Test func killedIngestIsConsistentAndResumable() throws {
        guard let sample = Shared.guardianSample else {
            print("skipping killedIngestIsConsistentAndResumable: ../shared/corpora/guardian-2019-sample.csv is absent")
            return
        }
        guard let binary = Self.annalsBinary() else {
            print("skipping killedIngestIsConsistentAndResumable: no built annals binary beside the tests (build the package first)")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        var inputs = ["--input-format", "csv", sample]
        let common = ["--batch", "2", "--quiet"]

        // A clean run, for reference.
        let clean = dir.path("clean.sqlite")
        var p = try Self.run(binary, ["ingest"] + inputs + common + ["--db", clean])
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        var total = Self.storedDocuments(clean) ?? 0
        if total < 50 {
            // The input readers do not read CSV yet: feed the articles as one text file each.
            print("note: annals read \(total) document(s) from the CSV; feeding the articles as text files instead")
            let rows = RecordTable.parseCSV(try String(contentsOfFile: sample, encoding: .utf8))
            let textColumn = rows[0].firstIndex(of: "text") ?? 2
            inputs = ["--date", "2019-04-10"]
            for (i, row) in rows.dropFirst().enumerated() where row.count > textColumn {
                let file = dir.path(String(format: "article-%03d.txt", i))
                try Data(row[textColumn].utf8).write(to: URL(fileURLWithPath: file))
                inputs.append(file)
            }
            try FileManager.default.removeItem(atPath: clean)
            p = try Self.run(binary, ["ingest"] + inputs + common + ["--db", clean])
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            total = Self.storedDocuments(clean) ?? 0
        }
        #expect(total > 50)

        // Kill a second run once it has committed about a third of the documents.
        let killed = dir.path("killed.sqlite")
        p = try Self.run(binary, ["ingest"] + inputs + common + ["--db", killed])
        let deadline = Date().addingTimeInterval(120)
        var atKill = 0
        while p.isRunning && Date() < deadline {
            if let n = Self.storedDocuments(killed), n >= max(1, total / 3) {
                atKill = n
                break
            }
            usleep(1000)
        }
        let wasRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        if wasRunning {
            #expect(p.terminationReason == .uncaughtSignal)
            print("killed ingest after \(atKill) of \(total) documents were committed")
        } else {
            print("note: the ingest finished before it could be killed; checking consistency anyway")
        }
        let afterKill = try EventStore(path: killed)
        #expect(try afterKill.integrityCheck() == ["ok"])
        #expect(try afterKill.counts().documents < total || !wasRunning)

        // Finish the job: the result equals the clean run, nothing duplicated, nothing missing.
        p = try Self.run(binary, ["ingest"] + inputs + common + ["--db", killed])
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let resumed = try EventStore(path: killed)
        #expect(try resumed.integrityCheck() == ["ok"])
        #expect(try resumed.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(try resumed.counts() == EventStore(path: clean, mode: .readOnly).counts())
        #expect(try Self.hashes(killed) == Self.hashes(clean))
        #expect(try Self.events(killed) == Self.events(clean))
    }
}

/// The `events`, `series` and fault paths of the CLI, on a store filled from fixtures.
@Suite struct CommandLineTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ binary: URL, _ arguments: [String]) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func exportsReadBack() throws {
        guard let binary = KillTests.annalsBinary() else {
            print("skipping exportsReadBack: no built annals binary beside the tests")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("cli.sqlite")
        let store = try EventStore(path: path)
        try store.store(DeduplicationTests.articles().map(StorableDocument.init))
        let expected = try store.events(EventQuery())

        let csv = try Self.run(binary, ["events", "--db", path, "--format", "csv"])
        #expect(csv.status == 0)
        let rows = RecordTable.parseCSV(csv.stdout)
        #expect(rows.first == RecordTable.csvColumns)
        #expect(try rows.dropFirst().map { try RecordTable.row(csvFields: $0) } == expected)

        let tsv = try Self.run(binary, ["events", "--db", path, "--format", "tsv", "--dyad", "IRN:ISR"])
        let lines = tsv.stdout.split(separator: "\n")
        #expect(lines.first.map(String.init) == RecordTable.tsvHeader)
        let parsed = try lines.dropFirst().map { try RecordTable.row(tsvFields: RecordTable.parseTSVLine($0)) }
        #expect(parsed == expected.filter { $0.sourceCode.hasPrefix("IRN") && $0.targetCode.hasPrefix("ISR") })

        let jsonl = try Self.run(binary, ["events", "--db", path, "--root", "19", "--since", "2024-04-02"])
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.count == 1)
        #expect(objects.first?["num_mentions"] as? Int == 1 && objects.first?["date"] as? String == "2024-04-02")

        let series = try Self.run(binary, ["series", "--db", path, "--dyad", "IRN:ISR", "--by", "day"])
        #expect(
            series.stdout == """
                period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,mentions,goldstein_sum,goldstein_mean
                2024-04-01,2,0,0,0,2,6,-20.0,-10.0
                2024-04-02,1,0,0,0,1,1,-10.0,-10.0

                """)
    }

    @Test func refusesForeignFilesWithOneLine() throws {
        guard let binary = KillTests.annalsBinary() else {
            print("skipping refusesForeignFilesWithOneLine: no built annals binary beside the tests")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let theirs = dir.path("theirs.sqlite")
        let q = try DatabaseQueue(path: theirs)
        try q.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        let notes = dir.path("notes.txt")
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: notes))
        let article = dir.path("a.txt")
        try Data("Iran attacked Israel.\n".utf8).write(to: URL(fileURLWithPath: article))
        for (command, db) in [
            ("ingest", theirs), ("ingest", notes), ("events", theirs), ("series", notes),
            ("events", dir.path("missing.sqlite")),
        ] {
            var args = [command, "--db", db]
            if command == "ingest" { args += [article, "--quiet"] }
            let out = try Self.run(binary, args)
            #expect(out.status != 0, "\(command) \(db)")
            let lines = out.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("annals: \(db): "), "\(out.stderr)")
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "not a database\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.sqlite")))
    }
}
