import AnnalsCore
import AnnalsStore
import Foundation
import NIOConcurrencyHelpers

/// The PostgreSQL event database, for teams and scale-out: many `annals ingest` processes on many
/// machines write to one server, which deduplicates documents and events and keeps the roll-up exact
/// whatever the order the writers race in (see ``store(_:)``).
///
/// Same tables and meaning as the SQLite ``EventStore`` (``PostgresSchema``), same roll-up rules
/// (``RollUp``) and the same query SQL (``StoreSQL``).
public final class PostgresStore: EventDatabase {
    public let address: PostgresLocation
    let session: PostgresSession
    /// Months whose events partition is known to exist.
    let partitions = NIOLockedValueBox(Set<String>())

    public var location: String { address.description }

    /// Connects to `url` (see ``PostgresLocation``) and, in `.readWrite` mode, creates or migrates the schema.
    public convenience init(url: String, mode: EventStore.Mode = .readWrite) throws {
        try self.init(try PostgresLocation(url), mode: mode)
    }

    public init(_ location: PostgresLocation, mode: EventStore.Mode = .readWrite) throws {
        address = location
        session = try PostgresSession(location)
        try prepare(mode)
    }

    /// Checks that the database is ours (or empty), then applies missing migrations in one
    /// transaction under an advisory lock, so ingesters started together migrate once.
    func prepare(_ mode: EventStore.Mode) throws {
        let path = location
        func tableExists(_ name: String) throws -> Bool {
            try session.query("SELECT to_regclass($1) IS NOT NULL", [.text(name)]).first?.first?.int == 1
        }
        func state() throws -> Int {
            guard try tableExists("meta") else {
                for t in ["events", "documents", "mentions"] where try tableExists(t) {
                    throw StoreError(.notOurs, path: path, "has a table '\(t)' but no Annals meta table; refusing to touch it")
                }
                return 0
            }
            let rows = try session.query("SELECT key, value FROM meta WHERE key IN ('format', 'schema')")
            let meta = Dictionary(rows.map { ($0[0].string ?? "", $0[1].string ?? "") }, uniquingKeysWith: { a, _ in a })
            guard meta["format"] == PostgresSchema.format else {
                throw StoreError(.notOurs, path: path, "has a meta table that is not an Annals event store's; refusing to touch it")
            }
            let version = Int(meta["schema"] ?? "") ?? 0
            if version > PostgresSchema.version {
                throw StoreError(
                    .newerSchema, path: path,
                    "written by a newer Annals (schema \(version), this one reads up to \(PostgresSchema.version)); upgrade annals")
            }
            return version
        }
        if mode == .readOnly {
            if try state() == 0 {
                throw StoreError(.missing, path: path, "no Annals event store in this database (fill it with `annals ingest --db \(path)`)")
            }
            return
        }
        try session.withAdvisoryLock(PostgresSchema.lockKey) {
            let current = try state()
            guard current < PostgresSchema.version else { return }
            try session.transaction {
                for v in current..<PostgresSchema.version {
                    try session.script(PostgresSchema.migrations[v])
                }
                try session.query(
                    """
                    INSERT INTO meta(key, value) VALUES ('format', $1), ('schema', $2), ('created_at', $3)
                    ON CONFLICT (key) DO UPDATE SET value = CASE WHEN meta.key = 'created_at' THEN meta.value ELSE excluded.value END
                    """, [.text(PostgresSchema.format), .text(String(PostgresSchema.version)), .text(Self.isoNow())])
            }
        }
    }

    static func isoNow() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    /// Creates the monthly partitions `days` need that do not exist yet, under the advisory lock and
    /// outside any batch (whose transaction would otherwise hold the lock).
    func ensurePartitions(for days: some Sequence<String>) throws {
        let months = Set(days.compactMap(PostgresSchema.month(of:)))
        let missing = partitions.withLockedValue { months.subtracting($0) }
        guard !missing.isEmpty else { return }
        let names = missing.sorted().map(PostgresSchema.partition)
        var columns = BulkColumns()
        columns.text(names)
        let existing = Set(
            try session.query("SELECT relname::text FROM pg_class WHERE relname = ANY(\(columns.casts[0]))", binds: columns.binds)
                .compactMap { $0.first?.string })
        let create = missing.sorted().filter { !existing.contains(PostgresSchema.partition($0)) }
        if !create.isEmpty {
            try session.withAdvisoryLock(PostgresSchema.lockKey) {
                for month in create { try session.query(PostgresSchema.createPartition(month)) }
            }
        }
        partitions.withLockedValue { $0.formUnion(missing) }
    }

