import AnnalsCore
import AnnalsStore
import Foundation
import Hummingbird

/// `GET /api/actors?q=` and `GET /api/actors/{key}`.
struct ActorRoutes {
    let state: ServerState

    func search(_ request: Request) throws -> Response {
        let p = try QueryParameters(request.uri.query, allowed: Routes.actors.parameters)
        let limit = try p.int("limit", in: 1...200) ?? 20
        let found = try state.withStore { try $0.searchActors(p.string("q") ?? "", limit: limit) }
        var json = JSONWriter()
        json.object { j in
            j.key("actors")
            j.array { a in for actor in found { Self.write(actor, to: &a) } }
        }
        return JSONResponse.make(json)
    }

    /// An actor by CAMEO code, stored name, or dictionary id, name or alias: its codes, dated roles,
    /// affiliations, network neighbours, event counts and top partners.
    func detail(_ request: Request, key raw: String?) throws -> Response {
        let p = try QueryParameters(request.uri.query, allowed: Routes.actor.parameters)
        let key = (raw?.removingPercentEncoding ?? raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.count <= 200 else {
            throw ApiError.badParameter("key", "expected an actor code or name (1 to 200 characters)")
        }
        let stored = try state.withStore { try $0.actors(codeOrName: key) }
        // The actor is found in the whole network; with as_of, it is shown as it stood that day.
        let full = state.graph
        let found = full.find(key) ?? stored.lazy.compactMap { full.find($0.name) }.first
        let graph = try p.day("as_of").map { full.asOf($0) } ?? full
        let node = found.flatMap { graph.node($0.id) } ?? found
        guard !stored.isEmpty || node != nil else {
            throw ApiError(.notFound, "no actor '\(QueryParameters.printable(key))' in the database or the dictionaries")
        }
        let code = stored.first?.code ?? node?.code ?? ""
        let stats = code.isEmpty ? ActorEventStats() : try state.withStore { try $0.actorEventStats(code: code) }
        var json = JSONWriter()
        json.object { j in
            j.key("key"); j.string(key)
            j.key("code"); j.string(code)
            j.key("name"); j.string(node?.name ?? stored.first?.name ?? key)
            j.key("country"); j.string(ActorCode.country(of: code))
            j.key("sector"); j.string(ActorCode.sector(of: code))
            j.key("as_of"); j.optionalString(graph.asOf?.description)
            j.key("stored")
            j.array { a in for s in stored { Self.write(s, to: &a) } }
            j.key("node")
            if let node { Self.write(node, graph: graph, to: &j) } else { j.null() }
            j.key("counts")
            j.object { c in
                c.key("events"); c.int(stats.asSource + stats.asTarget)
                c.key("as_source"); c.int(stats.asSource)
                c.key("as_target"); c.int(stats.asTarget)
                c.key("quad"); c.array { a in for n in stats.quad { a.int(n) } }
                c.key("first_date"); c.optionalString(stats.firstDate)
                c.key("last_date"); c.optionalString(stats.lastDate)
            }
            j.key("partners")
            j.array { a in
                for partner in stats.partners {
                    a.object { o in
                        o.key("code"); o.string(partner.code)
                        o.key("name"); o.string(partner.name)
                        o.key("events"); o.int(partner.events)
                        o.key("goldstein_mean"); o.double((partner.goldsteinMean * 100).rounded() / 100)
                    }
                }
            }
        }
        return JSONResponse.make(json)
    }

    static func write(_ a: StoredActor, to json: inout JSONWriter) {
        json.object { j in
            j.key("code"); j.string(a.code)
            j.key("name"); j.string(a.name)
            j.key("country"); j.string(a.country)
            j.key("sector"); j.string(a.sector)
            j.key("mentions"); j.int(a.mentions)
            j.key("first_date"); j.optionalString(a.firstDate)
            j.key("last_date"); j.optionalString(a.lastDate)
        }
    }

    static func period(_ p: Period, to json: inout JSONWriter) {
        json.key("from"); json.optionalString(p.from?.description)
        json.key("until"); json.optionalString(p.until?.description)
    }

    /// The actor's node: roles over time, aliases, and its neighbours (affiliations and event links).
    static func write(_ node: ActorNode, graph: ActorGraph, to json: inout JSONWriter) {
        json.object { j in
            j.key("id"); j.string(node.id)
            j.key("name"); j.string(node.name)
            j.key("kind"); j.string(node.kind.rawValue)
            j.key("type"); j.string(node.type)
            j.key("code"); j.string(node.code)
            j.key("provisional"); j.bool(node.provisional)
            j.key("aliases"); j.array { a in for s in node.aliases.prefix(30) { a.string(s) } }
            j.key("roles")
            j.array { a in
                for r in node.roles {
                    a.object { o in
                        o.key("code"); o.string(r.code)
                        o.key("title"); o.optionalString(r.title)
                        period(r.period, to: &o)
                    }
                }
            }
            let neighbours = graph.neighbours(of: node.id)
            j.key("affiliations")
            j.array { a in
                for n in neighbours {
                    guard let r = n.relation else { continue }
                    a.object { o in
                        o.key("relation"); o.string(r.relation.rawValue)
                        o.key("label"); o.optionalString(r.label)
                        o.key("outgoing"); o.bool(n.outgoing)
                        o.key("other"); o.string(n.node.name)
                        o.key("other_id"); o.string(n.node.id)
                        o.key("other_code"); o.string(n.node.code)
                        period(r.span, to: &o)
                        o.key("origin"); o.string(r.fromText ? (r.fromDictionary ? "text+dictionary" : "text") : "dictionary")
                    }
                }
            }
            j.key("neighbours")
            j.array { a in
                for n in neighbours.prefix(60) {
                    a.object { o in
                        o.key("id"); o.string(n.node.id)
                        o.key("name"); o.string(n.node.name)
                        o.key("code"); o.string(n.node.code)
                        o.key("relation"); o.optionalString(n.relation?.relation.rawValue)
                        o.key("events"); o.int(n.events?.count ?? 0)
                        o.key("outgoing"); o.bool(n.outgoing)
                    }
                }
            }
        }
    }
}
