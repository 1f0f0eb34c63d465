import Dispatch
import Foundation

/// Codes a stream of documents on several threads and hands the results back in input order.
///
/// Documents are read in chunks; each chunk is coded in parallel and delivered in order before the
/// next is read, so memory stays bounded by the chunk size whatever the input size, and the output
/// is the same on one thread or many.
public struct BatchRunner: Sendable {
    public var threads: Int
    /// Documents per chunk; also bounded by `chunkBytes`.
    public var chunkDocuments: Int
    public var chunkBytes: Int

    public init(threads: Int, chunkDocuments: Int = 256, chunkBytes: Int = 8 << 20) {
        self.threads = max(1, threads)
        self.chunkDocuments = chunkDocuments
        self.chunkBytes = chunkBytes
    }

    /// Reads `paths` with `reader`, codes with `pipeline`, calls `deliver` per document in order.
    /// Input problems are printed to standard error as one line each; returns true if any occurred.
    @discardableResult
    public func run(
        _ reader: DocumentReader, paths: [String], pipeline: Pipeline,
        onError: (IngestError) -> Void = { StandardError.print("annals: \($0)") },
        deliver: (CodedDocument) throws -> Void
    ) throws -> Bool {
        var failed = false
        var chunk: [Document] = []
        var bytes = 0
        func flush() throws {
            for coded in code(chunk, pipeline: pipeline) { try deliver(coded) }
            chunk.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try reader.read(paths: paths, onError: { error in
            failed = true
            onError(error)
        }) { document in
            chunk.append(document)
            bytes += document.text.utf8.count
            if chunk.count >= chunkDocuments || bytes >= chunkBytes { try flush() }
        }
        try flush()
        return failed
    }

    /// Codes documents in parallel; the result order is the input order.
    public func code(_ documents: [Document], pipeline: Pipeline) -> [CodedDocument] {
        if threads == 1 || documents.count < 2 { return documents.map(pipeline.run) }
        let slots = Slots<CodedDocument>(count: documents.count)
        let workers = min(threads, documents.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                if i >= documents.count { break }
                slots.set(i, pipeline.run(documents[i]))
            }
        }
        return slots.values()
    }
}

/// Write-once result slots shared by worker threads; each index is written by exactly one worker.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    func values() -> [T] { storage.map { $0! } }
}

/// A lock-protected counter for handing out work items.
final class AtomicCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
