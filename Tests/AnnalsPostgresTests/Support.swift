import AnnalsCore
import AnnalsStore
import Foundation

@testable import AnnalsPostgres

/// The PostgreSQL server the tests use: `ANNALS_TEST_POSTGRES` (a URL of any database on it, e.g. the
/// one `Scripts/pg-test-cluster start` prints; `.ci/run` sets it). Each test makes its own database.
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["ANNALS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Why PostgreSQL tests cannot run, nil when they can.
    static let unavailable: String? = PostgresSession.unavailability(of: "ANNALS_TEST_POSTGRES")

    static var available: Bool {
        if let unavailable { FileHandle.standardError.write(Data("skipping PostgreSQL tests: \(unavailable)\n".utf8)) }
        return unavailable == nil
    }

    /// A new empty database on the server; returns its URL.
    static func freshDatabase(_ label: String) throws -> String {
        var location = try PostgresLocation(url!)
        let name = "annals_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresSession(location).query("CREATE DATABASE \(name)")
        location.database = name
        return url(of: location)
    }

    /// Drops the database of `url` (best effort).
    static func drop(_ url: String) {
        guard var location = try? PostgresLocation(url) else { return }
        let name = location.database
        location.database = "postgres"
        _ = try? PostgresSession(location).query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    static func url(of l: PostgresLocation) -> String {
        let host = l.host.addingPercentEncoding(withAllowedCharacters: PostgresLocation.unreserved) ?? l.host
        let password = l.password.map { ":" + $0 } ?? ""
        return "postgres://\(l.user)\(password)@\(host):\(l.port)/\(l.database)"
    }
}

/// A fresh temporary directory, removed by `cleanup()`.
struct TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-pg-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Coded documents built directly, independent of any coder.
enum Fixture {
    static func actor(_ code: String, _ name: String, at start: Int) -> ActorRef {
        ActorRef(text: name, name: name, code: code, span: Span(start, start + name.utf8.count))
    }

    static func event(
        doc: String, sentence: Int, date: String, source: String?, target: String?, cameo: String,
        polarity: Polarity = .affirmed, mentions: Int = 1, sourceName: String? = nil
    ) -> EventRecord {
        EventRecord(
            id: "\(doc)-\(sentence)-\(cameo)-\(source ?? "")-\(target ?? "")", doc: doc, sentence: sentence,
            text: "\(source ?? "?") \(cameo) \(target ?? "?") in sentence \(sentence)", date: date,
            source: source.map { actor($0, sourceName ?? $0.lowercased(), at: 0) }, target: target.map { actor($0, $0.lowercased(), at: 20) },
            code: CameoTable.shared[cameo]!, polarity: polarity, modality: .asserted, mentions: mentions,
            evidence: Evidence(verb: "attacked", span: Span(10, 18), rule: "test:1"))
    }

    static func coded(
        _ id: String, source: String?, date: String?, url: String? = nil, events: [EventRecord] = [],
        relations: [RelationRecord] = []
    ) -> CodedDocument {
        let texts = (0..<4).map { "Sentence \($0) of \(id)." }
        let doc = Document(id: id, text: texts.joined(separator: " "), date: date.flatMap { Day($0) }, source: source, url: url)
        var sentences: [Sentence] = []
        var base = 0
        for (i, t) in texts.enumerated() {
            sentences.append(Sentence(index: i, text: t, base: base))
            base += t.utf8.count + 1
        }
        var c = CodedDocument(document: doc, sentences: sentences)
        c.events = events
        c.relations = relations
        return c
    }

    static func relation(doc: String, date: String, subject: String, object: String) -> RelationRecord {
        RelationRecord(
            id: "\(doc)-r", doc: doc, sentence: 0, text: "\(subject) is part of \(object)",
            subject: actor(subject, subject.lowercased(), at: 0), relation: .partOf, label: nil,
            object: actor(object, object.lowercased(), at: 20), date: date,
            evidence: Evidence(verb: "part of", span: Span(5, 12), rule: "test:2"))
    }

    /// Articles over three months from three publishers, with repeated, negated, undated and
    /// differently named statements of the same events.
    static func articles() -> [CodedDocument] {
        let (a, b, c) = ("2024-04-01", "2024-04-02", "2024-05-20")
        return [
            coded(
                "A", source: "Reuters", date: a, url: "https://reuters.com/a",
                events: [
                    event(doc: "A", sentence: 0, date: a, source: "IRN", target: "ISR", cameo: "190"),
                    event(doc: "A", sentence: 2, date: a, source: "IRN", target: "ISR", cameo: "190"),
                    event(doc: "A", sentence: 3, date: a, source: "USA", target: "IRN", cameo: "112"),
                ], relations: [relation(doc: "A", date: a, subject: "IRNMIL", object: "IRN")]),
            coded(
                "B", source: "AP", date: a,
                events: [
                    event(doc: "B", sentence: 1, date: a, source: "IRN", target: "ISR", cameo: "190", mentions: 2, sourceName: "tehran"),
                    event(doc: "B", sentence: 2, date: a, source: "IRNMIL", target: "ISR", cameo: "190"),
                ]),
            coded("C", source: nil, date: a, url: "https://www.bbc.co.uk/c", events: [event(doc: "C", sentence: 2, date: a, source: "IRN", target: "ISR", cameo: "190")]),
            coded(
                "D", source: "AP", date: b,
                events: [
                    event(doc: "D", sentence: 0, date: b, source: "IRN", target: "ISR", cameo: "190"),
                    event(doc: "D", sentence: 1, date: b, source: "IRN", target: "ISR", cameo: "190", polarity: .negated),
                ]),
            coded(
                "E", source: "Reuters", date: c,
                events: [
                    event(doc: "E", sentence: 1, date: c, source: "ISR", target: "IRN", cameo: "0311"),
                    event(doc: "E", sentence: 3, date: c, source: "USA", target: nil, cameo: "010"),
                ], relations: [relation(doc: "E", date: c, subject: "USAGOV", object: "USA")]),
            coded("F", source: "AP", date: nil, events: [event(doc: "F", sentence: 0, date: "", source: "IRN", target: "ISR", cameo: "190")]),
        ]
    }
}

/// The `annals` executable built beside the tests, nil when not found.
enum AnnalsBinary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var url: URL? {
        var candidates: [URL] = []
        if let argv0 = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: argv0).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("annals"))
                dir = dir.deletingLastPathComponent()
            }
        }
        for scratch in [".build", ".build-store"] {
            candidates.append(root.appendingPathComponent("\(scratch)/debug/annals"))
            candidates.append(root.appendingPathComponent("\(scratch)/release/annals"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }

    static var guardianSample: String? {
        let p = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/guardian-2019-sample.csv").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = url!
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func run(_ arguments: [String]) throws -> Output {
        let p = Process()
        p.executableURL = url!
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A store's content as sorted lines, without ids, timestamps or input file names: what must be
/// equal after racing writers, kills and re-runs.
enum Content {
    static let queries: [(String, String)] = [
        ("documents", "SELECT d.hash, d.ident, d.date, d.source, d.publisher, d.url, d.title, d.bytes, d.sentences, d.events, d.relations FROM documents d"),
        ("sentences", "SELECT d.hash, s.idx, s.text, s.start, s.\"end\", s.headline FROM sentences s JOIN documents d ON d.id = s.doc"),
        ("events", """
            SELECT e.day, e.source_code, e.target_code, e.cameo, e.polarity, e.root, e.plover, e.quad, e.goldstein, e.source_name,
                   e.target_name, e.is_root, e.num_mentions, e.num_sources, e.num_articles, d.hash, e.first_sentence, e.first_text, e.modality
            FROM events e JOIN documents d ON d.id = e.first_doc
            """),
        ("mentions", """
            SELECT e.day, e.source_code, e.target_code, e.cameo, e.polarity, d.hash, m.sentence, m.record, m.count, m.text, m.span_start,
                   m.span_end, m.polarity, m.modality, m.verb, m.verb_start, m.verb_end, m.rule, m.source_text, m.source_name, m.target_text, m.target_name
            FROM mentions m JOIN events e ON e.id = m.event JOIN documents d ON d.id = m.doc
            """),
        ("relations", """
            SELECT d.hash, r.sentence, r.record, r.date, r.subject_code, r.subject_name, r.subject_text, r.relation, r.label, r.object_code,
                   r.object_name, r.object_text, r.text, r.verb, r.rule, r.span_start, r.span_end, r.subject_start, r.object_start, r.verb_start
            FROM relations r JOIN documents d ON d.id = r.doc
            """),
        ("actors", "SELECT code, name, country, sector, mentions, first_date, last_date FROM actors"),
    ]

    static func line(_ row: [SQLValue]) -> String {
        row.map { v in
            switch v {
            case .null: return "∅"
            case .blob(let b): return b.map { String(format: "%02x", $0) }.joined()
            case .double(let d): return String(format: "%.6f", d)
            default: return v.string ?? ""
            }
        }.joined(separator: "|")
    }

    static func of(_ store: any TableReading) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (table, sql) in queries {
            var lines: [String] = []
            try store.tableRows(sql, chunk: 10_000) { rows in lines += rows.map(line) }
            out[table] = lines.sorted()
        }
        return out
    }
}
