/// An organisation or state described by an appositive: "Turkey, a Nato member,", "Hezbollah,
/// Iran's main ally in the region,", "the Syrian Observatory, a UK-based monitoring group,",
/// "Hayat Tahrir al-Sham, a group linked to al-Qaida,".
extension RelationReader {

    func appositiveDescriptions() -> [FoundRelation] {
        var out: [FoundRelation] = reciprocalAllies()
        for n in a.mentions.indices {
            let m = a.mentions[n]
            guard m.end + 1 < count, key(m.end) == ClosedClass.comma, let x = party(n), !x.isPerson, type(x.actor) != .person else {
                continue
            }
            let start = m.end + 1
            // An appositive opens as a noun phrase with an article or an owner's possessive
            // ("Washington's close ally"); "France, Germany and other European allies" is a list.
            guard isDeterminer(start) || ownerPossessive(at: start) else { continue }
            let end = descriptionEnd(from: start)
            guard end > start, end - start <= 12,
                end >= count || key(end) == ClosedClass.comma || a.tokens[end].flags.contains(.punctuation)
            else { continue }
            out += appositive(x, start..<end)
        }
        return out
    }

    /// The relations description `d` gives party `x`.
    func appositive(_ x: RelationParty, _ d: Range<Int>) -> [FoundRelation] {
        // The head noun: the last word before any preposition.
        var head = d.lowerBound
        var p = d.lowerBound
        while p < d.upperBound, !ClosedClass.prepositions.contains(key(p)) || p == d.lowerBound {
            if a.tokens[p].key != ClosedClass.comma { head = p }
            p += 1
        }
        let w = key(head)
        let rule = "appositive \(words[head])"
        // "a UK-based monitoring group": where it is based.
        for c in d.lowerBound..<head where isRelationCompound(c) {
            guard let dash = words[c].lastIndex(of: "-"), words[c][words[c].index(after: dash)...] == "based" else { continue }
            let original = text(c, c + 1)
            let prefix = String(original.prefix(words[c].distance(from: words[c].startIndex, to: dash)))
            guard let (y, s, _) = compoundPrefix(prefix, at: c, placeAllowed: false), let y,
                [.country, .place].contains(lexicon.actors[y].type)
            else { continue }
            return [
                FoundRelation(
                    subject: x, relation: .basedIn, label: nil, object: party(actor: y, start: s, end: c + 1), trigger: c..<(c + 1),
                    rule: rule)
            ]
        }
        // "a group linked to al-Qaida", "a faction affiliated with the PKK".
        if let l = (d.lowerBound..<(d.upperBound - 1)).first(where: {
            Self.linkParticipleKeys.contains(key($0)) && (key($0 + 1) == ClosedClass.to || key($0 + 1) == ClosedClass.with)
        }), let y = organisation(in: (l + 2)..<d.upperBound, first: true), !y.isSame(as: x) {
            return [FoundRelation(subject: x, relation: .alliedWith, label: words[l], object: y, trigger: l..<(l + 2), rule: rule)]
        }
        let ally = Self.allyNounKeys.contains(w), member = Self.memberNounKeys.contains(w), proxy = Self.proxyNounKeys.contains(w)
        let part = Self.partNounKeys.contains(w)
        guard ally || member || proxy || part else { return [] }
        // The owner: a possessive or a name before the noun ("Iran's main ally", "a Nato member");
        // "an ally of Y" is read by the relation-noun rule.
        guard let y = organisation(in: d.lowerBound..<head), !y.isSame(as: x) else { return [] }
        let trigger = head..<(head + 1)
        // "a Nato ally" is a member of the alliance; "Washington's close ally" an ally.
        if ally {
            let alliance = [.alliance, .igo].contains(type(y.actor))
            return [
                FoundRelation(subject: x, relation: alliance ? .memberOf : .alliedWith, label: nil, object: y, trigger: trigger, rule: rule)
            ]
        }
        if proxy { return [FoundRelation(subject: y, relation: .controls, label: "proxy", object: x, trigger: trigger, rule: rule)] }
        if member {
            let alliance = [.alliance, .igo, .party].contains(type(y.actor))
            return [
                FoundRelation(subject: x, relation: alliance ? .memberOf : .partOf, label: nil, object: y, trigger: trigger, rule: rule)
            ]
        }
        // "Isis, a Sunni Arab Muslim force", "the SDF, the Kurdish-led force": a kind, not a part; a
        // part needs a part noun proper and an owner by name ("Hamas's armed wing").
        guard type(x.actor) != .country, Self.properPartKeys.contains(w), !isAdjectival(y) else { return [] }
        return [FoundRelation(subject: x, relation: .partOf, label: words[head], object: y, trigger: trigger, rule: rule)]
    }

    /// Whether a name starting at `p` ends in a possessive ("Iran's", "Washington's").
    func ownerPossessive(at p: Int) -> Bool {
        guard let piece = pieces.first(where: { $0.start == p }) else { return false }
        return a.tokens[piece.end - 1].flags.contains(.possessive)
            || piece.end < count && a.tokens[piece.end].flags.contains(.possessive)
    }

    /// Whether party `y` was named by an adjective or a people's name ("Kurdish", "Sunni").
    func isAdjectival(_ y: RelationParty) -> Bool {
        guard let piece = pieces.first(where: { $0.start == y.start }) else { return false }
        switch piece.meaning {
        case .adjective, .people: return true
        default: return false
        }
    }

    static let properPartKeys = ClosedClass.keys([
        "wing", "arm", "branch", "affiliate", "offshoot", "subsidiary", "franchise", "faction", "cell", "division",
    ])

    /// "linked to", "affiliated with", "tied to", "close to".
    static let linkParticipleKeys = ClosedClass.keys(["linked", "affiliated", "tied", "close", "allied", "aligned", "loyal"])

    /// "Egypt and Saudi Arabia are close allies", "Turkey and Russia were partners in Syria": a
    /// coordinated subject and a plural ally noun after a copula ally every pair.
    func reciprocalAllies() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for r in 1..<max(1, count) where Self.pluralAllyKeys.contains(key(r)) {
            var c = r - 1
            // Up to two lower-case modifiers between ("close", "key regional").
            while c > 0, r - c <= 2, !Self.pluralCopulaKeys.contains(key(c)), mention(at: c) == nil,
                !a.tokens[c].flags.contains(.punctuation), !a.tokens[c].flags.contains(.capitalized)
            { c -= 1 }
            guard Self.pluralCopulaKeys.contains(key(c)), !negated(max(0, c - 2), r), let m = mention(at: c - 1) else { continue }
            let items = listItems(containing: m)
            guard items.count >= 2 else { continue }
            let members = parties(items).filter { !$0.isPerson }
            for i in members.indices {
                for j in members.indices where j > i {
                    out.append(
                        FoundRelation(
                            subject: members[i], relation: .alliedWith, label: nil, object: members[j], trigger: r..<(r + 1),
                            rule: "reciprocal \(words[r])"))
                }
            }
        }
        return out
    }

    static let pluralAllyKeys = ClosedClass.keys(["allies", "partners"])
    static let pluralCopulaKeys = ClosedClass.keys(["are", "were", "remain", "remained", "became", "become"])
}
