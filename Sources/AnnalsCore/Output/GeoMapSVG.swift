/// A world map of event locations as inline SVG, drawn offline: country outlines from Natural Earth
/// 1:110m (public domain; `Resources/Gazetteer/world.svgpath`) in an equirectangular projection, and
/// one circle per place, its area proportional to the number of events there, red where material or
/// verbal conflict is the majority and green where cooperation is.
public enum GeoMapSVG {
    /// Country outlines, `(ISO alpha-3, SVG path data)`, read once; empty if the resource is missing.
    static let outlines: [(String, String)] = {
        guard let text = try? BundledResource.text("Gazetteer/world.svgpath") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return (String(line[..<tab]), String(line[line.index(after: tab)...]))
        }
    }()

    /// The map section of a report: a heading and the SVG, or "" when no event has coordinates.
    public static func section(_ events: [(Location, Int)]) -> String {
        struct Spot {
            var name: String
            var lat: Double
            var lon: Double
            var count = 0
            var conflict = 0
        }
        var spots: [String: Spot] = [:]
        var order: [String] = []
        for (l, quad) in events {
            guard let lat = l.lat, let lon = l.lon else { continue }
            let key = "\(l.name)|\(l.country)"
            if spots[key] == nil {
                spots[key] = Spot(name: l.country.isEmpty ? l.name : "\(l.name), \(l.country)", lat: lat, lon: lon)
                order.append(key)
            }
            spots[key]!.count += 1
            if quad >= 3 { spots[key]!.conflict += 1 }
        }
        guard !spots.isEmpty else { return "" }
        var svg = ##"<svg viewBox="0 0 360 180" width="900" height="450" style="background:#dfeaf5;border:1px solid #ccd">"##
        svg += ##"<g fill="#f7f6f0" stroke="#9aa3b0" stroke-width="0.15">"##
        for (code, d) in outlines { svg += "<path d=\"\(d)\"><title>\(code)</title></path>" }
        svg += "</g><g stroke=\"#fff\" stroke-width=\"0.2\" fill-opacity=\"0.75\">"
        let top = spots.values.map(\.count).max() ?? 1
        for key in order.sorted(by: { spots[$0]!.count > spots[$1]!.count }) {
            let s = spots[key]!
            let r = 0.8 + 3.2 * (Double(s.count) / Double(top)).squareRoot()
            let colour = s.conflict * 2 > s.count ? "#c0392b" : "#2e8b57"
            svg += "<circle cx=\"\(fmt(s.lon + 180))\" cy=\"\(fmt(90 - s.lat))\" r=\"\(fmt(r))\" fill=\"\(colour)\">"
            svg += "<title>\(GraphText.xml(s.name)): \(s.count) event\(s.count == 1 ? "" : "s")</title></circle>"
        }
        svg += "</g></svg>"
        let placed = spots.values.reduce(0) { $0 + $1.count }
        return "<h2>Where (\(placed) events at \(spots.count) places)</h2>"
            + "<p><small>Circle area ∝ events; red: conflict the majority. Outlines: Natural Earth (public domain). "
            + "Places: GeoNames (CC BY 4.0).</small></p>" + svg
    }

    private static func fmt(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return String(r)
    }
}
