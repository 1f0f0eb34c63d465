import AnnalsStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// One PostgreSQL connection used synchronously: each call blocks the calling thread on postgres-nio's
/// event loop (never on Swift's cooperative pool), so the store keeps the same synchronous API as
/// the SQLite one. Calls are serialised; a transaction holds the connection until it ends.
final class PostgresSession: Sendable {
    let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger
    private let lock = NIOLock()

    init(_ location: PostgresLocation) throws {
        self.location = location
        var logger = Logger(label: "annals.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration: PostgresConnection.Configuration
        if location.isSocket {
            configuration = .init(
                unixSocketPath: location.socketPath, username: location.user, password: location.password,
                database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw Self.storeError(error, location)
        }
    }

    deinit {
        // postgres-nio requires a connection to be closed before it is released.
        if !connection.eventLoop.inEventLoop { try? connection.close().wait() }
    }

    /// Runs `sql` with `values` bound to `$1...` and returns every row as shared values.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        var binds = PostgresBindings(capacity: values.count)
        for v in values { Self.bind(v, into: &binds) }
        return try query(sql, binds: binds)
    }

    /// Runs `sql` with prepared bindings (arrays for bulk statements).
    @discardableResult
    func query(_ sql: String, binds: PostgresBindings) throws -> [[SQLValue]] {
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
            return try result.rows.map(Self.values)
        } catch {
            throw Self.storeError(error, location)
        }
    }

    /// Runs statements separated by `;` at the end of a line (a migration), one at a time.
    func script(_ sql: String) throws {
        for statement in sql.components(separatedBy: ";\n") {
            let text = statement.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { try query(text.hasSuffix(";") ? String(text.dropLast()) : text) }
        }
    }

    /// Runs `body` in one transaction, committing when it returns and rolling back when it throws.
    /// A deadlock or serialization failure (another writer won a race) rolls back and runs `body`
    /// again, up to `attempts` times.
    func transaction<T>(attempts: Int = 8, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            var attempt = 1
            while true {
                do {
                    try query("BEGIN")
                    let result = try body()
                    try query("COMMIT")
                    return result
                } catch {
                    _ = try? query("ROLLBACK")
                    if attempt < attempts, let e = error as? StoreError, e.message.contains("[40P01]") || e.message.contains("[40001]") {
                        attempt += 1
                        continue
                    }
                    throw error
                }
            }
        }
    }

    /// Runs `body` holding the session-level advisory lock `key` (other sessions asking for it wait).
    /// Statements in `body` each see the catalog as committed when they start, which a lock taken
    /// inside a transaction would not guarantee.
    func withAdvisoryLock<T>(_ key: Int64, _ body: () throws -> T) throws -> T {
        try query("SELECT pg_advisory_lock($1)", [.int(key)])
        defer { _ = try? query("SELECT pg_advisory_unlock($1)", [.int(key)]) }
        return try body()
    }

    /// Runs `body` holding the connection (no transaction), for a sequence of reads.
    func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock(body)
    }

    static func bind(_ v: SQLValue, into binds: inout PostgresBindings) {
        switch v {
        case .null: binds.appendNull()
        case .int(let n): binds.append(n)
        case .double(let d): binds.append(d)
        case .text(let s): binds.append(s)
        case .blob(let b): binds.append(ByteBuffer(bytes: b))
        }
    }

    /// A row's cells as shared values.
    static func values(_ row: PostgresRow) throws -> [SQLValue] {
        var out: [SQLValue] = []
        for cell in row {
            guard cell.bytes != nil else {
                out.append(.null)
                continue
            }
            switch cell.dataType {
            case .int2, .int4, .int8: out.append(.int(try cell.decode(Int64.self)))
            case .float4, .float8: out.append(.double(try cell.decode(Double.self)))
            case .bool: out.append(.int(try cell.decode(Bool.self) ? 1 : 0))
            case .bytea: out.append(.blob(Array(buffer: cell.bytes!)))
            case .numeric: out.append(.double(Double(try cell.decode(String.self)) ?? 0))
            default: out.append(.text(try cell.decode(String.self)))
            }
        }
        return out
    }

    /// A postgres-nio error as one line naming the database, with the server's SQLSTATE in brackets.
    static func storeError(_ error: any Error, _ location: PostgresLocation) -> StoreError {
        if let e = error as? StoreError { return e }
        let path = location.description
        guard let p = error as? PSQLError else { return StoreError(.other, path: path, "\(error)") }
        if let info = p.serverInfo {
            let state = info[.sqlState] ?? "?"
            let message = info[.message] ?? "server error"
            let detail = info[.detail].map { " (\($0))" } ?? ""
            switch state {
            case "3D000":
                return StoreError(.missing, path: path, "\(message) [\(state)]; create it with `createdb \(location.database)`")
            case "28000", "28P01":
                return StoreError(.readOnly, path: path, "\(message) [\(state)]")
            case "53100":
                return StoreError(.diskFull, path: path, "\(message) [\(state)]; the batch in progress was rolled back")
            default:
                return StoreError(.other, path: path, "\(message)\(detail) [\(state)]")
            }
        }
        switch p.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            let target = location.isSocket ? "socket \(location.socketPath)" : "\(location.host):\(location.port)"
            return StoreError(
                .missing, path: path,
                "cannot connect to the PostgreSQL server at \(target) (\(p.underlying.map { "\($0)" } ?? "\(p.code)"))")
        default:
            return StoreError(.other, path: path, "\(p.code)\(p.underlying.map { ": \($0)" } ?? "")")
        }
    }
}

