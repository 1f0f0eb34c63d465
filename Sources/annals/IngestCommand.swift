import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser
import Foundation

/// `--db FILE|URL`, shared by `ingest`, `events`, `series`, `maintain` and `export`.
struct StoreOptions: ParsableArguments {
    @Option(
        help: """
            The event database: an SQLite file, or postgres://USER@HOST:PORT/DB (gaps filled from PGHOST, PGPORT, \
            PGUSER, PGPASSWORD, PGDATABASE). Default: annals.sqlite in the current directory.
            """)
    var db: String = AnnalsStoreInfo.defaultPath
}

/// `annals ingest [PATH ...]`: reads, codes and stores documents in the event database.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Code documents and add them to the event database (deduplicated; re-running is safe).",
        discussion: """
            Takes the same inputs and coding options as `annals code`. Each document is identified by a hash \
            of its content: documents already stored are skipped, so an interrupted ingest is finished by \
            running it again. One transaction per batch; the database is in WAL mode.
            Example: annals ingest news/ --db events.sqlite
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var coding: CodingFlags
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Documents per transaction.")
    var batch: Int = 128

    @Flag(help: "Print no progress line and no summary.")
    var quiet = false

    @Flag(help: "Print a JSON object with counts, time, speed and database size to standard error at the end.")
    var stats = false

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let path = storeOptions.db
        do {
            let pipeline = Pipeline(coder: try coding.makeCoder(), options: coding.options)
            let loadSeconds = (clock.now - started).seconds
            let store = try EventDatabases.open(path, mode: .readWrite)
            let ingester = Ingester(store: store, pipeline: pipeline, runner: BatchRunner(threads: coding.threads), batchDocuments: batch)
            let showProgress = !quiet && isatty(STDERR_FILENO) != 0
            // Short ingests draw nothing: the first line appears after half a second.
            var lastDraw = clock.now + .milliseconds(300)
            let (totals, failed) = try ingester.run(
                reader: input.reader, paths: input.paths,
                progress: showProgress
                    ? { p in
                        guard clock.now - lastDraw >= .milliseconds(200) else { return }
                        lastDraw = clock.now
                        ProgressLine.draw(p)
                    } : nil)
            if showProgress { ProgressLine.clear() }
            try store.checkpoint()
            let seconds = (clock.now - started).seconds
            let counts = try store.counts()
            if !quiet {
                let rate = Int(Double(totals.sentences) / max(seconds - loadSeconds, 1e-9))
                StandardError.print(
                    "annals: \(totals.stored) documents stored, \(totals.skipped) already there; \(totals.sentences) sentences, "
                        + "\(totals.mentions) event mentions (\(totals.newEvents) new events), \(totals.relations) relations "
                        + "in \(String(format: "%.2f", seconds)) s (\(rate) sentences/s after loading the dictionaries). \(store.location): \(counts.documents) documents, "
                        + "\(counts.events) events, \(ByteFormatting.megabytes(store.fileSize)).")
            }
            if stats {
                var json = JSONWriter()
                json.object { j in
                    j.key("stored"); j.int(totals.stored)
                    j.key("skipped"); j.int(totals.skipped)
                    j.key("sentences"); j.int(totals.sentences)
                    j.key("mentions"); j.int(totals.mentions)
                    j.key("new_events"); j.int(totals.newEvents)
                    j.key("relations"); j.int(totals.relations)
                    j.key("seconds"); j.double((seconds * 1000).rounded() / 1000)
                    j.key("load_seconds"); j.double((loadSeconds * 1000).rounded() / 1000)
                    j.key("sentences_per_second"); j.int(Int(Double(totals.sentences) / max(seconds - loadSeconds, 1e-9)))
                    j.key("hash_seconds"); j.double((totals.hashSeconds * 1000).rounded() / 1000)
                    j.key("code_seconds"); j.double((totals.codeSeconds * 1000).rounded() / 1000)
                    j.key("store_seconds"); j.double((totals.storeSeconds * 1000).rounded() / 1000)
                    j.key("store_sentences_per_second"); j.int(Int(Double(totals.sentences) / max(totals.storeSeconds, 1e-9)))
                    j.key("db_documents"); j.int(counts.documents)
                    j.key("db_events"); j.int(counts.events)
                    j.key("db_bytes"); j.int(Int(store.fileSize))
                    j.key("peak_rss_mb"); j.double((ProcessStats.peakResidentMegabytes * 10).rounded() / 10)
                }
                StandardError.print(json.string)
            }
            if failed { throw ExitCode.failure }
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }
}

/// The one-line progress display of `annals ingest` on a terminal.
enum ProgressLine {
    static func draw(_ p: IngestProgress) {
        var line = "annals: \(p.documents) documents, \(Int(p.documentsPerSecond)) docs/s, \(p.totals.mentions) events"
        if let left = p.secondsLeft, let total = p.bytesTotal, total > 0 {
            let percent = min(100, Int(Double(p.bytesDone) * 100 / Double(total)))
            let s = Int(left.rounded())
            line += ", \(percent)%, \(s / 60):\(String(format: "%02d", s % 60)) left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

enum ByteFormatting {
    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.2f MB", Double(bytes) / 1_000_000)
    }
}

extension SeriesUnit: ExpressibleByArgument {}

/// Options that select stored events, shared by `events` and `series`.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "An actor code prefix on either side (IRN matches IRNMIL) or an actor name.")
    var actor: String?

    @Option(help: "SOURCE:TARGET actor code prefixes (IRN:ISR; IRN: or :ISR for one side).")
    var dyad: String?

    @Flag(help: "Match the dyad in both directions.")
    var undirected = false

    @Option(help: "CAMEO root or code prefix (19, 193); repeat or separate with commas.")
    var root: [String] = []

    @Option(help: "PLOVER category (ASSAULT); repeat or separate with commas.")
    var plover: [String] = []

    @Option(help: "First day, inclusive (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Last day, inclusive (YYYY-MM-DD).")
    var until: String?

    @Flag(help: "Include events stated as not having happened (stored only when ingested with --include-negated).")
    var includeNegated = false

    @Option(help: "Only events with at least this many mentions.")
    var minMentions: Int = 1

    @Option(help: "Only events that happened in this country (ISO 3166-1 alpha-3, e.g. PAK).")
    var country: String?

    @Option(help: "Only events that happened within a circle: LAT,LON,RADIUS (31.5,35.1,50km; km or mi).")
    var near: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Day(value) == nil { throw ValidationError("\(name) must be YYYY-MM-DD, not '\(value)'") }
        }
        if let dyad {
            var q = EventQuery()
            do { try q.setDyad(dyad) } catch let e as StoreError { throw ValidationError(e.message) }
        }
        if let country, country.count != 3 || !country.allSatisfy(\.isLetter) {
            throw ValidationError("--country takes an ISO 3166-1 alpha-3 code such as PAK, not '\(country)'")
        }
        if let near, GeoCircle(parsing: near) == nil {
            throw ValidationError("--near takes LAT,LON,RADIUS such as 31.5,35.1,50km, not '\(near)'")
        }
        for r in split(root) where r.isEmpty || !r.allSatisfy(\.isNumber) {
            throw ValidationError("--root takes CAMEO digits such as 19 or 193, not '\(r)'")
        }
    }

    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    func query() throws -> EventQuery {
        var q = EventQuery()
        q.actor = actor
        if let dyad {
            do { try q.setDyad(dyad) } catch let e as StoreError { throw ValidationError(e.message) }
        }
        q.undirected = undirected
        q.cameo = split(root)
        q.plover = split(plover)
        q.since = since.flatMap { Day($0) }
        q.until = until.flatMap { Day($0) }
        q.includeNegated = includeNegated
        q.minMentions = minMentions
        q.country = country?.uppercased()
        q.near = near.flatMap { GeoCircle(parsing: $0) }
        return q
    }
}
