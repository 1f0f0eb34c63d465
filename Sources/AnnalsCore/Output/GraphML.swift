/// The actor network as GraphML (loads in Gephi, yEd, Cytoscape, NetworkX): a directed graph whose
/// nodes carry name, code, country, sector and type, and whose edges are affiliations (with relation,
/// label, period and origin) or event links (relation `events`, weight = number of events).
public enum GraphML {
    public static func encode(_ graph: ActorGraph) -> String {
        let rank = Dictionary(uniqueKeysWithValues: graph.centrality().map { ($0.id, $0.pageRank) })
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        let nodeKeys: [(String, String)] = [
            ("name", "string"), ("kind", "string"), ("type", "string"), ("code", "string"), ("country", "string"),
            ("sector", "string"), ("provisional", "boolean"), ("mentions", "int"), ("pagerank", "double"), ("aliases", "string"),
        ]
        let edgeKeys: [(String, String)] = [
            ("relation", "string"), ("label", "string"), ("from", "string"), ("until", "string"), ("origin", "string"),
            ("statements", "int"), ("weight", "double"), ("quad", "string"), ("evidence", "string"),
        ]
        for (k, t) in nodeKeys { out += "  <key id=\"n_\(k)\" for=\"node\" attr.name=\"\(k)\" attr.type=\"\(t)\"/>\n" }
        for (k, t) in edgeKeys { out += "  <key id=\"e_\(k)\" for=\"edge\" attr.name=\"\(k)\" attr.type=\"\(t)\"/>\n" }
        out += "  <graph id=\"annals\" edgedefault=\"directed\">\n"
        func data(_ key: String, _ value: String) -> String { "      <data key=\"\(key)\">\(GraphText.xml(value))</data>\n" }
        for n in graph.nodes {
            out += "    <node id=\"\(GraphText.xml(n.id))\">\n"
            out += data("n_name", n.name) + data("n_kind", n.kind.rawValue) + data("n_type", n.type) + data("n_code", n.code)
            out += data("n_country", n.country) + data("n_sector", n.sector) + data("n_provisional", n.provisional ? "true" : "false")
            out += data("n_mentions", String(n.mentions)) + data("n_pagerank", GraphText.number(rank[n.id] ?? 0))
            out += data("n_aliases", n.aliases.joined(separator: "; "))
            out += "    </node>\n"
        }
        var k = 0
        for e in graph.relations {
            let span = e.span
            out += "    <edge id=\"r\(k)\" source=\"\(GraphText.xml(e.source))\" target=\"\(GraphText.xml(e.target))\">\n"
            out += data("e_relation", e.relation.rawValue)
            if let l = e.label { out += data("e_label", l) }
            if let f = span.from { out += data("e_from", f.description) }
            if let u = span.until { out += data("e_until", u.description) }
            out += data(
                "e_origin", [e.fromDictionary ? "dictionary" : nil, e.fromText ? "text" : nil].compactMap { $0 }.joined(separator: "+"))
            out += data("e_statements", String(e.statements)) + data("e_weight", "1")
            if let ev = e.evidence.first { out += data("e_evidence", ev.text) }
            out += "    </edge>\n"
            k += 1
        }
        for l in graph.events {
            out += "    <edge id=\"v\(k)\" source=\"\(GraphText.xml(l.source))\" target=\"\(GraphText.xml(l.target))\">\n"
            out +=
                data("e_relation", "events") + data("e_weight", String(l.count))
                + data("e_quad", l.quad.map(String.init).joined(separator: ","))
            if let first = l.events.first { out += data("e_evidence", first.text) }
            out += "    </edge>\n"
            k += 1
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}