/// A one-dimensional PostgreSQL array with NULL elements, for bulk statements
/// (`INSERT ... SELECT * FROM unnest($1::text[], $2::int8[], ...)`).
struct NullableArray<Element: PostgresArrayEncodable & PostgresNonThrowingEncodable>: PostgresNonThrowingEncodable {
    var values: [Element?]

    init(_ values: [Element?]) { self.values = values }

    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(values.isEmpty ? 0 : 1, as: Int32.self)  // dimensions
        buffer.writeInteger(values.contains { $0 == nil } ? 1 : 0, as: Int32.self)  // has nulls
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !values.isEmpty else { return }
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(1, as: Int32.self)  // lower bound
        for v in values {
            guard let v else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthIndex = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            let start = buffer.writerIndex
            v.encode(into: &buffer, context: context)
            buffer.setInteger(Int32(buffer.writerIndex - start), at: lengthIndex)
        }
    }
}

/// Columns of a bulk statement, bound as arrays in order.
struct BulkColumns {
    private(set) var binds = PostgresBindings()
    private(set) var casts: [String] = []

    mutating func text(_ values: [String?]) {
        binds.append(NullableArray(values))
        casts.append("$\(casts.count + 1)::text[]")
    }

    mutating func int(_ values: [Int64?]) {
        binds.append(NullableArray(values))
        casts.append("$\(casts.count + 1)::int8[]")
    }

    mutating func int(_ values: [Int]) { int(values.map { Int64($0) }) }

    mutating func double(_ values: [Double?]) {
        binds.append(NullableArray(values))
        casts.append("$\(casts.count + 1)::float8[]")
    }

    mutating func bytes(_ values: [[UInt8]]) {
        binds.append(NullableArray(values.map { ByteBuffer(bytes: $0) }))
        casts.append("$\(casts.count + 1)::bytea[]")
    }

    /// `unnest($1::..., $2::...)`.
    var unnest: String { "unnest(" + casts.joined(separator: ", ") + ")" }
}

extension PostgresSession {
    /// Why the PostgreSQL server named by the environment variable `variable` cannot be used, nil when
    /// it answers: the one check behind every test that needs a server (they skip with this reason).
    static func unavailability(of variable: String, in environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        guard let url = environment[variable], !url.isEmpty else {
            return "\(variable) is not set (start a server with Scripts/pg-test-cluster)"
        }
        do {
            _ = try PostgresSession(try PostgresLocation(url)).query("SELECT 1")
            return nil
        } catch {
            return "cannot reach the PostgreSQL server of \(variable): \(error)"
        }
    }
}
