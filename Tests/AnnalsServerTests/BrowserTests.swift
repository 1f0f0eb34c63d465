import AnnalsStore
import Foundation
import Logging
import Testing

@testable import AnnalsServer

/// The explorer in a real browser: headless Chromium loads pages from a live server on loopback and
/// the test reads the DOM it rendered (`--dump-dom` after a virtual-time budget that lets every fetch
/// finish). Skipped, with the reason, when Chromium is not installed (`.ci/run` installs it).
@Suite("Explorer in Chromium", .serialized)
struct BrowserTests {
    static let chromium: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) { return d + "/" + name }
        }
        print("skipping the browser tests: no chromium on PATH (apt-get install chromium)")
        return nil
    }()

    /// Runs a live server on a free loopback port for `body`.
    static func withServer<T: Sendable>(_ db: String, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await AnnalsServer.run(ServerOptions(database: db, host: "127.0.0.1", port: 0), logger: testLogger) { port in
                continuation.yield(port)
            }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body(port)
    }

    /// The DOM Chromium rendered for `url`.
    static func dom(_ url: String) async throws -> String {
        let chromium = try #require(chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("annals-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=15000", "--window-size=1280,900", "--dump-dom", url,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = await Task.detached { out.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func tableLoadsAndAFilterNarrowsIt() async throws {
        let store = try EventStore(path: TestDatabases.fixture, mode: .readOnly)
        let all = try store.events(EventQuery())
        let first = try #require(all.first)
        let country = String(first.sourceCode.prefix(3))
        let narrowed = all.filter { $0.sourceCode.hasPrefix(country) || $0.targetCode.hasPrefix(country) }.count
        try await Self.withServer(TestDatabases.fixture) { port in
            let page = try await Self.dom("http://127.0.0.1:\(port)/events")
            #expect(page.contains("data-ready=\"true\""), "the page finished rendering")
            #expect(page.contains("id=\"events-table\""))
            #expect(Self.count("<tr data-id=", in: page) == min(50, all.count))
            #expect(page.contains("\(all.count) events"))
            // The rows are read from the records: links by store id, actors from the `source` object.
            #expect(page.contains("href=\"/event/\(first.id)\""), "rows link to /event/{store_id}")
            #expect(page.contains("href=\"/actor/\(first.sourceCode)\""), "the source actor object's code is linked")
            let filtered = try await Self.dom("http://127.0.0.1:\(port)/events?actor=\(country)")
            #expect(Self.count("<tr data-id=", in: filtered) == min(50, narrowed))
            #expect(narrowed < all.count, "the filter should narrow the fixture's events")
            #expect(filtered.contains("value=\"\(country)\""), "the filter form shows the URL's state")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func eventPageHighlightsSpansAndActorPageDraws() async throws {
        let store = try EventStore(path: TestDatabases.fixture, mode: .readOnly)
        let rows = try store.events(EventQuery())
        // An event whose statement has a source and a target span the store can place.
        let withSpans = try rows.first { row in
            guard let id = Int64(row.id), let m = try store.event(id: id)?.mentions.first else { return false }
            return m.verbSpan != nil && (m.sourceSpan != nil || m.targetSpan != nil)
        }
        let event = try #require(withSpans)
        try await Self.withServer(TestDatabases.fixture) { port in
            let page = try await Self.dom("http://127.0.0.1:\(port)/event/\(event.id)")
            #expect(page.contains("<mark class=\"verb\""))
            #expect(page.contains("<mark class=\"source\"") || page.contains("<mark class=\"target\""))
            #expect(page.contains("class=\"code rule\""))
            // The facts come from the record's actor objects and location.
            #expect(page.contains("href=\"/actor/\(event.sourceCode)\""))
            #expect(page.contains("id=\"event-place\"") == (event.actionGeo != nil), "the place is shown when the record has one")
            let actor = try await Self.dom("http://127.0.0.1:\(port)/actor/\(event.sourceCode)")
            #expect(actor.contains("id=\"neighbourhood\""))
            #expect(Self.count("<circle", in: actor) >= 2, "the actor and at least one neighbour are drawn")
            #expect(actor.contains("id=\"quad-chart\""))
            let dyad = try await Self.dom("http://127.0.0.1:\(port)/dyad?dyad=\(event.sourceCode):\(event.targetCode)&by=month")
            #expect(dyad.contains("id=\"series-chart\""))
            #expect(Self.count("<rect class=\"q", in: dyad) >= 1)
        }
    }
}
