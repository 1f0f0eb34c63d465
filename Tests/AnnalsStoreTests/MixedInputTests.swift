import AnnalsCore
import Foundation
import Testing

/// The acceptance test of issue 13: a mixed input codes every readable article, including one
/// with a bad byte in the middle, and exits non-zero with one line per problem.
@Suite struct MixedInputTests {
    @Test func mixedInputCodesEveryReadableArticle() throws {
        guard let binary = KillTests.annalsBinary() else {
            print("skipping mixedInputCodesEveryReadableArticle: no built annals binary beside the tests")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        func write(_ name: String, _ bytes: [UInt8]) -> String {
            let path = dir.path(name)
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return path
        }
        let article = try String(contentsOfFile: Shared.root.appendingPathComponent("Examples/example-article.txt").path, encoding: .utf8)
        // Invalid UTF-8 in the middle of the real article: a Latin-1 "é" in the third paragraph.
        var broken = Array(article.utf8)
        let at = try #require(article.range(of: "for three hours")).lowerBound
        let cut = article.utf8.distance(from: article.utf8.startIndex, to: at)
        broken.insert(0xE9, at: cut)
        let badByteLine = broken[..<cut].filter { $0 == 10 }.count + 1

        let missing = dir.path("missing.txt")
        let bad = write("bad-utf8.txt", broken)
        let binaryFile = write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D] + [UInt8](repeating: 0, count: 500))
        let empty = write("empty.txt", [])
        var huge = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        huge.append(10)
        let hugeFile = write("huge.txt", huge)
        huge = []
        let csv = write(
            "broken-quote.csv",
            Array("id,date,text\nc1,2024-03-12,Iran accused Israel of spying.\nc2,2024-03-12,\"Syria never closed\n".utf8))
        let jsonl = write(
            "bad-line.jsonl",
            Array(
                "{\"id\":\"j1\",\"date\":\"2024-03-12\",\"text\":\"Egypt accused Israel of spying.\"}\nthis is not JSON\n{\"id\":\"j3\",\"date\":\"2024-03-12\",\"text\":\"France accused Russia of spying.\"}\n"
                    .utf8))
        let good = write("good.txt", Array(article.utf8))

        let out = try CommandLineTests.run(
            binary, ["code", missing, bad, binaryFile, empty, hugeFile, csv, jsonl, good, "--date", "2024-03-12", "--emit", "events"])
        #expect(out.status != 0)
        let problems = out.stderr.split(separator: "\n").map(String.init)
        // One line per problem, each naming its file (and line where one applies).
        let expected: [(String, String)] = [
            (missing, "no such file"),
            ("\(bad):\(badByteLine): warning: invalid UTF-8 at byte \(cut)", "replaced by U+FFFD"),
            (binaryFile, "binary file"),
            (empty, "empty file"),
            (hugeFile, "larger than"),
            ("\(csv):3", "unterminated quoted field"),
            ("\(jsonl):2", "invalid JSON"),
        ]
        #expect(problems.count == expected.count, "\(problems)")
        for (prefix, message) in expected {
            #expect(problems.contains { $0.hasPrefix("annals: \(prefix)") && $0.contains(message) }, "no line '\(prefix) … \(message)' in \(problems)")
        }

        let events = try out.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        func docs(_ v: [JSONValue]) -> Set<String> {
            Set(v.compactMap { if case .string(let s)? = $0["doc"] { return s } else { return nil } })
        }
        #expect(docs(events) == ["bad-utf8.txt", "good.txt", "c1", "j1", "j3"])
        // The article with the bad byte gives the same events as the good copy, the ones after the
        // bad byte included, with spans into its own bytes.
        func codes(_ doc: String) -> [String] {
            events.filter { $0["doc"] == .string(doc) }.compactMap { if case .string(let c)? = $0["cameo"] { return c } else { return nil } }
        }
        #expect(codes("bad-utf8.txt") == codes("good.txt"))
        for e in events where e["doc"] == .string("bad-utf8.txt") {
            guard case .array(let span)? = e["source"]?["span"], case .number(let s, _) = span[0], case .number(let end, _) = span[1],
                case .string(let text)? = e["source"]?["text"]
            else { continue }
            #expect(String(decoding: broken[Int(s)..<Int(end)], as: UTF8.self) == text)
        }
    }
}
