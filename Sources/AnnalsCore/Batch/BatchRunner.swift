import Foundation

/// Codes a stream of documents on several threads and hands the results back in input order.
///
/// The calling thread reads documents and delivers results; `threads` worker threads code them.
/// At most `chunkDocuments` documents (and about `chunkBytes` bytes of text) are in flight at a
/// time, so memory stays bounded whatever the input size, reading overlaps coding, and there is no
/// barrier between chunks. Results are delivered strictly in input order, so the output is the same
/// on one thread or many. With one thread everything runs on the calling thread.
public struct BatchRunner: Sendable {
    public var threads: Int
    /// Most documents in flight (read but not yet delivered).
    public var chunkDocuments: Int
    /// Most bytes of document text in flight (a single larger document is still accepted).
    public var chunkBytes: Int

    public init(threads: Int, chunkDocuments: Int = 256, chunkBytes: Int = 8 << 20) {
        self.threads = max(1, threads)
        self.chunkDocuments = max(1, chunkDocuments)
        self.chunkBytes = max(1, chunkBytes)
    }

    /// Reads `paths` with `reader`, codes with `pipeline`, calls `deliver` per document in order.
    /// Input problems and warnings (repaired bytes, limits) are printed to standard error as one
    /// line each; returns true if any problem other than a warning occurred.
    @discardableResult
    public func run(
        _ reader: DocumentReader, paths: [String], pipeline: Pipeline,
        onError: (IngestError) -> Void = { StandardError.print("annals: \($0)") },
        deliver: (CodedDocument) throws -> Void
    ) throws -> Bool {
        var failed = false
        let onReadError: (IngestError) -> Void = { error in
            if !error.isWarning { failed = true }
            onError(error)
        }
        func deliverWithWarnings(_ coded: CodedDocument) throws {
            for warning in coded.warnings { onError(warning) }
            try deliver(coded)
        }
        if threads == 1 {
            try reader.read(paths: paths, onError: onReadError) { document in try deliverWithWarnings(pipeline.run(document)) }
            return failed
        }
        let pool = WorkerPool(threads: threads, pipeline: pipeline, maxDocuments: chunkDocuments, maxBytes: chunkBytes)
        defer { pool.shutdown() }
        try reader.read(paths: paths, onError: onReadError) { document in
            try pool.submit(document, deliver: deliverWithWarnings)
        }
        try pool.finish(deliver: deliverWithWarnings)
        return failed
    }

    /// Codes documents in parallel; the result order is the input order.
    public func code(_ documents: [Document], pipeline: Pipeline) -> [CodedDocument] {
        if threads == 1 || documents.count < 2 { return documents.map(pipeline.run) }
        var out: [CodedDocument] = []
        out.reserveCapacity(documents.count)
        let pool = WorkerPool(
            threads: min(threads, documents.count), pipeline: pipeline, maxDocuments: max(chunkDocuments, documents.count),
            maxBytes: Int.max)
        defer { pool.shutdown() }
        for document in documents { pool.submit(document) { out.append($0) } }
        pool.finish { out.append($0) }
        return out
    }
}

/// Worker threads fed by one producer (the calling thread), with an in-order reorder buffer.
///
/// The producer calls ``submit(_:deliver:)`` per document and ``finish(deliver:)`` at the end;
/// `deliver` always runs on the producer's thread, in submission order. Submission blocks while the
/// window of in-flight documents is full, delivering finished results meanwhile.
final class WorkerPool: @unchecked Sendable {
    private let pipeline: Pipeline
    private let maxDocuments: Int
    private let maxBytes: Int
    private let condition = NSCondition()
    private let workerCount: Int
    /// The size of the rings below. A constant, so that indexing them needs no read of an array
    /// another thread may be writing (ThreadSanitizer reports `slots.count` outside the lock).
    private let capacity: Int

    // Guarded by `condition`.
    /// Documents by `sequence % inputs.count`, a ring as large as the window: those with sequence
    /// numbers `taken..<queued` wait for a worker.
    private var inputs: [Document?]
    private var taken = 0
    private var queued = 0
    /// Finished results by `sequence % slots.count`; a ring as large as the window.
    private var slots: [CodedDocument?]
    private var closed = false
    private var running = 0

    // Producer-only.
    private var submitted = 0
    private var delivered = 0
    private var bytesInFlight = 0
    private var sizes: [Int]

    init(threads: Int, pipeline: Pipeline, maxDocuments: Int, maxBytes: Int) {
        self.pipeline = pipeline
        self.maxDocuments = maxDocuments
        self.maxBytes = maxBytes
        self.workerCount = threads
        capacity = maxDocuments
        inputs = Array(repeating: nil, count: maxDocuments)
        slots = Array(repeating: nil, count: maxDocuments)
        sizes = Array(repeating: 0, count: maxDocuments)
        running = threads
        for _ in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func work() {
        condition.lock()
        while true {
            while taken == queued && !closed { condition.wait() }
            if taken == queued {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let sequence = taken
            let document = inputs[sequence % capacity]!
            inputs[sequence % capacity] = nil
            taken += 1
            condition.unlock()
            let coded = pipeline.run(document)
            condition.lock()
            slots[sequence % capacity] = coded
            condition.broadcast()
        }
    }

    /// Queues `document`; delivers finished results in order, waiting while the window is full.
    func submit(_ document: Document, deliver: (CodedDocument) throws -> Void) rethrows {
        let size = document.text.utf8.count
        // Make room: the window holds at most maxDocuments, and maxBytes unless it is empty.
        while submitted - delivered >= maxDocuments || (submitted > delivered && bytesInFlight + size > maxBytes) {
            try deliverNext(wait: true, deliver)
        }
        sizes[submitted % capacity] = size
        bytesInFlight += size
        condition.lock()
        inputs[submitted % capacity] = document
        queued = submitted + 1
        condition.signal()
        condition.unlock()
        submitted += 1
        // Hand over whatever is already finished without waiting.
        while delivered < submitted, try deliverNext(wait: false, deliver) {}
    }

    /// Delivers every remaining result in order.
    func finish(deliver: (CodedDocument) throws -> Void) rethrows {
        while delivered < submitted { try deliverNext(wait: true, deliver) }
    }

    /// Delivers the next result in order; returns false (without waiting) when it is not ready.
    @discardableResult
    private func deliverNext(wait: Bool, _ deliver: (CodedDocument) throws -> Void) rethrows -> Bool {
        let slot = delivered % capacity
        condition.lock()
        while slots[slot] == nil {
            if !wait {
                condition.unlock()
                return false
            }
            condition.wait()
        }
        let coded = slots[slot]!
        slots[slot] = nil
        condition.unlock()
        bytesInFlight -= sizes[slot]
        delivered += 1
        try deliver(coded)
        return true
    }

    /// Stops the workers (dropping documents not yet started) and waits for them to exit.
    func shutdown() {
        condition.lock()
        closed = true
        for i in inputs.indices { inputs[i] = nil }
        taken = queued
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
