import AnnalsStore
import Foundation

extension PostgresStore {
    /// Inserts rows as they are (ids included) into `table`, in one transaction.
    public func insertRows(_ table: String, columns: [TableColumn], rows: [[SQLValue]]) throws {
        guard !rows.isEmpty else { return }
        var c = BulkColumns()
        for (i, column) in columns.enumerated() {
            let values = rows.map { $0[i] }
            switch column.kind {
            case .int: c.int(values.map { v -> Int64? in if case .null = v { return nil } else { return Int64(v.int) } })
            case .double: c.double(values.map { v -> Double? in if case .null = v { return nil } else { return v.double } })
            case .text: c.text(values.map(\.string))
            case .blob: c.bytes(values.map { v -> [UInt8] in if case .blob(let b) = v { return b } else { return [] } })
            }
        }
        let names = columns.map { $0.name == "end" ? "\"end\"" : $0.name }.joined(separator: ", ")
        try session.transaction {
            try session.query("INSERT INTO \(table)(\(names)) SELECT * FROM \(c.unnest)", binds: c.binds)
        }
    }

    /// Moves each id sequence past the largest id stored.
    func resetSequences() throws {
        for table in ["documents", "events", "mentions", "relations"] {
            try session.exclusive {
                try session.query("SELECT setval('\(table)_id_seq', greatest((SELECT max(id) FROM \(table)), 1))")
            }
        }
    }

    /// The columns of `table` in PostgreSQL, with their kinds.
    public func tableColumns(_ table: String) throws -> [TableColumn] {
        try rows(
            "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position",
            [.text(table)]
        ).map { r in
            let type = r[1].string ?? ""
            let kind: TableColumn.Kind =
                ["integer", "bigint", "smallint"].contains(type) ? .int : type == "double precision" ? .double : type == "bytea" ? .blob : .text
            return TableColumn(name: r[0].string ?? "", kind: kind)
        }
    }
}

extension PostgresStore: TableReading {
    /// Runs `sql` through a server-side cursor and hands its rows to `body` in chunks of `chunk` rows.
    public func tableRows(_ sql: String, chunk: Int, _ body: ([[SQLValue]]) throws -> Void) throws {
        try session.transaction(attempts: 1) {
            try session.query("DECLARE annals_rows NO SCROLL CURSOR FOR \(sql)")
            while true {
                let rows = try session.query("FETCH \(max(1, chunk)) FROM annals_rows")
                if rows.isEmpty { break }
                try body(rows)
            }
            try session.query("CLOSE annals_rows")
        }
    }
}
