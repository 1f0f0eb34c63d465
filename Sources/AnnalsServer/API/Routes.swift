import HTTPTypes

/// One route of the JSON API: its method, path (OpenAPI template syntax) and query parameters.
/// `AnnalsServer` registers exactly these; the OpenAPI test checks them against openapi.json.
public struct RouteSpec: Sendable, Hashable {
    public var method: HTTPRequest.Method
    public var path: String
    public var parameters: Set<String>
    public var repeatable: Set<String>

    init(_ method: HTTPRequest.Method, _ path: String, _ parameters: Set<String> = [], repeatable: Set<String> = []) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.repeatable = repeatable
    }
}

/// The API's routes, in one place.
public enum Routes {
    static let healthz = RouteSpec(.get, "/healthz")
    static let openapi = RouteSpec(.get, "/openapi.json")
    static let events = RouteSpec(
        .get, "/api/events", EventFilters.names.union(["sort", "cursor", "limit", "format"]), repeatable: EventFilters.repeatable)
    static let event = RouteSpec(.get, "/api/events/{id}")
    static let actors = RouteSpec(.get, "/api/actors", ["q", "limit"])
    static let actor = RouteSpec(.get, "/api/actors/{key}", ["as_of"])
    static let graph = RouteSpec(.get, "/api/graph", ["as_of", "format", "max_nodes"])
    static let series = RouteSpec(.get, "/api/series", EventFilters.names.union(["by"]), repeatable: EventFilters.repeatable)
    static let code = RouteSpec(.post, "/api/code", ["date", "id", "store"])

    /// Every API route.
    public static let all: [RouteSpec] = [healthz, openapi, events, event, actors, actor, graph, series, code]

    /// Pages of the web explorer: each answers with the explorer's index.html, whose script reads the
    /// path and query to draw the view, so every view has a URL that can be shared.
    public static let pages = ["/", "/events", "/event/{id}", "/actor/{key}", "/dyad", "/network", "/code"]
}
