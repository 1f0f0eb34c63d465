import AnnalsCore
import Foundation
import GRDB

public enum AnnalsStoreInfo {
    /// The database `annals ingest`, `events` and `series` use without `--db`: in the current directory.
    public static let defaultPath = "annals.sqlite"
}

/// The SQLite event database: documents, sentences, deduplicated events with their mentions,
/// relations and actors (schema in ``Schema``, documented in docs/store.md).
///
/// A store is identified by `PRAGMA application_id` = "ANNL" and a `meta` table; any other SQLite file
/// is refused untouched. It runs in WAL mode with `synchronous=NORMAL`: every batch is one transaction,
/// so a process killed at any point leaves the database as of its last committed batch.
public final class EventStore: Sendable {
    public enum Mode: Sendable {
        /// Create the file when missing and write to it (`annals ingest`).
        case readWrite
        /// Open an existing store for queries only.
        case readOnly
    }

    public let path: String
    /// How the store was opened.
    public let mode: Mode
    let queue: DatabaseQueue
    /// Prepared statements and counts of ``explore(_:)``, used only inside `queue`'s reads.
    let readCache = ReadCache()

    /// Opens (and in `.readWrite` mode creates or migrates) the store at `path`.
    public convenience init(path: String, mode: Mode = .readWrite) throws {
        try self.init(path: path, mode: mode, maxPageCount: nil)
    }

    /// `maxPageCount` caps the file size (`PRAGMA max_page_count`); tests use it to simulate a full disk.
    init(path: String, mode: Mode, maxPageCount: Int?) throws {
        self.path = path
        self.mode = mode
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError(.other, path: path, "is a directory, not a database file") }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        switch mode {
        case .readOnly:
            if !exists { throw StoreError(.missing, path: path, "no such database (create it with `annals ingest --db \(path)`)") }
        case .readWrite:
            var dirIsDir: ObjCBool = false
            if !fm.fileExists(atPath: directory, isDirectory: &dirIsDir) || !dirIsDir.boolValue {
                throw StoreError(.missing, path: path, "directory \(directory) does not exist")
            }
            if !fm.isWritableFile(atPath: directory) {
                throw StoreError(
                    .readOnly, path: path, "directory \(directory) is read-only (the database and its -wal journal must be writable)")
            }
            if exists && !fm.isWritableFile(atPath: path) {
                throw StoreError(.readOnly, path: path, "the database file is read-only")
            }
        }
        if exists { try Self.checkHeader(path) }

        var config = Configuration()
        config.readonly = mode == .readOnly
        config.busyMode = .timeout(30)
        config.label = "annals-store"
        // Integrity is kept by the writer (one transaction per batch, parents first); skipping the
        // per-row foreign-key lookups makes storing faster.
        config.foreignKeysEnabled = false
        if let maxPageCount {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        if mode == .readOnly {
            // Queries (`annals serve` keeps one connection per core) read the same pages again and
            // again: a 32 MB page cache instead of SQLite's 2 MB holds a few-MB database whole.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -32768") }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in try Self.prepare(db, path: path, mode: mode) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Refuses a non-empty file that does not start with the SQLite header, before SQLite touches it.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.readOnly, path: path, "cannot read the file")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError(.notDatabase, path: path, "not an SQLite database (not an Annals event store); refusing to touch it")
        }
    }

    /// Checks identity, then sets WAL mode and creates or migrates the schema.
    static func prepare(_ db: Database, path: String, mode: Mode) throws {
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if appID == Schema.applicationID {
            let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            guard format == Schema.format else {
                throw StoreError(.notOurs, path: path, "has the Annals application id but no Annals meta table; refusing to touch it")
            }
            if version > Schema.version {
                throw StoreError(
                    .newerSchema, path: path,
                    "written by a newer Annals (schema \(version), this one reads up to \(Schema.version)); upgrade annals")
            }
        } else if objects > 0 || appID != 0 {
            let idText = String(format: "0x%08X", UInt32(bitPattern: appID))
            throw StoreError(
                .notOurs, path: path,
                "an SQLite database but not an Annals event store (application_id \(idText), \(objects) schema objects); refusing to touch it"
            )
        } else if mode == .readOnly {
            throw StoreError(.missing, path: path, "empty database (fill it with `annals ingest --db \(path)`)")
        }
        guard mode == .readWrite else { return }
        let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        if journal?.lowercased() != "wal" {
            throw StoreError(.other, path: path, "cannot switch the database to WAL mode (journal_mode is \(journal ?? "?"))")
        }
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        let current = appID == Schema.applicationID ? version : 0
        if current < Schema.version {
            try db.inTransaction(.immediate) {
                for v in current..<Schema.version { try db.execute(sql: Schema.migrations[v]) }
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?), ('schema', ?), ('created_at', coalesce((SELECT value FROM meta WHERE key = 'created_at'), ?))",
                    arguments: [Schema.format, String(Schema.version), Timestamp.now().iso])
                return .commit
            }
        }
    }

    /// Runs `body` in one IMMEDIATE transaction; any error rolls the whole transaction back.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs a read-only `body`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Row counts of every table.
    public struct Counts: Sendable, Equatable, CustomStringConvertible {
        public var documents = 0, sentences = 0, events = 0, mentions = 0, relations = 0, actors = 0

        public init(documents: Int = 0, sentences: Int = 0, events: Int = 0, mentions: Int = 0, relations: Int = 0, actors: Int = 0) {
            (self.documents, self.sentences, self.events, self.mentions, self.relations, self.actors) =
                (documents, sentences, events, mentions, relations, actors)
        }
        public var description: String {
            "documents=\(documents) sentences=\(sentences) events=\(events) mentions=\(mentions) relations=\(relations) actors=\(actors)"
        }
    }

    public func counts() throws -> Counts {
        try read { db in
            func n(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return Counts(
                documents: try n("documents"), sentences: try n("sentences"), events: try n("events"),
                mentions: try n("mentions"), relations: try n("relations"), actors: try n("actors"))
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Hashes among `hashes` that are already stored.
    public func storedHashes(_ hashes: [ContentHash]) throws -> Set<ContentHash> {
        guard !hashes.isEmpty else { return [] }
        return try read { db in
            var found: Set<ContentHash> = []
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM documents WHERE hash = ?")
            for h in hashes {
                if try Int.fetchOne(statement, arguments: [h.data]) != nil { found.insert(h) }
            }
            return found
        }
    }

    /// Copies the WAL into the main file (done on close too); keeps `-wal` small after a big ingest.
    public func checkpoint() throws {
        do {
            try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Size in bytes of the database file plus its WAL.
    public var fileSize: Int64 {
        let fm = FileManager.default
        var total: Int64 = 0
        for p in [path, path + "-wal"] {
            if let n = (try? fm.attributesOfItem(atPath: p))?[.size] as? NSNumber { total += n.int64Value }
        }
        return total
    }
}

/// Wall-clock timestamps in UTC.
struct Timestamp {
    var year, month, day, hour, minute, second: Int

    static func now() -> Timestamp {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return Timestamp(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }

    /// `YYYYMMDDHHMMSS` (GDELT's DATEADDED).
    var compact: String {
        String(format: "%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    var iso: String {
        String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second)
    }
}
