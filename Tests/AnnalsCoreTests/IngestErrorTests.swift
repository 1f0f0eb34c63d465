import Foundation
import Testing

@testable import AnnalsCore

/// Each bad input yields exactly one error naming the file (and line where it applies), and the
/// other inputs are still read.
@Suite struct IngestErrorTests {
    let goodText = "Good headline\n\nTroops left the city on Monday.\n"

    /// Reads `bad` between two good files; checks one error for `bad` and both good documents.
    func expectOneError(
        _ dir: TempDir, _ bad: String, line: Int? = nil, containing message: String, strict: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Document] {
        let before = dir.write("0-good.txt", goodText)
        let after = dir.write("z-good.txt", goodText)
        var reader = DocumentReader()
        reader.strictUTF8 = strict
        var docs: [Document] = []
        var errors: [IngestError] = []
        reader.read(paths: [before, bad, after], onError: { errors.append($0) }) { docs.append($0) }
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        if let e = errors.first {
            #expect(e.file == bad, sourceLocation: sourceLocation)
            #expect(e.line == line, "\(e)", sourceLocation: sourceLocation)
            #expect(e.message.contains(message), "\(e)", sourceLocation: sourceLocation)
            #expect(e.description.hasPrefix(bad), sourceLocation: sourceLocation)
        }
        #expect(docs.first?.origin == before, sourceLocation: sourceLocation)
        #expect(docs.last?.origin == after, sourceLocation: sourceLocation)
        return docs
    }

    @Test func missingFile() throws {
        let dir = try TempDir()
        let docs = expectOneError(dir, dir.url.appendingPathComponent("missing.txt").path, containing: "no such file")
        #expect(docs.count == 2)
    }

    @Test func unreadableFile() throws {
        guard getuid() != 0 else {
            print("skipped: running as root, file permissions do not prevent reading")
            return
        }
        let dir = try TempDir()
        let path = dir.write("secret.txt", "Secret\n\nText.")
        chmod(path, 0)
        let docs = expectOneError(dir, path, containing: "permission denied")
        #expect(docs.count == 2)
    }

    @Test func emptyFile() throws {
        let dir = try TempDir()
        #expect(expectOneError(dir, dir.write("empty.txt", ""), containing: "empty file").count == 2)
        #expect(expectOneError(dir, dir.write("blank.txt", "  \n\n \t\n"), containing: "empty file").count == 2)
        #expect(expectOneError(dir, dir.write("empty.jsonl", ""), containing: "empty file").count == 2)
        #expect(expectOneError(dir, dir.write("empty.csv", "\n"), containing: "empty file").count == 2)
    }

    @Test func binaryFile() throws {
        let dir = try TempDir()
        var bytes: [UInt8] = Array("%PDF-1.4\n".utf8)
        bytes += [0, 1, 2, 3, 0xFF, 0xFE, 0, 0] + Array(repeating: 7, count: 100)
        #expect(expectOneError(dir, dir.write("image.txt", bytes), containing: "binary file, skipped").count == 2)
        // Many control bytes without NUL.
        var controls: [UInt8] = []
        for i in 0..<2000 { controls.append(i % 2 == 0 ? 65 : UInt8(1 + i % 8)) }
        #expect(expectOneError(dir, dir.write("controls.jsonl", controls), containing: "binary file").count == 2)
    }

    /// With --strict-utf8, invalid UTF-8 skips the file or record (the behaviour before repairs).
    @Test func strictUTF8SkipsAndReportsTheLine() throws {
        let dir = try TempDir()
        var bytes = Array("Title\n\nLine two.\nLine three ".utf8)
        bytes += [0xC3, 0x28]  // invalid sequence
        bytes += Array(" more.\n".utf8)
        #expect(expectOneError(dir, dir.write("latin1.txt", bytes), line: 4, containing: "invalid UTF-8", strict: true).count == 2)

        // JSONL: the bad line is reported, the other lines are read.
        let jsonl = Self.jsonlWithBadByte
        let docs = expectOneError(dir, dir.write("bad.jsonl", jsonl), line: 2, containing: "invalid UTF-8", strict: true)
        #expect(docs.map(\.id) == ["0-good.txt", "a", "c", "z-good.txt"])

        // CSV: the bad record is reported with its line.
        let cdocs = expectOneError(dir, dir.write("bad.csv", Self.csvWithBadByte), line: 4, containing: "invalid UTF-8", strict: true)
        #expect(cdocs.map(\.id) == ["0-good.txt", "r1", "r3", "z-good.txt"])
        // A NUL byte makes a file binary.
        let nul = dir.write("nul.txt", Array("Title\n\nSome text\u{0} here.\n".utf8))
        #expect(expectOneError(dir, nul, containing: "binary file", strict: true).count == 2)
    }

