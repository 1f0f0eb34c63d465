import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AnnalsServer

/// Event databases for the server tests, each ingested once per test run with the bundled coder.
enum TestDatabases {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-server-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static var fixtureArticles: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/articles.jsonl").path
    }

    /// The Guardian sample beside the package (`../shared`), nil when absent.
    static var guardianSample: String? {
        let p = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpora/guardian-2019-sample.csv").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// A database of the eight fixture articles.
    static let fixture: String = try! ingest([fixtureArticles], name: "fixture.sqlite")

    /// A database of the Guardian sample (249 articles), ingested by the built `annals` binary in a
    /// child process so that a coder crash on the corpus fails the test instead of the whole run.
    /// The path, or why there is none.
    static let guardian: (path: String?, problem: String) = {
        // ANNALS_TEST_GUARDIAN_DB names an already ingested copy (saves the ingest when iterating).
        if let given = ProcessInfo.processInfo.environment["ANNALS_TEST_GUARDIAN_DB"] { return (given, "") }
        guard let sample = guardianSample else { return (nil, "../shared/corpora/guardian-2019-sample.csv is absent") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("annals"),
            root.appendingPathComponent(".build/debug/annals"),
        ]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            return (nil, "no built annals binary beside the tests")
        }
        let path = directory.appendingPathComponent("guardian.sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        let p = Process()
        p.executableURL = binary
        p.arguments = ["ingest", sample, "--db", path]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        do { try p.run() } catch { return (nil, "cannot run \(binary.path): \(error)") }
        p.waitUntilExit()
        guard p.terminationReason == .exit, p.terminationStatus == 0 else {
            return (
                nil,
                "`annals ingest` of the Guardian sample failed (status \(p.terminationStatus), \(p.terminationReason == .exit ? "exit" : "signal"))"
            )
        }
        return (path, "")
    }()

    static func ingest(_ paths: [String], name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: path)
        let store = try EventStore(path: path, mode: .readWrite)
        let ingester = Ingester(store: store, pipeline: Pipeline(coder: try CoderFactory.make("annals")), runner: BatchRunner(threads: 2))
        _ = try ingester.run(reader: DocumentReader(format: .auto, defaultDate: nil), paths: paths, onError: { _ in })
        try store.checkpoint()
        return path
    }

    /// A fresh copy of `path` (for tests that write).
    static func copy(_ path: String) throws -> String {
        let dest = directory.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: dest)
        return dest
    }
}

/// Quiet logs in tests.
let testLogger: Logger = {
    var l = Logger(label: "annals.serve.test")
    l.logLevel = .error
    return l
}()

func makeApp(_ db: String, allowIngest: Bool = false) throws -> some ApplicationProtocol {
    try AnnalsServer.makeApplication(ServerOptions(database: db, port: 0, allowIngest: allowIngest), logger: testLogger)
}

/// A decoded JSON response.
struct JSON {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let value: Any?
    let text: String

    init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer?) {
        self.status = status
        self.headers = headers
        text = body.map { String(buffer: $0) } ?? ""
        value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    init(_ response: TestResponse) { self.init(status: response.status, headers: response.headers, body: response.body) }
    /// A response read by a `TestClient` of the test's own.
    init(_ response: TestClient.Response) { self.init(status: response.status, headers: response.headers, body: response.body) }

    var object: [String: Any] { value as? [String: Any] ?? [:] }
    subscript(key: String) -> Any? { object[key] }
    func array(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
    /// The error message of an error response.
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
    var errorStatus: Int? { (object["error"] as? [String: Any])?["status"] as? Int }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> JSON {
        try await execute(uri: uri, method: .get) { JSON($0) }
    }

    func post(_ uri: String, contentType: String?, body: String) async throws -> JSON {
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { JSON($0) }
    }
}

/// The value at a dotted path in a decoded JSON object (`"source.code"`), nil when absent or null.
func field(_ object: [String: Any], _ path: String) -> Any? {
    var value: Any? = object
    for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
    return value is NSNull ? nil : value
}

/// Percent-encodes a query value.
func enc(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
}
