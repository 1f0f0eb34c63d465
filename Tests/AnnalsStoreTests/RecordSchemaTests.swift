import AnnalsCore
import Foundation
import Testing

@testable import AnnalsStore

/// One record contract (docs/record-schema.json): what `annals code` writes and what `annals events
/// --format jsonl` reads back from the store are the same event objects, and both pass the schema.
@Suite struct RecordSchemaTests {
    static let schemaURL = Shared.root.appendingPathComponent("docs/record-schema.json")
    static let example = Shared.root.appendingPathComponent("Examples/example-article.txt").path

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: String(contentsOf: schemaURL, encoding: .utf8))
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// Keys of a JSON object, in order.
    static func keys(_ v: JSONValue) -> [String] {
        if case .object(let members) = v { return members.map(\.key) }
        return []
    }

    /// `v` without the keys in `drop`.
    static func removing(_ drop: Set<String>, from v: JSONValue) -> JSONValue {
        guard case .object(let members) = v else { return v }
        return .object(members.filter { !drop.contains($0.key) })
    }

    /// The record with `country_from` removed from its actor objects.
    static func withoutCountryFrom(_ v: JSONValue) -> JSONValue {
        guard case .object(let members) = v else { return v }
        return .object(members.map { m in
            (m.key == "source" || m.key == "target") ? (key: m.key, value: removing(["country_from"], from: m.value)) : m
        })
    }

    static let rollUp: Set<String> = ["store_id", "num_mentions", "num_sources", "num_articles", "is_root", "first_seen"]

    @Test func codeOutputMatchesTheSchema() throws {
        guard let binary = KillTests.annalsBinary() else {
            print("skipping codeOutputMatchesTheSchema: no built annals binary beside the tests")
            return
        }
        let schema = try Self.validator()
        for extra in [[], ["--explain", "--include-negated"]] {
            let out = try CommandLineTests.run(binary, ["code", Self.example, "--date", "2024-03-12"] + extra)
            #expect(out.status == 0, "\(out.stderr)")
            let records = try Self.lines(out.stdout).map(JSONValue.parse)
            #expect(records.contains { $0["kind"] == .string("event") })
            #expect(records.contains { $0["kind"] == .string("relation") })
            for record in records {
                let errors = schema.errors(record)
                #expect(errors.isEmpty, "\(errors) in \(record)")
            }
        }
    }

    @Test func storedEventsAreTheCodeRecordsPlusTheRollUp() throws {
        guard let binary = KillTests.annalsBinary() else {
            print("skipping storedEventsAreTheCodeRecordsPlusTheRollUp: no built annals binary beside the tests")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.path("schema.sqlite")
        let schema = try Self.validator()
        let stored = try schema.definition("storedEvent")

        let code = try CommandLineTests.run(binary, ["code", Self.example, "--date", "2024-03-12", "--emit", "events"])
        let coded = try Self.lines(code.stdout).map(JSONValue.parse)
        let ingest = try CommandLineTests.run(binary, ["ingest", Self.example, "--date", "2024-03-12", "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let events = try CommandLineTests.run(binary, ["events", "--db", db, "--format", "jsonl"])
        #expect(events.status == 0, "\(events.stderr)")
        let rows = try Self.lines(events.stdout).map(JSONValue.parse)
        #expect(rows.count == coded.count && !rows.isEmpty)

        for row in rows {
            let errors = schema.errors(row, against: stored)
            #expect(errors.isEmpty, "\(errors) in \(row)")
            // An event object is also a valid record of `annals code` once the roll-up is removed…
            let plain = Self.removing(Self.rollUp, from: row)
            #expect(schema.errors(plain).isEmpty)
            // … and, for a single article, exactly the one `annals code` wrote, keys in the same order.
            // The store does not keep `country_from` yet (a known gap), so it is left out of the comparison.
            let same = coded.first { $0["id"] == row["id"] }.map(Self.withoutCountryFrom)
            #expect(same == plain, "stored \(plain)\ncoded \(String(describing: same))")
            #expect(same.map(Self.keys) == Self.keys(plain))
        }
    }

    /// The library path the HTTP API will use: ``StoredEvent`` written by ``EventStore`` reads back
    /// valid, with the roll-up counting two articles.
    @Test func storedEventRollUpCountsArticles() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try EventStore(path: dir.path("rollup.sqlite"))
        try store.store(DeduplicationTests.articles().map(StorableDocument.init))
        let schema = try Self.validator()
        let stored = try schema.definition("storedEvent")
        let events = try store.storedEvents(EventQuery())
        #expect(events.count == (try store.events(EventQuery())).count)
        #expect(events.contains { $0.numArticles >= 2 })
        for event in events {
            var json = JSONWriter()
            event.write(to: &json)
            let value = try JSONValue.parse(json.string)
            #expect(schema.errors(value, against: stored).isEmpty, "\(schema.errors(value, against: stored))")
            #expect(value["num_articles"] == .number(Double(event.numArticles), isInteger: true))
            if let source = event.record.source {
                #expect(source.span[0] <= source.span[1])
            }
        }
    }

    /// The validator is strict: each kind of breach is reported.
    @Test func schemaRejectsBrokenRecords() throws {
        let schema = try Self.validator()
        let good = try JSONValue.parse(
            """
            {"kind":"event","id":"0123456789abcdef","doc":"d","sentence":0,"text":"t","date":"2024-03-12",
             "source":{"text":"Iran","name":"Iran","code":"IRN","country":"IRN","sector":"","span":[0,4]},"target":null,
             "cameo":"190","root":"19","plover":"ASSAULT","quad":4,"goldstein":-10.0,"polarity":"affirmed",
             "modality":"asserted","mentions":1,"evidence":{"verb":"v","span":[5,6],"rule":"r"},"location":null}
            """)
        #expect(schema.errors(good).isEmpty, "\(schema.errors(good))")
        let broken: [(String, String)] = [
            ("\"mentions\":1,", ""),  // missing field
            ("\"quad\":4", "\"quad\":\"4\""),  // wrong type
            ("\"quad\":4", "\"quad\":7"),  // out of range
            ("\"sentence\":0", "\"sentence\":0.5"),  // not an integer
            ("\"polarity\":\"affirmed\"", "\"polarity\":\"maybe\""),  // not in the enum
            ("\"span\":[0,4]", "\"span\":[0]"),  // a span of one number
            ("\"date\":\"2024-03-12\"", "\"date\":\"12/03/2024\""),  // pattern
            ("\"kind\":\"event\"", "\"kind\":\"event\",\"extra\":1"),  // unknown field
            ("\"target\":null", "\"target\":{\"text\":\"x\"}"),  // incomplete actor
        ]
        let text = Record.event(
            EventRecord(
                id: "0123456789abcdef", doc: "d", sentence: 0, text: "t", date: "2024-03-12",
                source: ActorRef(text: "Iran", name: "Iran", code: "IRN", span: Span(0, 4)), target: nil, cameo: "190",
                root: "19", plover: "ASSAULT", quad: 4, goldstein: -10, polarity: .affirmed, modality: .asserted, mentions: 1,
                evidence: Evidence(verb: "v", span: Span(5, 6), rule: "r"))
        ).jsonLine
        #expect(try JSONValue.parse(text) == good)
        for (from, to) in broken {
            #expect(text.contains(from), "\(from)")
            let bad = try JSONValue.parse(text.replacingOccurrences(of: from, with: to))
            #expect(!schema.errors(bad).isEmpty, "accepted: \(to)")
        }
        // A store record must carry the roll-up.
        #expect(!schema.errors(good, against: try schema.definition("storedEvent")).isEmpty)
    }
}
