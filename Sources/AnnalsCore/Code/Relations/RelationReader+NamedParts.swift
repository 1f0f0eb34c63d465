/// Parts named as parts: a region "of" its country, and an organisation whose name begins with
/// its parent's ("the UN high commissioner for refugees").
extension RelationReader {

    func namedParts() -> [FoundRelation] {
        regionsOf() + namesOfParents()
    }

    /// "the semi-autonomous Kurdistan region of Iraq", "the Idlib province of Syria", "Iraq's
    /// Kurdistan region": a named division is part of the country that follows "of" or owns it.
    func regionsOf() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 1..<max(1, count) where Self.regionNounKeys.contains(key(p)) {
            // The name before the region noun: a capitalised run ("Kurdistan"), not a country.
            var b = p
            while b > 0, a.tokens[b - 1].flags.contains(.capitalized), !a.tokens[b - 1].flags.contains(.punctuation),
                !isDeterminer(b - 1), !a.tokens[b - 1].flags.contains(.possessive)
            { b -= 1 }
            guard b < p, p - b <= 3 else { continue }
            if let piece = pieces.first(where: { $0.start == b && $0.end == p }), let x = Self.actorOf(piece.meaning),
                lexicon.actors[x].type == .country
            {
                continue  // "the Syria region": a country is no division
            }
            var country: RelationParty?
            if p + 1 < count, key(p + 1) == ClosedClass.of {
                var q = p + 2
                while q < count, isDeterminer(q) { q += 1 }
                country = countryPiece(at: q)
            } else if b >= 2, a.tokens[b - 1].flags.contains(.possessive) {
                // "Iraq's Kurdistan region"
                country = countryPiece(endingAt: b - 1)
            }
            guard let object = country else { continue }
            let subject: RelationParty
            if let piece = pieces.first(where: { $0.start == b && $0.end >= p }), let x = Self.actorOf(piece.meaning),
                lexicon.actors[x].type != .country
            {
                subject = party(actor: x, start: b, end: p + 1)
            } else {
                subject = RelationParty(actor: nil, name: text(b, p + 1), code: "", start: b, end: p + 1, isPerson: false)
            }
            out.append(
                FoundRelation(subject: subject, relation: .partOf, label: words[p], object: object, trigger: p..<(p + 1), rule: "region of")
            )
        }
        return out
    }

    /// The country named by the piece starting at `q`.
    func countryPiece(at q: Int) -> RelationParty? {
        guard q < count, let piece = pieces.first(where: { $0.start == q }), let x = Self.actorOf(piece.meaning),
            lexicon.actors[x].type == .country
        else { return nil }
        return party(actor: x, start: piece.start, end: piece.end)
    }

    /// The country named by the piece ending at `e` (exclusive), or whose last token is the
    /// possessive at `e` ("Iraq's" as one token).
    func countryPiece(endingAt e: Int) -> RelationParty? {
        guard let piece = pieces.first(where: { $0.end == e || $0.end == e + 1 && a.tokens[e].flags.contains(.possessive) }),
            let x = Self.actorOf(piece.meaning), lexicon.actors[x].type == .country
        else { return nil }
        return party(actor: x, start: piece.start, end: piece.end)
    }

    /// "the UN high commissioner for refugees", "the EU Commission": a dictionary organisation
    /// whose name, as written, opens with the name of what the dictionaries put it in. Countries
    /// are left to the chunk rules ("Iran's Quds Force").
    func namesOfParents() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for piece in pieces {
            guard piece.end - piece.start >= 2, let x = Self.actorOf(piece.meaning), lexicon.actors[x].type != .country,
                lexicon.actors[x].type != .person
            else { continue }
            let parents = lexicon.actors[x].affiliations.filter { $0.relation == .partOf }.compactMap { lexicon.actorIndex[$0.target] }
                .filter { lexicon.actors[$0].type != .country }
            guard !parents.isEmpty else { continue }
            var s = piece.start
            while s < piece.end, isDeterminer(s) { s += 1 }
            for n in 1...min(3, piece.end - s - 1) {
                guard a.tokens[s].flags.contains(.containsUpper),
                    let y = actorsNamed(by: (s..<(s + n)).map { a.tokens[$0].key }).first(where: { parents.contains($0) })
                else { continue }
                out.append(
                    FoundRelation(
                        subject: party(actor: x, start: piece.start, end: piece.end), relation: .partOf, label: nil,
                        object: party(actor: y, start: s, end: s + n), trigger: s..<(s + n), rule: "name of its parent"))
                break
            }
        }
        return out
    }

    static let regionNounKeys = ClosedClass.keys([
        "region", "province", "governorate", "state", "district", "oblast", "canton", "prefecture", "county", "territory",
    ])
}
