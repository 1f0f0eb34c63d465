import AnnalsCore

/// An Annals event database: the SQLite ``EventStore`` or the PostgreSQL store of `AnnalsPostgres`.
///
/// Both keep the same tables with the same meaning (docs/store.md), deduplicate documents by
/// ``ContentHash`` and events by (day, source, target, CAMEO code, polarity), compute the roll-up by
/// the rules of ``RollUp`` and answer queries with the SQL of ``StoreSQL``: the same input gives the
/// same query output from either.
public protocol EventDatabase: Sendable {
    /// Where the database is, for messages (a path, or a URL without its password).
    var location: String { get }
    /// Hashes among `hashes` that are already stored.
    func storedHashes(_ hashes: [ContentHash]) throws -> Set<ContentHash>
    /// Stores a batch in one transaction (documents already stored are skipped) and recomputes the
    /// roll-up of every event it touches.
    @discardableResult func store(_ batch: [StorableDocument]) throws -> BatchResult
    /// Row counts of every table.
    func counts() throws -> EventStore.Counts
    /// Calls `body` with every matching event, by date then id.
    func events(_ query: EventQuery, _ body: (EventRow) throws -> Void) throws
    /// Calls `body` with every matching event as the record `annals code` wrote plus the roll-up,
    /// in the order of ``events(_:_:)`` (`annals events --format jsonl`).
    func storedEvents(_ query: EventQuery, _ body: (StoredEvent) throws -> Void) throws
    /// Per-period counts of matching events (see ``EventStore/series(_:by:)``).
    func series(_ query: EventQuery, by unit: SeriesUnit) throws -> [SeriesPoint]
    /// Calls `body` with every stored relation between `since` and `until`, inclusive.
    func relations(since: Day?, until: Day?, _ body: (RelationRecord) throws -> Void) throws
    /// Housekeeping after a large load: refreshes derived tables and statistics.
    func maintain() throws
    /// Makes everything written durable and compact (SQLite: checkpoints the WAL).
    func checkpoint() throws
    /// Bytes the database takes on disk.
    var fileSize: Int64 { get }
}

extension EventDatabase {
    /// All matching events (convenience for small results and tests).
    public func allEvents(_ query: EventQuery) throws -> [EventRow] {
        var rows: [EventRow] = []
        try events(query) { rows.append($0) }
        return rows
    }

    /// All matching events as ``StoredEvent``s (convenience for small results and tests).
    public func storedEvents(_ query: EventQuery) throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        try storedEvents(query) { out.append($0) }
        return out
    }

    /// All stored relations (convenience for small stores and tests).
    public func allRelations(since: Day? = nil, until: Day? = nil) throws -> [RelationRecord] {
        var out: [RelationRecord] = []
        try relations(since: since, until: until) { out.append($0) }
        return out
    }
}

extension EventStore: EventDatabase {
    public var location: String { path }

    /// Updates the query planner's statistics and checkpoints the WAL.
    public func maintain() throws {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA optimize; ANALYZE") }
        } catch {
            throw StoreError.from(error, path: path)
        }
        try checkpoint()
    }
}
