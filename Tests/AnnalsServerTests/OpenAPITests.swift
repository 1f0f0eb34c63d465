import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

/// openapi.json stays true: the same routes, methods and query parameters as the server, and the
/// responses carry the properties the document says are required.
@Suite("OpenAPI document")
struct OpenAPITests {
    static func spec() throws -> [String: Any] {
        let url = try #require(AnnalsServer.openapiURL)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func documentsEveryRouteAndParameterAndNothingElse() async throws {
        let served = try await makeApp(TestDatabases.fixture).test(.router) { client in try await client.get("/openapi.json") }
        #expect(served.status == .ok)
        let spec = try #require(served.value as? [String: Any])
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for (method, op) in operations {
                documented.insert("\(method.uppercased()) \(path)")
                let op = try #require(op as? [String: Any])
                let route = try #require(Routes.all.first { $0.path == path && $0.method.rawValue == method.uppercased() }, "\(method) \(path) is documented but not served")
                let params = (op["parameters"] as? [[String: Any]]) ?? []
                let query = Set(params.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
                #expect(query == route.parameters, "query parameters of \(method) \(path)")
                let pathParams = Set(params.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                let templated = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
                #expect(pathParams == templated, "path parameters of \(path)")
                let responses = (op["responses"] as? [String: Any]) ?? [:]
                #expect(responses["200"] != nil)
            }
        }
        #expect(documented == Set(Routes.all.map { "\($0.method.rawValue) \($0.path)" }))
    }

    /// Resolves `#/components/schemas/X`.
    static func resolve(_ schema: [String: Any], in spec: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = ref.split(separator: "/").last.map(String.init) ?? ""
        return ((spec["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    @Test func responsesHaveTheRequiredProperties() async throws {
        let spec = try Self.spec()
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let samples = [
            "/healthz": "/healthz", "/api/events": "/api/events?limit=2", "/api/events/{id}": "/api/events/1",
            "/api/actors": "/api/actors?q=a", "/api/actors/{key}": "/api/actors/Putin", "/api/graph": "/api/graph",
            "/api/series": "/api/series?by=month",
        ]
        var required: [(String, [String])] = []
        for (path, uri) in samples {
            let op = try #require(paths[path]?["get"] as? [String: Any])
            let ok = try #require((op["responses"] as? [String: Any])?["200"] as? [String: Any])
            let content = try #require(ok["content"] as? [String: Any])
            let schema = Self.resolve(try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any]), in: spec)
            required.append((uri, (schema["required"] as? [String]) ?? []))
        }
        let checks = required
        try await makeApp(TestDatabases.fixture).test(.router) { client in
            for (uri, keys) in checks {
                let r = try await client.get(uri)
                #expect(r.status == .ok, "\(uri)")
                #expect(!keys.isEmpty || uri == "/api/graph")
                for key in keys { #expect(r[key] != nil, "\(uri) lacks \(key)") }
            }
            // Every documented error response is JSON of the Error schema.
            let bad = try await client.get("/api/events?limit=zero")
            #expect(bad.errorStatus == 400)
        }
    }
}
