/// Relationships stated as verbs: "Russia is backing the government", "the United States supports some
/// opposition forces", "have supported the Kurds since 2014". They are affiliations (the relation
/// extractor's business, docs/network.md), not events; a backing given at a time is one ("backed the
/// resolution on Monday", "will support the bid").
extension SentenceCoder {
    static let backingVerbs = ClosedClass.keys(Morphology.allForms(["back", "support", "sponsor"]))

    /// Whether verb group `g` states a relationship that holds rather than an act: its head is a verb of
    /// backing in the simple present, the progressive or the perfect (not the simple past, a modal or an
    /// infinitive, and not passive: "the resolution was backed by 12 members" is a vote).
    func statesRelationship(_ g: VerbGroup, _ a: Analysis) -> Bool {
        guard Self.backingVerbs.contains(a.tokens[g.head].key), !g.passive, !g.infinitival, !g.future, !g.hypothetical else {
            return false
        }
        let auxiliaries = a.tokens[g.start..<g.head]
        if auxiliaries.contains(where: { $0.is(.doAux) }) { return false }  // "did support", "does not back"
        let perfect = auxiliaries.contains { $0.is(.have) }
        switch g.form {
        case .thirdPerson, .base: return !perfect
        case .gerund: return auxiliaries.contains { $0.is(.be) }  // "is backing"
        case .participle, .past: return perfect  // "have supported", not "backed"
        }
    }

    /// Removes the events whose trigger is a relationship that holds (see `statesRelationship`).
    func withoutRelationships(_ events: [EventCandidate], _ a: Analysis) -> [EventCandidate] {
        events.filter { e in
            guard let g = a.groups.first(where: { $0.head >= e.triggerStart && $0.head < e.triggerEnd }) else { return true }
            return !statesRelationship(g, a)
        }
    }
}
