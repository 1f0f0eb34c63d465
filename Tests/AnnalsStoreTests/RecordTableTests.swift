import AnnalsCore
import Foundation
import Testing

@testable import AnnalsStore

@Suite struct RecordTableTests {
    static let rows: [EventRow] = [
        EventRow(
            id: "17", date: "2024-04-13", sourceCode: "IRNMIL", sourceName: "Islamic Revolutionary Guard Corps",
            sourceCountry: "IRN", sourceSector: "MIL", targetCode: "ISR", targetName: "Israel", targetCountry: "ISR",
            cameo: "190", root: "19", plover: "ASSAULT", quad: 4, goldstein: -10, isRoot: true, numMentions: 7,
            numSources: 3, numArticles: 5, polarity: "affirmed", modality: "asserted", doc: "doc,1", sentence: 0,
            url: "https://example.com/a?b=1,2", dateAdded: "20240414120000",
            text: "Iran \"launched\" drones,\tmissiles\nand a\\backslash\r\nat Israel"),
        EventRow(
            id: "a-3-0331", date: "", cameo: "0331", root: "03", plover: "", quad: 1, goldstein: 5.2, isRoot: false,
            numMentions: 1, numSources: 1, numArticles: 1, polarity: "negated", modality: "intended", doc: "a",
            sentence: 3, url: "a", dateAdded: "", text: "plain"),
    ]

    @Test func csvRoundTrip() throws {
        let text = ([RecordTable.csvHeader] + Self.rows.map { RecordTable.csvLine($0) }).joined(separator: "\n") + "\n"
        let parsed = RecordTable.parseCSV(text)
        #expect(parsed.count == 3)
        #expect(parsed[0] == RecordTable.csvColumns)
        let back = try parsed.dropFirst().map { try RecordTable.row(csvFields: $0) }
        #expect(back == Self.rows)
    }

    @Test func tsvRoundTrip() throws {
        let lines = Self.rows.map { RecordTable.tsvLine($0) }
        for line in lines { #expect(!line.contains("\n") && !line.contains("\r")) }
        let fields = lines.map(RecordTable.parseTSVLine)
        #expect(fields.allSatisfy { $0.count == RecordTable.tsvColumns.count })
        let back = try fields.map { try RecordTable.row(tsvFields: $0) }
        #expect(back == Self.rows)
    }

    @Test func tsvHasGDELTColumnsInPlace() {
        #expect(RecordTable.tsvColumns.count == 67)
        #expect(RecordTable.gdeltColumnCount == 61)
        #expect(RecordTable.tsvColumns[0] == "GlobalEventID" && RecordTable.tsvColumns[26] == "EventCode")
        #expect(RecordTable.tsvColumns[33] == "NumArticles" && RecordTable.tsvColumns[34] == "AvgTone")
        #expect(RecordTable.tsvColumns[59] == "DATEADDED" && RecordTable.tsvColumns[60] == "SOURCEURL")
        let f = RecordTable.parseTSVLine(RecordTable.tsvLine(Self.rows[0]))
        #expect(f[1] == "20240413" && f[2] == "202404" && f[3] == "2024" && f[4] == "2024.2822")
        #expect(f[5] == "IRNMIL" && f[7] == "IRN" && f[12] == "MIL" && f[13] == "")
        #expect(f[25] == "1" && f[26] == "190" && f[27] == "190" && f[28] == "19" && f[29] == "4" && f[30] == "-10.0")
        #expect(f[31] == "7" && f[32] == "3" && f[33] == "5")
    }

    @Test func recordLinesForAnnalsCode() throws {
        let e = Fixture.event(doc: "d", sentence: 2, date: "2024-01-02", source: "USA", target: "IRN", cameo: "112", mentions: 2)
        let csv = try #require(RecordTable.csvLine(.event(e)))
        let row = try RecordTable.row(csvFields: RecordTable.parseCSV(csv)[0])
        #expect(row == EventRow(e))
        #expect(row.numMentions == 2 && row.numArticles == 1 && row.sourceCode == "USA" && row.plover == "ACCUSE")
        let tsv = try #require(RecordTable.tsvLine(.event(e)))
        #expect(try RecordTable.row(tsvFields: RecordTable.parseTSVLine(tsv)) == EventRow(e))
        let r = Fixture.relation(doc: "d", date: "2024-01-02", subject: "IRNMIL", object: "IRN")
        #expect(RecordTable.csvLine(.relation(r)) == nil)
    }

    @Test func sha256KnownAnswers() {
        func hex(_ s: String) -> String {
            var h = SHA256()
            h.update(s)
            return h.finalize().map { String(format: "%02x", $0) }.joined()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Incremental updates across block boundaries give the same digest.
        let long = String(repeating: "0123456789", count: 100)
        var a = SHA256()
        for chunk in Array(long.utf8).chunks(37) { a.update(Array(chunk)) }
        #expect(a.finalize().map { String(format: "%02x", $0) }.joined() == hex(long))
    }

    @Test func contentHashIgnoresIdAndOrigin() {
        let a = Document(id: "1", text: "Body", title: "T", date: Day("2024-01-01"), source: "AP", origin: "x.csv")
        var b = a
        b.id = "other"
        b.origin = "y.jsonl"
        #expect(ContentHash(a) == ContentHash(b))
        b.source = "Reuters"
        #expect(ContentHash(a) != ContentHash(b))
        var c = a
        c.title = nil
        #expect(ContentHash(a) != ContentHash(c))
        #expect(ContentHash(a).description.count == 32)
    }
}
