import Foundation

/// Chooses among a mention's gazetteer candidates ("Paris": France or Texas?) by, in order of
/// weight, the containing place named next to it ("Paris, Texas", "Lebanon's Tripoli"), the
/// countries the sentence names or its actors belong to, the document's countries, the kind of
/// place (a country before a state of the same name, a capital before a town) and population.
public struct PlaceResolver: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Country counts of a document or sentence, used as context.
    public struct Context: Sendable {
        public var sentence: Set<String> = []
        public var document: [String: Double] = [:]
        public init(sentence: Set<String> = [], document: [String: Double] = [:]) {
            self.sentence = sentence
            self.document = document
        }
    }

    /// Resolves every mention of a sentence in place: containers first, then the places they contain.
    public func resolve(_ mentions: inout [PlaceMention], context: Context) {
        let topDocument = context.document.values.max() ?? 0
        func score(_ p: Place) -> Double {
            // Hand-entered regions carry no population; they are the places news names (Borno, Donbas), not
            // towns: weigh them as a large city, so "Borno" is the Nigerian state, not the alternate name of
            // Borna in Saxony.
            let population = p.feature == .region ? max(p.population, 500_000) : p.population
            var s = log10(Double(max(population, 0)) + 10)
            switch p.feature {
            case .country: s += 2.5
            case .adm1: s += 0.5
            case .region: s += 1.5
            case .city: s += p.isCapital ? 1 : 0
            }
            if context.sentence.contains(p.country) { s += 2.5 }
            if topDocument > 0, let d = context.document[p.country] { s += 2 * d / topDocument }
            return s
        }
        func best(_ candidates: [Int32], within outer: Place?) -> Int32? {
            var choice: Int32?
            var top = -Double.infinity
            for c in candidates {
                let p = gazetteer.places[Int(c)]
                var s = score(p)
                if let outer { s += PlaceRecognizer.contains(outer, p) ? 5 : (outer.country == p.country ? 1 : 0) }
                if s > top {
                    top = s
                    choice = c
                }
            }
            return choice
        }
        // Containers: the candidate that contains the most likely inner place.
        for i in mentions.indices where mentions[i].isContainer {
            guard let inner = mentions.firstIndex(where: { $0.container == i }) else { continue }
            var choice: Int32?
            var top = -Double.infinity
            for o in mentions[i].candidates {
                let outer = gazetteer.places[Int(o)]
                for c in mentions[inner].candidates where PlaceRecognizer.contains(outer, gazetteer.places[Int(c)]) {
                    let s = score(outer) + score(gazetteer.places[Int(c)])
                    if s > top {
                        top = s
                        choice = o
                    }
                }
            }
            mentions[i].place = choice ?? best(mentions[i].candidates, within: nil)
        }
        for i in mentions.indices where mentions[i].place == nil {
            let outer = mentions[i].container.flatMap { mentions[$0].place }.map { gazetteer.places[Int($0)] }
            mentions[i].place = best(mentions[i].candidates, within: outer)
        }
    }

    /// Countries named by mentions with a single country among their candidates (Syria, Kabul), for
    /// sentence context before resolving.
    public func unambiguousCountries(_ mentions: [PlaceMention]) -> Set<String> {
        var out = Set<String>()
        for m in mentions {
            let countries = Set(m.candidates.map { gazetteer.places[Int($0)].country })
            if countries.count == 1, let c = countries.first, !c.isEmpty { out.insert(c) }
        }
        return out
    }
}
