import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser
import Foundation

/// `annals events`: query and export the deduplicated events of the database.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List or export stored events (JSON Lines, CSV, or GDELT 2.0-style TSV).",
        discussion: """
            One line per deduplicated event (same date, source, target and CAMEO code across articles) with \
            NumMentions, NumSources and NumArticles. JSON Lines: the event objects of `annals code` plus \
            store_id, num_mentions, num_sources, num_articles, is_root and first_seen (docs/record-schema.json). \
            Columns: see docs/store.md.
            Example: annals events --dyad IRN:ISR --root 19 --since 2024-04-01 --format tsv
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filter: EventFilterOptions

    @Option(help: "Output format: jsonl, csv or tsv (GDELT 2.0 columns, then Annals columns).")
    var format: OutputFormat = .jsonl

    @Option(help: "At most this many events.")
    var limit: Int?

    func run() throws {
        var query = try filter.query()
        query.limit = limit
        var out = ByteOutput()
        switch format {
        case .jsonl: break
        case .csv: out.line(RecordTable.csvHeader)
        case .tsv: out.line(RecordTable.tsvHeader)
        }
        do {
            let store = try EventDatabases.open(storeOptions.db, mode: .readOnly)
            var json = JSONWriter()
            switch format {
            case .jsonl:
                // The event objects `annals code` writes, plus the roll-up (docs/record-schema.json).
                try store.storedEvents(query) { event in
                    json.reset()
                    event.write(to: &json)
                    out.append(json.bytes)
                }
            case .csv: try store.events(query) { out.line(RecordTable.csvLine($0)) }
            case .tsv: try store.events(query) { out.line(RecordTable.tsvLine($0)) }
            }
            out.flush()
        } catch let error as StoreError {
            out.flush()
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Buffered lines to standard output.
struct ByteOutput {
    private var buffer: [UInt8] = []

    mutating func line(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
