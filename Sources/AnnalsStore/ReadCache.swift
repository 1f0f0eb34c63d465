import Foundation
import GRDB

/// What one SQLite connection of an ``EventStore`` keeps between reads: its prepared statements
/// and, on a read-only connection, the results of counts.
///
/// Preparing a statement is most of the cost of a small query through GRDB (SQLite's parser plus
/// GRDB's authorizer callback for every column it reads), so each distinct SQL text is prepared
/// once. `annals serve` counts the matches of a filter on every first page; the count is kept
/// with the connection's `PRAGMA data_version`, which changes when another connection commits,
/// so a kept count is always the count in the current snapshot.
///
/// Used only inside the store's `DatabaseQueue` accesses, which are serialised; the lock guards
/// against a caller that breaks that rule rather than for speed. Both maps are bounded (emptied
/// when full) because the SQL text holds literal prefixes and limits.
final class ReadCache: @unchecked Sendable {
    private struct CountKey: Hashable {
        var sql: String
        var values: [SQLValue]
    }

    static let maxStatements = 256
    static let maxCounts = 4096

    private let lock = NSLock()
    private var statements: [String: Statement] = [:]
    private var counts: [CountKey: Int] = [:]
    private var countsVersion: Int?
    private var eventSelect: (version: Int, sql: String)?

    /// The prepared statement for `sql`, made on first use.
    func statement(_ db: Database, _ sql: String) throws -> Statement {
        lock.lock()
        defer { lock.unlock() }
        if let statement = statements[sql] { return statement }
        let statement = try db.makeStatement(sql: sql)
        if statements.count >= Self.maxStatements { statements.removeAll() }
        statements[sql] = statement
        return statement
    }

    /// Every row of `sql` with `values` bound.
    func rows(_ db: Database, _ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        let statement = try statement(db, sql)
        let cursor = try Row.fetchCursor(statement, arguments: EventStore.arguments(values))
        var rows: [[SQLValue]] = []
        while let row = try cursor.next() { rows.append(EventStore.values(row)) }
        return rows
    }

    /// The count `sql` returns; when `cached`, a count kept since the last change of the database.
    /// Only a read-only connection may pass `cached`: `data_version` does not move for the
    /// connection's own commits.
    func count(_ db: Database, _ sql: String, _ values: [SQLValue], cached: Bool) throws -> Int {
        guard cached else { return try rows(db, sql, values).first?.first?.int ?? 0 }
        // Read inside the caller's transaction: the version of the snapshot the count is taken in.
        let version = try Int.fetchOne(statement(db, "PRAGMA data_version")) ?? 0
        let key = CountKey(sql: sql, values: values)
        let kept: Int? = lock.withLock {
            if countsVersion != version {
                counts.removeAll()
                countsVersion = version
            }
            return counts[key]
        }
        if let kept { return kept }
        let n = try rows(db, sql, values).first?.first?.int ?? 0
        lock.withLock {
            if countsVersion == version {
                if counts.count >= Self.maxCounts { counts.removeAll() }
                counts[key] = n
            }
        }
        return n
    }

    /// The SELECT ``StoreSQL/storedEvent(_:)`` decodes for this database: databases from before
    /// schema 3 have no actor spans (the mention's span stands in), from before 4 no locations.
    func storedEventSelect(_ db: Database) throws -> String {
        let version = try Int.fetchOne(statement(db, "PRAGMA user_version")) ?? 0
        return lock.withLock {
            if let kept = eventSelect, kept.version == version { return kept.sql }
            let sql = StoreSQL.storedEventSelect(actorSpans: version >= 3, geo: version >= 4)
            eventSelect = (version, sql)
            return sql
        }
    }
}
