import AnnalsStore
import Foundation

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with what the URL
/// leaves out taken from the standard libpq variables `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD` and
/// `PGDATABASE` (then `localhost`, 5432, the login name, and the user name as database).
///
/// A host starting with `/` is a directory holding the server's Unix socket (`.s.PGSQL.PORT`), as in
/// libpq; in a URL it is given as `?host=/dir` or percent-encoded (`postgres://%2Ftmp%2Fpg/annals`).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `text` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") || text == "postgres:" || text == "postgresql:"
    }

    /// Parses `url`, filling gaps from `environment`.
    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func fail(_ why: String) -> StoreError { StoreError(.other, path: Self.redact(url), why) }
        guard Self.isURL(url) else { throw fail("not a postgres:// URL") }
        var rest = Substring(url)
        rest = rest.drop(while: { $0 != ":" }).dropFirst()
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        var query: [String: String] = [:]
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if kv.count == 2 { query[kv[0]] = kv[1] }
            }
            rest = rest[..<q]
        }
        var authority = rest
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        }
        var userPart: Substring?
        if let at = authority.lastIndex(of: "@") {
            userPart = authority[..<at]
            authority = authority[authority.index(after: at)...]
        }
        var userName: String?
        var pass: String?
        if let userPart {
            let bits = userPart.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            userName = bits.first.map { String($0).removingPercentEncoding ?? String($0) }.flatMap { $0.isEmpty ? nil : $0 }
            if bits.count > 1 { pass = String(bits[1]).removingPercentEncoding }
        }
        var hostName: String?
        var portText: String?
        if !authority.isEmpty {
            if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
                hostName = String(authority[..<colon])
                portText = String(authority[authority.index(after: colon)...])
            } else {
                hostName = String(authority)
            }
            hostName = hostName?.removingPercentEncoding
        }
        let env = { (k: String) in environment[k].flatMap { $0.isEmpty ? nil : $0 } }
        host = query["host"] ?? hostName.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? "localhost"
        let portString = query["port"] ?? portText.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGPORT") ?? "5432"
        guard let p = Int(portString), (1...65535).contains(p) else { throw fail("port '\(portString)' is not a number from 1 to 65535") }
        port = p
        user = query["user"] ?? userName ?? env("PGUSER") ?? env("USER") ?? "postgres"
        password = query["password"] ?? pass ?? env("PGPASSWORD")
        let db = String(path).removingPercentEncoding ?? String(path)
        database = query["dbname"] ?? (db.isEmpty ? nil : db) ?? env("PGDATABASE") ?? user
    }

    /// Characters a URL component keeps as they are (RFC 3986 "unreserved").
    public static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Whether `host` is a Unix socket directory.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq would use.
    public var socketPath: String { (host as NSString).appendingPathComponent(".s.PGSQL.\(port)") }

    /// The URL without the password, for messages.
    public var description: String {
        let h = isSocket ? host.addingPercentEncoding(withAllowedCharacters: PostgresLocation.unreserved) ?? host : host
        return "postgres://\(user)@\(h):\(port)/\(database)"
    }

    /// `url` with any password replaced by `***`.
    static func redact(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
