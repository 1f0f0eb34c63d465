import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser
import Foundation

/// `annals export`: copy a store into PostgreSQL, or write its tables as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy an SQLite store into PostgreSQL (--to), or write every table as CSV (--format csv).",
        discussion: """
            --to postgres://... copies every row, ids included, into an empty PostgreSQL store (created if needed). \
            --format csv writes documents.csv, sentences.csv, events.csv, mentions.csv, relations.csv and actors.csv \
            into --output (columns: docs/store.md). Parquet is not available (no Parquet library); use CSV.
            Examples: annals export --db events.sqlite --to postgres://annals@localhost/events
                      annals export --db postgres://annals@localhost/events --format csv --output dump/
            """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "A postgres:// URL of an empty store to copy the SQLite store into.")
    var to: String?

    @Option(help: "Write the tables in this format (csv).")
    var format: ExportFormat?

    @Option(help: "Directory for --format csv (created if missing).")
    var output: String = "."

    func validate() throws {
        if (to == nil) == (format == nil) { throw ValidationError("give one of --to URL or --format csv") }
        if let to, !PostgresLocation.isURL(to) { throw ValidationError("--to takes a postgres:// URL, not '\(to)'") }
        if to != nil && PostgresLocation.isURL(storeOptions.db) {
            throw ValidationError("--to copies from an SQLite store; --db is already PostgreSQL")
        }
    }

    func run() throws {
        do {
            if let to {
                let source = try EventStore(path: storeOptions.db, mode: .readOnly)
                let target = try PostgresStore(url: to, mode: .readWrite)
                let copied = try EventDatabases.copy(source, to: target)
                StandardError.print(
                    "annals: copied \(storeOptions.db) to \(target.location): " + copied.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
            } else {
                let store = try EventDatabases.open(storeOptions.db, mode: .readOnly)
                guard let tables = store as? any TableReading else { throw ExitCode.failure }
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                var written: [String] = []
                for table in EventDatabases.tables {
                    let path = (output as NSString).appendingPathComponent(table + ".csv")
                    let n = try TableCSV.write(table, of: tables, to: path)
                    written.append("\(table).csv (\(n) rows)")
                }
                StandardError.print("annals: wrote " + written.joined(separator: ", ") + " to \(output)")
            }
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }
}
