import AnnalsCore
import GRDB

/// An event database that `annals serve` can explore: the SQLite ``EventStore`` or the PostgreSQL
/// store of `AnnalsPostgres`.
///
/// A backend supplies only what differs between the two: how a statement runs, which columns a
/// stored event reads (older SQLite schemas lack some) and full-text search. The queries themselves
/// (pages, event detail, actor look-ups) are written once over these, in ``StoreSQL``'s shared SQL
/// (see `ExploreQueries.swift`), so both backends answer the API alike.
public protocol ExplorableDatabase: EventDatabase {
    /// The SQL the backend speaks (placeholders, prefix and case-insensitive matches).
    var dialect: SQLDialect { get }
    /// Runs one read-only statement with `values` bound to its placeholders and returns every row.
    func queryRows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
    /// The SELECT that ``StoreSQL/storedEvent(_:)`` decodes, for this database's schema version.
    func storedEventSelect() throws -> String
    /// Whether `q` searches can be answered (SQLite: the FTS5 index exists; PostgreSQL: always).
    func hasSearchIndex() throws -> Bool
    /// Creates what makes search work or fast when missing (SQLite: the FTS5 index and its trigger;
    /// PostgreSQL: GIN indexes); needs a read-write connection. Returns the statements newly indexed
    /// (0 where indexes are kept by the database itself).
    @discardableResult func ensureSearchIndex() throws -> Int
    /// A condition on the event `e`: one of its statements' sentences holds every word of `text`
    /// (``SearchWords``). Binds its values to `arguments`; throws when `text` has no word.
    func searchCondition(_ text: String, _ arguments: inout SQLArguments) throws -> String
    /// Runs `body` with a reader whose statements see one snapshot of the database (one read
    /// transaction where the backend can). The default runs each statement on its own through
    /// ``queryRows(_:_:)``; the SQLite store reuses prepared statements and caches counts.
    func explore<T>(_ body: (ExploreReader) throws -> T) throws -> T
}

/// What the queries of `ExploreQueries.swift` run their statements through (see
/// ``ExplorableDatabase/explore(_:)``). Valid only inside the `explore` call that made it.
public struct ExploreReader {
    /// Runs one read-only statement with values bound to its placeholders and returns every row.
    public let rows: (_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
    /// The first column of the first row of a `SELECT count(*) …` statement (0 when none). A backend
    /// may answer a repeated count from a cache, but only while the database is unchanged.
    public let count: (_ sql: String, _ values: [SQLValue]) throws -> Int
    /// ``ExplorableDatabase/storedEventSelect()`` for this database.
    public let storedEventSelect: () throws -> String

    /// A reader over these functions.
    public init(
        rows: @escaping (String, [SQLValue]) throws -> [[SQLValue]], count: @escaping (String, [SQLValue]) throws -> Int,
        storedEventSelect: @escaping () throws -> String
    ) {
        self.rows = rows
        self.count = count
        self.storedEventSelect = storedEventSelect
    }
}

extension ExplorableDatabase {
    /// Each statement on its own through ``queryRows(_:_:)``, nothing cached.
    public func explore<T>(_ body: (ExploreReader) throws -> T) throws -> T {
        try body(
            ExploreReader(
                rows: { try queryRows($0, $1) }, count: { try queryRows($0, $1).first?.first?.int ?? 0 },
                storedEventSelect: { try storedEventSelect() }))
    }
}

extension EventStore: ExplorableDatabase {
    public var dialect: SQLDialect { .sqlite }

    public func queryRows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try read { db in try readCache.rows(db, sql, values) }
    }

    /// Databases from before schema 3 have no actor spans (the mention's span stands in), from
    /// before 4 no locations.
    public func storedEventSelect() throws -> String {
        try read { db in try readCache.storedEventSelect(db) }
    }

    /// One read transaction; statements are prepared once per connection and kept (``ReadCache``),
    /// and on a read-only store counts are kept while `PRAGMA data_version` says no other
    /// connection has committed.
    public func explore<T>(_ body: (ExploreReader) throws -> T) throws -> T {
        let cache = readCache
        let cacheCounts = mode == .readOnly
        return try read { db in
            try body(
                ExploreReader(
                    rows: { try cache.rows(db, $0, $1) }, count: { try cache.count(db, $0, $1, cached: cacheCounts) },
                    storedEventSelect: { try cache.storedEventSelect(db) }))
        }
    }
}
