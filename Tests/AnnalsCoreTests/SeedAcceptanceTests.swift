import Foundation
import Testing

@testable import AnnalsCore

/// The customer's article against what a careful analyst extracts from it
/// (`../shared/seed/seed-article.gold.json`): required events, forbidden codings, dedup, total.
@Suite struct SeedAcceptanceTests {
    struct Gold {
        var json: [String: Any]
        var actors: [String: [String: Any]]

        /// Does a coded actor stand for the gold actor `id`? By name, else by country and sector.
        func matches(_ ref: ActorRef?, _ id: Any) -> Bool {
            guard let id = id as? String else { return ref == nil }
            guard let ref, let actor = actors[id] else { return false }
            let names = (actor["names"] as? [String] ?? []).map { $0.lowercased() }
            if names.contains(ref.name.lowercased()) || names.contains(where: { ref.text.lowercased().hasSuffix($0) }) { return true }
            let countries = (actor["country"] as? [String]) ?? [(actor["country"] as? String) ?? ""]
            let sectors = actor["sector"] as? [String] ?? []
            return countries.contains(ref.country) && sectors.contains(ref.sector)
        }

        func matches(_ e: EventRecord, spec: [String: Any]) -> Bool {
            let sources = spec["source"] as? [Any] ?? []
            let targets = spec["target"] as? [Any] ?? []
            guard sources.contains(where: { matches(e.source, $0) }) else { return false }
            guard targets.contains(where: { matches(e.target, $0) }) else { return false }
            let rootOK = (spec["cameo_root"] as? [String])?.contains(e.root) ?? true
            let codeOK = (spec["cameo_code"] as? [String])?.contains(e.cameo) ?? false
            guard rootOK || codeOK else { return false }
            if let modalities = spec["modality"] as? [String], !modalities.contains(e.modality.rawValue) { return false }
            if let date = spec["date"] as? String, e.date != date { return false }
            return e.polarity == .affirmed
        }
    }

    func load() throws -> (Gold, [EventRecord])? {
        guard let goldURL = SharedFixtures.file("seed/seed-article.gold.json"),
            let articleURL = SharedFixtures.file("seed/seed-article.txt")
        else { return nil }
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any])
        var actors: [String: [String: Any]] = [:]
        for a in json["actors"] as? [[String: Any]] ?? [] { actors[a["id"] as! String] = a }
        let text = try String(contentsOf: articleURL, encoding: .utf8)
        var document = Document(id: "seed-article.txt", text: text, date: Day(json["document_date"] as! String))
        let sentences = Preprocessor().sentences(in: &document)
        var options = CodingOptions()
        options.includeNegated = true
        let coded = CoderTestSupport.coder.code(document, sentences: sentences, options: options)
        return (Gold(json: json, actors: actors), coded.events)
    }

    @Test func everyRequiredEventIsCoded() throws {
        guard let (gold, events) = try load() else { return }
        for spec in gold.json["events_required"] as? [[String: Any]] ?? [] {
            let hit = events.contains { gold.matches($0, spec: spec) }
            #expect(hit, "missing required event \(spec["id"]!): \(spec["evidence"]!)")
        }
    }

    @Test func noForbiddenEventIsAffirmed() throws {
        guard let (gold, events) = try load() else { return }
        for spec in gold.json["events_forbidden"] as? [[String: Any]] ?? [] {
            if let evidence = spec["evidence"] as? String {
                #expect(!events.contains { $0.text.contains(evidence) }, "boilerplate coded: \(evidence)")
                continue
            }
            let sources = spec["source_country"] as? [String] ?? []
            let targets = spec["target_country"] as? [String] ?? []
            let roots = spec["cameo_root"] as? [String] ?? []
            let okModalities = spec["modality_ok"] as? [String] ?? []
            let bad = events.filter { e in
                e.polarity == .affirmed && sources.contains(e.source?.country ?? "") && targets.contains(e.target?.country ?? "")
                    && roots.contains(e.root) && !okModalities.contains(e.modality.rawValue)
            }
            #expect(
                bad.isEmpty, "forbidden (\(spec["why"]!)): \(bad.map { "\($0.source?.code ?? "") \($0.cameo) \($0.target?.code ?? "")" })")
        }
    }

    @Test func theLetterOfSupportIsOneEventAndTheTotalIsBounded() throws {
        guard let (gold, events) = try load() else { return }
        let affirmed = events.filter { $0.polarity == .affirmed }
        let dedup = try #require(gold.json["dedup"] as? [String: Any])
        let spec = try #require(
            (gold.json["events_required"] as? [[String: Any]])?.first { $0["id"] as? String == dedup["event"] as? String })
        var restricted = spec
        restricted["source"] = dedup["source"]
        let letters = affirmed.filter { gold.matches($0, spec: restricted) }
        #expect(letters.count <= dedup["max_distinct_events"] as! Int, "letter of support coded \(letters.count) times")
        #expect(letters.contains { $0.mentions >= 2 }, "the headline and the body should count as mentions of one event")
        #expect(affirmed.count <= gold.json["max_events_total"] as! Int, "\(affirmed.count) events")
        #expect(affirmed.count >= 8)
    }
}
