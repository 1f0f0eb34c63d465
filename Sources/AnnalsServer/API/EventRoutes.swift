import AnnalsCore
import AnnalsStore
import Hummingbird

/// Download formats of `GET /api/events`.
enum EventFormat: String, CaseIterable {
    case json, csv, tsv
}

/// `GET /api/events` and `GET /api/events/{id}`.
struct EventRoutes {
    let state: ServerState

    func list(_ request: Request) throws -> Response {
        let spec = Routes.events
        let p = try QueryParameters(request.uri.query, allowed: spec.parameters, repeatable: spec.repeatable)
        let (query, text) = try EventFilters.parse(p)
        if text != nil && !state.searchIndexed {
            throw ApiError.badParameter(
                "q", "full-text search is off: the server was started with --read-only on a database without an index")
        }
        let format = try p.choice("format", EventFormat.self) ?? .json
        let sort = try p.choice("sort", EventSort.self) ?? .date
        let maxLimit = format == .json ? ServerLimits.maxPageSize : ServerLimits.maxDownloadSize
        let limit = try p.int("limit", in: 1...maxLimit) ?? (format == .json ? 50 : maxLimit)
        var cursor: EventCursor?
        if let token = p.string("cursor") {
            guard let c = EventCursor(token: token) else { throw ApiError.badParameter("cursor", "not a cursor this server made") }
            guard c.sort == sort else {
                throw ApiError.badParameter("cursor", "was made for sort=\(c.sort.rawValue), not sort=\(sort.rawValue)")
            }
            cursor = c
        }
        let pageRequest = EventPageRequest(
            query: query, text: text, sort: sort, after: cursor, limit: limit, countTotal: format == .json && cursor == nil,
            shape: format == .json ? .records : .rows)
        let page = try state.withStore { try $0.eventPage(pageRequest) }
        switch format {
        case .json:
            var json = JSONWriter()
            json.object { j in
                j.key("events")
                // The records of `annals events --format jsonl`, by the same encoder (docs/record-schema.json).
                j.array { a in for event in page.events { event.write(to: &a) } }
                j.key("next"); j.optionalString(page.next?.token)
                j.key("total"); if let t = page.total { j.int(t) } else { j.null() }
                j.key("sort"); j.string(sort.rawValue)
                j.key("limit"); j.int(limit)
            }
            return JSONResponse.make(json)
        case .csv, .tsv:
            var out = (format == .csv ? RecordTable.csvHeader : RecordTable.tsvHeader) + "\n"
            for row in page.rows { out += (format == .csv ? RecordTable.csvLine(row) : RecordTable.tsvLine(row)) + "\n" }
            var response = JSONResponse.text(
                out, contentType: format == .csv ? "text/csv; charset=utf-8" : "text/tab-separated-values; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"annals-events.\(format.rawValue)\""
            if let next = page.next { response.headers[.init("X-Next-Cursor")!] = next.token }
            return response
        }
    }

    func detail(_ request: Request, id raw: String?) throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: Routes.event.parameters)
        guard let raw, let id = Int64(raw), id > 0 else {
            throw ApiError.badParameter("id", "expected a positive event id, not '\(QueryParameters.printable(raw ?? ""))'")
        }
        guard let (event, mentions) = try state.withStore({ try $0.event(id: id) }) else {
            throw ApiError(.notFound, "no event with id \(id)")
        }
        var json = JSONWriter()
        json.object { j in
            j.key("event"); event.write(to: &j)
            j.key("mentions")
            j.array { a in for m in mentions { Self.write(m, to: &a) } }
        }
        return JSONResponse.make(json)
    }

    static func write(_ m: EventMention, to json: inout JSONWriter) {
        json.object { j in
            j.key("id"); j.int(Int(m.id))
            j.key("record"); j.string(m.record)
            j.key("doc"); j.string(m.doc)
            j.key("title"); j.optionalString(m.title)
            j.key("url"); j.optionalString(m.url)
            j.key("doc_date"); j.optionalString(m.docDate)
            j.key("sentence"); j.int(m.sentence)
            j.key("text"); j.string(m.text)
            j.key("count"); j.int(m.count)
            j.key("polarity"); j.string(m.polarity)
            j.key("modality"); j.string(m.modality)
            j.key("verb"); j.string(m.verb)
            j.key("rule"); j.string(m.rule)
            j.key("source_text"); j.optionalString(m.sourceText)
            j.key("source_name"); j.optionalString(m.sourceName)
            j.key("target_text"); j.optionalString(m.targetText)
            j.key("target_name"); j.optionalString(m.targetName)
            j.key("spans")
            j.object { j in
                for (name, span) in [("source", m.sourceSpan), ("verb", m.verbSpan), ("target", m.targetSpan)] {
                    j.key(name)
                    if let span {
                        j.array { a in
                            a.int(span.start); a.int(span.end)
                        }
                    } else {
                        j.null()
                    }
                }
            }
            j.key("segments")
            j.array { a in
                for (text, role) in Self.segments(m) {
                    a.object { s in
                        s.key("text"); s.string(text)
                        s.key("role"); s.optionalString(role)
                    }
                }
            }
        }
    }

    /// The sentence cut into plain text and the source, verb and target spans (overlaps dropped).
    static func segments(_ m: EventMention) -> [(String, String?)] {
        let bytes = Array(m.text.utf8)
        var spans = [("source", m.sourceSpan), ("verb", m.verbSpan), ("target", m.targetSpan)]
            .compactMap { role, span in span.map { (role, $0) } }
            .sorted { $0.1.start < $1.1.start }
        var kept: [(String, Span)] = []
        for s in spans where s.1.start >= (kept.last?.1.end ?? 0) && s.1.end <= bytes.count { kept.append(s) }
        spans = kept
        var out: [(String, String?)] = []
        var at = 0
        func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        for (role, span) in spans {
            if span.start > at { out.append((text(at, span.start), nil)) }
            out.append((text(span.start, span.end), role))
            at = span.end
        }
        if at < bytes.count { out.append((text(at, bytes.count), nil)) }
        return out
    }
}
