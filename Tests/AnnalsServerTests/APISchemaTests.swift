import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// One record contract on the API (docs/record-schema.json): the events of `GET /api/events` and
/// `GET /api/events/{id}` are the stored-event records `annals events --format jsonl` writes, the
/// records of `POST /api/code` those of `annals code`, and openapi.json carries the same schema.
@Suite("API record contract")
struct APISchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaText: String = (try? String(contentsOf: root.appendingPathComponent("docs/record-schema.json"), encoding: .utf8)) ?? ""

    static func validator() throws -> JSONSchemaValidator { try JSONSchemaValidator(schema: schemaText) }

    /// Every event of every page (all sorts, a filter, a search) and every event's detail is a valid
    /// stored event, and equal to what the store's encoder writes for `annals events --format jsonl`.
    @Test func eventsAndDetailAreStoredEventRecords() async throws {
        let schema = try Self.validator()
        let stored = try schema.definition("storedEvent")
        // What `annals events --format jsonl` writes (EventsCommand: StoredEvent.write), by store id.
        let store = try EventStore(path: TestDatabases.fixture, mode: .readOnly)
        var jsonl: [Int: JSONValue] = [:]
        var all = EventQuery()
        all.includeNegated = true
        for event in try store.storedEvents(all) {
            var json = JSONWriter()
            event.write(to: &json)
            jsonl[Int(event.storeID)] = try JSONValue.parse(json.string)
        }
        let expected = jsonl
        try #require(!expected.isEmpty)
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            var checked = 0
            for query in ["limit=1000", "limit=1000&sort=-goldstein", "limit=1000&sort=mentions", "limit=1000&include_negated=true"] {
                let r = try await client.get("/api/events?" + query)
                #expect(r.status == .ok, "\(r.text)")
                guard case .object(let page)? = try? JSONValue.parse(r.text),
                    case .array(let events)? = page.first(where: { $0.key == "events" })?.value
                else {
                    Issue.record("\(query): no events array in \(r.text.prefix(200))")
                    continue
                }
                for event in events {
                    let errors = schema.errors(event, against: stored)
                    #expect(errors.isEmpty, "\(query): \(errors) in \(event)")
                    guard case .number(let id, _)? = event["store_id"] else { Issue.record("no store_id"); continue }
                    if let want = expected[Int(id)] { #expect(event == want, "the API's event \(Int(id)) is not the jsonl record") }
                    checked += 1
                }
            }
            #expect(checked >= expected.count)
            for id in expected.keys.sorted() {
                let r = try await client.get("/api/events/\(id)")
                let detail = try JSONValue.parse(r.text)
                let event = try #require(detail["event"])
                #expect(schema.errors(event, against: stored).isEmpty, "\(schema.errors(event, against: stored))")
                #expect(event == expected[id], "detail of \(id) is not the jsonl record")
            }
        }
    }

    /// `POST /api/code` answers with records `annals code` writes: each valid against the schema's root
    /// (an event or a relation).
    @Test func codedRecordsMatchTheSchema() async throws {
        let schema = try Self.validator()
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let text = """
                Iran accused Israel of killing a senior commander in Damascus. Russian forces shelled Kharkiv on Tuesday, \
                the governor said. Hamas, the Palestinian militant group, is based in Gaza.
                """
            let r = try await client.post("/api/code?date=2024-05-01", contentType: "text/plain", body: text)
            #expect(r.status == .ok, "\(r.text)")
            let records = try #require(try JSONValue.parse(r.text)["records"])
            guard case .array(let list) = records else { Issue.record("records is not an array"); return }
            #expect(!list.isEmpty)
            for record in list {
                let errors = schema.errors(record)
                #expect(errors.isEmpty, "\(errors) in \(record)")
            }
        }
    }

    /// The record schemas of openapi.json are docs/record-schema.json's definitions, with references
    /// rewritten to `#/components/schemas/`.
    @Test func openAPICarriesTheRecordSchema() throws {
        let names = [
            "span": "RecordSpan", "date": "RecordDate", "actor": "RecordActor", "evidence": "RecordEvidence",
            "location": "RecordLocation", "optionalSpan": "RecordOptionalSpan", "event": "RecordEvent",
            "storedEvent": "StoredEvent", "relation": "RecordRelation",
        ]
        func rewrite(_ v: Any) -> Any {
            if let o = v as? [String: Any] {
                var out: [String: Any] = [:]
                for (k, x) in o {
                    if k == "$ref", let ref = x as? String, ref.hasPrefix("#/$defs/") {
                        out[k] = "#/components/schemas/" + (names[String(ref.dropFirst(8))] ?? "?")
                    } else {
                        out[k] = rewrite(x)
                    }
                }
                return out
            }
            if let a = v as? [Any] { return a.map(rewrite) }
            return v
        }
        let record = try #require(try JSONSerialization.jsonObject(with: Data(Self.schemaText.utf8)) as? [String: Any])
        let defs = try #require(record["$defs"] as? [String: Any])
        #expect(Set(defs.keys) == Set(names.keys), "a definition was added to the record schema: name it here and in openapi.json")
        let spec = try OpenAPITests.spec()
        let schemas = try #require((spec["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for (def, name) in names {
            let want = try #require(defs[def])
            let got = try #require(schemas[name], "openapi.json lacks \(name)")
            #expect(NSDictionary(dictionary: ["v": rewrite(want)]).isEqual(NSDictionary(dictionary: ["v": got])), "\(name) differs from $defs/\(def)")
        }
    }
}
