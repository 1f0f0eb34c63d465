import AnnalsCore
import Foundation
import Testing

@testable import AnnalsStore

/// Locations in the store: kept with events, filtered by country and distance, counted by place.
@Suite struct GeoStoreTests {
    static func located(_ e: EventRecord, _ name: String, _ country: String, _ lat: Double, _ lon: Double) -> EventRecord {
        var e = e
        e.location = Location(
            text: name, name: name, geonamesID: nil, feature: .city, country: country, adm1: "", lat: lat, lon: lon,
            from: .sentence, span: Span(0, name.utf8.count))
        return e
    }

    static func store(_ dir: TempDir) throws -> EventStore {
        let hebron = located(
            Fixture.event(doc: "a", sentence: 0, date: "2024-04-01", source: "ISRMIL", target: "PSE", cameo: "190"),
            "Hebron", "PSE", 31.53, 35.09)
        let aleppo = located(
            Fixture.event(doc: "a", sentence: 1, date: "2024-04-01", source: "RUS", target: "SYRREB", cameo: "195"),
            "Aleppo", "SYR", 36.20, 37.16)
        let idlib = located(
            Fixture.event(doc: "b", sentence: 0, date: "2024-05-03", source: "RUS", target: "SYRREB", cameo: "190"),
            "Idlib", "SYR", 35.93, 36.63)
        var kyiv = Fixture.event(doc: "b", sentence: 1, date: "2024-05-04", source: "RUS", target: "UKR", cameo: "112")
        kyiv.source?.place = kyiv.location
        let s = try EventStore(path: dir.path("geo.sqlite"))
        try s.store([
            StorableDocument(Fixture.coded("a", source: "x", date: "2024-04-01", events: [hebron, aleppo])),
            StorableDocument(Fixture.coded("b", source: "x", date: "2024-05-03", events: [idlib, kyiv])),
        ])
        return s
    }

    @Test func eventsKeepTheirLocationAndFilterByCountry() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let s = try Self.store(dir)
        #expect(try s.events(EventQuery()).count == 4)
        var q = EventQuery()
        q.country = "SYR"
        let syria = try s.events(q)
        #expect(syria.map { $0.actionGeo?.name } == ["Aleppo", "Idlib"])
        #expect(syria[0].actionGeo?.lat == 36.20 && syria[0].actionGeo?.from == .sentence)
        q.country = "PAK"
        #expect(try s.events(q).isEmpty)
    }

    @Test func nearAPoint() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let s = try Self.store(dir)
        var q = EventQuery()
        q.near = GeoCircle(parsing: "31.5,35.1,50km")
        #expect(try s.events(q).map { $0.actionGeo?.name } == ["Hebron"])
        // Aleppo and Idlib are ~60 km apart: 70 km round Aleppo holds both, 40 km only Aleppo.
        q.near = GeoCircle(parsing: "36.2,37.16,70km")
        #expect(try s.events(q).count == 2)
        q.near = GeoCircle(parsing: "36.2,37.16,40km")
        #expect(try s.events(q).count == 1)
        #expect(GeoCircle(parsing: "95,0,10km") == nil && GeoCircle(parsing: "1,2") == nil)
        #expect(GeoCircle(parsing: "0,0,10mi")?.radiusKm == 16.09344)
    }

    @Test func seriesByMonthForACountry() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let s = try Self.store(dir)
        var q = EventQuery()
        q.country = "SYR"
        let months = try s.series(q, by: .month)
        #expect(months.map(\.period.description) == ["2024-04-01", "2024-05-01"])
        #expect(months.map(\.events) == [1, 1])
    }
}