    static let jsonlWithBadByte: [UInt8] =
        Array("{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"T".utf8) + [0xE9]
        + Array("l\u{e9}.\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n".utf8)
    static let csvWithBadByte: [UInt8] =
        Array("id,text\nr1,\"Fine.\"\nr2,\"Multi\nline ".utf8) + [0xFF] + Array("\"\nr3,Fine too.\n".utf8)

    /// By default a bad byte is repaired: one warning naming the line, and the record is read.
    @Test func invalidUTF8IsRepairedWithOneWarning() throws {
        let dir = try TempDir()
        var bytes = Array("Title\n\nLine two.\nLine three ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(" more.\n".utf8)
        let path = dir.write("latin1.txt", bytes)
        let docs = expectOneError(dir, path, line: 4, containing: "invalid UTF-8 at byte 28 replaced by U+FFFD")
        #expect(docs.count == 3)
        #expect(docs[1].text.contains("three \u{FFFD}( more."))

        let jdocs = expectOneError(dir, dir.write("bad.jsonl", Self.jsonlWithBadByte), line: 2, containing: "invalid UTF-8 at column 20")
        #expect(jdocs.map(\.id) == ["0-good.txt", "a", "b", "c", "z-good.txt"])
        #expect(jdocs[2].text == "T\u{FFFD}l\u{e9}.")

        let cdocs = expectOneError(dir, dir.write("bad.csv", Self.csvWithBadByte), line: 4, containing: "invalid UTF-8")
        #expect(cdocs.map(\.id) == ["0-good.txt", "r1", "r2", "r3", "z-good.txt"])
        #expect(cdocs[2].text == "Multi\nline \u{FFFD}")
        // The record's text maps back to the field's bytes: the U+FFFD stands for one byte.
        #expect(cdocs[2].repairs.original(cdocs[2].text.utf8.count) == "Multi\nline ".utf8.count + 1)
    }

    @Test func badJSONLine() throws {
        let dir = try TempDir()
        let text = "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\": \"b\", \"text\": oops}\n[1,2]\n{\"id\":\"c\",\"text\":\"Three.\"}\n"
        let before = dir.write("0-good.txt", goodText)
        let path = dir.write("mixed.jsonl", text)
        let (docs, errors) = readAll([before, path])
        #expect(errors.map(\.line) == [2, 3])
        #expect(errors.map(\.file) == [path, path])
        #expect(errors[0].message.contains("invalid JSON"))
        #expect(errors[1].message.contains("not a JSON object"))
        #expect(docs.map(\.id) == ["0-good.txt", "a", "c"])
        let missing = dir.write("notext.jsonl", "{\"id\":\"x\",\"title\":\"No body\"}\n")
        #expect(expectOneError(dir, missing, line: 1, containing: "no text field").count == 2)
    }

    @Test func csvWithoutTextColumn() throws {
        let dir = try TempDir()
        let path = dir.write("notext.csv", "id,date,source\n1,2019-01-01,X\n2,2019-01-02,Y\n")
        let docs = expectOneError(dir, path, line: 1, containing: "no text column")
        #expect(docs.count == 2)
    }

    @Test func csvUnterminatedQuote() throws {
        let dir = try TempDir()
        let path = dir.write("open.csv", "id,text\na,Fine.\nb,\"never closed\nc,more\n")
        let docs = expectOneError(dir, path, line: 3, containing: "unterminated")
        #expect(docs.map(\.id) == ["0-good.txt", "a", "z-good.txt"])
    }

    /// A 50 MB single line: one error, bounded time (no quadratic scan), other records still read.
    @Test func fiftyMegabyteSingleLine() throws {
        let dir = try TempDir()
        let size = 50 << 20
        let clock = ContinuousClock()

        // Built with memset/memcpy-style operations: element-wise appends are slow in debug builds.
        var jsonl = Array("{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"big\",\"text\":\"".utf8)
        jsonl += [UInt8](repeating: UInt8(ascii: "x"), count: size)
        jsonl += Array("\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n".utf8)
        let jpath = dir.write("huge.jsonl", jsonl)
        jsonl = []
        var jdocs: [Document] = []
        let t1 = clock.measure { jdocs = expectOneError(dir, jpath, line: 2, containing: "longer than") }
        #expect(jdocs.map(\.id) == ["0-good.txt", "a", "c", "z-good.txt"])
        #expect(t1 < .seconds(10), "\(t1)")

        var text = [UInt8](repeating: UInt8(ascii: "y"), count: size + 1)
        text[size] = 10
        let tpath = dir.write("huge.txt", text)
        text = []
        let t2 = clock.measure { #expect(expectOneError(dir, tpath, containing: "larger than").count == 2) }
        #expect(t2 < .seconds(10), "\(t2)")

        var csv = Array("id,text\na,\"".utf8)
        csv += [UInt8](repeating: UInt8(ascii: "z"), count: size)
        csv += Array("\"\nb,Short.\n".utf8)
        let cpath = dir.write("huge.csv", csv)
        csv = []
        var cdocs: [Document] = []
        let t3 = clock.measure { cdocs = expectOneError(dir, cpath, line: 2, containing: "longer than") }
        #expect(cdocs.map(\.id) == ["0-good.txt", "b", "z-good.txt"])
        #expect(t3 < .seconds(10), "\(t3)")
    }

    /// The line reader stays linear and bounded on long (but accepted) lines.
    @Test func longAcceptedLineIsRead() throws {
        let dir = try TempDir()
        let body = String(repeating: "The army advanced. ", count: 200_000)  // 3.8 MB
        let path = dir.write("long.jsonl", "{\"id\":\"l\",\"text\":\"\(body)\"}\n")
        let (docs, errors) = readAll([path])
        #expect(errors.isEmpty)
        #expect(docs.first?.text.utf8.count == body.utf8.count)
    }

    /// Many records stream through the reader in order.
    @Test func manyJSONLines() throws {
        let dir = try TempDir()
        var text = ""
        for i in 0..<20_000 { text += "{\"id\":\"d\(i)\",\"date\":\"2020-01-01\",\"text\":\"Document number \(i).\"}\n" }
        let path = dir.write("many.jsonl", text)
        var count = 0
        var ordered = true
        DocumentReader().read(paths: [path], onError: { Issue.record("\($0)") }) { doc in
            if doc.id != "d\(count)" { ordered = false }
            count += 1
        }
        #expect(count == 20_000)
        #expect(ordered)
    }

    @Test func bodyErrorsPropagate() throws {
        struct Stop: Error {}
        let dir = try TempDir()
        let path = dir.write("a.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
        var seen = 0
        #expect(throws: Stop.self) {
            try DocumentReader().read(paths: [path], onError: { _ in }) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
