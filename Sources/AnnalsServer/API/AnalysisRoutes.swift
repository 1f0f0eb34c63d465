import AnnalsCore
import AnnalsStore
import Hummingbird

/// Graph formats of `GET /api/graph`.
enum GraphResponseFormat: String, CaseIterable {
    case json, html
}

/// `GET /api/graph` (the actor network) and `GET /api/series` (a dyad over time).
struct AnalysisRoutes {
    let state: ServerState

    func graph(_ request: Request) throws -> Response {
        let p = try QueryParameters(request.uri.query, allowed: Routes.graph.parameters)
        let format = try p.choice("format", GraphResponseFormat.self) ?? .json
        let maxNodes = try p.int("max_nodes", in: 1...2000) ?? 160
        var graph = state.graph
        if let day = try p.day("as_of") { graph = graph.asOf(day) }
        switch format {
        case .json:
            return JSONResponse.text(GraphJSON.encode(graph), contentType: "application/json; charset=utf-8")
        case .html:
            // The report page is self-contained (inline script and style), so it gets its own policy.
            var response = JSONResponse.text(
                GraphHTML.encode(graph, title: "Annals actor network", maxNodes: maxNodes), contentType: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
            return response
        }
    }

    func series(_ request: Request) throws -> Response {
        let spec = Routes.series
        let p = try QueryParameters(request.uri.query, allowed: spec.parameters, repeatable: spec.repeatable)
        let (query, text) = try EventFilters.parse(p)
        if text != nil { throw ApiError.badParameter("q", "full-text search applies to /api/events only") }
        let by = try p.choice("by", SeriesUnit.self) ?? .day
        if by == .day, let s = query.since, let u = query.until, u.ordinal - s.ordinal > 20_000 {
            throw ApiError.badParameter("since", "range too long for by=day (at most 20,000 days)")
        }
        let points = try state.withStore { try $0.series(query, by: by) }
        guard points.count <= 20_000 else { throw ApiError.badParameter("by", "too many periods (\(points.count)); use week or month") }
        var json = JSONWriter()
        json.object { j in
            j.key("by"); j.string(by.rawValue)
            j.key("dyad"); j.optionalString(p.string("dyad"))
            j.key("points")
            j.array { a in
                for pt in points {
                    a.object { o in
                        o.key("period"); o.string(by == .month ? String(pt.period.description.prefix(7)) : pt.period.description)
                        o.key("events"); o.int(pt.events)
                        for (i, name) in ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"].enumerated() {
                            o.key(name); o.int(pt.quad[i])
                        }
                        o.key("mentions"); o.int(pt.mentions)
                        o.key("goldstein_sum"); o.double((pt.goldsteinSum * 1000).rounded() / 1000)
                        o.key("goldstein_mean")
                        if let m = pt.goldsteinMean { o.double((m * 1000).rounded() / 1000) } else { o.null() }
                    }
                }
            }
        }
        return JSONResponse.make(json)
    }
}
