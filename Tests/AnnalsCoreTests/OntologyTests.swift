import Testing

@testable import AnnalsCore

@Suite struct OntologyTests {
    @Test func tableHoldsAll311Codes() {
        #expect(CameoTable.shared.codes.count == 311)
        #expect(Set(CameoTable.shared.codes.map(\.code)).count == 311)
    }

    @Test func goldsteinQuadAndPloverSpotChecks() throws {
        let t = CameoTable.shared
        let aid = try #require(t["0331"])
        #expect(aid.plover == "AGREE")
        #expect(aid.quadClass == 1)
        let kill = try #require(t["190"])
        #expect(kill.goldstein == -10.0)
        #expect(kill.quadClass == 4)
        #expect(t["010"]?.plover == nil)
        #expect(t["020"]?.plover == nil)
        #expect(t["080"]?.plover == "CONCEDE")
        #expect(t["083"]?.plover == "CONCEDE")
        #expect(t["084"]?.plover == "RETREAT")
        #expect(t["087"]?.plover == "RETREAT")
        #expect(t["112"]?.quadClass == 3)
        #expect(t["16"]?.root == "16")
    }

    @Test func everyCodeHasAKnownRoot() {
        let t = CameoTable.shared
        for code in t.codes { #expect(t[code.root] != nil, "\(code.code) has no root entry") }
        #expect(t.codes.filter { $0.code.count == 2 }.count == 20)
    }

    @Test func searchFindsAidCodes() {
        let hits = CameoTable.shared.search("aid")
        #expect(hits.contains { $0.code == "0331" })
        #expect(hits.contains { $0.code == "07" })
    }

    @Test func nearestFallsBackToParent() {
        #expect(CameoTable.shared.nearest("0339")?.code == "033")
    }

    @Test func actorSectorsKnowTheRoles() {
        #expect(ActorSectors.shared["MIL"]?.kind == "primary")
        #expect(ActorSectors.shared.isRole("GOV"))
        #expect(!ActorSectors.shared.isRole("IGO"))
    }
}
