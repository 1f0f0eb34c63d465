import AnnalsCore
import Foundation

/// Locations as both stores keep them: the record's JSON object in a TEXT column.
public enum GeoJSON {
    public static func encode(_ location: Location) -> String? {
        var json = JSONWriter()
        location.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The location `encode` wrote, or nil. Decoded texts are kept (at most
    /// ``DecodedLocations/capacity``): a page of events repeats few places, and Foundation's
    /// `JSONDecoder` was a tenth of the CPU time of `GET /api/events`.
    public static func decode(_ text: String?) -> Location? {
        guard let text else { return nil }
        if let kept = DecodedLocations.shared[text] { return kept }
        guard let data = text.data(using: .utf8) else { return nil }
        let location = try? JSONDecoder().decode(Location.self, from: data)
        DecodedLocations.shared[text] = .some(location)
        return location
    }
}

/// The locations ``GeoJSON/decode(_:)`` has decoded, by their text; emptied when full.
final class DecodedLocations: @unchecked Sendable {
    static let shared = DecodedLocations()
    static let capacity = 4096
    private let lock = NSLock()
    private var decoded: [String: Location?] = [:]

    /// `.some(nil)` for a text that does not decode, nil for one not seen.
    subscript(text: String) -> Location?? {
        get { lock.withLock { decoded[text] } }
        set {
            guard let value = newValue else { return }
            lock.withLock {
                if decoded.count >= Self.capacity { decoded.removeAll() }
                decoded.updateValue(value, forKey: text)
            }
        }
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
