import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird
import Logging

/// The request context: Hummingbird's basic one with the body limit of ``ServerLimits``.
public struct AnnalsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
    public var maxUploadSize: Int { ServerLimits.maxBodyBytes }
}

/// `annals serve`: the JSON API over the event database and the web explorer.
public enum AnnalsServer {
    /// Builds the application: opens the database (read-only for queries), loads the dictionaries
    /// and the explorer's files, and registers every route of ``Routes``. `onRunning` gets the bound
    /// port once the server listens.
    public static func makeApplication(
        _ options: ServerOptions, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let state = try ServerState(options, logger: logger)
        let router = try makeRouter(state: state)
        return Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "annals"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then stops accepting, finishes the requests in flight and returns.
    public static func run(_ options: ServerOptions, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let app = try makeApplication(options, logger: logger, onRunning: onRunning)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    static func makeRouter(state: ServerState) throws -> Router<AnnalsRequestContext> {
        let files = try StaticFiles()
        let router = Router(context: AnnalsRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())

        let events = EventRoutes(state: state)
        let actors = ActorRoutes(state: state)
        let analysis = AnalysisRoutes(state: state)
        let coding = CodeRoutes(state: state)
        router.get(hb(Routes.healthz.path)) { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [])
            var json = JSONWriter()
            let counts = try state.withStore { try $0.counts() }
            json.object { j in
                j.key("status"); j.string("ok")
                j.key("events"); j.int(counts.events)
                j.key("documents"); j.int(counts.documents)
                j.key("search"); j.bool(state.searchIndexed)
                j.key("ingest"); j.bool(state.writer != nil)
            }
            return JSONResponse.make(json)
        }
        router.get(hb(Routes.openapi.path)) { _, _ in
            JSONResponse.bytes(files.openapi, contentType: "application/json; charset=utf-8")
        }
        router.get(hb(Routes.events.path)) { request, _ in try events.list(request) }
        router.get(hb(Routes.event.path)) { request, context in try events.detail(request, id: context.parameters.get("id")) }
        router.get(hb(Routes.actors.path)) { request, _ in try actors.search(request) }
        router.get(hb(Routes.actor.path)) { request, context in try actors.detail(request, key: context.parameters.get("key")) }
        router.get(hb(Routes.graph.path)) { request, _ in try analysis.graph(request) }
        router.get(hb(Routes.series.path)) { request, _ in try analysis.series(request) }
        router.post(hb(Routes.code.path)) { request, _ in try await coding.code(request) }

        // A known path with another method is 405, naming the methods it takes.
        var allowed: [String: [HTTPRequest.Method]] = [:]
        for r in Routes.all { allowed[r.path, default: []].append(r.method) }
        for page in Routes.pages { allowed[page, default: []].append(.get) }
        for (path, methods) in allowed {
            let allow = methods.map(\.rawValue).joined(separator: ", ")
            for m in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .options] where !methods.contains(m) {
                router.on(hb(path), method: m) { request, _ -> Response in
                    throw ApiError(
                        .methodNotAllowed, "\(request.method) is not allowed on \(path) (allowed: \(allow))",
                        headers: [.allow: allow])
                }
            }
        }

        // The explorer: every page is index.html; its script, style and icons are under /static/.
        guard let index = files["index.html"] else { throw CocoaError(.fileNoSuchFile) }
        for page in Routes.pages {
            router.get(hb(page)) { request, _ in
                guard (request.uri.query?.utf8.count ?? 0) <= ServerLimits.maxQueryBytes else {
                    throw ApiError(.badRequest, "query string too long (at most \(ServerLimits.maxQueryBytes) bytes)")
                }
                return JSONResponse.bytes(index.bytes, contentType: index.contentType)
            }
        }
        router.get("/static/:name") { _, context in
            guard let name = context.parameters.get("name"), let file = files[name] else {
                throw ApiError(.notFound, "no such file")
            }
            var response = JSONResponse.bytes(file.bytes, contentType: file.contentType)
            response.headers[.cacheControl] = "no-cache"
            return response
        }
        return router
    }

    /// Where the OpenAPI document is in the package's resources.
    public static var openapiURL: URL? { Bundle.module.resourceURL?.appendingPathComponent("openapi.json") }

    /// An OpenAPI path template (`{id}`) in Hummingbird's syntax (`:id`).
    static func hb(_ path: String) -> RouterPath {
        RouterPath(path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
    }
}
