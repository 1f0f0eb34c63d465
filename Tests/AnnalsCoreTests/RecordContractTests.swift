import Foundation
import Testing

@testable import AnnalsCore

/// The JSON Lines record contract: what `annals code` writes is what downstream tools read back,
/// with the keys in the documented order.
@Suite struct RecordContractTests {
    static let seedLike = """
        Iran's Quds Force commander Esmail Qaani sent a letter to Hamas to reaffirm its allegiance.

        Khamenei accused the terror group of failing to notify Iran before it attacked Israel on October 7.
        """

    func coded() -> CodedDocument {
        Pipeline(coder: CoderTestSupport.coder).run(Document(id: "doc-1", text: Self.seedLike, date: Day("2023-11-20")))
    }

    @Test func eventsRoundTripThroughJSONLines() throws {
        let events = coded().events
        #expect(!events.isEmpty)
        for event in events {
            let line = Record.event(event).jsonLine
            #expect(!line.contains("\n"))
            let decoded = try JSONDecoder().decode(EventRecord.self, from: Data(line.utf8))
            #expect(decoded == event)
        }
    }

    @Test func relationsRoundTripThroughJSONLines() throws {
        for relation in coded().relations {
            let decoded = try JSONDecoder().decode(RelationRecord.self, from: Data(Record.relation(relation).jsonLine.utf8))
            #expect(decoded == relation)
        }
    }

    @Test func eventKeysFollowTheContractOrder() throws {
        let event = try #require(coded().events.first)
        let line = Record.event(event).jsonLine
        let order = [
            "\"kind\"", "\"id\"", "\"doc\"", "\"sentence\"", "\"text\"", "\"date\"", "\"source\"", "\"target\"", "\"cameo\"",
            "\"root\"", "\"plover\"", "\"quad\"", "\"goldstein\"", "\"polarity\"", "\"modality\"", "\"mentions\"", "\"evidence\"",
        ]
        var last = line.startIndex
        for key in order {
            let range = try #require(line.range(of: key, range: last..<line.endIndex), "\(key) missing or out of order")
            last = range.upperBound
        }
    }

    @Test func spansPointIntoTheOriginalText() throws {
        let text = Self.seedLike
        let bytes = Array(text.utf8)
        for event in coded().events {
            for actor in [event.source, event.target].compactMap({ $0 }) {
                let slice = String(decoding: bytes[actor.span[0]..<actor.span[1]], as: UTF8.self)
                #expect(slice == actor.text, "span \(actor.span) is '\(slice)', not '\(actor.text)'")
            }
        }
    }

    @Test func idsAreStableAcrossRuns() {
        #expect(coded().events.map(\.id) == coded().events.map(\.id))
        #expect(Set(coded().events.map(\.id)).count == coded().events.count)
    }

    @Test func dayOrdinalsRoundTrip() {
        // Property: every day from 1900 to 2100 survives ordinal arithmetic and parsing.
        var day = Day(year: 1900, month: 1, day: 1)!
        let end = Day(year: 2100, month: 12, day: 31)!
        while day <= end {
            #expect(Day(ordinal: day.ordinal) == day)
            #expect(Day(day.description) == day)
            day = day.adding(days: 37)
        }
    }

    @Test func tokensCoverTheTextWithoutOverlap() {
        // Property: on every sentence of the example article, tokens are ordered, disjoint, non-empty
        // byte ranges inside the sentence, and skip only whitespace.
        let url = SharedFixtures.packageRoot.appendingPathComponent("Examples/example-article.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        var document = Document(id: "x", text: text)
        for sentence in Preprocessor().sentences(in: &document) {
            let bytes = Array(sentence.text.utf8)
            var previousEnd: Int32 = 0
            for token in Tokenizer.tokens(of: sentence.text) {
                #expect(token.start >= previousEnd && token.end > token.start && Int(token.end) <= bytes.count)
                #expect(bytes[Int(previousEnd)..<Int(token.start)].allSatisfy { $0 == 32 })
                previousEnd = token.end
            }
        }
    }
}
