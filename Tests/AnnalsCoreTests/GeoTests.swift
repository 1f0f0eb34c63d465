import Foundation
import Testing

@testable import AnnalsCore

/// The gazetteer, place mentions and event locations.
@Suite struct GeoTests {
    static let gazetteer: Gazetteer = try! Gazetteer.loadBundled()
    static let geo = Geolocator(gazetteer: gazetteer)

    /// Codes `text` with the bundled dictionaries and the Geo stage.
    static func events(_ text: String, title: String? = nil) -> [EventRecord] {
        let pipeline = Pipeline(coder: CoderTestSupport.coder, geolocator: geo)
        return pipeline.run(Document(id: "t", text: text, title: title, date: Day("2024-03-12"))).events
    }

    /// The place mentions of one sentence, resolved, as "text=NAME/COUNTRY".
    static func places(_ text: String) -> [String] {
        let a = geo.analyse(Document(id: "t", text: text), sentences: [Sentence(index: 0, text: text)])
        return a.sentences[0].mentions.compactMap { m in
            m.place.map { p in
                let place = gazetteer.places[Int(p)]
                return "\(place.name)/\(place.country)/\(place.feature.rawValue)"
            }
        }
    }

    @Test func gazetteerLoadsWithCountriesDivisionsAndCities() throws {
        let g = Self.gazetteer
        #expect(g.places.count > 30_000)
        #expect(g.country("PAK")?.fips == "PK")
        #expect(g.places(named: "Swat valley").contains { $0.country == "PAK" && $0.feature == .region })
        #expect(g.places(named: "Texas").contains { $0.country == "USA" && $0.feature == .adm1 })
        #expect(g.places(named: "Kharkiv").contains { $0.country == "UKR" && $0.feature == .city && $0.geonamesID == 706483 })
    }

    @Test func compilingTheGazetteerIsFast() throws {
        let places = try BundledResource.text("Gazetteer/places.tsv")
        let cues = try BundledResource.text("Gazetteer/cues.tsv")
        let clock = ContinuousClock()
        let start = clock.now
        let g = try Gazetteer.load(places: places, placesOrigin: "places.tsv", cues: cues, cuesOrigin: "cues.tsv")
        let elapsed = clock.now - start
        print("gazetteer: \(g.places.count) places, \(g.nameCount) names compiled in \(elapsed)")
        // Scripts/sanitize sets ANNALS_SANITIZER: ThreadSanitizer and AddressSanitizer slow code 2-15
        // times, so the bound is there only to catch a change of complexity.
        let slowdown = ProcessInfo.processInfo.environment["ANNALS_SANITIZER"] == nil ? 1 : 10
        #if DEBUG
            // Unoptimised, beside the other suites on a shared machine.
            #expect(elapsed < .seconds(8) * slowdown)
        #else
            #expect(elapsed < .milliseconds(100) * slowdown)
        #endif
    }

