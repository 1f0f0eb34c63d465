import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// A deterministic generator (SplitMix64), so a failing request can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 1,000 random and malformed requests over a live HTTP connection: each gets a 4xx with a JSON
/// error, and the server keeps answering.
@Suite("Bad input")
struct BadInputTests {
    static let sqlish = [
        "' OR 1=1 --", "\"; DROP TABLE events; --", "1; DELETE FROM mentions", "%27%20OR%20%271%27=%271", "*/ UNION SELECT", "\\x00", "%00",
        "`rm -rf`",
    ]
    static let badDates = [
        "2024-13-01", "2024-02-30", "24-01-01", "yesterday", "2024/01/01", "0000-00-00", "2024-1-1x", "99999-01-01", "%2B2024-01-01",
    ]
    static let badNumbers = ["-1", "0", "1e9", "99999999999999999999", "ten", "NaN", "0x10", "1.5", "+5x"]
    static let traversal = [
        "/static/../Package.swift", "/static/..%2F..%2FPackage.swift", "/static/%2e%2e%2fPackage.swift", "/../../etc/passwd",
        "/static/....//....//etc/passwd", "/api/events/../../../etc/passwd", "/static/%252e%252e/README.md", "/Resources/openapi.json",
        "/static/", "/static/app.js%00.png", "/.git/config", "/Sources/AnnalsServer/AnnalsServer.swift",
    ]

    /// One bad request: method, URI, content type and body.
    static func request(_ rng: inout SplitMix) -> (HTTPRequest.Method, String, String?, String?) {
        func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        func esc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
        switch rng.next() % 12 {
        case 0: return (.get, "/api/events?\(pick(["since", "until"]))=\(esc(pick(badDates)))", nil, nil)
        case 1: return (.get, "\(pick(["/api/actors/Putin", "/api/graph"]))?as_of=\(esc(pick(badDates)))", nil, nil)
        case 2: return (.get, "/api/events?limit=\(pick(badNumbers + ["1000001", "100000000"]))", nil, nil)
        case 3:
            let name = pick(["dyad", "root", "plover", "sort", "format", "cursor", "min_mentions", "undirected", "include_negated"])
            return (.get, "/api/events?\(name)=\(esc(pick(sqlish)))", nil, nil)
        case 4: return (.get, "/api/series?by=\(esc(pick(sqlish + ["year", "hour"])))", nil, nil)
        case 5: return (.get, pick(traversal), nil, nil)
        case 6:
            let route = pick(Routes.all)
            let path = route.path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{key}", with: "IRN")
            let method: HTTPRequest.Method = route.method == .get ? pick([.post, .put, .delete, .patch]) : pick([.get, .put, .delete])
            return (method, path, nil, nil)
        case 7:
            // Oversized body (just over the limit) or a wrong content type.
            if rng.next() % 8 == 0 {
                return (.post, "/api/code", "text/plain", String(repeating: "a", count: ServerLimits.maxBodyBytes + 1))
            }
            return (
                .post, "/api/code",
                pick(["application/xml", "image/png", "multipart/form-data", "text/html", "application/x-www-form-urlencoded"]), "text"
            )
        case 8: return (.post, "/api/code", "application/json", pick(["{", "[]", "{\"text\": 3}", "null", "\"text\"", "{\"txt\": \"a\"}"]))
        case 9:
            // A random parameter name the route does not take.
            let name = String((0..<Int(rng.next() % 12 + 1)).map { _ in pick(Array("abcxyz_0123;'\"<>")) })
            return (.get, "/api/events?\(esc(name))=1", nil, nil)
        case 10: return (.get, "/api/events/\(esc(pick(sqlish + ["0", "-5", "1.5", "abc", "99999999999999999999999"])))", nil, nil)
        default:
            // Random bytes as a path under /api.
            let n = Int(rng.next() % 30 + 1)
            let junk = String((0..<n).map { _ in Character(UnicodeScalar(UInt8(33 + rng.next() % 90))) })
            return (.get, "/api/zz" + esc(junk), nil, nil)
        }
    }

    /// The requests go over their own connection to the live server, with a read timeout far above
    /// HummingbirdTesting's fixed 20 s. The server's handlers run on Swift's cooperative thread pool,
    /// which is as wide as the machine has cores; on a 2-core CI machine the test process's synchronous
    /// suites (the Guardian ingests, the treebank scoring) can hold both threads for a minute, and the
    /// first answer once waited 54 s for a thread. The timeout only has to catch a server that never
    /// answers. The slowest request is printed, so a stall shows which request it was.
    @Test func thousandBadRequestsEachGetA4xxAndTheServerKeepsServing() async throws {
        var rng = SplitMix(state: 20_240_312)
        let requests = (0..<1000).map { _ in Self.request(&rng) }
        try await makeApp(TestDatabases.fixture).test(.live) { live in
            let port = try #require(live.port)
            try await TestClient.withClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(600))) { client in
                var statuses: [Int: Int] = [:]
                var slowest: (seconds: Double, index: Int) = (0, -1)
                let clock = ContinuousClock()
                for (i, (method, uri, type, body)) in requests.enumerated() {
                    var headers: HTTPFields = [:]
                    if let type { headers[.contentType] = type }
                    let start = clock.now
                    let response = try await client.execute(
                        TestClient.Request(uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
                    let elapsed = clock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    if seconds > slowest.seconds { slowest = (seconds, i) }
                    let r = JSON(response)
                    statuses[Int(r.status.code), default: 0] += 1
                    #expect(
                        (400..<500).contains(Int(r.status.code)), "#\(i) \(method) \(uri.prefix(120)) → \(r.status) \(r.text.prefix(200))")
                    #expect(
                        r.errorStatus == Int(r.status.code), "#\(i) \(method) \(uri.prefix(120)) has a JSON error: \(r.text.prefix(200))")
                    #expect(
                        !r.text.contains("Fatal") && !r.text.contains("/work/") && (uri.contains(".swift") || !r.text.contains(".swift")),
                        "#\(i) leaks internals: \(r.text.prefix(200))")
                }
                let (m, u, _, _) = requests[max(slowest.index, 0)]
                print(
                    "bad input: statuses \(statuses.sorted { $0.key < $1.key }); slowest #\(slowest.index) \(m) \(u.prefix(80)) took \(String(format: "%.2f", slowest.seconds)) s"
                )
                let health = try await client.get("/healthz")
                #expect(health.status == .ok)
                #expect(try await client.get("/api/events?limit=1").status == .ok)
            }
        }
    }
}
