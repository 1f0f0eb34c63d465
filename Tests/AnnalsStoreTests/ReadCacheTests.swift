import AnnalsCore
import Foundation
import Testing

@testable import AnnalsStore

/// The read path of `annals serve`: kept counts follow other connections' commits, kept
/// statements answer like fresh ones, cursors encode as before.
@Suite struct ReadCacheTests {
    /// Two events of `source` on `day` (distinct days make distinct events).
    static func document(_ name: String, source: String, day: String) -> StorableDocument {
        StorableDocument(
            Fixture.coded(
                name, source: "x", date: day,
                events: [
                    Fixture.event(doc: name, sentence: 0, date: day, source: source, target: "PSE", cameo: "190"),
                    Fixture.event(doc: name, sentence: 1, date: day, source: source, target: "SYR", cameo: "042"),
                ]))
    }

    @Test func aKeptTotalFollowsAnotherConnectionsCommit() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let writer = try EventStore(path: dir.path("c.sqlite"))
        try writer.store([Self.document("a", source: "ISR", day: "2024-04-01")])
        let reader = try EventStore(path: dir.path("c.sqlite"), mode: .readOnly)
        var query = EventQuery()
        query.source = "ISR"
        let request = EventPageRequest(query: query, limit: 1, countTotal: true)
        let first = try reader.eventPage(request)
        #expect(first.total == 2 && first.events.count == 1)
        #expect(try reader.eventPage(request).total == 2)  // kept
        try writer.store([Self.document("b", source: "ISR", day: "2024-05-02")])
        let after = try reader.eventPage(request)
        #expect(after.total == 4)
        // Another filter is counted on its own.
        query.source = "RUS"
        #expect(try reader.eventPage(EventPageRequest(query: query, limit: 1, countTotal: true)).total == 0)
        // Pages read through kept statements equal the read-write store's.
        for store in [reader, writer] {
            var all = EventPageRequest(query: EventQuery(), limit: 3, countTotal: true)
            var seen: [Int64] = []
            while true {
                let page = try store.eventPage(all)
                seen += page.events.map(\.storeID)
                #expect(page.total == 4)
                guard let next = page.next else { break }
                all.after = next
            }
            #expect(seen.count == 4 && Set(seen).count == 4)
        }
    }

    @Test func cursorTokensAreUnpaddedBase64URL() throws {
        for value in ["", "2024-04-01", "-3.5", "12", "2019-12-31"] {
            for id in [Int64(1), 17, 123_456_789] {
                for sort in EventSort.allCases {
                    let cursor = EventCursor(sort: sort, value: value, id: id)
                    let raw = "\(sort.rawValue)\n\(value)\n\(id)"
                    let foundation = Data(raw.utf8).base64EncodedString()
                        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                        .replacingOccurrences(of: "=", with: "")
                    #expect(cursor.token == foundation)
                }
            }
        }
        for n in 0..<40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) }
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(EventCursor.base64URL(bytes) == foundation)
        }
    }

    @Test func locationsDecodeTheSameFromTheKeptTable() throws {
        let place = Location(
            text: "Hebron", name: "Hebron", geonamesID: 285_066, feature: .city, country: "PSE", adm1: "", lat: 31.53, lon: 35.09,
            from: .sentence, span: Span(3, 9))
        let text = GeoJSON.encode(place)
        #expect(GeoJSON.decode(text) == place)
        #expect(GeoJSON.decode(text) == place)  // kept
        #expect(GeoJSON.decode("not json") == nil)
        #expect(GeoJSON.decode("not json") == nil)
        #expect(GeoJSON.decode(nil) == nil)
    }
}
