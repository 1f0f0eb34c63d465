import Foundation
import GRDB

/// A problem with the event database, as one line naming the file.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// No database at the path (queries only; ingest creates it).
        case missing
        /// The file is not an SQLite database at all.
        case notDatabase
        /// An SQLite database, but not an Annals event store.
        case notOurs
        /// An Annals store written by a newer Annals.
        case newerSchema
        /// The file or its directory cannot be written.
        case readOnly
        /// The disk (or the database's size limit) is full.
        case diskFull
        /// SQLite found the file damaged.
        case corrupt
        /// Another process holds the database locked for too long.
        case busy
        /// Anything else SQLite reported.
        case other
    }

    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// Translates an SQLite error into a store error naming `path`.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let db = error as? DatabaseError else {
            return StoreError(.other, path: path, "\(error)")
        }
        let detail = db.message ?? "\(db.resultCode)"
        switch db.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(.notDatabase, path: path, "not an SQLite database (not an Annals event store)")
        case .SQLITE_CORRUPT:
            return StoreError(
                .corrupt, path: path,
                "the database is corrupt (\(detail)); nothing more was written — restore a backup or try `sqlite3 \(path) .recover`")
        case .SQLITE_FULL:
            return StoreError(
                .diskFull, path: path,
                "disk full; the batch in progress was rolled back, everything stored before it is intact — free space and run again to finish"
            )
        case .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(
                .readOnly, path: path,
                "cannot write the database (read-only file or directory: \(detail))")
        case .SQLITE_CANTOPEN:
            return StoreError(.readOnly, path: path, "cannot open the database (\(detail))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, path: path, "the database is locked by another process (\(detail))")
        case .SQLITE_IOERR:
            return StoreError(.other, path: path, "I/O error (\(detail)); the batch in progress was rolled back")
        default:
            return StoreError(.other, path: path, detail)
        }
    }
}
