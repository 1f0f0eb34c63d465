/// What the network knows about one actor, as text (`annals actor NAME`): codes and roles over time,
/// aliases, affiliations in both directions with their periods and sources, and events.
public struct ActorProfile: Sendable {
    public let graph: ActorGraph
    public let id: String
    public var eventLimit: Int

    public init(graph: ActorGraph, id: String, eventLimit: Int = 30) {
        self.graph = graph
        self.id = id
        self.eventLimit = eventLimit
    }

    public var text: String {
        guard let n = graph.node(id) else { return "" }
        var out = "\(n.name)  [\(n.id)]\n"
        out += "  kind: \(n.kind.rawValue)\(n.type.isEmpty ? "" : ", type: \(n.type)")\n"
        out += "  code: \(n.code.isEmpty ? "(none)" : n.code)\(n.provisional ? " (provisional, from its affiliations)" : "")"
        out += graph.asOf.map { " as of \($0)" } ?? ""
        out += "\n"
        if !n.roles.isEmpty {
            out += "  roles:\n"
            for r in n.roles {
                out += "    \(r.code)  \(Self.period(r.period))\(r.title.map { "  \($0)" } ?? "")\n"
            }
        }
        if !n.aliases.isEmpty { out += "  aliases: \(n.aliases.joined(separator: "; "))\n" }
        if let f = n.firstSeen { out += "  seen in text: \(n.mentions) records, \(f)..\(n.lastSeen?.description ?? "")\n" }
        let name = { (id: String) in graph.node(id)?.name ?? id }
        let outgoing = graph.relations.filter { $0.source == id }
        let incoming = graph.relations.filter { $0.target == id }
        if !outgoing.isEmpty || !incoming.isEmpty {
            out += "  affiliations:\n"
            for e in outgoing.sorted(by: Self.order) { out += "    \(e.relation.rawValue) \(name(e.target))\(Self.details(e))\n" }
            for e in incoming.sorted(by: Self.order) { out += "    \(name(e.source)) \(e.relation.rawValue) it\(Self.details(e))\n" }
        }
        let links = graph.events.filter { $0.source == id || $0.target == id }
        if !links.isEmpty {
            let total = links.reduce(0) { $0 + $1.count }
            out += "  events: \(total)\n"
            for l in links.sorted(by: { ($0.count, $1.source) > ($1.count, $0.source) }).prefix(12) {
                out += "    \(name(l.source)) → \(name(l.target)): \(l.count) (quad \(l.quad.map(String.init).joined(separator: "/")))\n"
            }
            let all = links.flatMap(\.events).sorted { ($0.date, $0.doc, $0.sentence) < ($1.date, $1.doc, $1.sentence) }
            for e in all.prefix(eventLimit) {
                out +=
                    "    \(e.date)  \(e.cameo)  \(e.sourceText) → \(e.targetText)  \"\(e.text.count > 140 ? String(e.text.prefix(140)) + "…" : e.text)\"\n"
            }
        }
        return out
    }

    static func period(_ p: Period) -> String {
        p == .always ? "always" : "\(p.from?.description ?? "")..\(p.until?.description ?? "")"
    }

    static func order(_ a: RelationEdge, _ b: RelationEdge) -> Bool {
        (a.relation.rawValue, a.target, a.source) < (b.relation.rawValue, b.target, b.source)
    }

    static func details(_ e: RelationEdge) -> String {
        var parts: [String] = []
        if let l = e.label { parts.append("(\(l))") }
        let p = e.periods.map(period).joined(separator: ", ")
        if p != "always" { parts.append(p) }
        var sources: [String] = []
        if let o = e.dictionaryOrigin { sources.append("dictionary \(o)") }
        if e.fromText { sources.append("text ×\(e.statements)") }
        parts.append("[" + sources.joined(separator: "; ") + "]")
        var s = "  " + parts.joined(separator: " ")
        if let ev = e.evidence.first {
            s += "\n        “\(ev.trigger)” in: \(ev.text.count > 160 ? String(ev.text.prefix(160)) + "…" : ev.text)"
        }
        return s
    }
}
