import Foundation
import Testing

@testable import AnnalsCore

/// The event's place found by walking the dependency parse (``LocativeFinder``).
@Suite struct GeoParseTests {
    static func event(_ text: String, verb: String) -> EventRecord? {
        GeoTests.events(text).first { $0.evidence.verb.contains(verb) }
    }

    @Test func theCoderHandsItsParseToTheGeoStage() {
        let text = "Turkish troops attacked Kurdish fighters in Afrin."
        let coded = Pipeline(coder: CoderTestSupport.coder, geolocator: GeoTests.geo).run(Document(id: "t", text: text))
        let syntax = coded.syntax[0]
        #expect(syntax != nil && syntax!.tree.count == syntax!.tokens.count && syntax!.tree.count > 0)
    }

    @Test func aLocativeFarFromTheTriggerInTheEventsObjectPhrase() throws {
        // The place is an nmod of the object's nmod, ten tokens after the verb.
        let e = try #require(
            Self.event(
                "Taliban fighters attacked a heavily fortified police checkpoint on the main highway outside Kandahar.",
                verb: "attacked"))
        #expect(e.location?.text == "Kandahar" && e.location?.country == "AFG")
    }

    @Test func aPlaceNamedBehindAPlaceNoun() throws {
        // "in the ... resort of X": the place is the `of` modifier of the locative noun.
        let e = try #require(
            Self.event("Russian warplanes bombed a market in the Syrian coastal city of Latakia on Monday.", verb: "bombed"))
        #expect(e.location?.name == "Latakia")
    }

    @Test func whatAStatementAsksForIsNotWhereItWasMade() {
        // An appeal's content ("to cooperate in Syria") is no place of the appeal.
        let events = GeoTests.events("The envoy urged Russia and Iran to cooperate more closely in Syria.")
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.location == nil })
    }

    @Test func aStatementsOwnLocative() throws {
        let e = try #require(Self.event("Erdogan said in Ankara on Tuesday that the operation would begin soon.", verb: "said"))
        #expect(e.location?.name == "Ankara" && e.location?.country == "TUR")
    }

    @Test func theActorsPlaceIsTheActorsNotTheStatements() throws {
        let e = try #require(Self.event("Syrian rebels in Idlib accused Russia of war crimes.", verb: "accused"))
        #expect(e.location == nil)
        #expect(e.source?.place?.name == "Idlib" && e.source?.place?.from == .actor)
    }
}
