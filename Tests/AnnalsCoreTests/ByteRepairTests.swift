import Foundation
import Testing

@testable import AnnalsCore

/// Bad bytes are repaired, not fatal: the article is still coded, and its spans still point into
/// the bytes as they were read.
@Suite struct ByteRepairTests {
    /// A real article with an invalid byte, a NUL and a control character in its second paragraph.
    static func brokenArticle() -> (bytes: [UInt8], clean: String) {
        let head = "Turkey pledges support to Ukraine\n\nANKARA (Reuters) - Turkey pledged support to Ukraine on Monday. Caf"
        let tail = " owners protested. Iran accused Israel of spying on Tuesday.\n"
        var bytes = Array(head.utf8)
        bytes += [0xE9]  // Latin-1 "é"
        bytes += Array(" talks\u{1}".utf8)  // a control character
        bytes += [0]  // NUL
        bytes += Array(tail.utf8)
        return (bytes, head + "\u{FFFD} talks \u{FFFD}" + tail)
    }

    @Test func repairReplacesAndMapsBack() throws {
        let (bytes, clean) = Self.brokenArticle()
        let fixed = try #require(bytes.withUnsafeBufferPointer { ByteRepair.repair($0) })
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == clean)
        #expect(fixed.report.invalidUTF8 == 1 && fixed.report.nul == 1 && fixed.report.control == 1)
        #expect(fixed.report.firstInvalidUTF8 == bytes.firstIndex(of: 0xE9))
        // Every offset maps into the original, monotonically; text after the repairs maps exactly.
        var last = 0
        for o in 0...fixed.bytes.count {
            let m = fixed.map.original(o)
            #expect(m >= last && m <= bytes.count)
            last = m
        }
        #expect(fixed.map.original(fixed.bytes.count) == bytes.count)
        let iran = try #require(clean.utf8.indices(of: "Iran"))
        let original = fixed.map.original(iran)
        #expect(Array(bytes[original..<(original + 4)]) == Array("Iran".utf8))
        // The U+FFFD of the one invalid byte covers exactly that byte.
        let cafe = bytes.firstIndex(of: 0xE9)!
        let fffd = try #require(clean.utf8.indices(of: "\u{FFFD}"))
        #expect(fixed.map.original(fffd) == cafe && fixed.map.original(fffd + 3) == cafe + 1)
        // Clean text needs nothing.
        #expect(Array("Plain text.\n".utf8).withUnsafeBufferPointer { ByteRepair.repair($0) } == nil)
    }

    /// Maximal ill-formed subsequences: a truncated 3-byte sequence is one U+FFFD, stray
    /// continuation bytes one each (as in the Unicode standard and Swift's own decoder).
    @Test func replacementsCountLikeTheStandard() throws {
        let cases: [[UInt8]] = [[0xE2, 0x82, 0x41], [0x80, 0x80, 0x41], [0xF0, 0x9F, 0x98, 0x41], [0xED, 0xA0, 0x80, 0x41], [0xC0, 0xAF, 0x41]]
        for bytes in cases {
            let fixed = try #require(bytes.withUnsafeBufferPointer { ByteRepair.repair($0) })
            #expect(String(decoding: fixed.bytes, as: UTF8.self) == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    /// The word-at-a-time check agrees with a byte-by-byte one wherever the bad byte is.
    @Test func needsRepairFindsEveryBadByte() {
        var rng = SystemRandomNumberGenerator()
        for bad: UInt8 in [0, 1, 8, 11, 27, 31, 127, 0xFF, 0x80] {
            for position in 0..<20 {
                var bytes = (0..<20).map { _ in UInt8.random(in: 32...126, using: &rng) }
                let clean = bytes.withUnsafeBufferPointer { ByteRepair.needsRepair($0) }
                #expect(!clean)
                bytes[position] = bad
                #expect(bytes.withUnsafeBufferPointer { ByteRepair.needsRepair($0) }, "byte \(bad) at \(position)")
            }
        }
        for ok: UInt8 in [9, 10, 12, 13] {
            let bytes = [UInt8](repeating: 65, count: 11) + [ok] + [UInt8](repeating: 66, count: 9)
            #expect(!bytes.withUnsafeBufferPointer { ByteRepair.needsRepair($0) })
        }
    }

    @Test func brokenArticleIsCodedWithSpansIntoTheFile() throws {
        let dir = try TempDir()
        let (bytes, _) = Self.brokenArticle()
        let path = dir.write("broken.txt", bytes)
        var warnings: [IngestError] = []
        var coded: [CodedDocument] = []
        let failed = try BatchRunner(threads: 1).run(
            DocumentReader(defaultDate: Day("2024-03-12")), paths: [path], pipeline: Pipeline(coder: CoderTestSupport.coder),
            onError: { warnings.append($0) }
        ) { coded.append($0) }
        #expect(!failed, "a repaired file is not a failure")
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.isWarning && w.file == path && w.line == 3)
        #expect(w.description.contains("byte \(bytes.firstIndex(of: 0xE9)!)") && w.description.contains("NUL"), "\(w)")
        let events = try #require(coded.first?.events)
        // The sentence after the bad bytes is coded.
        #expect(events.contains { $0.cameo.hasPrefix("11") && $0.source?.code == "IRN" }, "\(events.map(\.cameo))")
        for event in events {
            for actor in [event.source, event.target].compactMap({ $0 }) {
                let slice = String(decoding: bytes[actor.span[0]..<actor.span[1]], as: UTF8.self)
                #expect(slice == actor.text, "span \(actor.span) of the file is '\(slice)', not '\(actor.text)'")
            }
        }
    }

    /// Control characters and NULs from escapes in a JSON string are repaired too.
    @Test func escapedControlCharactersAreRepaired() throws {
        let dir = try TempDir()
        let path = dir.write("esc.jsonl", "{\"id\":\"e\",\"text\":\"Iran\\u0000 accused Israel\\u0007 of spying.\"}\n")
        let (docs, errors) = readAll([path])
        #expect(docs.first?.text == "Iran\u{FFFD} accused Israel  of spying.")
        #expect(errors.count == 1 && errors.first?.isWarning == true && errors.first?.message.contains("document e") == true)
    }

    /// A 10,000-token "sentence" (a table) is skipped with a warning; the real sentences are coded,
    /// in bounded time.
    @Test func overlongSentenceIsSkipped() throws {
        let table = (0..<10_000).map { "c\($0)" }.joined(separator: " | ")
        let text = "Iran accuses Israel\n\nIran accused Israel of spying on Monday.\n\n\(table)\n\nTurkey pledged support to Ukraine.\n"
        let clock = ContinuousClock()
        var coded: CodedDocument?
        let t = clock.measure {
            coded = Pipeline(coder: CoderTestSupport.coder).run(Document(id: "t", text: text, date: Day("2024-03-12")))
        }
        let c = try #require(coded)
        #expect(c.warnings.count == 1)
        #expect(c.warnings.first?.message.contains("more than --max-sentence-tokens 1000, skipped") == true, "\(c.warnings)")
        #expect(c.events.contains { $0.source?.code == "TUR" }, "the sentence after the table is coded")
        #expect(c.events.contains { $0.source?.code == "IRN" })
        #expect(t < .seconds(20), "\(t)")
        // A higher limit lets it through.
        var options = CodingOptions()
        options.limits.maxSentenceTokens = 100_000
        #expect(Pipeline(coder: NullCoder(), options: options).run(Document(id: "t", text: text)).warnings.isEmpty)
    }

    @Test func recordsPerDocumentAreCapped() throws {
        // Distinct dyads, so that no two statements merge into one event.
        let countries = ["Iran", "Israel", "Turkey", "Ukraine", "Russia", "Syria", "Egypt", "France"]
        let text = countries.flatMap { a in countries.filter { $0 != a }.map { "\(a) accused \($0) of spying." } }
            .joined(separator: " ")
        var options = CodingOptions()
        options.limits.maxRecordsPerDocument = 5
        let c = Pipeline(coder: CoderTestSupport.coder, options: options).run(Document(id: "r", text: text, date: Day("2024-03-12")))
        #expect(c.events.count + c.relations.count == 5)
        #expect(c.warnings.count == 1 && c.warnings.first?.message.contains("--max-records-per-document 5") == true)
        let all = Pipeline(coder: CoderTestSupport.coder).run(Document(id: "r", text: text, date: Day("2024-03-12")))
        #expect(all.events.count + all.relations.count > 5 && all.warnings.isEmpty)
    }

    /// A stray NUL in a text file is repaired; a file full of NULs is still binary.
    @Test func strayNULIsNotBinary() throws {
        let dir = try TempDir()
        let stray = dir.write("stray.txt", Array("Title\n\nIran accused Israel\u{0} of spying.\n".utf8) + Array(repeating: 0x41, count: 200))
        let (docs, errors) = readAll([stray])
        #expect(docs.count == 1 && errors.count == 1 && errors.first?.isWarning == true)
        let binary = dir.write("blob.txt", [UInt8](repeating: 0, count: 100) + Array("text".utf8))
        let (bdocs, berrors) = readAll([binary])
        #expect(bdocs.isEmpty && berrors.first?.message.contains("binary file") == true)
    }
}

extension String.UTF8View {
    /// Byte offset of the first occurrence of `needle`.
    func indices(of needle: String) -> Int? {
        let hay = Array(self), n = Array(needle.utf8)
        guard n.count <= hay.count else { return nil }
        for i in 0...(hay.count - n.count) where Array(hay[i..<(i + n.count)]) == n { return i }
        return nil
    }
}
