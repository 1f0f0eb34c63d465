import AnnalsCore
import AnnalsPostgres
import AnnalsServer
import AnnalsStore
import ArgumentParser
import Foundation
import Logging

/// `annals serve`: the HTTP API and web explorer over an event database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the event database as a JSON API and a web explorer (http://127.0.0.1:8080/).",
        discussion: """
            Queries use the database read-only. At start the full-text index of the sentences is created when \
            missing (derived data; --read-only skips it and turns search off). POST /api/code codes text; with \
            --allow-ingest, ?store=true also stores it. The API is described at /openapi.json. SIGINT or SIGTERM \
            stop the server after the requests in flight. See docs/server.md.
            Example: annals ingest ../shared/corpora/guardian-2019-sample.csv --db guardian.sqlite && annals serve --db guardian.sqlite
            """
    )

    @Option(help: "The event database (written by `annals ingest`): an SQLite file or a postgres://USER@HOST:PORT/DB URL.")
    var db: String = AnnalsStoreInfo.defaultPath

    @Option(help: "Address to listen on (loopback by default; 0.0.0.0 exposes the server to the network).")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Flag(help: "Let POST /api/code?store=true write coded documents to the database.")
    var allowIngest = false

    @Flag(help: "Never write to the database, not even to create the full-text index.")
    var readOnly = false

    @Option(help: "Dictionaries for coding and the actor network: 'annals' (built in) or a directory.")
    var dictionaries: String = "annals"

    @Option(help: "Log level: trace, debug, info (one line per request), notice, warning, error.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'") }
        if allowIngest && readOnly { throw ValidationError("--allow-ingest and --read-only exclude each other") }
    }

    func run() async throws {
        var logger = Logger(label: "annals.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let options = ServerOptions(
            database: db, host: host, port: port, allowIngest: allowIngest, readOnly: readOnly, dictionaries: dictionaries,
            open: { try EventDatabases.openExplorable($0, mode: $1) })
        // Messages name the database without a password.
        let location = PostgresLocation.isURL(db) ? ((try? PostgresLocation(db).description) ?? "the PostgreSQL database") : db
        do {
            try await AnnalsServer.run(options, logger: logger) { port in
                StandardError.print("annals: serving \(location) on http://\(host):\(port)/ (Ctrl-C stops)")
            }
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }
}
