import AnnalsCore
import Foundation
import GRDB

/// Orders of an event page: ascending by a column, or descending with a leading `-`; ties are broken
/// by the event id in the same direction, so every order is total and a cursor is exact.
public enum EventSort: String, Sendable, CaseIterable {
    case date, dateDescending = "-date"
    case goldstein, goldsteinDescending = "-goldstein"
    case mentions, mentionsDescending = "-mentions"

    var column: String {
        switch self {
        case .date, .dateDescending: "e.day"
        case .goldstein, .goldsteinDescending: "e.goldstein"
        case .mentions, .mentionsDescending: "e.num_mentions"
        }
    }

    var descending: Bool { rawValue.hasPrefix("-") }

    /// The sort key of `row` as the cursor stores it.
    func value(of row: EventRow) -> String {
        switch self {
        case .date, .dateDescending: row.date
        case .goldstein, .goldsteinDescending: String(row.goldstein)
        case .mentions, .mentionsDescending: String(row.numMentions)
        }
    }
}

/// Where the next page starts: the sort key and id of the last event of the previous page. Its
/// ``token`` is opaque to clients (base64url) and is only valid with the sort it was made for.
public struct EventCursor: Sendable, Equatable {
    public var sort: EventSort
    public var value: String
    public var id: Int64

    public init(sort: EventSort, value: String, id: Int64) {
        self.sort = sort
        self.value = value
        self.id = id
    }

