/// The actor network as one self-contained HTML page (inline CSS and JavaScript, no network access):
/// a force-directed drawing (actors coloured by country or sector and sized by centrality,
/// affiliations styled by relation, event links weighted by count), a date filter for as-of views,
/// the hub and alliances, and tables of relations and of events with their sentences.
public enum GraphHTML {
    public static func encode(_ graph: ActorGraph, title: String = "Annals actor network", maxNodes: Int = 0) -> String {
        let centrality = graph.centrality()
        let rank = Dictionary(uniqueKeysWithValues: centrality.map { ($0.id, $0) })
        // The drawing keeps the most central actors when there are too many to read.
        let limit = maxNodes > 0 ? maxNodes : 160
        let drawn = Set(centrality.prefix(limit).map(\.id))
        let nodes = graph.nodes.filter { drawn.contains($0.id) }
        var j = JSONWriter()
        j.object { j in
            j.key("nodes")
            j.array { j in
                for n in nodes {
                    j.object { j in
                        j.key("id"); j.string(n.id)
                        j.key("name"); j.string(n.name)
                        j.key("code"); j.string(n.code)
                        j.key("country"); j.string(n.country)
                        j.key("sector"); j.string(n.sector)
                        j.key("type"); j.string(n.type)
                        j.key("kind"); j.string(n.kind.rawValue)
                        j.key("provisional"); j.bool(n.provisional)
                        j.key("pr"); j.double(rank[n.id]?.pageRank ?? 0)
                        j.key("aliases"); j.array { j in for a in n.aliases.prefix(6) { j.string(a) } }
                    }
                }
            }
            j.key("relations")
            j.array { j in
                for e in graph.relations where drawn.contains(e.source) && drawn.contains(e.target) {
                    let span = e.span
                    j.object { j in
                        j.key("s"); j.string(e.source)
                        j.key("t"); j.string(e.target)
                        j.key("rel"); j.string(e.relation.rawValue)
                        j.key("label"); j.optionalString(e.label)
                        j.key("from"); j.optionalString(span.from?.description)
                        j.key("until"); j.optionalString(span.until?.description)
                        j.key("origin"); j.string(e.fromText ? (e.fromDictionary ? "both" : "text") : "dictionary")
                        j.key("ev"); j.optionalString(e.evidence.first?.text)
                    }
                }
            }
            j.key("events")
            j.array { j in
                for l in graph.events where drawn.contains(l.source) && drawn.contains(l.target) {
                    j.object { j in
                        j.key("s"); j.string(l.source)
                        j.key("t"); j.string(l.target)
                        j.key("count"); j.int(l.count)
                        j.key("quad"); j.array { j in for q in l.quad { j.int(q) } }
                        j.key("dates"); j.array { j in for d in Set(l.events.map(\.date)).sorted() { j.string(d) } }
                    }
                }
            }
        }
        let data = j.string.replacingAll("</", with: "<\\/")
        let name = { (id: String) in graph.node(id)?.name ?? id }
        let esc = GraphText.xml

        // Summary.
        var summary = "<h2>Hub and alliances</h2><p>"
        if let hub = centrality.first {
            summary += "Hub (PageRank): <b>\(esc(hub.name))</b>. Most central: "
            summary += centrality.prefix(8).map {
                "\(esc($0.name)) <small>(\(GraphText.number($0.pageRank, digits: 3)), degree \($0.degree))</small>"
            }.joined(separator: ", ")
        }
        summary += "</p><ul>"
        for (a, leaders, members) in graph.alliances().prefix(12) {
            summary += "<li><b>\(esc(a.name))</b>"
            if !leaders.isEmpty { summary += " led by " + leaders.map { esc($0.name) }.joined(separator: ", ") }
            summary += ": \(members.count) members — " + members.map { esc($0.name) }.joined(separator: ", ") + "</li>"
        }
        summary += "</ul>"

        // Relation table: text relations first.
        var rels =
            "<h2>Affiliations</h2><table><tr><th>subject</th><th>relation</th><th>object</th><th>when</th><th>source</th><th>evidence</th></tr>"
        let sorted = graph.relations.sorted { ($0.fromText ? 0 : 1, name($0.source)) < ($1.fromText ? 0 : 1, name($1.source)) }
        for e in sorted.prefix(600) {
            let span = e.span
            let when = "\(span.from?.description ?? "")..\(span.until?.description ?? "")"
            let origin = [e.fromText ? "text ×\(e.statements)" : nil, e.dictionaryOrigin.map { "dictionary (\($0))" }].compactMap { $0 }
                .joined(separator: ", ")
            let ev = e.evidence.first.map { "<span class=trig>\(esc($0.trigger))</span> — \(esc($0.text))" } ?? ""
            rels +=
                "<tr><td>\(esc(name(e.source)))</td><td class=\"rel \(e.relation.rawValue)\">\(e.relation.rawValue)\(e.label.map { " <small>(\(esc($0)))</small>" } ?? "")</td><td>\(esc(name(e.target)))</td><td>\(when)</td><td><small>\(esc(origin))</small></td><td>\(ev)</td></tr>"
        }
        rels += "</table>"

        // Event table.
        var all: [(EventSummary, String, String)] = []
        for l in graph.events { for e in l.events { all.append((e, l.source, l.target)) } }
        all.sort { ($0.0.date, $0.0.doc, $0.0.sentence) < ($1.0.date, $1.0.doc, $1.0.sentence) }
        var evs = "<h2>Events (\(all.count))</h2><table><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>sentence</th></tr>"
        for (e, s, t) in all.prefix(1000) {
            let cameo = CameoTable.shared[e.cameo]?.name ?? ""
            evs +=
                "<tr class=\"q\(e.quad)\"><td>\(esc(e.date))</td><td>\(esc(name(s)))</td><td><b>\(esc(e.cameo))</b> <small>\(esc(cameo))</small></td><td>\(esc(name(t)))</td><td>\(esc(e.text))</td></tr>"
        }
        if all.count > 1000 { evs += "<tr><td colspan=5>… \(all.count - 1000) more</td></tr>" }
        evs += "</table>"

        let map = GeoMapSVG.section(all.compactMap { e in e.0.location.map { ($0, e.0.quad) } })
        let note = graph.nodes.count > nodes.count ? " (drawing the \(nodes.count) most central of \(graph.nodes.count))" : ""
        let header =
            "\(graph.nodes.count) actors\(note), \(graph.relations.count) affiliations, \(graph.events.reduce(0) { $0 + $1.count }) events\(graph.asOf.map { " · as of \($0)" } ?? "")"
        return page.replacingAll("@@TITLE@@", with: esc(title)).replacingAll("@@HEADER@@", with: esc(header))
            .replacingAll("@@SUMMARY@@", with: summary).replacingAll("@@RELATIONS@@", with: rels).replacingAll("@@EVENTS@@", with: map + evs)
            .replacingAll("@@DATA@@", with: data)
    }

