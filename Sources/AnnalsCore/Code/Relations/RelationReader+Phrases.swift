/// Helpers over the analysed sentence: parties, lists, antecedents and noun phrases.
extension RelationReader {

    func isComma(_ p: Int) -> Bool { isWord(p, ClosedClass.comma) }
    func isDeterminer(_ p: Int) -> Bool { p >= 0 && p < count && ClosedClass.determiners.contains(a.tokens[p].key) }
    func mention(at p: Int) -> Int? { coder.mentionCovering(a, p) }

    /// A lower-case content word (adjective or noun) that can sit inside a noun phrase.
    func isModifier(_ p: Int) -> Bool {
        guard p >= 0, p < count else { return false }
        let t = a.tokens[p]
        if t.flags.contains(.punctuation) || t.flags.contains(.capitalized) || t.flags.contains(.numeric) || t.flags.contains(.possessive) {
            return false
        }
        let k = t.key
        if ClosedClass.prepositions.contains(k) || ClosedClass.determiners.contains(k) || ClosedClass.conjunctions.contains(k)
            || ClosedClass.relativePronouns.contains(k) || ClosedClass.be.contains(k) || ClosedClass.have.contains(k)
            || ClosedClass.pronouns.contains(k) || ClosedClass.negators.contains(k) || ClosedClass.subordinators.contains(k)
            || ClosedClass.hypotheticalModals.contains(k) || ClosedClass.futureModals.contains(k)
        {
            return false
        }
        if a.groups.contains(where: { $0.head == p }) { return false }
        return !Self.inclusionWordKeys.contains(k)
    }

    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return sentence.text.utf8Slice(Int(a.tokens[start].start), Int(a.tokens[end - 1].end))
    }

    func type(_ actor: Int?) -> ActorType? { actor.map { lexicon.actors[$0].type } }

    /// The party a mention stands for: its actor, the named group of an agent ("the Houthi militia"),
    /// or an unknown capitalised name. With `group`, a person mention yields the group it names
    /// ("the commander of Al-Qassam Brigades, which ..." → the Brigades).
    func party(_ n: Int, group: Bool = false) -> RelationParty? {
        let m = a.mentions[n]
        if group, m.isPerson || type(m.actor) == .person, let g = m.parts.last(where: { lexicon.actors[$0].type != .person }) {
            let e = lexicon.actors[g]
            let piece = pieces.last { $0.start >= m.start && $0.end <= m.end && Self.actorOf($0.meaning) == g }
            return RelationParty(
                actor: g, name: e.name, code: e.code(on: day), start: piece?.start ?? m.start, end: piece?.end ?? m.end, isPerson: false)
        }
        switch m.kind {
        case .named, .pronoun:
            guard let actor = m.actor else { return nil }
            let e = lexicon.actors[actor]
            return RelationParty(
                actor: actor, name: e.name, code: m.code.isEmpty ? e.code(on: day) : m.code, start: m.start, end: m.end,
                isPerson: e.type == .person)
        case .agent:
            guard let s = m.scope, !m.isPerson || m.plural || lexicon.actors[s].type != .country else { return nil }
            let e = lexicon.actors[s]
            guard e.type != .country else { return nil }
            return RelationParty(actor: s, name: e.name, code: e.code(on: day), start: m.start, end: m.end, isPerson: false)
        case .unknown:
            guard m.end - m.start <= 6, m.name.count >= 3, !Self.notNames.contains(m.name.lowercased()) else { return nil }
            // "Kurdish forces": a capitalised word before a noun is an adjective, not a name; before a
            // name ("the Kurdish Democratic Union party") it modifies that name.
            if m.end < count, isModifier(m.end), lexicon.verbForms[a.tokens[m.end].key] == nil { return nil }
            if m.end - m.start == 1, let next = a.mentions.firstIndex(where: { $0.start == m.end }), a.mentions[next].kind != .unknown {
                return party(next, group: group)
            }
            // "Staffan de Mistura", "Abdel Fattah al Sisi": name particles join the next capitalised words.
            var e = m.end
            while e < count, a.tokens[e].flags.contains(.containsUpper), mention(at: e) == nil,
                Self.nameParticles.contains(where: { words[e].hasPrefix($0 + "-") })
            { e += 1 }
            while e + 1 < count, Self.nameParticleKeys.contains(key(e)), a.tokens[e + 1].flags.contains(.capitalized),
                mention(at: e + 1) == nil || a.mentions[mention(at: e + 1)!].kind == .unknown
            {
                e += 2
                while e < count, a.tokens[e].flags.contains(.capitalized), !a.tokens[e].flags.contains(.punctuation),
                    mention(at: e) == nil || a.mentions[mention(at: e)!].kind == .unknown
                { e += 1 }
            }
            return RelationParty(
                actor: nil, name: e == m.end ? m.name : text(m.start, e), code: "", start: m.start, end: e, isPerson: false)
        }
    }

    func party(actor: Int, start: Int, end: Int) -> RelationParty {
        let e = lexicon.actors[actor]
        return RelationParty(actor: actor, name: e.name, code: e.code(on: day), start: start, end: end, isPerson: e.type == .person)
    }

    /// The dictionary actors that words with these keys name as a whole, read as a capitalised
    /// phrase: the prefix of a compound ("US" in "US-led"), or words inside a longer dictionary
    /// term ("Labour" in "Labour leader", "UN" in "the UN high commissioner").
    func actorsNamed(by keys: [UInt64]) -> [Int] {
        guard !keys.isEmpty else { return [] }
        let fake = keys.map { Token(start: 0, end: 0, key: $0, flags: [.capitalized, .containsUpper]) }
        guard let match = lexicon.phrases.longestMatch(fake, from: 0), match.end == fake.count else { return [] }
        return match.meanings.compactMap(Self.actorOf)
    }

    static func actorOf(_ meaning: PhraseMeaning) -> Int? {
        switch meaning {
        case .name(let a), .adjective(let a), .people(let a), .seat(let a): a
        case .agent: nil
        }
    }

    /// Parties of mentions, with lists expanded.
    func parties(_ ns: [Int], group: Bool = false) -> [RelationParty] {
        var out: [RelationParty] = []
        for n in ns { if let p = party(n, group: group), !out.contains(where: { $0.isSame(as: p) }) { out.append(p) } }
        return out
    }

    func listItems(containing n: Int) -> [Int] {
        lists.first { $0.items.contains(n) }?.items ?? [n]
    }

    /// The dictionaries' direct affiliation of `a` to `b`, if any.
    func affiliation(_ x: Int, _ y: Int) -> Affiliation? {
        let target = lexicon.actors[y].id
        return lexicon.actors[x].affiliations.first { aff in aff.target == target && (day.map { d in aff.period.contains(d) } ?? true) }
            ?? lexicon.actors[x].affiliations.first { $0.target == target }
    }

    /// True when the dictionaries put `x` inside `y` through part_of links (IRGC Quds Force → Iran).
    func isInside(_ x: Int, _ y: Int, depth: Int = 4) -> Bool {
        guard depth > 0 else { return false }
        let target = lexicon.actors[y].id
        for aff in lexicon.actors[x].affiliations where aff.relation == .partOf {
            if aff.target == target { return true }
            if let next = lexicon.actorIndex[aff.target], isInside(next, y, depth: depth - 1) { return true }
        }
        return false
    }

    func negated(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return (max(0, from)..<min(to, count)).contains {
            ClosedClass.negators.contains(a.tokens[$0].key) || key($0) == ClosedClass.no && isWord($0 + 1, RelationWord.longer)
        }
    }

    // MARK: lists

    /// Skips a locative phrase after a list item ("in Yemen", "in Iraq and Syria", "in the region").
    func skipLocative(_ p: Int) -> Int {
        guard p < count, Self.locativeKeys.contains(key(p)) else { return p }
        var q = p + 1
        if let m = mention(at: q), a.mentions[m].start >= p + 1, type(a.mentions[m].actor) == .country {
            q = a.mentions[m].end
            while q + 1 < count, key(q) == ClosedClass.comma || key(q) == ClosedClass.and {
                let r = key(q) == ClosedClass.comma && isWord(q + 1, ClosedClass.and) ? q + 2 : q + 1
                guard let next = mention(at: r), a.mentions[next].start == r, type(a.mentions[next].actor) == .country else { break }
                q = a.mentions[next].end
            }
            return q
        }
        while q < count, isDeterminer(q), mention(at: q) == nil { q += 1 }
        var k = 0
        while q < count, k < 2, isModifier(q), mention(at: q) == nil { q += 1; k += 1 }
        return k > 0 ? q : p
    }

    /// Coordinated mentions: "Hamas, Lebanon's Hezbollah, the Houthi militia in Yemen, and ...".
    func findLists() -> [(items: [Int], end: Int)] {
        var out: [(items: [Int], end: Int)] = []
        // Mentions already in a list; allocated with the first list (most sentences have none).
        var used: [Bool] = []
        for i in a.mentions.indices where used.isEmpty || !used[i] {
            if a.mentions[i].kind == .pronoun && ClosedClass.possessivePronouns.contains(key(a.mentions[i].head)) { continue }
            // Cheapest test first: a list needs ",", "and" or "or" after the item (and its locative).
            var p = skipLocative(a.mentions[i].end)
            guard p < count, isJoiner(p) else { continue }
            var items: [Int] = []  // made with the second item: most candidates have none
            var sawAnd = false
            while p < count, isJoiner(p) {
                var q = p
                var joinerAnd = false
                if key(q) == ClosedClass.comma { q += 1 }
                if q < count, key(q) == ClosedClass.and || key(q) == ClosedClass.or { joinerAnd = true; q += 1 }
                var skipped = 0
                while q < count, skipped < 2, mention(at: q) == nil, isDeterminer(q) || isModifier(q) { q += 1; skipped += 1 }
                guard let next = mention(at: q), a.mentions[next].start > p,
                    a.mentions[next].kind != .pronoun || !joinerAnd || a.mentions[next].end - a.mentions[next].start > 1
                else { break }
                if items.isEmpty { items = [i] }
                items.append(next)
                p = skipLocative(a.mentions[next].end)
                if joinerAnd { sawAnd = true; break }
            }
            if items.count >= 2, sawAnd {
                out.append((items, p))
                if used.isEmpty { used = Array(repeating: false, count: a.mentions.count) }
                for n in items { used[n] = true }
            }
        }
        return out
    }

    /// ",", "and" or "or": what joins the items of a list.
    func isJoiner(_ p: Int) -> Bool {
        let k = key(p)
        return k == ClosedClass.comma || k == ClosedClass.and || k == ClosedClass.or
    }

    /// The mentions a relation phrase before `p` is about: the mention right before it, skipping
    /// copulas, adverbs, "which/who" and one comma; a list ending there counts as a whole.
    func antecedent(before p: Int) -> (mentions: [Int], relative: Bool, start: Int, linked: Bool)? {
        var q = p - 1
        var relative = false
        var copula = false
        var commas = 0
        var steps = 0
        while q >= 0, steps < 8 {
            let w = key(q)
            if Self.copulaKeys.contains(w) { copula = true; q -= 1; steps += 1; continue }
            if Self.glueKeys.contains(w) || ClosedClass.adverbs.contains(w) { q -= 1; steps += 1; continue }
            if ClosedClass.relativePronouns.contains(w), mention(at: q) == nil {
                relative = true; q -= 1; steps += 1; continue
            }
            if w == ClosedClass.comma, commas == 0 { commas += 1; q -= 1; steps += 1; continue }
            break
        }
        guard q >= 0 else { return nil }
        let linked = relative || copula || commas > 0
        // "A, B and C which are all part of Y" distributes over the list; "A and B led by Y" attaches to B.
        let distribute = relative || copula
        // "Russia's arrangements with Turkey and the US were part of ...": an actor inside a
        // prepositional phrase is not the copula's subject.
        if copula, !relative, commas == 0 {
            let first =
                lists.first(where: { $0.end == q + 1 }).map { a.mentions[$0.items[0]].start } ?? mention(at: q).map { a.mentions[$0].start }
            if var b = first.map({ $0 - 1 }) {
                while b >= 0, isDeterminer(b) { b -= 1 }
                if b >= 0, ClosedClass.prepositions.contains(key(b)) { return nil }
            }
        }
        if let list = lists.first(where: { $0.end == q + 1 }) {
            return (distribute ? list.items : [list.items.last!], relative, q + 1, linked)
        }
        guard let m = mention(at: q) else { return nil }
        return (distribute ? listItems(containing: m) : [m], relative, q + 1, linked)
    }

    /// The subject of the clause standing before `p` (for gerunds and nouns: "X is responsible for taking control of").
    func clauseSubject(before p: Int) -> [Int] {
        if let g = a.groups.indices.first(where: { a.groups[$0].head == p }), !a.subjects[g].isEmpty { return a.subjects[g] }
        guard let g = a.groups.indices.last(where: { a.groups[$0].head < p && !a.groups[$0].infinitival && !a.subjects[$0].isEmpty }) else {
            return []
        }
        return a.subjects[g].flatMap { listItems(containing: $0) }
    }

    /// The noun phrase starting at `p`: its head mentions (a list when coordinated), where it ends, and
    /// the members of an "including ..." list that follows it.
    func nounPhrase(at p: Int) -> (head: [Int], end: Int, included: [Int])? {
        var q = p
        var steps = 0
        while q < count, steps < 6, mention(at: q) == nil, isDeterminer(q) || isModifier(q) || Self.namingWordKeys.contains(key(q)) {
            q += 1; steps += 1
        }
        guard let first = mention(at: q) else { return nil }
        // "its allied militia": a possessive pronoun, modifiers, then the head.
        var head = first
        var e = a.mentions[first].end
        var r = e
        var k = 0
        while r < count, k < 3, mention(at: r) == nil, isModifier(r) { r += 1; k += 1 }
        if a.mentions[first].kind == .pronoun, let next = mention(at: r), a.mentions[next].start == r {
            head = next
            e = a.mentions[next].end
        }
        // "part of UN-brokered talks": a mention that only modifies the head noun is not the object.
        if e < count, isModifier(e), !Self.inclusionWordKeys.contains(key(e)) { return nil }
        let items = listItems(containing: head)
        if let list = lists.first(where: { $0.items.contains(head) }) { e = max(e, list.end) }
        var t = skipLocative(e)
        if t < count, key(t) == ClosedClass.comma { t += 1 }
        var included: [Int] = []
        if t < count,
            Self.inclusionWordKeys.contains(key(t)) || key(t) == RelationWord.such && isWord(t + 1, RelationWord.as)
                || key(t) == RelationWord.among
        {
            var u = t + 1
            if key(t) == RelationWord.such || key(t) == RelationWord.among { u += 1 }
            while u < count, mention(at: u) == nil, isDeterminer(u) || isModifier(u) { u += 1 }
            if let m = mention(at: u) { included = listItems(containing: m) }
        }
        return (items, e, included)
    }

}
