import AnnalsStore
import Foundation

/// Opens the event database a `--db` value names: a `postgres://` URL (``PostgresStore``) or an
/// SQLite file (``EventStore``).
public enum EventDatabases {
    public static func open(_ location: String, mode: EventStore.Mode) throws -> any EventDatabase {
        if PostgresLocation.isURL(location) { return try PostgresStore(url: location, mode: mode) }
        return try EventStore(path: location, mode: mode)
    }

    /// The same, as a database `annals serve` can explore (both stores are). A read-only
    /// PostgreSQL connection is also read-only on the server (`SET SESSION CHARACTERISTICS AS
    /// TRANSACTION READ ONLY`), as SQLite's is opened with `SQLITE_OPEN_READONLY`.
    public static func openExplorable(_ location: String, mode: EventStore.Mode) throws -> any ExplorableDatabase {
        guard PostgresLocation.isURL(location) else { return try EventStore(path: location, mode: mode) }
        let store = try PostgresStore(url: location, mode: mode)
        if mode == .readOnly { _ = try store.rows("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY") }
        return store
    }

    /// The tables of a store in the order they are copied (parents first).
    public static let tables = ["documents", "sentences", "events", "mentions", "relations", "actors"]

    /// Copies every row of an SQLite store into an empty PostgreSQL store, ids included, one
    /// transaction per table chunk; then sets the id sequences past the copied ids and refreshes
    /// the daily dyad series. Returns rows copied per table.
    public static func copy(_ source: EventStore, to target: PostgresStore, chunk: Int = 5_000) throws -> [(String, Int)] {
        if try target.counts().documents > 0 {
            throw StoreError(
                .other, path: target.location,
                "already holds documents; `export --to` copies into an empty store (to merge, ingest the documents instead)")
        }
        var days: [String] = []
        try source.tableRows("SELECT DISTINCT day FROM events", chunk: 10_000) { rows in days += rows.compactMap { $0[0].string } }
        try target.ensurePartitions(for: days)
        var copied: [(String, Int)] = []
        for table in tables {
            let columns = try source.tableColumns(table)
            var n = 0
            try source.tableRows("SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table)", chunk: chunk) { rows in
                try target.insertRows(table, columns: columns, rows: rows)
                n += rows.count
            }
            copied.append((table, n))
        }
        try target.resetSequences()
        try target.maintain()
        return copied
    }
}
