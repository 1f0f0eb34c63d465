import AnnalsCore
import AnnalsStore
import Foundation
import Logging
import Synchronization

/// Opens the database `annals serve` explores, from its `--db` value, read-only or read-write.
public typealias DatabaseOpener = @Sendable (_ location: String, _ mode: EventStore.Mode) throws -> any ExplorableDatabase

/// How `annals serve` runs.
public struct ServerOptions: Sendable {
    /// The event database (`annals ingest` writes it): an SQLite file, or whatever ``open`` understands.
    public var database: String
    /// Opens ``database``; SQLite's ``EventStore`` by default. The CLI passes one that also opens
    /// `postgres://` URLs (`AnnalsPostgres`), so this target does not depend on postgres-nio.
    public var open: DatabaseOpener
    /// Address to bind; loopback unless told otherwise.
    public var host: String
    /// Port; 0 picks a free one (see ``AnnalsServer/run(_:logger:onRunning:)``).
    public var port: Int
    /// Let `POST /api/code?store=true` write to the database.
    public var allowIngest: Bool
    /// Do not create the full-text index (the database is never written; `q=` is then refused).
    public var readOnly: Bool
    /// Dictionaries for `POST /api/code` and the actor network: `annals` or a directory.
    public var dictionaries: String

    public init(
        database: String = AnnalsStoreInfo.defaultPath, host: String = "127.0.0.1", port: Int = 8080,
        allowIngest: Bool = false, readOnly: Bool = false, dictionaries: String = "annals",
        open: @escaping DatabaseOpener = { try EventStore(path: $0, mode: $1) }
    ) {
        self.database = database
        self.open = open
        self.host = host
        self.port = port
        self.allowIngest = allowIngest
        self.readOnly = readOnly
        self.dictionaries = dictionaries
    }
}

/// What the routes share: the read-only store, the writer when ingest is allowed, the coding
/// pipeline and the actor network (rebuilt after each stored document).
final class ServerState: Sendable {
    let options: ServerOptions
    /// Read-only connections, one per core (each store is one SQLite or PostgreSQL connection),
    /// so that queries run in parallel.
    private let readers: [any ExplorableDatabase]
    /// Indices of the readers no request holds (``withStore(_:)``).
    private let idle: Mutex<[Int]>
    private let turn = Atomic<Int>(0)
    /// Opened read-write only with `--allow-ingest`.
    let writer: (any EventDatabase)?
    let pipeline: Pipeline
    let lexicon: Lexicon
    let searchIndexed: Bool
    private let network: Mutex<ActorGraph>

    init(_ options: ServerOptions, logger: Logger) throws {
        self.options = options
        // A short read-write open first creates the full-text index (derived data) when missing.
        var indexed = false
        if !options.readOnly {
            do {
                let rw = try options.open(options.database, .readWrite)
                let added = try rw.ensureSearchIndex()
                if added > 0 { logger.info("indexed \(added) statements for full-text search") }
                indexed = true
            } catch {
                logger.warning("full-text search is off: \(error)")
            }
        }
        readers = try (0..<max(2, ProcessInfo.processInfo.activeProcessorCount)).map { _ in
            try options.open(options.database, .readOnly)
        }
        idle = Mutex(Array(readers.indices))
        searchIndexed = try indexed || readers[0].hasSearchIndex()
        writer = options.allowIngest ? try options.open(options.database, .readWrite) : nil
        let coder = try CoderFactory.make(options.dictionaries)
        pipeline = Pipeline(coder: coder)
        lexicon = try (coder as? DictionaryCoder)?.lexicon ?? LexiconLoader.loadBundled()
        network = Mutex(try Self.buildGraph(store: readers[0], lexicon: lexicon))
    }

    /// A read-only store, taken in turn (it may be busy with another request: its calls then wait).
    var store: any ExplorableDatabase {
        let i = turn.add(1, ordering: .relaxed).oldValue
        return readers[(i % readers.count + readers.count) % readers.count]
    }

    /// Runs `body` on a reader no other request holds, or on ``store`` when all are held. Handing
    /// each request its own connection keeps two requests from queueing on one SQLite connection
    /// while another is idle (which round-robin alone does half the time on two cores).
    func withStore<T>(_ body: (any ExplorableDatabase) throws -> T) throws -> T {
        guard let i = idle.withLock({ $0.popLast() }) else { return try body(store) }
        defer { idle.withLock { $0.append(i) } }
        return try body(readers[i])
    }

    /// The actor network of the dictionaries and the stored events and relations.
    static func buildGraph(store: any EventDatabase, lexicon: Lexicon) throws -> ActorGraph {
        var builder = GraphBuilder(lexicon: lexicon, scope: .linked)
        try store.events(EventQuery()) { builder.add(eventRow: $0) }
        try store.relations(since: nil, until: nil) { builder.add(relation: $0) }
        return builder.build()
    }

    var graph: ActorGraph { network.withLock { $0 } }

    func rebuildGraph() throws {
        let g = try Self.buildGraph(store: store, lexicon: lexicon)
        network.withLock { $0 = g }
    }
}
