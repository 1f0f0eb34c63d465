import AnnalsCore
import AnnalsStore
import Hummingbird
import Logging

/// An error answered as JSON: `{"error": {"status": 400, "message": "..."}}`.
public struct ApiError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public static func badParameter(_ name: String, _ problem: String) -> ApiError {
        ApiError(.badRequest, "parameter '\(name)': \(problem)")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var json = JSONWriter()
        json.object { j in
            j.key("error")
            j.object { j in
                j.key("status"); j.int(Int(status.code))
                j.key("message"); j.string(message)
            }
        }
        var response = JSONResponse.make(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// Turns every error into a JSON error response: Hummingbird's own (404 for an unknown path, 413 for
/// a body over the limit) get a message, anything unexpected becomes a 500 whose details are logged,
/// never sent.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ApiError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let message: String
            switch error.status {
            case .notFound: message = "no such resource: \(request.method) \(Self.printable(request.uri.path))"
            case .contentTooLarge: message = "request body too large (at most \(ServerLimits.maxBodyBytes) bytes)"
            case .methodNotAllowed: message = "method \(request.method) not allowed here"
            default: message = error.status.reasonPhrase
            }
            let status = error.status.code >= 500 ? HTTPResponse.Status.internalServerError : error.status
            if status == .internalServerError { context.logger.error("request failed: \(error)") }
            return try ApiError(status, message).response(from: request, context: context)
        } catch let error as StoreError {
            context.logger.error("store error: \(error)")
            return try ApiError(.serviceUnavailable, "the event database could not answer").response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(String(describing: error))")
            return try ApiError(.internalServerError, "internal error").response(from: request, context: context)
        }
    }

    /// A path cut to 200 characters, for messages.
    static func printable(_ path: String) -> String {
        path.utf8.count <= 200 ? path : String(path.prefix(200)) + "…"
    }
}

/// Adds headers every response carries: no sniffing, no framing, and a content security policy
/// that allows only the explorer's own files.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "SAMEORIGIN"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'self'"
        }
        return response
    }
}

/// Response helpers.
enum JSONResponse {
    static func make(_ json: JSONWriter, status: HTTPResponse.Status = .ok) -> Response {
        bytes(json.bytes, contentType: "application/json; charset=utf-8", status: status)
    }

    static func text(_ s: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(s.utf8), contentType: contentType, status: status)
    }

    static func bytes(_ b: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: b)))
    }
}