    @Test func aBadRowIsReportedWithFileAndLine() {
        let bad = "# header\n1\tcity\tFRA\t11\t48.8\tnot-a-number\t100\t\tParis\n"
        #expect {
            _ = try Gazetteer.load(places: bad, placesOrigin: "places.tsv", cues: "", cuesOrigin: "cues.tsv")
        } throws: { error in
            "\(error)".hasPrefix("places.tsv:2: bad coordinates")
        }
    }

    @Test func parisFranceAndParisTexas() {
        #expect(Self.places("Protesters marched in Paris on Saturday.") == ["Paris/FRA/city"])
        #expect(Self.places("A gunman opened fire in Paris, Texas, on Saturday.") == ["Paris/USA/city", "Texas/USA/adm1"])
    }

    @Test func tripoliLibyaOrLebanonByContext() {
        #expect(Self.places("Fighting resumed in Tripoli.") == ["Tripoli/LBY/city"])
        #expect(Self.places("Fighting resumed in Lebanon's northern city of Tripoli.") == ["Lebanon/LBN/country", "Tripoli/LBN/city"])
        let lebanese = Self.events("Lebanese troops clashed with militants in Tripoli.")
        #expect(lebanese.first?.location?.country == "LBN")
    }

    @Test func georgiaTheStateOrTheCountry() {
        #expect(Self.places("Russia sent troops into Georgia.").last == "Georgia/GEO/country")
        #expect(Self.places("Voters queued in Atlanta, Georgia.") == ["Atlanta/USA/city", "Georgia/USA/adm1"])
    }

    @Test func aDatelinePlacesEventsTheSentenceDoesNot() throws {
        let events = Self.events("PESHAWAR, Pakistan (Reuters) - Pakistan's army arrested three Taliban commanders on Monday.")
        let location = try #require(events.first?.location)
        #expect(location.name == "Peshawar" && location.country == "PAK" && location.from == .dateline)
        #expect(location.geonamesID == 1168197)
    }

    @Test func theSentencesPlaceBeatsTheDateline() throws {
        let events = Self.events("ISLAMABAD (Reuters) - Taliban militants attacked a police station in Pakistan's Swat valley.")
        let location = try #require(events.first?.location)
        #expect(location.name == "Swat valley" && location.from == .sentence && location.country == "PAK")
    }

    @Test func anEventNounWithAPlace() throws {
        let events = Self.events("Islamic State claimed responsibility for the Paris attacks.")
        let location = try #require(events.first?.location)
        #expect(location.name == "Paris" && location.country == "FRA")
    }

    @Test func anActorsHomePlaceIsNotTheEventsPlace() throws {
        let met = Self.events("The Kharkiv governor met Ukrainian President Volodymyr Zelensky in Kyiv.")
        let e = try #require(met.first { $0.source?.text.contains("Kharkiv") == true })
        #expect(e.location?.name == "Kyiv")
        #expect(e.source?.place?.name == "Kharkiv" && e.source?.place?.from == .actor)
        let criticised = Self.events("The mayor of Hebron criticised Israel.")
        #expect(!criticised.isEmpty)
        #expect(criticised.allSatisfy { $0.location == nil })
    }

    @Test func aPlaceTargetOfAnAttackIsItsScene() throws {
        let e = try #require(Self.events("Turkish forces shelled Afrin on Sunday.").first)
        #expect(e.location?.country == "SYR" && e.location?.feature == .city)
        // A government named by its capital is no scene: talks with Ankara need not happen there.
        let sided = Self.events("Washington sided with Ankara.")
        #expect(sided.allSatisfy { $0.location == nil })
    }

    @Test func gdeltTSVCarriesActionAndActorGeography() throws {
        let e = try #require(
            Self.events("The Kharkiv governor met Ukrainian President Volodymyr Zelensky in Kyiv.").first {
                $0.source?.text.contains("Kharkiv") == true
            })
        let fields = RecordTable.tsvFields(EventRow(e))
        func column(_ name: String) -> String { fields[RecordTable.tsvColumns.firstIndex(of: name)!] }
        #expect(column("ActionGeo_Type") == "4")
        #expect(column("ActionGeo_FullName").hasPrefix("Kyiv") && column("ActionGeo_FullName").hasSuffix("Ukraine"))
        #expect(column("ActionGeo_CountryCode") == "UP")  // FIPS, as GDELT writes Ukraine
        #expect(column("ActionGeo_ADM1Code") == "UP12")
        #expect(column("ActionGeo_FeatureID") == "703448")
        #expect(abs(Double(column("ActionGeo_Lat"))! - 50.45) < 0.01 && abs(Double(column("ActionGeo_Long"))! - 30.52) < 0.01)
        #expect(column("Actor1Geo_FullName").hasPrefix("Kharkiv"))
        #expect(column("Actor2Geo_Type") == "")
        let back = try RecordTable.row(tsvFields: fields)
        #expect(back.actionGeo?.country == "UKR" && back.actionGeo?.geonamesID == 703448)
    }

    @Test func jsonLinesCarryTheLocation() throws {
        let e = try #require(Self.events("Israeli troops raided homes in Hebron.").first)
        var json = JSONWriter()
        e.write(to: &json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        let location = try #require(object["location"] as? [String: Any])
        #expect(location["name"] as? String == "Hebron")
        #expect(location["country"] as? String == "PSE")
        #expect(location["feature"] as? String == "city")
        #expect(location["from"] as? String == "sentence")
        #expect(location["geonames_id"] as? Int == 285066)
        #expect(Set(location.keys) == ["text", "name", "geonames_id", "feature", "country", "adm1", "lat", "lon", "from", "span"])
    }

    @Test func placeContextGivesTheCountryForGenericActors() {
        let text = "KARACHI (Reuters) - Police arrested 20 protesters in Peshawar. Police said the men were armed."
        var doc = Document(id: "c", text: text)
        let sentences = Preprocessor().sentences(in: &doc)
        let analysis = Self.geo.analyse(doc, sentences: sentences)
        let first = analysis.context(sentence: sentences[0].index, trigger: nil, geolocator: Self.geo)
        #expect(first.eventCountry == "PAK" && first.country == "PAK")
        let second = analysis.context(sentence: sentences[1].index, trigger: nil, geolocator: Self.geo)
        #expect(second.eventCountry == nil && second.datelineCountry == "PAK" && second.country == "PAK")
        #expect(analysis.dominantCountry == "PAK")
    }

    @Test func theWorldMapIsDrawnOffline() {
        let hebron = Location(
            text: "Hebron", name: "Hebron", geonamesID: 285066, feature: .city, country: "PSE", adm1: "WE", lat: 31.5, lon: 35.1,
            from: .sentence, span: Span(0, 6))
        let html = GeoMapSVG.section([(hebron, 4), (hebron, 1)])
        #expect(html.contains("<svg") && html.contains("Hebron, PSE: 2 events"))
        #expect(html.contains("<path d=\"M"))  // country outlines
        #expect(!html.contains("http"))
        #expect(GeoMapSVG.section([]) == "")
    }
}
