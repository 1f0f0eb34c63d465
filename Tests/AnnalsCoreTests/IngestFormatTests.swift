import Foundation
import Testing

@testable import AnnalsCore

/// The ingest fixtures directory (read from the source tree).
func ingestFixtures() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ingest")
}

/// Reads `paths`, returning the documents and the errors.
func readAll(_ paths: [String], format: InputFormat = .auto, date: Day? = nil) -> ([Document], [IngestError]) {
    var docs: [Document] = []
    var errors: [IngestError] = []
    DocumentReader(format: format, defaultDate: date).read(paths: paths, onError: { errors.append($0) }) { docs.append($0) }
    return (docs, errors)
}

@Suite struct IngestFormatTests {
    func fixture(_ name: String) -> String { ingestFixtures().appendingPathComponent(name).path }

    @Test func plainText() throws {
        let (docs, errors) = readAll([fixture("article.txt")], date: Day("2023-11-20"))
        #expect(errors.isEmpty)
        let d = try #require(docs.first)
        #expect(docs.count == 1)
        #expect(d.id == "article.txt")
        #expect(d.title == "Rebels seize border town")
        #expect(d.date == Day("2023-11-20"))
        // The text is the original, headline included.
        #expect(d.text == (try String(contentsOfFile: fixture("article.txt"), encoding: .utf8)))
        var doc = d
        let s = Preprocessor().sentences(in: &doc)
        #expect(
            s.map(\.text) == [
                "Rebels seize border town", "Rebels seized the border town of Qusayr on Monday, the army said.",
                "Gen. Ali Hassan denied the report.",
            ])
        #expect(s[0].isHeadline && s[0].span == Span(0, 24))
        #expect(doc.dateline == "BEIRUT")
        #expect(doc.source == "Reuters")
    }

    @Test func plainTextHeadlineHeuristics() {
        #expect(PlainText.headline(bytes("Headline\n\nBody text.")) == "Headline")
        #expect(PlainText.headline(bytes("\n\n  Headline  \nBody text.")) == "Headline")
        #expect(PlainText.headline(bytes("Only one line.")) == nil)
        #expect(PlainText.headline(bytes("The government condemned an attack\nin the south.")) == nil)
        #expect(PlainText.headline(bytes("One sentence per line.\nAnother one.")) == nil)
        #expect(PlainText.headline(bytes(String(repeating: "long ", count: 100) + "\n\nbody")) == nil)
    }

    private func bytes(_ s: String) -> UnsafeBufferPointer<UInt8> {
        let a = Array(s.utf8)
        let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: a.count)
        _ = p.initialize(from: a)
        return UnsafeBufferPointer(p)  // leaked on purpose: tiny test buffers
    }

    @Test func html() throws {
        let (docs, errors) = readAll([fixture("article.html")])
        #expect(errors.isEmpty)
        let d = try #require(docs.first)
        #expect(d.title == "Troops enter Mosul")
        for dropped in ["not text", "Home", "World", "Related", "Search", "Example News", "commented", "color", "2024"] {
            #expect(!d.text.contains(dropped), "\(dropped)")
        }
        #expect(d.text.contains("Iraqi troops entered Mosul on Tuesday, officials said \u{2014} the first time since 2014."))
        #expect(d.text.contains("Civilians fled <towards> the south \u{2014} aid groups said."))
        var doc = d
        let s = Preprocessor().sentences(in: &doc)
        #expect(
            s.map(\.text) == [
                "Troops enter Mosul",
                "Iraqi troops entered Mosul on Tuesday, officials said - the first time since 2014.",
                "The U.S.-led coalition & Kurdish forces supported the operation.",
                "\"It's a turning point,\" said Maj. Gen. Najm al-Jabouri.",
                "Fighting continued in the west.",
                "Civilians fled <towards> the south - aid groups said.",
            ])
        #expect(s[0].isHeadline && !s[0].isFromTitle)
        #expect(offsetProblems(doc, s) == [])
    }

    @Test func htmlMetadataGivesDatePublisherAndAddress() throws {
        func page(_ head: String, body: String = "<p>Iran denied involvement.</p>") -> HTMLText.Result {
            HTMLText.extract(Array("<html><head>\(head)</head><body>\(body)</body></html>".utf8))
        }
        // Open Graph beats every other source, wherever it stands.
        let og = page(
            """
            <meta name="date" content="2020-01-01"><meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://example.com/a"><meta property="article:published_time" content="2024-03-12T08:00:00Z">
            """, body: "<time datetime=\"2019-05-05\">May</time><p>Text.</p>")
        #expect(og.metadata.published == Day("2024-03-12"))
        #expect(og.metadata.siteName == "Example News")
        #expect(og.metadata.url == "https://example.com/a")
        // JSON-LD beats generic date metas and time elements; the script's text is not body text.
        let ld = page(
            #"<meta name="pubdate" content="2021-02-02"><script type="application/ld+json">{"@type":"NewsArticle", "datePublished" : "2023-10-07T06:30:00+03:00"}</script>"#
        )
        #expect(ld.metadata.published == Day("2023-10-07"))
        #expect(!ld.text.contains("NewsArticle"))
        #expect(page(#"<meta name="pubdate" content="2021-02-02">"#).metadata.published == Day("2021-02-02"))
        // A time element marked as the publication date beats the first one.
        let time = page("", body: #"<time datetime="2022-06-01">x</time><time pubdate datetime="2022-05-30">y</time>"#)
        #expect(time.metadata.published == Day("2022-05-30"))
        // No usable date: none is made up, and the reader falls back to --date.
        #expect(page(#"<meta property="article:published_time" content="soon">"#).metadata.published == nil)
        let dir = try TempDir()
        let file = dir.write(
            "dated.html", "<html><head><meta itemprop=\"datePublished\" content=\"2019-02-14\"></head><body><p>Text.</p></body></html>")
        let undated = dir.write("undated.html", "<html><body><p>Text.</p></body></html>")
        let reader = DocumentReader(defaultDate: Day("2000-01-01"))
        var docs: [Document] = []
        reader.read(paths: [file, undated], onError: { _ in }) { docs.append($0) }
        #expect(docs.map(\.date) == [Day("2019-02-14"), Day("2000-01-01")])
    }

    @Test func htmlTolerance() {
        let r = HTMLText.extract(Array("<p>a < b and c > d<p>unclosed <b>bold<p>x &bogus; &#99999999; &amp".utf8))
        #expect(r.text == "a < b and c > d\n\nunclosed bold\n\nx &bogus; &#99999999; &amp")
        #expect(HTMLText.extract(Array("<div><script>never closed".utf8)).text == "")
        #expect(HTMLText.extract(Array("<!-- unclosed comment <p>x</p>".utf8)).text == "")
        #expect(HTMLText.extract(Array("<p title=\"a>b\">kept</p>".utf8)).text == "kept")
    }

    @Test func jsonLines() throws {
        let (docs, errors) = readAll([fixture("articles.jsonl")], date: Day("2000-01-01"))
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["j1", "2", "articles.jsonl#3"])
        #expect(docs.map(\.date) == [Day("2023-11-20"), Day("2023-11-21"), Day("2023-11-22")])
        #expect(docs[0].source == "Example Wire")
        #expect(docs[0].url == "https://example.com/1")
        #expect(docs[0].title == "Talks collapse")
        #expect(docs[1].text == "Troops withdrew from the border.\n\nThe ceasefire held.")
        #expect(docs[1].title == nil)
        #expect(docs[2].text == "Aid trucks crossed into Gaza on Wednesday.")
        var d = docs[0]
        let s = Preprocessor().sentences(in: &d)
        #expect(s.map(\.text) == ["Talks collapse", "Talks between the two sides collapsed on Monday.", "Both blamed the other."])
        #expect(s[0].isFromTitle)
    }

    @Test func csv() throws {
        let (docs, errors) = readAll([fixture("articles.csv")])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["c1", "c2", "articles.csv#3"])
        #expect(docs[0].text == "Baghdad and Washington are in talks. Officials said \"no deal\" yet.")
        #expect(docs[0].title == "Iraq talks")
        #expect(docs[0].url == "https://example.com/c1")
        #expect(docs[1].text == "First paragraph of a multi-line field.\r\n\r\nSecond paragraph, with a comma.")
        #expect(docs[1].date == Day("2019-04-10"))
        #expect(docs[1].title == nil && docs[1].url == nil)
        #expect(docs[2].date == Day("2019-04-12"))
        #expect(docs[2].text == "Unquoted text without an id.")
    }

    @Test func tsvAndBodyColumn() throws {
        let dir = try TempDir()
        let path = dir.write("a.tsv", "doc_id\tbody\tpublished\nx1\tTroops left.\t2020-02-03\n")
        let (docs, errors) = readAll([path])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["x1"])
        #expect(docs.first?.text == "Troops left.")
        #expect(docs.first?.date == Day("2020-02-03"))
    }

    @Test func rss() throws {
        let (docs, errors) = readAll([fixture("feed.rss")])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["truce-2023", "feed.rss#2"])
        #expect(docs[0].title == "Israel and Hamas agree truce")
        #expect(docs[0].url == "https://example.com/truce")
        #expect(docs[0].date == Day("2023-11-22"))
        #expect(docs[0].source == "Example World News")
        #expect(docs[0].text == "Israel and Hamas agreed a four-day truce on Wednesday.\n\nHostages will be released.")
        #expect(docs[1].title == "Strikes & protests")
        #expect(docs[1].date == Day("2023-11-23"))
        #expect(docs[1].text == "Workers went on strike in Paris.\n\nPolice said 3 were held.")
    }

    @Test func atom() throws {
        let (docs, errors) = readAll([fixture("feed.atom")])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "feed.atom#2"])
        #expect(docs[0].url == "https://example.com/kyiv")
        #expect(docs[0].date == Day("2023-11-24"))  // published wins over updated; local day kept
        #expect(docs[0].text == "Russian drones struck Kyiv overnight, officials said.")
        #expect(docs[0].source == "Example Atom Feed")
        #expect(docs[1].url == "https://example.com/second")
        #expect(docs[1].date == Day("2023-11-26"))
        #expect(docs[1].text == "Ukraine shot down most drones.")
    }

    @Test func petrarchXML() throws {
        let (docs, errors) = readAll([fixture("petrarch.xml")])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["DEMO-06", "AFP0808020625_4"])
        #expect(docs.map(\.date) == [Day("1995-01-06"), Day("2008-08-04")])
        #expect(docs[1].source == "AFP")
        #expect(docs[0].text.hasPrefix("The Calenardhon government condemned"))
        #expect(docs[0].text.contains("Thursday & promised"))
        #expect(!docs[0].text.contains("ROOT"))
        var d = docs[0]
        let s = Preprocessor().sentences(in: &d)
        #expect(s.count == 1)
        #expect(s.first?.text.contains("soldiers in south Ithilen") == true)
    }

    @Test func sharedPetrarchFiles() throws {
        guard let shared = sharedDirectory() else {
            print("skipped: ../shared is absent (PETRARCH files not available)")
            return
        }
        let giga = shared.appendingPathComponent("petrarch/GigaWord.sample.PETR.xml").path
        let (docs, errors) = readAll([giga])
        #expect(errors.isEmpty)
        #expect(docs.count == 76)
        // Some records (TEST_1...) carry only a parse tree: they are documents with empty text.
        #expect(docs.allSatisfy { $0.date != nil && !$0.text.contains("(NP") && !$0.text.contains("<Parse>") })
        #expect(docs.filter { !$0.text.isEmpty }.count >= 60)
        let unit = shared.appendingPathComponent("petrarch/PETR.UnitTest.records.visible.xml").path
        let (udocs, _) = readAll([unit])
        let demo = try #require(udocs.first { $0.id == "DEMO-06" })
        #expect(demo.date == Day("1995-01-06"))
        #expect(demo.text.hasPrefix("The Calenardhon government condemned an attack by Osgiliath soldiers"))
        #expect(udocs.count > 100)
    }

    @Test func guardianCSVReadsAs249Documents() throws {
        guard let shared = sharedDirectory() else {
            print("skipped: ../shared is absent (Guardian corpus not available)")
            return
        }
        let (docs, errors) = readAll([shared.appendingPathComponent("corpora/guardian-2019-sample.csv").path])
        #expect(errors.isEmpty)
        #expect(docs.count == 249)
        #expect(Set(docs.map(\.id)).count == 249)
        #expect(docs.first?.id == "3")
        #expect(docs.first?.date == Day("2019-04-10"))
        #expect(docs.first?.text.hasPrefix("Baghdad and Washington are in talks") == true)
        #expect(docs.allSatisfy { $0.date != nil && $0.source != nil && $0.text.count > 100 })
    }

    @Test func directoryIsRecursiveSortedAndSkipsHidden() {
        let (docs, errors) = readAll([ingestFixtures().path])
        #expect(errors.isEmpty)
        let origins = docs.map { ($0.origin as NSString).lastPathComponent }
        var unique: [String] = []
        for o in origins where unique.last != o { unique.append(o) }
        #expect(
            unique == [
                "article.html", "article.txt", "articles.csv", "articles.jsonl", "feed.atom", "feed.rss", "b-nested.txt", "petrarch.xml",
            ])
        #expect(!docs.contains { $0.text.contains("hidden") || $0.text.contains("Skipped too") })
    }

    @Test func detectionFromContentAndOverride() throws {
        let dir = try TempDir()
        let jsonl = dir.write("noext1", "{\"id\":\"a\",\"text\":\"Hello there.\"}\n")
        let rss = dir.write(
            "noext2", "<?xml version=\"1.0\"?><rss><channel><item><title>T</title><description>D.</description></item></channel></rss>")
        let petr = dir.write("records.xml", "<Sentences><Sentence date=\"20200101\" id=\"x\"><Text>Hi.</Text></Sentence></Sentences>")
        let html = dir.write("page", "<!doctype html><html><body><p>Para.</p></body></html>")
        let text = dir.write("notes", "Title\n\nBody.")
        let (docs, errors) = readAll([jsonl, rss, petr, html, text])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["a", "noext2#1", "x", "page", "notes"])
        #expect(docs[3].text == "Para.")
        // --input-format text overrides the .jsonl extension.
        let (forced, _) = readAll([fixture("articles.jsonl")], format: .text)
        #expect(forced.count == 1)
        #expect(forced.first?.text.hasPrefix("{\"id\": \"j1\"") == true)
        #expect(DocumentReader.detect(extension: "htm", sample: []) == .html)
        #expect(DocumentReader.detect(extension: "", sample: Array("plain words".utf8)[...]) == .text)
    }

    @Test func bomIsStripped() throws {
        let dir = try TempDir()
        let path = dir.write("bom.csv", "\u{FEFF}id,text\nb1,Text here.\n")
        let (docs, errors) = readAll([path])
        #expect(errors.isEmpty)
        #expect(docs.map(\.id) == ["b1"])
    }

    /// Quoted fields with doubled quotes, delimiters and newlines, and records and fields longer
    /// than the reader's 64 KB chunks, read back exactly.
    @Test func csvFieldsAcrossChunks() throws {
        let pieces = [
            "plain", "with, comma", "say \"hi\"", "two\nlines", "\"\"", "caf\u{00E9}", "x", String(repeating: "long ", count: 3000),
        ]
        var expected: [(id: String, title: String, text: String)] = []
        var csv = "id,title,text\n"
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for i in 0..<400 {
            let text = (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined(separator: " ") + "."
            let title = next(3) == 0 ? "Plain title" : "A \"quoted\", title"
            let plainTitle = title == "Plain title"
            expected.append(("r\(i)", title, text))
            csv += "r\(i)," + (plainTitle ? title : quoted(title)) + "," + quoted(text) + (next(2) == 0 ? "\r\n" : "\n")
        }
        let dir = try TempDir()
        let (docs, errors) = readAll([dir.write("chunks.csv", csv)])
        #expect(errors.isEmpty)
        #expect(docs.count == expected.count)
        for (doc, e) in zip(docs, expected) {
            #expect(doc.id == e.id)
            #expect(doc.title == e.title)
            #expect(doc.text == e.text)
        }
    }

    @Test func dates() {
        let d = Day("2019-04-10")
        for s in [
            "2019-04-10", "20190410", "2019/04/10", "2019-04-10T23:59:59Z", "2019-04-10T08:00:00+05:30",
            "2019-04-10 12:00", "Wed, 10 Apr 2019 12:00:00 GMT", "10 Apr 2019", "Wed, 10 Apr 19 12:00:00 +0000",
            "April 10, 2019", "Apr 10 2019", " 2019-04-10 ",
        ] {
            #expect(DateParsing.day(s) == d, "\(s)")
        }
        for s in ["", "yesterday", "2019-13-01", "2019-02-30", "12:00", "Apr 2019", "201904101"] {
            #expect(DateParsing.day(s) == nil, "\(s)")
        }
        #expect(DateParsing.day("2019") == Day("2019-01-01"))
    }
}

/// A temporary directory removed when the value is released.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
