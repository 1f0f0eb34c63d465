import Foundation
import Testing

@testable import AnnalsCore

/// Inputs the fuzz targets in Fuzz/ found to break a reader, each kept as a test.
@Suite struct FuzzRegressionTests {
    /// FuzzJSONL: a date of a sign and 100 digits overflowed the integer in `DateParsing` (a trap:
    /// the whole run died on one bad field).
    @Test func longDigitRunInADateIsNoDate() throws {
        let digits = "+0" + String(repeating: "5", count: 100)
        #expect(DateParsing.day(digits + "-11-20") == nil)
        #expect(DateParsing.day("Nov 20 " + digits) == nil)
        #expect(DateParsing.day("Nov 20 2019") == Day("2019-11-20"))
        let line = "{\"id\":\"j1\",\"date\":\"\(digits)-11-20\",\"text\":\"Talks collapsed on Monday.\"}\n"
        var documents: [Document] = []
        DocumentReader(defaultDate: Day("2024-03-12")).read(bytes: Array(line.utf8), name: "x.jsonl", onError: { Issue.record("\($0)") }) {
            documents.append($0)
        }
        #expect(documents.map(\.id) == ["j1"])
        #expect(documents.first?.date == Day("2024-03-12"), "an unreadable date falls back to the default")
    }
}