    /// The token clients pass back as `cursor`.
    public var token: String {
        let raw = "\(sort.rawValue)\n\(value)\n\(id)"
        return Data(raw.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a token; nil when it is not one this store made.
    public init?(token: String) {
        guard token.utf8.count <= 512 else { return nil }
        var b64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.utf8.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let raw = String(data: data, encoding: .utf8) else { return nil }
        let parts = raw.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 3, let sort = EventSort(rawValue: String(parts[0])), let id = Int64(parts[2]) else { return nil }
        let value = String(parts[1])
        switch sort {
        case .date, .dateDescending: guard value.isEmpty || Day(value) != nil else { return nil }
        case .goldstein, .goldsteinDescending: guard Double(value)?.isFinite == true else { return nil }
        case .mentions, .mentionsDescending: guard Int(value) != nil else { return nil }
        }
        self.init(sort: sort, value: value, id: id)
    }
}

/// One page of events: the filters of ``EventQuery``, full-text search over the statements'
/// sentences, an order and a cursor.
public struct EventPageRequest: Sendable {
    public var query: EventQuery
    /// Words that must all occur in a sentence stating the event (SQLite FTS5; case and accents are
    /// ignored; a trailing `*` matches a prefix).
    public var text: String?
    public var sort: EventSort
    /// Start after this event (from the previous page's ``EventPage/next``).
    public var after: EventCursor?
    public var limit: Int
    /// Also count all matching events (``EventPage/total``).
    public var countTotal: Bool

    public init(query: EventQuery = EventQuery(), text: String? = nil, sort: EventSort = .date,
                after: EventCursor? = nil, limit: Int = 50, countTotal: Bool = true) {
        self.query = query
        self.text = text
        self.sort = sort
        self.after = after
        self.limit = limit
        self.countTotal = countTotal
    }
}

/// A page of events and the cursor of the next one (nil on the last page).
public struct EventPage: Sendable {
    public var rows: [EventRow]
    public var next: EventCursor?
    /// All events matching the filters, when asked for.
    public var total: Int?
}

extension EventStore {
    /// The FTS5 table over the text of every stored statement (rowid = mention id).
    static let searchTable = "mention_search"

    /// Whether the full-text index exists (``ensureSearchIndex()`` makes it).
    public func hasSearchIndex() throws -> Bool {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = ?", arguments: [Self.searchTable]) == 1
        }
    }

    /// Creates the full-text index of the statements' sentences when missing, with a trigger that
    /// indexes every mention stored afterwards, and indexes any mention not yet indexed. It is
    /// derived data: dropping `mention_search` loses nothing. Returns the mentions newly indexed.
    @discardableResult
    public func ensureSearchIndex() throws -> Int {
        try transaction { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE IF NOT EXISTS \(Self.searchTable)
                        USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
                    CREATE TRIGGER IF NOT EXISTS mention_search_insert AFTER INSERT ON mentions BEGIN
                        INSERT INTO \(Self.searchTable)(rowid, text) VALUES (new.id,
                            coalesce(new.text, (SELECT text FROM sentences WHERE doc = new.doc AND idx = new.sentence), ''));
                    END;
                    """)
            let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(Self.searchTable)") ?? 0
            try db.execute(
                sql: """
                    INSERT INTO \(Self.searchTable)(rowid, text)
                    SELECT id, coalesce(text, '') FROM mentions_with_text WHERE id > ? ORDER BY id
                    """, arguments: [last])
            return db.changesCount
        }
    }

    /// Turns user text into an FTS5 query: each word (letters and digits) becomes a quoted term,
    /// all required; a word ending in `*` matches a prefix. Nil when there is no word.
    public static func searchExpression(_ text: String) -> String? {
        var terms: [String] = []
        var word = ""
        func flush(prefix: Bool) {
            if !word.isEmpty { terms.append("\"\(word)\"" + (prefix ? "*" : "")) }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else {
                flush(prefix: ch == "*")
            }
        }
        flush(prefix: false)
        return terms.isEmpty ? nil : terms.prefix(16).joined(separator: " ")
    }

    /// One page of matching events in `request.sort` order.
    public func eventPage(_ request: EventPageRequest) throws -> EventPage {
        var bound = SQLArguments(.sqlite)
        var condition = request.query.condition(&bound)
        var arguments = Self.arguments(bound.values)
        if let text = request.text {
            guard let expression = Self.searchExpression(text) else {
                throw StoreError(.other, path: "q", "no word to search for in '\(text)'")
            }
            guard try hasSearchIndex() else {
                throw StoreError(.other, path: path, "this database has no full-text index (open it once with `annals serve` without --read-only)")
            }
            condition += """
                 AND e.id IN (SELECT m.event FROM mentions m WHERE m.id IN \
                (SELECT rowid FROM \(Self.searchTable) WHERE \(Self.searchTable) MATCH ?))
                """
            arguments += [expression]
        }
        let countCondition = condition
        let countArguments = arguments
        let sort = request.sort
        let op = sort.descending ? "<" : ">"
        if let after = request.after {
            let value: (any DatabaseValueConvertible)
            switch sort {
            case .date, .dateDescending: value = after.value
            case .goldstein, .goldsteinDescending: value = Double(after.value) ?? 0
            case .mentions, .mentionsDescending: value = Int(after.value) ?? 0
            }
            condition += " AND (\(sort.column) \(op) ? OR (\(sort.column) = ? AND e.id \(op) ?))"
            arguments += [value, value, after.id]
        }
        let direction = sort.descending ? "DESC" : "ASC"
        let limit = max(1, request.limit)
        // The page's ids first (index and sort only), then the rows with their documents and sentences.
        let order = "ORDER BY \(sort.column) \(direction), e.id \(direction)"
        let sql = StoreSQL.eventSelect + " WHERE e.id IN (SELECT e.id FROM events e WHERE \(condition) \(order) LIMIT \(limit + 1)) \(order)"
        return try read { db in
            var rows = try Row.fetchAll(db, sql: sql, arguments: arguments).map { StoreSQL.eventRow(Self.values($0)) }
            var next: EventCursor?
            if rows.count > limit {
                rows.removeLast(rows.count - limit)
                if let last = rows.last, let id = Int64(last.id) {
                    next = EventCursor(sort: sort, value: sort.value(of: last), id: id)
                }
            }
            var total: Int?
            if request.countTotal {
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM events e WHERE \(countCondition)", arguments: countArguments)
            }
            return EventPage(rows: rows, next: next, total: total)
        }
    }
}
