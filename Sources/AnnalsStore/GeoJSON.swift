import AnnalsCore
import Foundation

/// Locations as both stores keep them: the record's JSON object in a TEXT column.
public enum GeoJSON {
    public static func encode(_ location: Location) -> String? {
        var json = JSONWriter()
        location.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    public static func decode(_ text: String?) -> Location? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Location.self, from: data)
    }
}

/// A circle on the globe: `--near LAT,LON,RADIUSkm`.
public struct GeoCircle: Sendable, Hashable {
    public var lat: Double
    public var lon: Double
    public var radiusKm: Double

    public init(lat: Double, lon: Double, radiusKm: Double) {
        self.lat = lat
        self.lon = lon
        self.radiusKm = radiusKm
    }

    /// Parses `31.5,35.1,50km` (the unit `km` is optional; `mi` converts miles).
    public init?(parsing text: String) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, let lat = Double(parts[0]), let lon = Double(parts[1]), abs(lat) <= 90, abs(lon) <= 180 else {
            return nil
        }
        var r = parts[2].lowercased()
        var factor = 1.0
        if r.hasSuffix("km") {
            r.removeLast(2)
        } else if r.hasSuffix("mi") {
            r.removeLast(2)
            factor = 1.609344
        }
        guard let radius = Double(r.trimmingCharacters(in: .whitespaces)), radius > 0 else { return nil }
        self.init(lat: lat, lon: lon, radiusKm: radius * factor)
    }

    /// An SQL condition over `lat`/`lon` columns, binding its values into `arguments`: the
    /// equirectangular distance (good to about 1% within a few hundred kilometres, so a radius is a
    /// radius there) within the radius.
    func sqlCondition(lat latColumn: String, lon lonColumn: String, _ arguments: inout SQLArguments) -> String {
        let kmPerDegree = 111.195
        let kx = kmPerDegree * cos(lat * Double.pi / 180)
        func v(_ x: Double) -> String { arguments.bind(.double(x)) }
        // Each use binds its own values: SQLite's `?` placeholders are positional.
        func dy() -> String { "((\(latColumn) - \(v(lat))) * \(v(kmPerDegree)))" }
        func dx() -> String { "((\(lonColumn) - \(v(lon))) * \(v(kx)))" }
        return "(\(latColumn) IS NOT NULL AND \(dy()) * \(dy()) + \(dx()) * \(dx()) <= \(v(radiusKm * radiusKm)))"
    }
}
