/// Relations inside one mention chunk ("Iran's Quds Force commander Esmail Qaani").
extension RelationReader {

    func chunkRelations(_ n: Int) -> [FoundRelation] {
        // Cheap tests on the mention in place first (copying it retains its strings and arrays):
        // every rule below needs a scope or two dictionary pieces inside the mention.
        let kind = a.mentions[n].kind
        guard kind == .named || kind == .agent,
            a.mentions[n].scope != nil || hasTwoPieces(a.mentions[n].start, a.mentions[n].end)
        else { return [] }
        let m = a.mentions[n]
        var out: [FoundRelation] = []
        if pastRole(m.start..<m.end) { return [] }
        let inside = pieces.filter { $0.start >= m.start && $0.end <= m.end }
        // Labelled part resolved by the recognizer: "the military wing of Hamas", "Hamas's armed wing".
        if let x = m.actor, lexicon.actors[x].type != .person, let s = m.scope, !inside.contains(where: { Self.actorOf($0.meaning) == x }),
            let aff = affiliation(x, s), aff.relation == .partOf
        {
            let labelWords = (m.start..<m.end).filter { p in
                !inside.contains { $0.start <= p && p < $0.end && Self.actorOf($0.meaning) != nil } && isModifier(p)
                    && key(p) != ClosedClass.of
            }
            let label = labelWords.isEmpty ? aff.label : labelWords.map { words[$0] }.joined(separator: " ")
            let trigger = (labelWords.first ?? m.start)..<((labelWords.last ?? m.end - 1) + 1)
            let scopePiece = inside.last { Self.actorOf($0.meaning) == s }
            out.append(
                FoundRelation(
                    subject: party(actor: x, start: m.start, end: m.end), relation: .partOf, label: label,
                    object: party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end),
                    trigger: trigger, rule: "labelled part"))
        }
        // A person described by an agent of a scope: "the Hamas chief", "the commander of the Quds Force".
        if let p = m.actor, lexicon.actors[p].type == .person, m.parts.last == p, let g = m.agent, let s = m.scope, s != p {
            let agentPiece = inside.first { if case .agent = $0.meaning { return true } else { return false } }
            let scopePiece = inside.last { Self.actorOf($0.meaning) == s }
            // The recognizer's guess from a title is kept only when the dictionaries confirm it, and a
            // name right after the description ("the Isis leader, Abu Bakr al-Baghdadi") wins over it.
            var person: RelationParty? =
                confirmed(p, scope: s, leader: Self.isLeaderTerm(lexicon.agents[g].lowerTerm))
                ? party(actor: p, start: m.start, end: m.end) : nil
            var q = m.end
            if q < count, key(q) == ClosedClass.comma { q += 1 }
            if let n = mention(at: q), a.mentions[n].start == q, a.mentions[n].kind == .unknown || type(a.mentions[n].actor) == .person,
                let named = party(n), named.actor != p
            {
                person = named
            }
            if let person,
                let r = roleRelation(
                    person: person, agent: g,
                    scope: party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end),
                    trigger: agentPiece.map { $0.start..<$0.end } ?? m.start..<m.end, rule: "described person")
            {
                out.append(r)
            }
        }
        // Consecutive pieces.
        for (k, piece) in inside.enumerated() {
            guard let x = Self.actorOf(piece.meaning) else { continue }
            guard k + 1 < inside.count else { break }
            let next = inside[k + 1]
            if let y = Self.actorOf(next.meaning) {
                // "Iran's Quds Force", "the IRGC elite Quds Force", "Lebanon's Hezbollah".
                let gap = (piece.end..<next.start)
                if gap.contains(where: { key($0) == ClosedClass.of || Self.gapStopKeys.contains(key($0)) }) { continue }
                let fillers = gap.filter { isModifier($0) }.map { words[$0] }
                if let r = innerPair(
                    outer: x, inner: y, fillers: fillers, outerRange: piece.start..<piece.end, innerRange: next.start..<next.end)
                {
                    out.append(r)
                }
            } else if case .agent(let g, let plural) = next.meaning, !plural, lexicon.actors[x].type != .person {
                // "Quds Force commander Esmail Qaani", "Iran's Supreme Leader Ali Khamenei".
                let term = lexicon.agents[g].lowerTerm
                var person: RelationParty?
                if k + 2 < inside.count, let p = Self.actorOf(inside[k + 2].meaning), lexicon.actors[p].type == .person {
                    person = party(actor: p, start: inside[k + 2].start, end: inside[k + 2].end)
                } else if k + 2 == inside.count, next.end == m.end,
                    let u = a.mentions.firstIndex(where: { $0.start == m.end && $0.kind == .unknown }),
                    Self.isPersonRole(term)
                {
                    // "Hamas spokesman Abu Obeida" when the name is unknown.
                    person = party(u)
                }
                if let person,
                    let r = roleRelation(
                        person: person, agent: g, scope: party(actor: x, start: piece.start, end: piece.end),
                        trigger: next.start..<next.end, rule: "title")
                {
                    out.append(r)
                }
            }
        }
        return out
    }

    /// Whether at least two dictionary pieces lie inside tokens `start..<end`.
    func hasTwoPieces(_ start: Int, _ end: Int) -> Bool {
        var found = 0
        for piece in pieces where piece.start >= start && piece.end <= end {
            found += 1
            if found == 2 { return true }
        }
        return false
    }

    /// A person's role in a scope: leads for leader words, else member of with the role as label.
    /// True when the dictionaries say `p` leads (or, for other roles, belongs to) `s` on the day.
    func confirmed(_ p: Int, scope s: Int, leader: Bool) -> Bool {
        let id = lexicon.actors[s].id
        let affs = lexicon.actors[p].affiliations.filter { $0.target == id }
        if leader { return affs.contains { $0.relation == .leads } }
        if !affs.isEmpty { return true }
        return lexicon.actors[s].type == .country
            && ActorCode.country(of: lexicon.actors[p].code(on: day)) == lexicon.actors[s].code(on: day)
    }

    /// A country's rebel commander or police chief does not lead or belong to the state.
    func roleRelation(person: RelationParty, agent g: Int, scope: RelationParty, trigger: Range<Int>, rule: String) -> FoundRelation? {
        let term = lexicon.agents[g].lowerTerm
        if type(scope.actor) == .country, !lexicon.agents[g].code.hasPrefix("GOV") { return nil }
        let leads = Self.isLeaderTerm(term)
        return FoundRelation(
            subject: person, relation: leads ? .leads : .memberOf, label: term, object: scope, trigger: trigger, rule: rule)
    }

    /// Two named actors side by side in one noun phrase: the second is inside, allied to, or based in
    /// the first, as the words between and the dictionaries say.
    func innerPair(outer x: Int, inner y: Int, fillers: [String], outerRange: Range<Int>, innerRange: Range<Int>) -> FoundRelation? {
        let ex = lexicon.actors[x], ey = lexicon.actors[y]
        guard x != y, ey.type != .person, ex.type != .person, ey.type != .country else { return nil }
        let outer = party(actor: x, start: outerRange.lowerBound, end: outerRange.upperBound)
        let inner = party(actor: y, start: innerRange.lowerBound, end: innerRange.upperBound)
        let trigger = outerRange.upperBound..<max(outerRange.upperBound + 1, innerRange.lowerBound)
        let label = fillers.joined(separator: " ")
        if fillers.contains(where: { Self.proxyNouns.contains($0) }) {
            return FoundRelation(
                subject: outer, relation: .controls, label: "proxy", object: inner, trigger: trigger, rule: "possessive proxy")
        }
        if fillers.contains(where: { Self.allyNouns.contains($0) }) {
            return FoundRelation(
                subject: inner, relation: .alliedWith, label: label, object: outer, trigger: trigger, rule: "possessive ally")
        }
        if let noun = fillers.last(where: { Self.partNouns.contains($0) }) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: label.isEmpty ? noun : label, object: outer, trigger: trigger,
                rule: "possessive part")
        }
        if let aff = affiliation(y, x) {
            var l = aff.label
            if !fillers.isEmpty {
                l = label + (aff.relation == .partOf && ey.type == .military ? " unit" : "")
            }
            return FoundRelation(
                subject: inner, relation: aff.relation, label: l, object: outer, trigger: trigger, rule: "noun phrase + dictionary")
        }
        if isInside(y, x) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger,
                rule: "noun phrase + dictionary")
        }
        if ex.type == .country {
            let sameCountry = ActorCode.country(of: ey.code(on: day)) == ex.code(on: day)
            if sameCountry && (ey.type == .military || ey.type == .government) {
                return FoundRelation(
                    subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger,
                    rule: "country's institution")
            }
            if sameCountry {
                return FoundRelation(
                    subject: inner, relation: .basedIn, label: nil, object: outer, trigger: trigger, rule: "country's group")
            }
            return nil
        }
        // "Hamas's Qassam Brigades": a possessive between two groups.
        if outerRange.upperBound < count, a.tokens[outerRange.upperBound].flags.contains(.possessive) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger, rule: "possessive"
            )
        }
        return nil
    }

}
