import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsPostgres
@testable import AnnalsServer

/// The PostgreSQL server of `ANNALS_TEST_POSTGRES` (`.ci/run` starts one with Scripts/pg-test-cluster);
/// the tests skip, printing why, without one.
enum ServePostgres {
    static let url: String? = ProcessInfo.processInfo.environment["ANNALS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Why the PostgreSQL serve tests cannot run, nil when they can.
    static let unavailable: String? = PostgresSession.unavailability(of: "ANNALS_TEST_POSTGRES")

    static var available: Bool {
        if let unavailable { print("skipping the PostgreSQL serve tests: \(unavailable)") }
        return unavailable == nil
    }

    /// A new PostgreSQL database holding a copy of the SQLite store at `path` (ids, dates added and
    /// all), so both backends must answer every request identically. Returns its URL.
    static func copy(of path: String, label: String) throws -> String {
        var location = try PostgresLocation(url!)
        let name = "annals_serve_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresSession(location).query("CREATE DATABASE \(name)")
        location.database = name
        let host = location.host.addingPercentEncoding(withAllowedCharacters: PostgresLocation.unreserved) ?? location.host
        let target = "postgres://\(location.user)\(location.password.map { ":" + $0 } ?? "")@\(host):\(location.port)/\(name)"
        let store = try PostgresStore(url: target, mode: .readWrite)
        _ = try EventDatabases.copy(try EventStore(path: path, mode: .readOnly), to: store)
        return target
    }

    static func drop(_ url: String) {
        guard var location = try? PostgresLocation(url) else { return }
        let name = location.database
        location.database = "postgres"
        _ = try? PostgresSession(location).query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    static func makeApp(_ db: String, allowIngest: Bool = false) throws -> some ApplicationProtocol {
        try AnnalsServer.makeApplication(
            ServerOptions(database: db, port: 0, allowIngest: allowIngest, open: { try EventDatabases.openExplorable($0, mode: $1) }),
            logger: testLogger)
    }
}

/// `annals serve --db postgres://…`: the same API over PostgreSQL. The fixture database is copied
/// into PostgreSQL and every route answers byte for byte what it answers over SQLite.
@Suite("Serve over PostgreSQL", .serialized)
struct PostgresServeTests {
    /// Requests covering every route, filter, order, pagination, search and error.
    static func requests(_ events: [[String: Any]]) -> [String] {
        let first = events.first ?? [:]
        let source = field(first, "source.code") as? String ?? "USA"
        let target = field(first, "target.code") as? String ?? "RUS"
        let root = first["root"] as? String ?? "19"
        let words = (first["text"] as? String ?? "").split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 5 }
        var out = [
            "/healthz", "/api/events", "/api/events?limit=1000&include_negated=true", "/api/events?limit=3&sort=-goldstein",
            "/api/events?limit=4&sort=mentions", "/api/events?sort=-date&limit=5", "/api/events?actor=\(source.prefix(3))",
            "/api/events?dyad=\(source):\(target)", "/api/events?dyad=\(source):\(target)&undirected=true", "/api/events?root=\(root)",
            "/api/events?since=2024-01-01&until=2024-12-31", "/api/events?min_mentions=2", "/api/events?format=csv",
            "/api/events?format=tsv&limit=3", "/api/actors?q=\(source.prefix(3).lowercased())", "/api/actors?q=put",
            "/api/actors/\(source)", "/api/actors/Putin", "/api/actors/Nobody", "/api/graph", "/api/series?by=month",
            "/api/series?dyad=\(source):\(target)&by=week", "/api/events/999999", "/api/events?limit=zero", "/api/events?q=%2A%2A",
        ]
        for word in words.prefix(3) { out.append("/api/events?q=\(enc(word))") }
        if let w = words.first { out.append("/api/events?q=\(enc(String(w.prefix(3).lowercased())))*") }
        for id in events.prefix(12).compactMap({ $0["store_id"] as? Int }) { out.append("/api/events/\(id)") }
        return out
    }

    static func responses(_ app: some ApplicationProtocol, _ uris: [String], pages sort: [String]) async throws -> [String: String] {
        try await app.test(.router) { client in
            var out: [String: String] = [:]
            for uri in uris {
                let r = try await client.get(uri)
                out[uri] = "\(r.status.code) \(r.text)"
            }
            // Pagination to the end, in each order.
            for s in sort {
                var cursor: String?
                var n = 0
                repeat {
                    let uri = "/api/events?limit=2&sort=\(enc(s))" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let r = try await client.get(uri)
                    out["page \(s) \(n)"] = "\(r.status.code) \(r.text)"
                    cursor = r["next"] as? String
                    n += 1
                } while cursor != nil && n < 500
            }
            return out
        }
    }

    @Test func everyRouteAnswersAsOverSQLite() async throws {
        guard ServePostgres.available else { return }
        let url = try ServePostgres.copy(of: TestDatabases.fixture, label: "same")
        defer { ServePostgres.drop(url) }
        let events = try await makeApp(TestDatabases.fixture).test(.router) { client in
            try await EventAPITests.all(client, "&include_negated=true")
        }
        try #require(!events.isEmpty)
        let uris = Self.requests(events)
        let orders = EventSort.allCases.map(\.rawValue)
        let sqlite = try await Self.responses(try makeApp(TestDatabases.fixture), uris, pages: orders)
        let postgres = try await Self.responses(try ServePostgres.makeApp(url), uris, pages: orders)
        #expect(sqlite.count == postgres.count)
        var same = 0
        for (key, want) in sqlite.sorted(by: { $0.key < $1.key }) {
            let got = postgres[key] ?? "(missing)"
            #expect(got == want, "\(key)\nSQLite:     \(want.prefix(600))\nPostgreSQL: \(got.prefix(600))")
            if got == want { same += 1 }
        }
        print("PostgreSQL serve: \(same) of \(sqlite.count) responses identical to SQLite's")
        // The searches found something (so the comparison covers text search, not two empty pages).
        let searches = sqlite.filter { $0.key.contains("?q=") && $0.value.hasPrefix("200") }
        #expect(searches.contains { !$0.value.contains("\"events\":[]") })
    }

    /// `--allow-ingest` on PostgreSQL: `POST /api/code?store=true` stores the document; the reader
    /// connections are read-only on the server.
    @Test func storesCodedTextAndReadersAreReadOnly() async throws {
        guard ServePostgres.available else { return }
        let url = try ServePostgres.copy(of: TestDatabases.fixture, label: "ingest")
        defer { ServePostgres.drop(url) }
        let before = try PostgresStore(url: url, mode: .readOnly).counts()
        try await ServePostgres.makeApp(url, allowIngest: true).test(.router) { client in
            let text = "Iran accused Israel of killing a senior commander in Damascus."
            let r = try await client.post("/api/code?store=true&date=2024-05-02", contentType: "text/plain", body: text)
            #expect(r.status == .ok, "\(r.text)")
            #expect(r["stored"] as? Bool == true)
            let health = try await client.get("/healthz")
            #expect(health["documents"] as? Int == before.documents + 1)
            let found = try await client.get("/api/events?q=Damascus&since=2024-05-02&until=2024-05-02")
            #expect(!found.array("events").isEmpty, "\(found.text) after \(r.text)")
        }
        let reader = try EventDatabases.openExplorable(url, mode: .readOnly)
        #expect(throws: StoreError.self) { try reader.queryRows("CREATE TABLE intruder (x integer)", []) }
    }
}