    public func storedHashes(_ hashes: [ContentHash]) throws -> Set<ContentHash> {
        guard !hashes.isEmpty else { return [] }
        var columns = BulkColumns()
        columns.bytes(hashes.map(\.bytes))
        let rows = try session.exclusive {
            try session.query("SELECT hash FROM documents WHERE hash = ANY(\(columns.casts[0]))", binds: columns.binds)
        }
        var found: Set<ContentHash> = []
        for r in rows { if case .blob(let b) = r[0], b.count == 16 { found.insert(ContentHash(bytes: b)) } }
        return found
    }

    public func counts() throws -> EventStore.Counts {
        let row = try session.exclusive {
            try session.query(
                """
                SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),
                       (SELECT count(*) FROM mentions), (SELECT count(*) FROM relations), (SELECT count(*) FROM actors)
                """)
        }.first ?? []
        guard row.count == 6 else { return EventStore.Counts() }
        return EventStore.Counts(
            documents: row[0].int, sentences: row[1].int, events: row[2].int, mentions: row[3].int, relations: row[4].int,
            actors: row[5].int)
    }

    /// Events are read a page at a time (keyset pagination on date and id), so a large export does not
    /// hold every row in memory.
    public func events(_ query: EventQuery, _ body: (EventRow) throws -> Void) throws {
        try pages(query, select: StoreSQL.eventSelect) { try body(StoreSQL.eventRow($0)) }
    }

    public func storedEvents(_ query: EventQuery, _ body: (StoredEvent) throws -> Void) throws {
        try pages(query, select: StoreSQL.storedEventSelect()) { try body(StoreSQL.storedEvent($0)) }
    }

    /// Runs `select` filtered by `query` in pages keyed by (day, id), so a large result never sits in
    /// memory whole; `select`'s first two columns are the event id and day.
    private func pages(_ query: EventQuery, select: String, _ body: ([SQLValue]) throws -> Void) throws {
        let pageSize = 20_000
        var remaining = query.limit ?? Int.max
        var after: (day: String, id: Int64)?
        while remaining > 0 {
            var page = query
            page.limit = nil
            var arguments = SQLArguments(.postgres)
            var condition = page.condition(&arguments)
            if let after {
                condition += " AND (e.day, e.id) > (\(arguments.bind(after.day)), \(arguments.bind(.int(after.id))))"
            }
            let n = min(pageSize, remaining)
            let sql = select + " WHERE \(condition) ORDER BY e.day, e.id LIMIT \(n)"
            let rows = try session.exclusive { try session.query(sql, arguments.values) }
            for r in rows { try body(r) }
            remaining -= rows.count
            guard rows.count == n, let last = rows.last, case .int(let id) = last[0] else { break }
            after = (last[1].string ?? "", id)
        }
    }

    public func series(_ query: EventQuery, by unit: SeriesUnit) throws -> [SeriesPoint] {
        let (sql, values) = StoreSQL.seriesQuery(query, .postgres)
        var buckets = SeriesBuckets(unit: unit)
        for r in try session.exclusive({ try session.query(sql, values) }) { buckets.add(r) }
        return buckets.points(query)
    }

    public func relations(since: Day? = nil, until: Day? = nil, _ body: (RelationRecord) throws -> Void) throws {
        let (sql, values) = StoreSQL.relationsQuery(since: since, until: until, .postgres)
        for r in try session.exclusive({ try session.query(sql, values) }) {
            if let relation = StoreSQL.relation(r) { try body(relation) }
        }
    }

    /// Refreshes the materialised daily dyad series (without blocking readers) and the planner's statistics.
    public func maintain() throws {
        try session.exclusive {
            try session.query("REFRESH MATERIALIZED VIEW CONCURRENTLY dyad_daily")
            try session.query("ANALYZE")
        }
    }

    /// Nothing to do: every committed batch is durable on the server.
    public func checkpoint() throws {}

    public var fileSize: Int64 {
        let rows = try? session.exclusive { try session.query("SELECT pg_database_size(current_database())") }
        return Int64(rows?.first?.first?.int ?? 0)
    }

    /// Runs `sql` (one statement) and returns its rows; for tests, exports and analysts' checks.
    public func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        try session.exclusive { try session.query(sql, values) }
    }
}
