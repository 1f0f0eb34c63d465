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
}

extension EventStore: ExplorableDatabase {
    public var dialect: SQLDialect { .sqlite }

    public func queryRows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try read { db in try Row.fetchAll(db, sql: sql, arguments: Self.arguments(values)).map(Self.values) }
    }

    /// Databases from before schema 3 have no actor spans (the mention's span stands in), from
    /// before 4 no locations.
    public func storedEventSelect() throws -> String {
        let version = try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        return StoreSQL.storedEventSelect(actorSpans: version >= 3, geo: version >= 4)
    }
}
