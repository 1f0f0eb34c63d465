import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// `GET /api/events` and `/api/events/{id}` against a database ingested from the fixture articles:
/// every filter gives exactly the events a client-side check of the full list selects.
@Suite("Event API")
struct EventAPITests {
    /// All events, with whatever extra query, one big page.
    static func all(_ client: some TestClientProtocol, _ extra: String = "") async throws -> [[String: Any]] {
        let r = try await client.get("/api/events?limit=1000" + extra)
        #expect(r.status == .ok, "\(r.text)")
        return r.array("events")
    }

    /// The store ids of events (records carry the coder's `id` and the store's integer `store_id`).
    static func ids(_ rows: [[String: Any]]) -> [Int] { rows.compactMap { $0["store_id"] as? Int } }

    @Test func defaultPageIsDateOrderedWithTotal() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let r = try await client.get("/api/events")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            let rows = r.array("events")
            let total = try #require(r["total"] as? Int)
            let stored = try EventStore(path: TestDatabases.fixture, mode: .readOnly).events(EventQuery())
            #expect(total == stored.count)
            #expect(total > 5, "the fixture articles should code several events")
            #expect(rows.count == min(50, total))
            let dates = rows.map { $0["date"] as? String ?? "" }
            #expect(dates == dates.sorted())
            // Events are the record contract of `annals events --format jsonl` (APISchemaTests validates them).
            for row in rows {
                #expect(row["kind"] as? String == "event")
                #expect(row["store_id"] is Int && row["num_mentions"] is Int && row["evidence"] is [String: Any])
            }
        }
    }

    @Test func everyFilterSelectsWhatItSays() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let all = try await Self.all(client)
            try #require(!all.isEmpty)
            func str(_ row: [String: Any], _ path: String) -> String { field(row, path) as? String ?? "" }
            func check(_ query: String, _ predicate: ([String: Any]) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let got = Set(Self.ids(try await Self.all(client, "&" + query)))
                let want = Set(Self.ids(all.filter(predicate)))
                #expect(got == want, "filter \(query)", sourceLocation: sourceLocation)
                #expect(!want.isEmpty || query.contains("none"), "filter \(query) should select something in the fixture", sourceLocation: sourceLocation)
            }
            let first = all[0]
            let source = str(first, "source.code"), target = str(first, "target.code")
            let country = String(source.prefix(3))
            try await check("actor=\(country)") { str($0, "source.code").hasPrefix(country) || str($0, "target.code").hasPrefix(country) }
            try await check("dyad=\(source):\(target)") { str($0, "source.code").hasPrefix(source) && str($0, "target.code").hasPrefix(target) }
            try await check("dyad=\(source):") { str($0, "source.code").hasPrefix(source) }
            try await check("dyad=\(source):\(target)&undirected=true") {
                (str($0, "source.code").hasPrefix(source) && str($0, "target.code").hasPrefix(target))
                    || (str($0, "source.code").hasPrefix(target) && str($0, "target.code").hasPrefix(source))
            }
            let root = str(first, "root")
            try await check("root=\(root)") { str($0, "cameo").hasPrefix(root) }
            let otherRoot = all.map { str($0, "root") }.first { $0 != root } ?? root
            try await check("root=\(root)&root=\(otherRoot)") { [root, otherRoot].contains(str($0, "root")) }
            try await check("root=\(root),\(otherRoot)") { [root, otherRoot].contains(str($0, "root")) }
            if let plover = all.compactMap({ $0["plover"] as? String }).first {
                try await check("plover=\(plover.lowercased())") { ($0["plover"] as? String) == plover }
            }
            let dates = all.map { str($0, "date") }.filter { !$0.isEmpty }.sorted()
            let mid = dates[dates.count / 2]
            try await check("since=\(mid)") { str($0, "date") >= mid }
            try await check("until=\(mid)") { !str($0, "date").isEmpty && str($0, "date") <= mid }
            try await check("since=\(mid)&until=\(mid)") { str($0, "date") == mid }
            let maxMentions = all.compactMap { $0["num_mentions"] as? Int }.max() ?? 1
            try await check("min_mentions=\(maxMentions)") { ($0["num_mentions"] as? Int ?? 0) >= maxMentions }
            // Full-text search: every word must be in the sentence of a statement (here the first one).
            let word = str(first, "text").split(whereSeparator: { !$0.isLetter }).map(String.init).first { $0.count >= 6 } ?? "Ukraine"
            let hits = try await Self.all(client, "&q=\(enc(word.uppercased()))")
            #expect(Self.ids(hits).contains(first["store_id"] as? Int ?? -1), "q=\(word)")
            #expect(hits.count < all.count || all.allSatisfy { str($0, "text").localizedCaseInsensitiveContains(word) })
            let prefix = String(word.prefix(4)) + "*"
            #expect(Set(Self.ids(try await Self.all(client, "&q=\(enc(prefix))"))).isSuperset(of: Self.ids(hits)))
            #expect(try await Self.all(client, "&q=zzzqqqnotaword").isEmpty)
            // Negated events are left out unless asked for.
            let withNegated = try await Self.all(client, "&include_negated=true")
            #expect(withNegated.count >= all.count)
            #expect(all.allSatisfy { str($0, "polarity") == "affirmed" })
        }
    }

    @Test(arguments: EventSort.allCases)
    func paginationVisitsEveryEventOnceInOrder(sort: EventSort) async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let total = try #require(try await client.get("/api/events?limit=1")["total"] as? Int)
            var seen: [Int] = []
            var keys: [Double] = []
            var cursor: String?
            var pages = 0
            repeat {
                let r = try await client.get("/api/events?limit=3&sort=\(enc(sort.rawValue))" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(r.status == .ok, "\(r.text)")
                let rows = r.array("events")
                #expect(rows.count <= 3)
                seen += Self.ids(rows)
                for row in rows {
                    switch sort {
                    case .date, .dateDescending: keys.append(Double((row["date"] as? String ?? "").replacingOccurrences(of: "-", with: "")) ?? 0)
                    case .goldstein, .goldsteinDescending: keys.append(row["goldstein"] as? Double ?? Double(row["goldstein"] as? Int ?? 0))
                    case .mentions, .mentionsDescending: keys.append(Double(row["num_mentions"] as? Int ?? 0))
                    }
                }
                cursor = r["next"] as? String
                pages += 1
            } while cursor != nil && pages < 1000
            #expect(seen.count == total)
            #expect(Set(seen).count == seen.count, "an event appeared twice")
            #expect(keys == (sort.rawValue.hasPrefix("-") ? keys.sorted(by: >) : keys.sorted()))
        }
    }

    @Test func downloadsAsCSVAndTSV() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let total = try #require(try await client.get("/api/events")["total"] as? Int)
            let csv = try await client.get("/api/events?format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("annals-events.csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first.map(String.init) == RecordTable.csvHeader)
            #expect(lines.count == total + 1)
            let tsv = try await client.get("/api/events?format=tsv&limit=2")
            #expect(tsv.text.split(separator: "\n").count == min(2, total) + 1)
            #expect(tsv.headers[.init("X-Next-Cursor")!] != nil || total <= 2)
        }
    }

    @Test func eventPageHasMentionsWithSpansAndRule() async throws {
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            let all = try await Self.all(client)
            var highlightedVerb = 0, highlightedActors = 0
            for row in all {
                let id = try #require(row["store_id"] as? Int)
                let r = try await client.get("/api/events/\(id)")
                #expect(r.status == .ok)
                #expect((r["event"] as? [String: Any])?["store_id"] as? Int == id)
                #expect((r["event"] as? [String: Any])?["id"] as? String == row["id"] as? String, "the record's own id")
                let mentions = r.array("mentions")
                #expect(mentions.count == (row["num_mentions"] as? Int ?? 0) || mentions.count >= 1)
                for m in mentions {
                    let text = try #require(m["text"] as? String)
                    let segments = m["segments"] as? [[String: Any]] ?? []
                    #expect(segments.map { $0["text"] as? String ?? "" }.joined() == text, "segments rebuild the sentence")
                    #expect(!(m["rule"] as? String ?? "").isEmpty)
                    let roles = segments.compactMap { $0["role"] as? String }
                    if roles.contains("verb") { highlightedVerb += 1 }
                    if roles.contains("source") || roles.contains("target") { highlightedActors += 1 }
                    // A highlighted actor is the text the coder recorded.
                    for seg in segments where seg["role"] as? String == "source" { #expect(seg["text"] as? String == m["source_text"] as? String) }
                    for seg in segments where seg["role"] as? String == "target" { #expect(seg["text"] as? String == m["target_text"] as? String) }
                    // The verb span starts at the verb's first word, though the stored sentence is the cleaned text.
                    let firstWord = (m["verb"] as? String ?? "").split(separator: " ").first.map { $0.lowercased() } ?? ""
                    for seg in segments where seg["role"] as? String == "verb" { #expect((seg["text"] as? String ?? "").lowercased().hasPrefix(firstWord)) }
                }
            }
            #expect(highlightedVerb > 0 && highlightedActors > 0)
            #expect(try await client.get("/api/events/999999").status == .notFound)
            #expect(try await client.get("/api/events/abc").status == .badRequest)
            #expect(try await client.get("/api/events/-3").status == .badRequest)
        }
    }
}
