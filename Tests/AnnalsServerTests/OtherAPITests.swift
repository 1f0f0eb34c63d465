import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// Actors, the network, series, coding, health, and the error statuses.
@Suite("Actor, graph, series and code API")
struct OtherAPITests {
    @Test func healthReportsTheDatabase() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let r = try await client.get("/healthz")
            #expect(r.status == .ok)
            #expect(r["status"] as? String == "ok")
            let counts = try EventStore(path: TestDatabases.fixture, mode: .readOnly).counts()
            #expect(r["events"] as? Int == counts.events)
            #expect(r["documents"] as? Int == counts.documents)
            #expect(r["search"] as? Bool == true)
            #expect(r["ingest"] as? Bool == false)
        }
    }

    @Test func actorsBySearchCodeAndName() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let top = try await client.get("/api/actors?limit=5").array("actors")
            try #require(!top.isEmpty)
            let mentions = top.map { $0["mentions"] as? Int ?? 0 }
            #expect(mentions == mentions.sorted(by: >))
            let code = try #require(top.first { !($0["code"] as? String ?? "").isEmpty }?["code"] as? String)
            let name = try #require(top.first { ($0["code"] as? String) == code }?["name"] as? String)
            let byCode = try await client.get("/api/actors?q=\(code.prefix(3).lowercased())").array("actors")
            #expect(byCode.contains { $0["code"] as? String == code })
            #expect(byCode.allSatisfy { ($0["code"] as? String ?? "").hasPrefix(code.prefix(3)) || ($0["name"] as? String ?? "").localizedCaseInsensitiveContains(code.prefix(3)) })
            let a = try await client.get("/api/actors/\(code)")
            #expect(a.status == .ok, "\(a.text)")
            #expect(a["code"] as? String == code)
            let counts = try #require(a["counts"] as? [String: Any])
            // The counts agree with the event list.
            let events = try await EventAPITests.all(client, "")
            let involving = events.filter { (field($0, "source.code") as? String) == code || (field($0, "target.code") as? String) == code }
            #expect(counts["events"] as? Int == involving.filter { field($0, "source.code") as? String == code }.count + involving.filter { field($0, "target.code") as? String == code }.count)
            #expect((counts["quad"] as? [Int])?.reduce(0, +) == involving.count)
            let partners = a.array("partners")
            #expect(partners.map { $0["events"] as? Int ?? 0 }.reduce(0, +) == involving.count)
            let byName = try await client.get("/api/actors/\(enc(name))")
            #expect(byName.status == .ok)
            #expect(byName["code"] as? String == code)
            #expect(try await client.get("/api/actors/\(enc("Nobody Such-Actor"))").status == .notFound)
        }
    }

    @Test func dictionaryActorHasRolesAndAffiliations() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            // Putin is in the fixture and in the bundled dictionaries with a dated role.
            let a = try await client.get("/api/actors/Putin")
            #expect(a.status == .ok, "\(a.text)")
            let node = try #require(a["node"] as? [String: Any])
            #expect(!((node["roles"] as? [Any]) ?? []).isEmpty)
            #expect(a["as_of"] is NSNull)
            let old = try await client.get("/api/actors/Putin?as_of=1990-01-01")
            #expect(old["as_of"] as? String == "1990-01-01")
            #expect(try await client.get("/api/actors/Putin?as_of=yesterday").status == .badRequest)
        }
    }

    @Test func graphAsJSONAndHTML() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let g = try await client.get("/api/graph")
            #expect(g.status == .ok)
            #expect(g["kind"] as? String == "actor_network")
            let nodes = (g["nodes"] as? [Any])?.count ?? 0
            #expect(nodes > 0)
            let past = try await client.get("/api/graph?as_of=2024-01-10")
            #expect(past["as_of"] as? String == "2024-01-10")
            let html = try await client.execute(uri: "/api/graph?format=html", method: .get) { $0 }
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: html.body).contains("<svg") || String(buffer: html.body).contains("<canvas") || String(buffer: html.body).contains("<script"))
            #expect(try await client.get("/api/graph?as_of=2024-13-40").status == .badRequest)
            #expect(try await client.get("/api/graph?format=pdf").status == .badRequest)
        }
    }

    @Test func seriesCountsAddUpToTheEvents() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let events = try await EventAPITests.all(client)
            let first = try #require(events.first)
            let dyad = "\(field(first, "source.code") as? String ?? ""):\(field(first, "target.code") as? String ?? "")"
            for by in SeriesUnit.allCases {
                let s = try await client.get("/api/series?dyad=\(dyad)&by=\(by.rawValue)")
                #expect(s.status == .ok)
                let points = s.array("points")
                let sum = points.map { $0["events"] as? Int ?? 0 }.reduce(0, +)
                let listed = try await EventAPITests.all(client, "&dyad=\(dyad)").filter { !($0["date"] as? String ?? "").isEmpty }
                #expect(sum == listed.count, "by=\(by)")
                for p in points {
                    let quads = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"].map { p[$0] as? Int ?? 0 }
                    #expect(quads.reduce(0, +) == p["events"] as? Int)
                }
            }
            let monthly = try await client.get("/api/series?by=month").array("points").map { $0["period"] as? String ?? "" }
            #expect(monthly == monthly.sorted() && monthly.allSatisfy { $0.count == 7 })
            #expect(try await client.get("/api/series?by=year").status == .badRequest)
            #expect(try await client.get("/api/series?q=war").status == .badRequest)
        }
    }

    @Test func codeReturnsRecordsAndStoresOnlyWhenAllowed() async throws {
        let text = "Iran accused Israel of killing a senior commander in Damascus. Israel threatened Iran with retaliation."
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let r = try await client.post("/api/code?date=2024-05-01", contentType: "text/plain; charset=utf-8", body: text)
            #expect(r.status == .ok, "\(r.text)")
            let records = r.array("records")
            #expect(!records.isEmpty)
            #expect(records.allSatisfy { ["event", "relation"].contains($0["kind"] as? String ?? "") })
            #expect(records.filter { $0["kind"] as? String == "event" }.allSatisfy { $0["date"] as? String == "2024-05-01" })
            #expect(r["stored"] as? Bool == false)
            let viaJSON = try await client.post("/api/code", contentType: "application/json", body: #"{"text": "Iran accused Israel of killing a senior commander in Damascus.", "date": "2024-05-01"}"#)
            #expect(viaJSON.status == .ok)
            #expect(viaJSON.array("records").count >= 1)
            // Errors.
            #expect(try await client.post("/api/code?store=true", contentType: "text/plain", body: text).status == .forbidden)
            #expect(try await client.post("/api/code", contentType: "application/xml", body: "<a/>").status == .unsupportedMediaType)
            #expect(try await client.post("/api/code", contentType: nil, body: text).status == .unsupportedMediaType)
            #expect(try await client.post("/api/code", contentType: "application/json", body: "{not json").status == .badRequest)
            #expect(try await client.post("/api/code", contentType: "text/plain", body: "   ").status == .badRequest)
            #expect(try await client.post("/api/code?date=2024-02-30", contentType: "text/plain", body: text).status == .badRequest)
            let big = String(repeating: "Iran accused Israel. ", count: (ServerLimits.maxBodyBytes / 21) + 10)
            let tooLarge = try await client.post("/api/code", contentType: "text/plain", body: big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.errorStatus == 413)
            #expect(try await client.get("/api/code").status == .methodNotAllowed)
        }
        // With --allow-ingest, store=true writes; the events then show up in the API.
        let copy = try TestDatabases.copy(TestDatabases.fixture)
        try await makeApp(copy, allowIngest: true).test(.router) { client in
            let before = try #require(try await client.get("/api/events?limit=1&since=2030-01-01&until=2030-12-31")["total"] as? Int)
            #expect(before == 0)
            let r = try await client.post("/api/code?date=2030-06-01&store=true", contentType: "text/plain", body: text)
            #expect(r["stored"] as? Bool == true, "\(r.text)")
            let after = try await client.get("/api/events?since=2030-01-01&until=2030-12-31")
            #expect(after["total"] as? Int ?? 0 >= 1)
            // The new statements are searchable at once (the index trigger).
            let found = try await client.get("/api/events?since=2030-01-01&q=retaliation")
            #expect(found["total"] as? Int ?? 0 >= 1, "\(found.text)")
            let again = try await client.post("/api/code?date=2030-06-01&store=true", contentType: "text/plain", body: text)
            #expect(again["already_stored"] as? Bool == true)
        }
    }

    @Test func errorsAreJSONWithTheRightStatus() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let cases: [(String, HTTPResponse.Status)] = [
                ("/api/events?since=2024-02-31", .badRequest),
                ("/api/events?since=tomorrow", .badRequest),
                ("/api/events?since=2024-05-01&until=2024-01-01", .badRequest),
                ("/api/events?limit=0", .badRequest),
                ("/api/events?limit=1000000", .badRequest),
                ("/api/events?limit=ten", .badRequest),
                ("/api/events?sort=random", .badRequest),
                ("/api/events?format=xml", .badRequest),
                ("/api/events?cursor=garbage", .badRequest),
                ("/api/events?dyad=IRN", .badRequest),
                ("/api/events?dyad=IR'N:ISR", .badRequest),
                ("/api/events?root=19%27%20OR%201=1", .badRequest),
                ("/api/events?plover=ASSAULT;DROP", .badRequest),
                ("/api/events?q=%22%28%29", .badRequest),
                ("/api/events?colour=red", .badRequest),
                ("/api/events?limit=5&limit=6", .badRequest),
                ("/api/events?actor=" + String(repeating: "x", count: 600), .badRequest),
                ("/api/events?actor=%ZZ", .badRequest),
                ("/api/actors?limit=-1", .badRequest),
                ("/api/nothing", .notFound),
                ("/static/../Package.swift", .notFound),
                ("/static/..%2F..%2FPackage.swift", .notFound),
                ("/static/missing.js", .notFound),
                ("/etc/passwd", .notFound),
            ]
            for (uri, status) in cases {
                let r = try await client.get(uri)
                #expect(r.status == status, "\(uri) → \(r.status) \(r.text)")
                #expect(r.errorStatus == Int(status.code), "\(uri) has a JSON error body: \(r.text)")
                #expect(!(r.errorMessage ?? "").isEmpty)
                #expect(!r.text.contains("Sources/"), "no source paths in \(uri)")
            }
            let post = try await client.execute(uri: "/api/events", method: .post) { JSON($0) }
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET")
            #expect(try await client.execute(uri: "/api/events/3", method: .delete) { $0.status } == .methodNotAllowed)
            // A parameterised actor name with SQL in it is just a name that matches nothing.
            let sql = try await client.get("/api/events?actor=\(enc("x' OR '1'='1"))")
            #expect(sql.status == .ok)
            #expect(sql["total"] as? Int == 0)
        }
    }

    @Test func explorerPagesAndFiles() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            for page in ["/", "/events?actor=IRN", "/event/1", "/actor/IRN", "/dyad?dyad=IRN:ISR", "/network", "/code"] {
                let r = try await client.execute(uri: page, method: .get) { $0 }
                #expect(r.status == .ok, "\(page)")
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: r.body).contains("/static/app.js"))
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
            for (file, type) in [("app.js", "text/javascript"), ("style.css", "text/css"), ("favicon.svg", "image/svg+xml")] {
                let r = try await client.execute(uri: "/static/\(file)", method: .get) { $0 }
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix(type) == true)
            }
        }
    }
}
