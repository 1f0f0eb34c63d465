import Foundation

/// A place of the gazetteer: a country, a first-level division, a region news names, or a city.
public struct Place: Sendable, Hashable {
    public enum Feature: String, Sendable, Codable, CaseIterable {
        case city, adm1, country, region
    }
    /// GeoNames id, 0 when the place has none (divisions and hand-entered regions).
    public var geonamesID: Int
    public var feature: Feature
    /// ISO 3166-1 alpha-3 code (`PAK`), the same three letters CAMEO actor codes start with.
    public var country: String
    /// GeoNames admin1 code of the containing division (`TX`, `08`), empty when unknown.
    public var adm1: String
    public var lat: Double
    public var lon: Double
    public var population: Int
    /// Country rows: the FIPS 10-4 code GDELT writes in its `*Geo_CountryCode` columns.
    public var fips: String
    /// True for a national capital.
    public var isCapital: Bool
    /// Canonical name (the first of the resource's names).
    public var name: String
    /// Line of the resource row in `places.tsv`.
    public var line: Int
}

/// Where an event happened (or where an actor is from), as records carry it.
///
/// JSON: `{"text","name","geonames_id","feature","country","adm1","lat","lon","from"}`.
public struct Location: Hashable, Sendable, Codable {
    /// Where the location was read from.
    public enum Origin: String, Sendable, Codable {
        /// The event's own sentence ("in Hebron", "the Paris attacks", "shelled Aleppo").
        case sentence
        /// The document's dateline ("PESHAWAR, Pakistan (Reuters) -").
        case dateline
        /// The actor's stated place ("Kharkiv governor"), for `ActorRef.place` only.
        case actor
    }
    /// The words of the text ("Pakistan's Swat valley" gives "Swat valley").
    public var text: String
    /// Canonical gazetteer name; the text's own words for a place the gazetteer lacks.
    public var name: String
    /// GeoNames id when the place has one.
    public var geonamesID: Int?
    public var feature: Place.Feature
    /// ISO 3166-1 alpha-3, empty when unknown.
    public var country: String
    /// GeoNames admin1 code, empty when unknown.
    public var adm1: String
    /// Coordinates; nil for a place the gazetteer lacks.
    public var lat: Double?
    public var lon: Double?
    public var from: Origin
    /// Byte range of `text` in the original document (empty for a dateline the cleaner removed).
    public var span: [Int]

    enum CodingKeys: String, CodingKey {
        case text, name, geonamesID = "geonames_id", feature, country, adm1, lat, lon, from, span
    }

    public init(
        text: String, name: String, geonamesID: Int?, feature: Place.Feature, country: String, adm1: String,
        lat: Double?, lon: Double?, from: Origin, span: Span
    ) {
        self.text = text
        self.name = name
        self.geonamesID = geonamesID
        self.feature = feature
        self.country = country
        self.adm1 = adm1
        self.lat = lat
        self.lon = lon
        self.from = from
        self.span = [span.start, span.end]
    }

    /// The location of a gazetteer place named by `text`.
    public init(place: Place, text: String, from: Origin, span: Span) {
        self.init(
            text: text, name: place.name, geonamesID: place.geonamesID == 0 ? nil : place.geonamesID,
            feature: place.feature, country: place.country, adm1: place.adm1, lat: place.lat, lon: place.lon,
            from: from, span: span)
    }

    /// Great-circle distance in kilometres to a point, nil without coordinates.
    public func distance(toLat lat2: Double, lon lon2: Double) -> Double? {
        guard let lat, let lon else { return nil }
        return GeoMath.distanceKm(lat, lon, lat2, lon2)
    }
}

/// Small spherical geometry helpers.
public enum GeoMath {
    /// Haversine distance in kilometres.
    public static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p = Double.pi / 180
        let dLat = (lat2 - lat1) * p
        let dLon = (lon2 - lon1) * p
        let a = pow(sin(dLat / 2), 2) + cos(lat1 * p) * cos(lat2 * p) * pow(sin(dLon / 2), 2)
        return 2 * 6371.0 * asin(min(1, a.squareRoot()))
    }
}
