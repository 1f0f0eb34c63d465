/// The actor network as GEXF 1.3 (Gephi's format), dynamic: affiliations carry their periods as
/// `start`/`end` so Gephi's timeline shows the network as of any date; event links are weighted edges.
public enum GraphGEXF {
    public static func encode(_ graph: ActorGraph) -> String {
        let rank = Dictionary(uniqueKeysWithValues: graph.centrality().map { ($0.id, $0.pageRank) })
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta><creator>Annals</creator><description>Actor network: affiliations and events</description></meta>
              <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
                <attributes class="node" mode="static">
                  <attribute id="code" title="code" type="string"/>
                  <attribute id="country" title="country" type="string"/>
                  <attribute id="sector" title="sector" type="string"/>
                  <attribute id="type" title="type" type="string"/>
                  <attribute id="kind" title="kind" type="string"/>
                  <attribute id="provisional" title="provisional" type="boolean"/>
                  <attribute id="pagerank" title="pagerank" type="double"/>
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="relation" title="relation" type="string"/>
                  <attribute id="origin" title="origin" type="string"/>
                  <attribute id="statements" title="statements" type="integer"/>
                </attributes>
                <nodes>

            """
        func attr(_ f: String, _ v: String) -> String { "<attvalue for=\"\(f)\" value=\"\(GraphText.xml(v))\"/>" }
        for n in graph.nodes {
            out += "      <node id=\"\(GraphText.xml(n.id))\" label=\"\(GraphText.xml(n.name))\"><attvalues>"
            out +=
                attr("code", n.code) + attr("country", n.country) + attr("sector", n.sector) + attr("type", n.type)
                + attr("kind", n.kind.rawValue)
            out += attr("provisional", n.provisional ? "true" : "false") + attr("pagerank", GraphText.number(rank[n.id] ?? 0))
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        var k = 0
        for e in graph.relations {
            let span = e.span
            var times = ""
            if let f = span.from { times += " start=\"\(f)\"" }
            if let u = span.until { times += " end=\"\(u)\"" }
            let label = e.label.map { "\(e.relation.rawValue) (\($0))" } ?? e.relation.rawValue
            out +=
                "      <edge id=\"r\(k)\" source=\"\(GraphText.xml(e.source))\" target=\"\(GraphText.xml(e.target))\" label=\"\(GraphText.xml(label))\" weight=\"1\"\(times)><attvalues>"
            out += attr("relation", e.relation.rawValue)
            out += attr(
                "origin", [e.fromDictionary ? "dictionary" : nil, e.fromText ? "text" : nil].compactMap { $0 }.joined(separator: "+"))
            out += attr("statements", String(e.statements)) + "</attvalues></edge>\n"
            k += 1
        }
        for l in graph.events {
            let dates = l.events.compactMap { Day($0.date) }
            var times = ""
            if let f = dates.min() { times += " start=\"\(f)\"" }
            out +=
                "      <edge id=\"v\(k)\" source=\"\(GraphText.xml(l.source))\" target=\"\(GraphText.xml(l.target))\" label=\"events\" weight=\"\(l.count)\"\(times)><attvalues>"
            out += attr("relation", "events") + attr("origin", "events") + attr("statements", String(l.mentions)) + "</attvalues></edge>\n"
            k += 1
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
