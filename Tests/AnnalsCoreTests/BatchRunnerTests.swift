import Foundation
import Testing

@testable import AnnalsCore

/// A coder whose work time varies by document, so parallel results finish out of order.
private struct UnevenCoder: EventCoder {
    func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        let n = Int(document.id.dropFirst(1)) ?? 0
        if n % 7 == 0 { usleep(2000) }
        return CodedDocument(document: document, sentences: sentences)
    }
}

@Suite struct BatchRunnerTests {
    /// A JSON Lines file of `count` one-sentence documents d0, d1, ...
    func corpus(_ count: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl").path
        var text = ""
        for i in 0..<count { text += "{\"id\":\"d\(i)\",\"text\":\"Iran attacked Israel \(i) times.\"}\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func ids(threads: Int, window: Int, bytes: Int = 8 << 20, path: String) throws -> [String] {
        var out: [String] = []
        let runner = BatchRunner(threads: threads, chunkDocuments: window, chunkBytes: bytes)
        let failed = try runner.run(DocumentReader(format: .jsonl), paths: [path], pipeline: Pipeline(coder: UnevenCoder())) {
            out.append($0.document.id)
        }
        #expect(!failed)
        return out
    }

    @Test func deliversInInputOrderOnAnyThreadCount() throws {
        let path = try corpus(300)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = (0..<300).map { "d\($0)" }
        #expect(try ids(threads: 1, window: 256, path: path) == expected)
        for threads in [2, 3, 8] {
            #expect(try ids(threads: threads, window: 256, path: path) == expected)
            #expect(try ids(threads: threads, window: 1, path: path) == expected)
            #expect(try ids(threads: threads, window: 5, path: path) == expected)
            #expect(try ids(threads: threads, window: 64, bytes: 40, path: path) == expected)
        }
    }

    @Test func codeKeepsOrder() {
        let documents = (0..<50).map { Document(id: "d\($0)", text: "Iran attacked Israel.") }
        for threads in [1, 2, 4] {
            let coded = BatchRunner(threads: threads, chunkDocuments: 4).code(documents, pipeline: Pipeline(coder: UnevenCoder()))
            #expect(coded.map(\.document.id) == documents.map(\.id))
        }
    }

    @Test func aThrowingDeliveryStopsTheRun() throws {
        struct Stop: Error {}
        let path = try corpus(200)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var seen = 0
        #expect(throws: Stop.self) {
            try BatchRunner(threads: 2, chunkDocuments: 8).run(
                DocumentReader(format: .jsonl), paths: [path], pipeline: Pipeline(coder: UnevenCoder())
            ) { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
    }

    @Test func readErrorsAreReportedAndCodingGoesOn() throws {
        let path = try corpus(20)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var errors = 0
        var count = 0
        let failed = try BatchRunner(threads: 2).run(
            DocumentReader(format: .jsonl), paths: ["/nonexistent/file.jsonl", path], pipeline: Pipeline(coder: UnevenCoder()),
            onError: { _ in errors += 1 }
        ) { _ in count += 1 }
        #expect(failed && errors == 1 && count == 20)
    }
}
