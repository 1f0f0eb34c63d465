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

    /// The sort key of `event` as the cursor stores it (the same as its row's).
    func value(of event: StoredEvent) -> String {
        switch self {
        case .date, .dateDescending: event.record.date
        case .goldstein, .goldsteinDescending: String(event.record.goldstein)
        case .mentions, .mentionsDescending: String(event.numMentions)
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
    /// The token clients pass back as `cursor`: `sort`, `value` and `id` on three lines, in
    /// unpadded base64url.
    public var token: String {
        Self.base64URL(Array("\(sort.rawValue)\n\(value)\n\(id)".utf8))
    }

    /// Unpadded base64url (RFC 4648 §5), written by hand: Foundation's encoder plus three
    /// `replacingOccurrences` took 3% of the CPU time of `GET /api/events`.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            if rest == 2 { out.append(alphabet[Int(n >> 6 & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
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
/// sentences, an order and a cursor (``ExplorableDatabase/eventPage(_:)``).
public struct EventPageRequest: Sendable {
    public var query: EventQuery
    /// Words that must all occur in a sentence stating the event (case is ignored, and accents on
    /// SQLite; a trailing `*` matches a prefix; see ``ExplorableDatabase/searchCondition(_:_:)``).
    public var text: String?
    public var sort: EventSort
    /// Start after this event (from the previous page's ``EventPage/next``).
    public var after: EventCursor?
    public var limit: Int
    /// Also count all matching events (``EventPage/total``).
    public var countTotal: Bool
    /// Read the page as flat rows (CSV, TSV) or as records (JSON).
    public var shape: EventPage.Shape

    public init(
        query: EventQuery = EventQuery(), text: String? = nil, sort: EventSort = .date,
        after: EventCursor? = nil, limit: Int = 50, countTotal: Bool = true, shape: EventPage.Shape = .records
    ) {
        self.query = query
        self.text = text
        self.sort = sort
        self.after = after
        self.limit = limit
        self.countTotal = countTotal
        self.shape = shape
    }
}

/// A page of events and the cursor of the next one (nil on the last page).
public struct EventPage: Sendable {
    /// How the page's events are read.
    public enum Shape: Sendable {
        /// ``EventRow``s: the columns of `annals events --format csv|tsv`.
        case rows
        /// ``StoredEvent``s: the record contract of `annals events --format jsonl` (docs/record-schema.json).
        case records
    }
    /// The page with ``Shape/rows`` (empty otherwise).
    public var rows: [EventRow] = []
    /// The page with ``Shape/records`` (empty otherwise).
    public var events: [StoredEvent] = []
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
        let terms = SearchWords.parse(text).map { "\"\($0.word)\"" + ($0.prefix ? "*" : "") }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// The condition of a search on SQLite: a statement of the event is in the FTS5 index's matches.
    public func searchCondition(_ text: String, _ arguments: inout SQLArguments) throws -> String {
        guard let expression = Self.searchExpression(text) else {
            throw StoreError(.other, path: "q", "no word to search for in '\(text)'")
        }
        guard try hasSearchIndex() else {
            throw StoreError(
                .other, path: path, "this database has no full-text index (open it once with `annals serve` without --read-only)")
        }
        return """
            e.id IN (SELECT m.event FROM mentions m WHERE m.id IN \
            (SELECT rowid FROM \(Self.searchTable) WHERE \(Self.searchTable) MATCH \(arguments.bind(expression))))
            """
    }
}

/// The words of a search: runs of letters and digits, each required; one followed by `*` matches
/// a prefix. At most 16 words. Only letters and digits reach the query text of either backend.
public enum SearchWords {
    /// The words of `text` in order, each with whether it is a prefix (`word*`).
    public static func parse(_ text: String) -> [(word: String, prefix: Bool)] {
        var terms: [(word: String, prefix: Bool)] = []
        var word = ""
        func flush(prefix: Bool) {
            if !word.isEmpty { terms.append((word, prefix)) }
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
        return Array(terms.prefix(16))
    }
}
