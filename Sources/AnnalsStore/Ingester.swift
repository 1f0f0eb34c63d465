import AnnalsCore
import Foundation

/// Progress of a running ingest, reported after each batch.
public struct IngestProgress: Sendable {
    /// Documents read so far (stored or skipped).
    public var documents: Int
    public var totals: BatchResult
    public var seconds: Double
    /// Input bytes consumed so far and in all (nil when unknown, e.g. standard input).
    public var bytesDone: Int64
    public var bytesTotal: Int64?

    public var documentsPerSecond: Double { seconds > 0 ? Double(documents) / seconds : 0 }

    /// Estimated seconds left, when the input size is known.
    public var secondsLeft: Double? {
        guard let total = bytesTotal, total > 0, bytesDone > 0, seconds > 0 else { return nil }
        let fraction = min(1, Double(bytesDone) / Double(total))
        return seconds * (1 - fraction) / fraction
    }
}

/// Reads, codes and stores documents: one transaction per batch of documents.
///
/// Documents already stored (same ``ContentHash``) are recognised before coding and skipped, so
/// re-running an ingest after it was killed re-codes only what is missing.
public struct Ingester {
    /// Either backend (``EventStore`` for SQLite, `PostgresStore` for PostgreSQL).
    public var store: any EventDatabase
    public var pipeline: Pipeline
    public var runner: BatchRunner
    /// Documents per transaction.
    public var batchDocuments: Int
    /// Text bytes per transaction (whichever limit is reached first).
    public var batchBytes: Int
    /// Receives the pipeline's warnings (a sentence or records cut by a resource limit).
    public var onWarning: (IngestError) -> Void = { StandardError.print("annals: \($0)") }

    public init(store: any EventDatabase, pipeline: Pipeline, runner: BatchRunner, batchDocuments: Int = 128, batchBytes: Int = 4 << 20) {
        self.store = store
        self.pipeline = pipeline
        self.runner = runner
        self.batchDocuments = max(1, batchDocuments)
        self.batchBytes = max(1, batchBytes)
    }

    /// Hashes, filters out stored documents, codes the rest and stores them in one transaction.
    public func ingest(_ documents: [Document]) throws -> BatchResult {
        let clock = ContinuousClock()
        var mark = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { mark = now }
            let c = (now - mark).components
            return Double(c.seconds) + Double(c.attoseconds) / 1e18
        }
        var fresh: [Document] = []
        var hashes: [ContentHash] = []
        var seen: Set<ContentHash> = []
        let all = documents.map(ContentHash.init)
        let stored = try store.storedHashes(all)
        var result = BatchResult()
        for (d, h) in zip(documents, all) {
            if stored.contains(h) || !seen.insert(h).inserted {
                result.skipped += 1
                continue
            }
            fresh.append(d)
            hashes.append(h)
        }
        result.hashSeconds = lap()
        guard !fresh.isEmpty else { return result }
        let coded = runner.code(fresh, pipeline: pipeline)
        for c in coded { c.warnings.forEach(onWarning) }
        result.codeSeconds = lap()
        result.add(try store.store(zip(hashes, coded).map { StorableDocument(hash: $0, coded: $1) }))
        result.storeSeconds = lap()
        return result
    }

    /// Ingests everything under `paths`. Input problems go to `onError` (reading continues); store
    /// errors are thrown, leaving every batch committed before them intact. Returns the totals and
    /// whether any input failed.
    public func run(
        reader: DocumentReader, paths: [String],
        onError: (IngestError) -> Void = { StandardError.print("annals: \($0)") },
        progress: ((IngestProgress) -> Void)? = nil
    ) throws -> (totals: BatchResult, inputFailed: Bool) {
        let clock = ContinuousClock()
        let started = clock.now
        let sizes = progress == nil ? [:] : Self.inputSizes(paths)
        let bytesTotal: Int64? = paths.contains("-") || sizes.isEmpty ? nil : sizes.values.reduce(0, +)
        var finishedOrigins: Set<String> = []
        var doneBytes: Int64 = 0
        var currentOrigin = ""
        var currentBytes: Int64 = 0

        var totals = BatchResult()
        var documentsRead = 0
        var failed = false
        var pending: [Document] = []
        var pendingBytes = 0

        func flush() throws {
            guard !pending.isEmpty else { return }
            totals.add(try ingest(pending))
            documentsRead += pending.count
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            if let progress {
                let seconds = (clock.now - started).components
                let inCurrent = min(currentBytes, sizes[currentOrigin] ?? currentBytes)
                progress(
                    IngestProgress(
                        documents: documentsRead, totals: totals,
                        seconds: Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18,
                        bytesDone: doneBytes + inCurrent, bytesTotal: bytesTotal))
            }
        }

        try reader.read(
            paths: paths,
            onError: { error in
                if !error.isWarning { failed = true }
                onError(error)
            }
        ) { document in
            if progress != nil {
                if document.origin != currentOrigin {
                    if !currentOrigin.isEmpty, finishedOrigins.insert(currentOrigin).inserted {
                        doneBytes += sizes[currentOrigin] ?? currentBytes
                    }
                    currentOrigin = document.origin
                    currentBytes = 0
                }
                currentBytes += Int64(document.text.utf8.count)
            }
            pending.append(document)
            pendingBytes += document.text.utf8.count
            if pending.count >= batchDocuments || pendingBytes >= batchBytes { try flush() }
        }
        try flush()
        return (totals, failed)
    }

    /// Sizes of the regular files under `paths` (directories recursively), by path.
    static func inputSizes(_ paths: [String]) -> [String: Int64] {
        let fm = FileManager.default
        var sizes: [String: Int64] = [:]
        func size(_ p: String) -> Int64? {
            (try? fm.attributesOfItem(atPath: p))?[.size].flatMap { ($0 as? NSNumber)?.int64Value }
        }
        for path in paths where path != "-" {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                guard let e = fm.enumerator(atPath: path) else { continue }
                while let rel = e.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(rel)
                    if let s = size(full), (e.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { sizes[full] = s }
                }
            } else if let s = size(path) {
                sizes[path] = s
            }
        }
        return sizes
    }
}
