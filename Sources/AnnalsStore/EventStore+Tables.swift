import Foundation
import GRDB

/// A column of a stored table and the type of its values.
public struct TableColumn: Sendable, Equatable {
    public enum Kind: Sendable { case int, double, text, blob }
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

extension EventStore {
    /// The columns of `table` as declared (SQLite affinity: INTEGER, REAL, TEXT, BLOB).
    public func tableColumns(_ table: String) throws -> [TableColumn] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table]).map { r in
                let type = (r["type"] as String).uppercased()
                let kind: TableColumn.Kind =
                    type.contains("INT") ? .int : type.contains("REAL") ? .double : type.contains("BLOB") ? .blob : .text
                return TableColumn(name: r["name"], kind: kind)
            }
        }
    }

    /// Runs `sql` and hands its rows to `body` in chunks of `chunk` rows.
    public func tableRows(_ sql: String, chunk: Int, _ body: ([[SQLValue]]) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: sql)
            var rows: [[SQLValue]] = []
            while let r = try cursor.next() {
                rows.append(Self.values(r))
                if rows.count >= chunk {
                    try body(rows)
                    rows.removeAll(keepingCapacity: true)
                }
            }
            if !rows.isEmpty { try body(rows) }
        }
    }
}

/// Raw access to a store's tables, for exports and copies.
public protocol TableReading {
    func tableColumns(_ table: String) throws -> [TableColumn]
    func tableRows(_ sql: String, chunk: Int, _ body: ([[SQLValue]]) throws -> Void) throws
}

extension EventStore: TableReading {}

/// Writes store tables as CSV for data-science tools (schema: docs/store.md, "CSV export").
public enum TableCSV {
    /// One RFC 4180 field: NULL is empty, a BLOB is lower-case hex, text is quoted when it must be.
    public static func field(_ v: SQLValue) -> String {
        switch v {
        case .null: return ""
        case .int(let n): return String(n)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
        case .blob(let b): return b.map { String(format: "%02x", $0) }.joined()
        case .text(let s): return quote(s)
        }
    }

    /// `s` as an RFC 4180 field: quoted, with `"` doubled, when it holds `,` `"` CR or LF.
    public static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes `table` of `store` to `path`: a header line, then its rows ordered by their key.
    @discardableResult
    public static func write(_ table: String, of store: any TableReading, to path: String) throws -> Int {
        let columns = try store.tableColumns(table)
        guard !columns.isEmpty else { throw StoreError(.other, path: table, "no such table") }
        let names = columns.map(\.name)
        let order = names.contains("id") ? "id" : table == "sentences" ? "doc, idx" : "code, name"
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw StoreError(.readOnly, path: path, "cannot write the file")
        }
        defer { try? out.close() }
        out.write(Data((names.joined(separator: ",") + "\n").utf8))
        var n = 0
        let quoted = names.map { $0 == "end" ? "\"end\"" : $0 }
        try store.tableRows("SELECT \(quoted.joined(separator: ", ")) FROM \(table) ORDER BY \(order)", chunk: 5_000) { rows in
            var text = ""
            for r in rows { text += r.map(field).joined(separator: ",") + "\n" }
            out.write(Data(text.utf8))
            n += rows.count
        }
        return n
    }
}
