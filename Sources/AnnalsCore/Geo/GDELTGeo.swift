/// GDELT 2.0's eight geography columns (`*Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat,
/// Long, FeatureID`) for a ``Location``, and back.
///
/// - Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level division or
///   region), as GDELT numbers them.
/// - FullName: "Paris, France", "Paris, Texas, United States", "Swat valley, Pakistan".
/// - CountryCode: the FIPS 10-4 code GDELT uses (`PK`, `IS`), from the gazetteer's country row.
/// - ADM1Code: FIPS country code + GeoNames admin1 code (`US TX` written `USTX`), GDELT's form.
/// - ADM2Code: empty (the gazetteer has no second-level divisions).
/// - FeatureID: the GeoNames id, empty without one.
public enum GDELTGeo {
    public static func fields(_ location: Location?, gazetteer: Gazetteer? = try? Gazetteer.loadBundled()) -> [String] {
        guard let l = location else { return Array(repeating: "", count: 8) }
        let country = gazetteer?.country(l.country)
        let fips = country?.fips ?? ""
        let type: Int
        switch l.feature {
        case .country: type = 1
        case .adm1, .region: type = l.country == "USA" ? 2 : 5
        case .city: type = l.country == "USA" ? 3 : 4
        }
        var parts = [l.name]
        if l.feature == .city, !l.adm1.isEmpty, let d = gazetteer?.division(country: l.country, adm1: l.adm1), d.name != l.name {
            parts.append(d.name)
        }
        if l.feature != .country, let c = country { parts.append(c.name) }
        return [
            String(type), parts.joined(separator: ", "), fips, l.adm1.isEmpty ? "" : fips + l.adm1, "",
            l.lat.map { RecordTable.number($0) } ?? "", l.lon.map { RecordTable.number($0) } ?? "",
            l.geonamesID.map(String.init) ?? "",
        ]
    }

    /// A location from the eight columns, nil when they are empty. The TSV does not carry the text's
    /// words, their span or where the place was read from: `text` is the name, `from` is `sentence`.
    public static func location(_ f: ArraySlice<String>, gazetteer: Gazetteer? = try? Gazetteer.loadBundled()) -> Location? {
        let v = Array(f)
        guard v.count == 8, !v[1].isEmpty else { return nil }
        let name = String(v[1].split(separator: ",").first ?? "")
        let feature: Place.Feature
        switch v[0] {
        case "1": feature = .country
        case "2", "5": feature = .adm1
        default: feature = .city
        }
        let country = gazetteer?.places.first { $0.feature == .country && $0.fips == v[2] && !v[2].isEmpty }?.country ?? ""
        let adm1 = v[3].count > 2 ? String(v[3].dropFirst(2)) : ""
        return Location(
            text: name, name: name, geonamesID: Int(v[7]), feature: feature, country: country, adm1: adm1, lat: Double(v[5]),
            lon: Double(v[6]), from: .sentence, span: Span(0, 0))
    }
}