    static let page = #"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>@@TITLE@@</title>
        <style>
        body{font:13px/1.35 "DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;color:#1d2330;background:#f4f5f7}
        header{background:#1d2742;color:#fff;padding:8px 16px}header b{font-size:16px}header span{opacity:.8;margin-left:12px}
        #main{display:flex;gap:10px;padding:10px}
        #graph{background:#fff;border:1px solid #ccd;border-radius:4px;flex:none}
        #side{width:330px;font-size:12px}#side h3{margin:6px 0 4px;font-size:13px}
        .ctl{margin-bottom:6px}.ctl label{margin-right:8px}
        .sw{display:inline-block;width:11px;height:11px;border-radius:6px;margin-right:4px;vertical-align:-1px}
        .ln{display:inline-block;width:28px;height:0;margin-right:5px;vertical-align:3px;border-top-width:2px}
        #legend div{margin:1px 0}#info{background:#fff;border:1px solid #ccd;padding:6px;margin-top:8px;min-height:40px}
        section{padding:0 16px 12px}h2{font-size:15px;margin:14px 0 6px}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:12px}
        th,td{border-bottom:1px solid #e2e4ea;padding:3px 6px;text-align:left;vertical-align:top}th{background:#e9ecf3}
        td.rel{white-space:nowrap;font-weight:bold}.trig{background:#fff3c4}
        tr.q1 td:first-child,tr.q2 td:first-child{border-left:4px solid #2e8b57}tr.q3 td:first-child,tr.q4 td:first-child{border-left:4px solid #c0392b}
        .part_of{color:#1f4e9c}.member_of{color:#7b3fa0}.leads{color:#d9730d}.allied_with{color:#2e8b57}.controls{color:#c0392b}.based_in{color:#777}
        svg text{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;fill:#1d2330}
        svg text.hub{font-weight:bold;font-size:13px}
        </style></head><body>
        <header><b>@@TITLE@@</b><span>@@HEADER@@</span></header>
        <div id="main">
        <svg id="graph" width="1180" height="860" viewBox="0 0 1180 860"></svg>
        <div id="side">
        <div class="ctl">Colour by <select id="colour"><option value="country">country</option><option value="sector">sector</option></select></div>
        <div class="ctl"><label><input type="checkbox" id="showEvents" checked> events</label><label><input type="checkbox" id="showDict" checked> dictionary affiliations</label></div>
        <div class="ctl">As of <input type="date" id="asof"> <button id="clear">all time</button></div>
        <h3>Relations</h3><div id="relLegend"></div>
        <h3 id="colourTitle">Countries</h3><div id="legend"></div>
        <div id="info">Click an actor for details.</div>
        </div></div>
        <section>@@SUMMARY@@</section>
        <section>@@RELATIONS@@</section>
        <section>@@EVENTS@@</section>
        <script>
        const DATA = @@DATA@@;
        const W = 1180, H = 860, NS = "http://www.w3.org/2000/svg";
        const REL = {part_of:["#1f4e9c",""],member_of:["#7b3fa0","7,4"],leads:["#d9730d",""],allied_with:["#2e8b57","2,4"],controls:["#c0392b",""],based_in:["#9a9a9a","4,4"]};
        const SECTOR = {GOV:"#3566c8",MIL:"#2f7d32",REB:"#c62828",UAF:"#e65100",OPP:"#8e24aa",COP:"#00838f",JUD:"#6d4c41",BUS:"#f9a825",MED:"#ec407a",NGO:"#26a69a",IGO:"#5e35b1",ELI:"#795548","":"#90a4ae"};
        const PALETTE = ["#e6194b","#3cb44b","#4363d8","#f58231","#911eb4","#46b4c8","#d23cc8","#9cb800","#e6a000","#008080","#9a6324","#800000","#5a8f5a","#808000","#000075","#b05a7a","#5f9ea0","#a0522d","#6a5acd","#2f4f4f"];
        const nodes = DATA.nodes, byId = new Map(nodes.map((d, i) => [d.id, i]));
        const maxPr = Math.max(...nodes.map(d => d.pr), 1e-9);
        nodes.forEach(d => { d.r = 5 + 17 * Math.sqrt(d.pr / maxPr); });
        // Countries by frequency get the distinct colours.
        const countryCount = {};
        nodes.forEach(d => { const c = d.country || "?"; countryCount[c] = (countryCount[c] || 0) + 1; });
        const countries = Object.keys(countryCount).sort((a, b) => countryCount[b] - countryCount[a] || (a < b ? -1 : 1));
        const countryColour = {};
        countries.forEach((c, i) => { countryColour[c] = i < PALETTE.length ? PALETTE[i] : "#b0b7c3"; });
        function colour(d) { return document.getElementById("colour").value === "sector" ? (SECTOR[d.sector] || (d.type === "country" ? "#455a64" : "#90a4ae")) : countryColour[d.country || "?"]; }

        // Force layout (Fruchterman-Reingold with gravity), deterministic start on a spiral.
        function layout() {
          const n = nodes.length, k = Math.sqrt(W * H / Math.max(n, 1)) * (n > 80 ? 0.75 : 0.55);
          nodes.forEach((d, i) => { const a = i * 2.39996, r = k * 0.6 * Math.sqrt(i + 0.5); d.x = W / 2 + r * Math.cos(a); d.y = H / 2 + r * Math.sin(a); });
          const links = [];
          DATA.relations.forEach(e => links.push([byId.get(e.s), byId.get(e.t), 1.0]));
          DATA.events.forEach(e => links.push([byId.get(e.s), byId.get(e.t), 0.12 + 0.08 * Math.log(1 + e.count)]));
          const L = links.filter(l => l[0] !== undefined && l[1] !== undefined && l[0] !== l[1]);
          const iters = n > 250 ? 220 : 400;
          let temp = W / 10;
          for (let it = 0; it < iters; it++) {
            const dx = new Float64Array(n), dy = new Float64Array(n);
            for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
              const vx = nodes[i].x - nodes[j].x, vy = nodes[i].y - nodes[j].y, d2 = vx * vx + vy * vy + 0.01, f = k * k / d2;
              dx[i] += vx * f; dy[i] += vy * f; dx[j] -= vx * f; dy[j] -= vy * f;
            }
            for (const [a, b, w] of L) {
              const vx = nodes[a].x - nodes[b].x, vy = nodes[a].y - nodes[b].y, d = Math.sqrt(vx * vx + vy * vy) + 0.01, f = d * w / k;
              dx[a] -= vx * f; dy[a] -= vy * f; dx[b] += vx * f; dy[b] += vy * f;
            }
            for (let i = 0; i < n; i++) {
              const g = n < 40 ? 0.012 : 0.03; dx[i] += (W / 2 - nodes[i].x) * g * k / 60; dy[i] += (H / 2 - nodes[i].y) * g * 1.3 * k / 60;
              const m = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1, s = Math.min(m, temp) / m;
              nodes[i].x = Math.min(W - 40, Math.max(40, nodes[i].x + dx[i] * s));
              nodes[i].y = Math.min(H - 25, Math.max(25, nodes[i].y + dy[i] * s));
            }
            temp = Math.max(1, temp * 0.985);
          }
          // Remove overlaps between circles.
          for (let pass = 0; pass < 30; pass++) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
            const a = nodes[i], b = nodes[j], vx = b.x - a.x, vy = b.y - a.y, d = Math.sqrt(vx * vx + vy * vy) || 0.1, min = a.r + b.r + 4;
            if (d < min) { const m = (min - d) / 2 / d; a.x -= vx * m; a.y -= vy * m; b.x += vx * m; b.y += vy * m; }
          }
        }

        function el(tag, attrs, parent) { const e = document.createElementNS(NS, tag); for (const k in attrs) e.setAttribute(k, attrs[k]); if (parent) parent.appendChild(e); return e; }
        function valid(e, day) { if (!day) return true; if (e.from && day < e.from) return false; if (e.until && day >= e.until) return false; return true; }

        function draw() {
          const svg = document.getElementById("graph");
          while (svg.firstChild) svg.removeChild(svg.firstChild);
          const day = document.getElementById("asof").value;
          const showEvents = document.getElementById("showEvents").checked, showDict = document.getElementById("showDict").checked;
          const defs = el("defs", {}, svg);
          for (const r in REL) {
            const m = el("marker", {id: "m_" + r, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, defs);
            el("path", {d: "M0,0 L10,5 L0,10 z", fill: REL[r][0]}, m);
          }
          const gE = el("g", {}, svg), gR = el("g", {}, svg), gN = el("g", {}, svg), gT = el("g", {}, svg);
          const visible = new Set();
          // Event links: width by count, green for cooperation, red for conflict.
          if (showEvents) DATA.events.forEach(e => {
            const dates = day ? e.dates.filter(x => x <= day) : e.dates;
            if (!dates.length) return;
            const a = nodes[byId.get(e.s)], b = nodes[byId.get(e.t)];
            const coop = e.quad[0] + e.quad[1], conf = e.quad[2] + e.quad[3];
            el("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: conf > coop ? "#e08080" : "#80b890", "stroke-opacity": 0.55,
              "stroke-width": Math.min(9, 1 + 1.6 * Math.log2(e.count))}, gE).appendChild(document.createElementNS(NS, "title")).textContent = `${a.name} → ${b.name}: ${e.count} events`;
            visible.add(e.s); visible.add(e.t);
          });
          // Affiliations: parallel edges between a pair curve apart.
          const pairCount = {}, pairSeen = {};
          const rels = DATA.relations.filter(e => valid(e, day) && (showDict || e.origin !== "dictionary"));
          rels.forEach(e => { const k = [e.s, e.t].sort().join("|"); pairCount[k] = (pairCount[k] || 0) + 1; });
          rels.forEach(e => {
            const a = nodes[byId.get(e.s)], b = nodes[byId.get(e.t)], key = [e.s, e.t].sort().join("|");
            const idx = pairSeen[key] = (pairSeen[key] || 0) + 1, off = (idx - (pairCount[key] + 1) / 2) * 18 * (e.s < e.t ? 1 : -1);
            const vx = b.x - a.x, vy = b.y - a.y, d = Math.sqrt(vx * vx + vy * vy) || 1;
            const cx = (a.x + b.x) / 2 - vy / d * off, cy = (a.y + b.y) / 2 + vx / d * off;
            const ex = b.x - (b.x - cx) / (Math.hypot(b.x - cx, b.y - cy) || 1) * (b.r + 2), ey = b.y - (b.y - cy) / (Math.hypot(b.x - cx, b.y - cy) || 1) * (b.r + 2);
            const [c, dash] = REL[e.rel] || ["#444", ""];
            const p = el("path", {d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, fill: "none", stroke: c, "stroke-width": e.rel === "leads" ? 2.6 : e.origin === "dictionary" ? 1.2 : 1.9,
              "stroke-dasharray": dash, "marker-end": `url(#m_${e.rel})`, "stroke-opacity": e.origin === "dictionary" ? 0.55 : 0.95}, gR);
            el("title", {}, p).textContent = `${a.name} ${e.rel}${e.label ? " (" + e.label + ")" : ""} ${b.name} [${e.origin}${e.from ? ", from " + e.from : ""}${e.until ? " until " + e.until : ""}]${e.ev ? "\n" + e.ev : ""}`;
            visible.add(e.s); visible.add(e.t);
          });
          const hubId = nodes.length ? nodes.reduce((m, d) => d.pr > m.pr ? d : m, nodes[0]).id : null;
          // Labels by centrality, skipping those that would overlap a label already placed.
          const boxes = [], labelled = new Set();
          nodes.slice().sort((x, y) => y.pr - x.pr).forEach((d, rank) => {
            const w = d.name.length * 6.3 + 4, h = 13, x = d.x + d.r + 3, y = d.y - 8;
            if (rank >= 90 && nodes.length > 80) return;
            if (boxes.some(b => x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h)) return;
            boxes.push([x, y, w, h]); labelled.add(d.id);
          });
          nodes.forEach(d => {
            const faded = day && !visible.has(d.id);
            const shape = d.type === "person" ? "circle" : "rect";
            let s;
            if (d.type === "alliance" || d.type === "igo") {
              const r = d.r + 2, pts = [0, 1, 2, 3, 4, 5].map(i => `${d.x + r * Math.cos(Math.PI / 3 * i)},${d.y + r * Math.sin(Math.PI / 3 * i)}`).join(" ");
              s = el("polygon", {points: pts}, gN);
            } else if (shape === "rect") {
              s = el("rect", {x: d.x - d.r, y: d.y - d.r, width: 2 * d.r, height: 2 * d.r, rx: d.type === "country" ? 2 : d.r * 0.35}, gN);
            } else s = el("circle", {cx: d.x, cy: d.y, r: d.r}, gN);
            s.setAttribute("fill", colour(d)); s.setAttribute("stroke", d.provisional ? "#000" : "#fff"); s.setAttribute("stroke-width", 1.5);
            if (d.provisional) s.setAttribute("stroke-dasharray", "2,2");
            s.setAttribute("opacity", faded ? 0.25 : 1); s.style.cursor = "pointer";
            el("title", {}, s).textContent = `${d.name} ${d.code}${d.provisional ? " (provisional)" : ""}${d.aliases.length ? "\naka " + d.aliases.join("; ") : ""}`;
            s.addEventListener("click", () => info(d));
            if (labelled.has(d.id)) {
              const t = el("text", {x: d.x + d.r + 3, y: d.y + 4, class: d.id === hubId ? "hub" : ""}, gT);
              t.textContent = d.name; if (faded) t.setAttribute("opacity", 0.3);
            }
          });
          legend();
        }

        function legend() {
          const rl = document.getElementById("relLegend"); rl.innerHTML = "";
          for (const r in REL) rl.innerHTML += `<div><span class="ln" style="border-top:2px ${REL[r][1] ? (r === "allied_with" ? "dotted" : "dashed") : "solid"} ${REL[r][0]}"></span>${r}</div>`;
          rl.innerHTML += `<div><span class="ln" style="border-top:5px solid #80b890"></span>events, cooperative</div><div><span class="ln" style="border-top:5px solid #e08080"></span>events, conflictual</div>`;
          const lg = document.getElementById("legend"); lg.innerHTML = "";
          const bySector = document.getElementById("colour").value === "sector";
          document.getElementById("colourTitle").textContent = bySector ? "Sectors" : "Countries";
          if (bySector) { for (const s in SECTOR) lg.innerHTML += `<div><span class="sw" style="background:${SECTOR[s]}"></span>${s || "none / country"}</div>`; }
          else countries.slice(0, 20).forEach(c => { lg.innerHTML += `<div><span class="sw" style="background:${countryColour[c]}"></span>${c} (${countryCount[c]})</div>`; });
          lg.innerHTML += `<div style="margin-top:4px">circle = person, square = organisation or country, hexagon = alliance or IGO; size = PageRank; dashed outline = provisional code</div>`;
        }

        function info(d) {
          const lines = DATA.relations.filter(e => e.s === d.id || e.t === d.id).map(e => {
            const a = nodes[byId.get(e.s)].name, b = nodes[byId.get(e.t)].name;
            return `<div><span class="${e.rel}">${e.rel}</span>: ${a} → ${b}${e.label ? " (" + e.label + ")" : ""} <small>${e.from || ""}..${e.until || ""} ${e.origin}</small></div>`;
          }).join("");
          document.getElementById("info").innerHTML = `<b>${d.name}</b> ${d.code}${d.provisional ? " (provisional)" : ""}<br><small>${d.type} ${d.aliases.join("; ")}</small>${lines}`;
        }

        layout();
        draw();
        ["colour", "showEvents", "showDict", "asof"].forEach(id => document.getElementById(id).addEventListener("change", draw));
        document.getElementById("clear").addEventListener("click", () => { document.getElementById("asof").value = ""; draw(); });
        </script>
        </body></html>
        """#
}
