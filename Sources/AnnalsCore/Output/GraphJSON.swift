/// The export formats of the actor network (`annals graph --format`).
public enum GraphFormat: String, Sendable, CaseIterable {
    case json, graphml, gexf, dot, html

    /// Encodes `graph` in this format.
    public func encode(_ graph: ActorGraph, title: String = "Annals actor network", maxNodes: Int = 0) -> String {
        switch self {
        case .json: GraphJSON.encode(graph)
        case .graphml: GraphML.encode(graph)
        case .gexf: GraphGEXF.encode(graph)
        case .dot: GraphDOT.encode(graph)
        case .html: GraphHTML.encode(graph, title: title, maxNodes: maxNodes)
        }
    }
}

/// Shared helpers of the graph encoders.
enum GraphText {
    static func period(_ p: Period) -> (from: String?, until: String?) { (p.from?.description, p.until?.description) }

    /// Escapes text for XML attributes and content.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                // Characters XML 1.0 forbids are dropped.
                if ch.value < 0x20 || (0xFFFE...0xFFFF).contains(ch.value) { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func number(_ d: Double, digits: Int = 6) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (d * p).rounded() / p
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}

/// The actor network as one JSON object: nodes with codes, roles, aliases and centrality; affiliations
/// with their periods, origin and evidence; event links with counts; a summary naming the hub, the
/// alliances and who leads what.
public enum GraphJSON {
    public static func encode(_ graph: ActorGraph) -> String {
        let centrality = graph.centrality()
        let rank = Dictionary(uniqueKeysWithValues: centrality.map { ($0.id, $0) })
        var j = JSONWriter()
        j.object { j in
            j.key("kind"); j.string("actor_network")
            j.key("as_of"); j.optionalString(graph.asOf?.description)
            j.key("nodes")
            j.array { j in
                for n in graph.nodes {
                    j.object { j in
                        j.key("id"); j.string(n.id)
                        j.key("name"); j.string(n.name)
                        j.key("kind"); j.string(n.kind.rawValue)
                        j.key("type"); j.string(n.type)
                        j.key("code"); j.string(n.code)
                        j.key("country"); j.string(n.country)
                        j.key("sector"); j.string(n.sector)
                        j.key("provisional"); j.bool(n.provisional)
                        j.key("mentions"); j.int(n.mentions)
                        j.key("first_seen"); j.optionalString(n.firstSeen?.description)
                        j.key("last_seen"); j.optionalString(n.lastSeen?.description)
                        j.key("aliases"); j.array { j in for a in n.aliases { j.string(a) } }
                        j.key("roles")
                        j.array { j in
                            for r in n.roles {
                                j.object { j in
                                    j.key("code"); j.string(r.code)
                                    j.key("from"); j.optionalString(r.period.from?.description)
                                    j.key("until"); j.optionalString(r.period.until?.description)
                                    j.key("title"); j.optionalString(r.title)
                                }
                            }
                        }
                        j.key("pagerank"); j.double(Double(GraphText.number(rank[n.id]?.pageRank ?? 0)) ?? 0)
                        j.key("degree"); j.int(rank[n.id]?.degree ?? 0)
                    }
                }
            }
            j.key("relations")
            j.array { j in
                for e in graph.relations { write(e, &j) }
            }
            j.key("events")
            j.array { j in
                for l in graph.events {
                    j.object { j in
                        j.key("source"); j.string(l.source)
                        j.key("target"); j.string(l.target)
                        j.key("count"); j.int(l.count)
                        j.key("mentions"); j.int(l.mentions)
                        j.key("quad"); j.array { j in for q in l.quad { j.int(q) } }
                        j.key("goldstein_mean"); j.double(Double(GraphText.number(l.goldsteinMean, digits: 2)) ?? 0)
                        j.key("events")
                        j.array { j in
                            for e in l.events {
                                j.object { j in
                                    j.key("id"); j.string(e.id)
                                    j.key("date"); j.string(e.date)
                                    j.key("doc"); j.string(e.doc)
                                    j.key("sentence"); j.int(e.sentence)
                                    j.key("cameo"); j.string(e.cameo)
                                    j.key("plover"); j.string(e.plover)
                                    j.key("quad"); j.int(e.quad)
                                    j.key("goldstein"); j.double(e.goldstein)
                                    j.key("mentions"); j.int(e.mentions)
                                    j.key("source_text"); j.string(e.sourceText)
                                    j.key("target_text"); j.string(e.targetText)
                                    j.key("text"); j.string(e.text)
                                }
                            }
                        }
                    }
                }
            }
            j.key("summary")
            j.object { j in
                j.key("hub"); j.optionalString(centrality.first?.id)
                j.key("central")
                j.array { j in
                    for c in centrality.prefix(10) {
                        j.object { j in
                            j.key("id"); j.string(c.id)
                            j.key("name"); j.string(c.name)
                            j.key("pagerank"); j.double(Double(GraphText.number(c.pageRank)) ?? 0)
                            j.key("degree"); j.int(c.degree)
                        }
                    }
                }
                j.key("alliances")
                j.array { j in
                    for (a, leaders, members) in graph.alliances() {
                        j.object { j in
                            j.key("id"); j.string(a.id)
                            j.key("name"); j.string(a.name)
                            j.key("leaders"); j.array { j in for l in leaders { j.string(l.id) } }
                            j.key("members"); j.array { j in for m in members { j.string(m.id) } }
                        }
                    }
                }
            }
        }
        return j.string
    }

    static func write(_ e: RelationEdge, _ j: inout JSONWriter) {
        j.object { j in
            j.key("source"); j.string(e.source)
            j.key("relation"); j.string(e.relation.rawValue)
            j.key("target"); j.string(e.target)
            j.key("label"); j.optionalString(e.label)
            j.key("periods")
            j.array { j in
                for p in e.periods {
                    j.object { j in
                        j.key("from"); j.optionalString(p.from?.description)
                        j.key("until"); j.optionalString(p.until?.description)
                    }
                }
            }
            j.key("dictionary"); j.optionalString(e.dictionaryOrigin)
            j.key("statements"); j.int(e.statements)
            j.key("evidence")
            j.array { j in
                for ev in e.evidence {
                    j.object { j in
                        j.key("doc"); j.string(ev.doc)
                        j.key("sentence"); j.int(ev.sentence)
                        j.key("date"); j.string(ev.date)
                        j.key("trigger"); j.string(ev.trigger)
                        j.key("rule"); j.string(ev.rule)
                        j.key("text"); j.string(ev.text)
                    }
                }
            }
        }
    }
}
