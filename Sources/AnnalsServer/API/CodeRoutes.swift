import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird

/// `POST /api/code`: codes the text in the body and answers with the records `annals code` writes;
/// stores the document only with `?store=true` on a server started with `--allow-ingest`.
struct CodeRoutes {
    let state: ServerState

    /// The JSON body form: `{"text": "...", "date": "2024-03-12", "id": "...", "title": "...", "url": "..."}`.
    struct Body: Decodable {
        var text: String
        var date: String?
        var id: String?
        var title: String?
        var url: String?
        var source: String?
    }

    func code(_ request: Request) async throws -> Response {
        let p = try QueryParameters(request.uri.query, allowed: Routes.code.parameters)
        let store = try p.bool("store")
        if store && state.writer == nil {
            throw ApiError(.forbidden, "storing is off: start the server with --allow-ingest to use store=true")
        }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let type, ["text/plain", "application/json"].contains(type) else {
            throw ApiError(.unsupportedMediaType, "send the text as text/plain or as application/json {\"text\": ...}, not \(type ?? "no Content-Type")")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ServerLimits.maxBodyBytes {
            throw ApiError(.contentTooLarge, "request body too large (at most \(ServerLimits.maxBodyBytes) bytes)")
        }
        let buffer = try await request.body.collect(upTo: ServerLimits.maxBodyBytes)
        let bytes = Array(buffer.readableBytesView)
        guard let raw = String(validating: bytes, as: UTF8.self) else { throw ApiError(.badRequest, "the body is not UTF-8 text") }
        var body = Body(text: raw)
        if type == "application/json" {
            do { body = try JSONDecoder().decode(Body.self, from: Data(bytes)) } catch {
                throw ApiError(.badRequest, "the body is not a JSON object with a \"text\" string")
            }
        }
        guard !body.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ApiError(.badRequest, "no text to code") }
        let dateText = p.string("date") ?? body.date
        var date: Day?
        if let dateText { date = try QueryParameters.strictDay(dateText, name: "date") }
        let given = p.string("id") ?? body.id
        if let given, given.count > 200 { throw ApiError.badParameter("id", "at most 200 characters") }
        var document = Document(id: "", text: body.text, title: body.title, date: date, source: body.source, url: body.url, origin: "api")
        let hash = ContentHash(document)
        document.id = given ?? "api-" + String(hash.description.prefix(12))
        let hashed = ContentHash(document)
        let coded = state.pipeline.run(document)
        var stored: BatchResult?
        if store, let writer = state.writer {
            stored = try writer.store([StorableDocument(hash: hashed, coded: coded)])
            try state.rebuildGraph()
        }
        var json = JSONWriter()
        json.object { j in
            j.key("doc"); j.string(document.id)
            j.key("sentences"); j.int(coded.sentences.count)
            j.key("events"); j.int(coded.events.count)
            j.key("relations"); j.int(coded.relations.count)
            j.key("records")
            j.array { a in
                for e in coded.events { Record.event(e).write(to: &a) }
                for r in coded.relations { Record.relation(r).write(to: &a) }
            }
            j.key("stored"); j.bool(stored.map { $0.stored > 0 } ?? false)
            j.key("already_stored"); j.bool(stored.map { $0.skipped > 0 } ?? false)
        }
        return JSONResponse.make(json)
    }
}
