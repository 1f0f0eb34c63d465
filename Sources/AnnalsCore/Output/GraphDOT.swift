import Foundation

/// The actor network as Graphviz DOT: actors as nodes (label name and code, shape by type),
/// affiliations as styled directed edges, event links as grey edges whose width grows with the count.
public enum GraphDOT {
    static let styles: [RelationKind: String] = [
        .partOf: "color=\"#1f4e9c\", style=solid",
        .memberOf: "color=\"#7b3fa0\", style=dashed",
        .leads: "color=\"#d9730d\", style=bold, penwidth=2",
        .alliedWith: "color=\"#2e8b57\", style=dotted, dir=both",
        .controls: "color=\"#c0392b\", style=solid, arrowhead=diamond",
        .basedIn: "color=\"#999999\", style=dashed, arrowhead=empty",
    ]

    public static func encode(_ graph: ActorGraph) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: " ") + "\""
        }
        var out =
            "digraph annals {\n  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#eef2f7\"];\n  edge [fontname=\"Helvetica\", fontsize=8];\n"
        for n in graph.nodes {
            let shape =
                n.type == "person"
                ? "ellipse" : n.type == "country" ? "doubleoctagon" : n.type == "alliance" || n.type == "igo" ? "hexagon" : "box"
            let label = n.code.isEmpty ? n.name : "\(n.name)\\n\(n.code)\(n.provisional ? "?" : "")"
            out += "  \(q(n.id)) [label=\(q(label).replacingAll("\\\\n", with: "\\n")), shape=\(shape)];\n"
        }
        for e in graph.relations {
            let label = e.label.map { "\(e.relation.rawValue): \($0)" } ?? e.relation.rawValue
            out += "  \(q(e.source)) -> \(q(e.target)) [label=\(q(label)), \(styles[e.relation] ?? "")];\n"
        }
        for l in graph.events {
            let width = 1 + log2(Double(max(1, l.count)))
            out +=
                "  \(q(l.source)) -> \(q(l.target)) [label=\(q("\(l.count) events")), color=\"#88888880\", penwidth=\(GraphText.number(width, digits: 2))];\n"
        }
        out += "}\n"
        return out
    }
}

extension String {
    func replacingAll(_ a: String, with b: String) -> String {
        guard contains(a) else { return self }
        return components(separatedBy: a).joined(separator: b)
    }
}
