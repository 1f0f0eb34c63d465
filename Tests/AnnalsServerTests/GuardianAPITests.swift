import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// The API over the Guardian sample (249 articles) when ../shared is present.
@Suite("API over the Guardian sample", .enabled(if: TestDatabases.guardianSample != nil, "../shared/corpora/guardian-2019-sample.csv is absent"))
struct GuardianAPITests {
    @Test func paginationToTheEndAndFiltersAgreeWithTheStore() async throws {
        guard let db = TestDatabases.guardian.path else {
            Issue.record("no Guardian database: \(TestDatabases.guardian.problem)")
            return
        }
        let store = try EventStore(path: db, mode: .readOnly)
        let stored = try store.events(EventQuery())
        var usa = EventQuery()
        try usa.setDyad("USA:")
        let fromUSA = try store.events(usa).count
        var conflict = EventQuery()
        conflict.cameo = ["18", "19", "20"]
        conflict.since = Day("2018-01-01")
        let recentConflict = try store.events(conflict).count
        try await makeApp(db).test(.router) { client in
            for sort in ["date", "-goldstein", "-mentions"] {
                var seen: [Int] = []
                var cursor: String?
                repeat {
                    let r = try await client.get("/api/events?limit=200&sort=\(enc(sort))" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    #expect(r.status == .ok)
                    seen += r.array("events").compactMap { $0["store_id"] as? Int }
                    cursor = r["next"] as? String
                } while cursor != nil && seen.count <= stored.count
                #expect(seen.count == stored.count, "sort=\(sort)")
                #expect(Set(seen).count == seen.count, "sort=\(sort): no event twice")
                #expect(Set(seen) == Set(stored.compactMap { Int($0.id) }))
            }
            #expect(try await client.get("/api/events?dyad=USA:&limit=1")["total"] as? Int == fromUSA)
            #expect(try await client.get("/api/events?root=18,19,20&since=2018-01-01&limit=1")["total"] as? Int == recentConflict)
            // Search: every hit has the word in one of its statements' sentences.
            let hits = try await client.get("/api/events?q=sanctions&limit=1000").array("events")
            #expect(!hits.isEmpty)
            for hit in hits.prefix(40) {
                let detail = try await client.get("/api/events/\(hit["store_id"] as? Int ?? 0)")
                #expect(detail.array("mentions").contains { ($0["text"] as? String ?? "").localizedCaseInsensitiveContains("sanction") })
            }
            let trump = try await client.get("/api/actors/\(enc("Donald Trump"))")
            #expect(trump.status == .ok)
            #expect((trump["counts"] as? [String: Any])?["events"] as? Int ?? 0 > 10)
        }
    }
}
