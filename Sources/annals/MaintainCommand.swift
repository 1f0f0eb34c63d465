import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser

/// `annals maintain`: housekeeping after large loads.
struct MaintainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintain",
        abstract: "Refresh derived tables and statistics (PostgreSQL: the dyad_daily series; SQLite: ANALYZE and a WAL checkpoint).",
        discussion: """
            Run after a large ingest, or from cron on a shared server; readers are not blocked.
            Example: annals maintain --db postgres://annals@db.example.org/events
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        do {
            let store = try EventDatabases.open(storeOptions.db, mode: .readWrite)
            try store.maintain()
            let counts = try store.counts()
            StandardError.print("annals: \(store.location): maintained (\(counts))")
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }
}
