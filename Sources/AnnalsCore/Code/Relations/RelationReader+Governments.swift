/// A government named by its leader: "the government of Recep Tayyip Erdoğan", "the regime of
/// Syrian President Bashar al-Assad", "Erdoğan's government", "the Erdoğan administration".
///
/// The person leads the country whose government it is. The country comes from the dictionaries:
/// the person's dated `leads` of a country on the document's date, else a dated government role
/// (`TURGOV`). A name the dictionaries do not know, or a leader out of office on that date ("the
/// Obama administration" in 2018), gives nothing; so does a past government ("the former
/// government of ...").
extension RelationReader {
    func governmentsByLeader() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for piece in pieces where isPersonMeaning(piece.meaning) {
            guard let x = Self.actorOf(piece.meaning), let noun = governmentNoun(around: piece.start..<piece.end) else { continue }
            let span = min(noun, piece.start)..<max(noun + 1, piece.end)
            guard !pastRole(span), let country = ledCountry(x, at: noun) else { continue }
            out.append(
                FoundRelation(
                    subject: party(actor: x, start: piece.start, end: piece.end), relation: .leads, label: words[noun], object: country,
                    trigger: noun..<(noun + 1), rule: "government of its leader"))
        }
        return out
    }

    /// The government noun naming the person at `name` as its leader: "the government of NAME"
    /// (titles may stand between: "of Syrian President NAME"), "NAME's government", "the NAME
    /// administration".
    func governmentNoun(around name: Range<Int>) -> Int? {
        // "the government of [Syrian President] NAME".
        var q = name.lowerBound - 1
        while q >= 0, name.lowerBound - q <= 3, key(q) != ClosedClass.of, a.tokens[q].flags.contains(.capitalized),
            !a.tokens[q].flags.contains(.punctuation)
        { q -= 1 }
        if q >= 1, key(q) == ClosedClass.of, Self.governmentNounKeys.contains(key(q - 1)), isDeterminer(q - 2) { return q - 1 }
        // "NAME's government", "the NAME administration".
        let after = name.upperBound < count && a.tokens[name.upperBound].flags.contains(.possessive) ? name.upperBound + 1 : name.upperBound
        guard after < count, Self.governmentNounKeys.contains(key(after)) else { return nil }
        let possessive = after > name.upperBound || a.tokens[name.upperBound - 1].flags.contains(.possessive)
        guard possessive || isDeterminer(name.lowerBound - 1) else { return nil }
        // "the Erdoğan government's critics" is still his government; "Erdoğan's government
        // minister" names someone else.
        if after + 1 < count, role(at: after + 1) != nil { return nil }
        return after
    }

    /// The country person `x` leads on the document's date, as a party standing at token `at`.
    func ledCountry(_ x: Int, at p: Int) -> RelationParty? {
        let actor = lexicon.actors[x]
        let current = { (period: Period) in day.map { period.contains($0) } ?? true }
        if let aff = actor.affiliations.first(where: { $0.relation == .leads && current($0.period) }),
            let y = lexicon.actorIndex[aff.target], lexicon.actors[y].type == .country
        {
            return party(actor: y, start: p, end: p + 1)
        }
        guard let held = actor.roles.first(where: { current($0.period) && $0.code.dropFirst(3).hasPrefix("GOV") }),
            let y = lexicon.actorIndex[ActorCode.country(of: held.code).lowercased()], lexicon.actors[y].type == .country
        else { return nil }
        return party(actor: y, start: p, end: p + 1)
    }

    /// Nouns of a government a leader's name can own.
    static let governmentNounKeys = RelationWordLists.bundled["government-nouns"].keys
}
