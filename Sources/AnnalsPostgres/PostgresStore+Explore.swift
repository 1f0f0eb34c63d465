import AnnalsCore
import AnnalsStore

/// What `annals serve` needs of PostgreSQL beyond ``EventDatabase``: the shared queries of
/// ``ExplorableDatabase`` run here through the store's session, and full-text search uses
/// PostgreSQL's own text search (`to_tsvector('simple', …) @@ to_tsquery(…)`) where SQLite has FTS5.
extension PostgresStore: ExplorableDatabase {
    public var dialect: SQLDialect { .postgres }

    public func queryRows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try rows(sql, values)
    }

    /// Every PostgreSQL schema has the actor-span and location columns.
    public func storedEventSelect() throws -> String { StoreSQL.storedEventSelect() }

    /// Search needs no derived table on PostgreSQL (the GIN indexes only make it fast).
    public func hasSearchIndex() throws -> Bool { true }

    /// The text-search configuration: `simple` lower-cases and splits on non-word characters like
    /// FTS5's `unicode61`, with no stemming and no stop words (unlike FTS5, accents are kept).
    static let searchConfiguration = "simple"

    /// Creates GIN indexes over the statements' own text and over sentences (a statement without its
    /// own text is its sentence), so searches do not scan. Derived data, like SQLite's FTS5 table:
    /// dropping them loses nothing. Returns 0 (PostgreSQL keeps the indexes itself).
    @discardableResult
    public func ensureSearchIndex() throws -> Int {
        let c = Self.searchConfiguration
        try rows(
            "CREATE INDEX IF NOT EXISTS mentions_text_search ON mentions USING gin (to_tsvector('\(c)', text)) WHERE text IS NOT NULL")
        try rows("CREATE INDEX IF NOT EXISTS sentences_text_search ON sentences USING gin (to_tsvector('\(c)', text))")
        return 0
    }

    /// The words of `text` as a `tsquery`: every word required (`&`), `word*` a prefix (`word:*`).
    /// Words are letters and digits only (``SearchWords``), so no query operator reaches PostgreSQL.
    static func tsquery(_ text: String) -> String? {
        let terms = SearchWords.parse(text).map { $0.word.lowercased() + ($0.prefix ? ":*" : "") }
        return terms.isEmpty ? nil : terms.joined(separator: " & ")
    }

    public func searchCondition(_ text: String, _ arguments: inout SQLArguments) throws -> String {
        guard let query = Self.tsquery(text) else { throw StoreError(.other, path: "q", "no word to search for in '\(text)'") }
        let c = Self.searchConfiguration
        let own = arguments.bind(query), sentence = arguments.bind(query)
        return """
            e.id IN (SELECT m.event FROM mentions m
                     WHERE m.text IS NOT NULL AND to_tsvector('\(c)', m.text) @@ to_tsquery('\(c)', \(own))
                     UNION
                     SELECT m.event FROM mentions m JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence
                     WHERE m.text IS NULL AND to_tsvector('\(c)', s.text) @@ to_tsquery('\(c)', \(sentence)))
            """
    }
}
