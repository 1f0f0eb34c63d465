/// Copulas, relative clauses, appositives and relation nouns.
extension RelationReader {

    /// "X, which serves as the military wing of Y", "X, the commander of Y", "X is the leader of Y".
    func roleLinks() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for j in a.mentions.indices where a.mentions[j].scope != nil && (a.mentions[j].kind == .named || a.mentions[j].kind == .agent) {
            // Copied only past the test above: a copy retains the mention's strings and arrays.
            let m = a.mentions[j]
            let s = m.scope!
            // What the mention says: a labelled part of S, or a person's role in S.
            var relation: RelationKind
            var label: String?
            if let x = m.actor, let aff = affiliation(x, s), aff.relation == .partOf, lexicon.actors[x].type != .person {
                relation = .partOf
                let inside = pieces.filter { $0.start >= m.start && $0.end <= m.end }
                let labelWords = (m.start..<m.end).filter { p in
                    !inside.contains { $0.start <= p && p < $0.end && Self.actorOf($0.meaning) != nil } && isModifier(p)
                }
                label = labelWords.isEmpty ? aff.label : labelWords.map { words[$0] }.joined(separator: " ")
            } else if let g = m.agent, !m.plural, Self.isPersonRole(lexicon.agents[g].lowerTerm),
                lexicon.actors[s].type != .country || lexicon.agents[g].code.hasPrefix("GOV")
            {
                let term = lexicon.agents[g].lowerTerm
                relation = Self.isLeaderTerm(term) ? .leads : .memberOf
                label = term
            } else {
                continue
            }
            // What stands before it: a copula, "which serves as", or an appositive comma.
            var q = m.start - 1
            var linked = false
            var steps = 0
            while q >= 0, steps < 5 {
                let w = key(q)
                if Self.copulaKeys.contains(w) || Self.glueKeys.contains(w) || ClosedClass.adverbs.contains(w) {
                    linked = true; q -= 1; steps += 1; continue
                }
                break
            }
            var relative = false
            if q >= 0, ClosedClass.relativePronouns.contains(a.tokens[q].key), linked { relative = true; q -= 1 }
            var appositive = false
            if q >= 0, key(q) == ClosedClass.comma { appositive = !linked; q -= 1 }
            guard linked || appositive, q >= 0, let x = mention(at: q), x != j else { continue }
            // The role must head its noun phrase: not "Britain's premier forward base", "head of the Duma's committee".
            if m.end < count,
                a.tokens[m.end].flags.contains(.possessive) || isModifier(m.end)
                    || a.tokens[m.end].flags.contains(.capitalized) && !a.tokens[m.end].flags.contains(.punctuation)
            {
                continue
            }
            if appositive {
                // "A, B" inside a list is not an appositive.
                if lists.contains(where: { $0.items.contains(x) || $0.items.contains(j) }) { continue }
            }
            if negated(q, m.start) || pastRole(m.start..<m.end) { continue }
            guard let subject = party(x, group: relative && key(q + 1) != RelationWord.who) else { continue }
            if let described = m.actor, lexicon.actors[described].type == .person, let sa = subject.actor, sa != described { continue }
            // "X, an SDF commander": one of its commanders.
            if relation == .leads,
                isArticleA(m.start) || q + 1 < count && isArticleA(q + 1)
            {
                relation = .memberOf
            }
            if relation != .partOf, !(subject.isPerson || subject.actor == nil) { continue }
            if relation == .partOf, subject.isPerson { continue }
            let scopePiece = pieces.last { $0.start >= m.start && $0.end <= m.end && Self.actorOf($0.meaning) == s }
            let object = party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end)
            out.append(
                FoundRelation(
                    subject: subject, relation: relation, label: label, object: object, trigger: (q + 1)..<m.end,
                    rule: appositive ? "appositive" : "copula"))
        }
        return out
    }

    /// "a" or "an": "X, an SDF commander" is one of several.
    func isArticleA(_ p: Int) -> Bool { key(p) == RelationWord.a || key(p) == RelationWord.an }

    // MARK: relation nouns

    /// "X forms part of Y", "X is an ally of Y", "members of Y", "Y and its proxy X", "Y's allies X".
    func relationNouns() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for r in 0..<count where Self.relationNounKeys.contains(a.tokens[r].key) {
            let w = key(r)
            let isPart = Self.partNounKeys.contains(w), isAlly = Self.allyNounKeys.contains(w), isProxy = Self.proxyNounKeys.contains(w)
            let isMember = Self.memberNounKeys.contains(w)
            guard isPart || isAlly || isProxy || isMember else { continue }
            if mention(at: r) != nil { continue }  // handled as a chunk
            // Modifiers before the noun belong to the label: "the military wing of".
            var b = r
            while b > 0, isModifier(b - 1), mention(at: b - 1) == nil { b -= 1 }
            // The label as text, made only for a relation that carries it.
            var labelText: String { (b..<(r + 1)).map { words[$0] }.joined(separator: " ") }
            // Form 1: NOUN of Y, with X before it.
            if r + 1 < count,
                key(r + 1) == ClosedClass.of || (isAlly && (key(r + 1) == ClosedClass.with || key(r + 1) == ClosedClass.to))
            {
                guard let np = nounPhrase(at: r + 2) else { continue }
                var q = b
                while q > 0, isDeterminer(q - 1) { q -= 1 }
                guard let ante = antecedent(before: q), ante.linked, !negated(ante.start, r) else { continue }
                let subjects = parties(ante.mentions, group: ante.relative)
                let objects = parties(np.head)
                for x in subjects {
                    for y in objects {
                        if isProxy {
                            out.append(
                                FoundRelation(
                                    subject: y, relation: .controls, label: "proxy", object: x, trigger: b..<(r + 2), rule: "proxy of"))
                        } else if isAlly {
                            out.append(
                                FoundRelation(
                                    subject: x, relation: .alliedWith, label: nil, object: y, trigger: b..<(r + 2), rule: "ally of"))
                        } else if isMember {
                            let alliance = [.alliance, .igo].contains(type(y.actor)) || words[r].hasPrefix("member")
                            out.append(
                                FoundRelation(
                                    subject: x, relation: alliance ? .memberOf : .partOf, label: nil, object: y, trigger: b..<(r + 2),
                                    rule: "part of"))
                        } else if !x.isPerson {
                            out.append(
                                FoundRelation(
                                    subject: x, relation: .partOf, label: labelText, object: y, trigger: b..<(r + 2), rule: "part noun"))
                        }
                    }
                }
                continue
            }
            // Form 2: OWNER's / its NOUN X ("Iran and its proxy terror group Hezbollah").
            var o = b - 1
            while o >= 0, isDeterminer(o), !ClosedClass.possessivePronouns.contains(a.tokens[o].key) { o -= 1 }
            guard o >= 0 else { continue }
            var owner: Int?
            if let pm = mention(at: o), a.mentions[pm].kind == .pronoun, ClosedClass.possessivePronouns.contains(a.tokens[o].key) {
                owner = pm
            } else if a.tokens[o].flags.contains(.possessive), let pm = mention(at: o - 1) {
                owner = pm
            }
            guard let ownerMention = owner, let ownerParty = party(ownerMention), !ownerParty.isPerson || isAlly else { continue }
            var q = r + 1
            var k = 0
            // (Not a participle: "its allies fighting Isis" are not Isis.)
            while q < count, k < 3, mention(at: q) == nil, isModifier(q), !words[q].hasSuffix("ing"),
                !a.groups.contains(where: { $0.head == q })
            { q += 1; k += 1 }
            // "Turkey's new partners in the Syria peace process - Russia and Iran": a short
            // prepositional phrase, then the apposition after a dash.
            if q < count, ClosedClass.prepositions.contains(key(q)) {
                var e = q + 1
                while e < count, e - q <= 7, !isDash(e), key(e) != ClosedClass.comma, !a.groups.contains(where: { $0.head == e }) {
                    e += 1
                }
                guard e < count, isDash(e) else { continue }
                q = e
            }
            if q < count, key(q) == ClosedClass.comma || isDash(q) { q += 1 }
            guard let xm = mention(at: q), a.mentions[xm].start >= r + 1 else { continue }
            for x in parties(listItems(containing: xm)) where !x.isPerson || isAlly {
                if isProxy {
                    out.append(
                        FoundRelation(
                            subject: ownerParty, relation: .controls, label: "proxy", object: x, trigger: b..<(r + 1),
                            rule: "possessive proxy"))
                } else if isAlly {
                    out.append(
                        FoundRelation(
                            subject: x, relation: .alliedWith, label: nil, object: ownerParty, trigger: b..<(r + 1), rule: "possessive ally"
                        ))
                } else if isPart {
                    out.append(
                        FoundRelation(
                            subject: x, relation: .partOf, label: labelText, object: ownerParty, trigger: b..<(r + 1),
                            rule: "possessive part"))
                }
            }
        }
        return out
    }

    /// A dash token: "-", "–", "—" or "--".
    func isDash(_ p: Int) -> Bool {
        let w = words[p]
        return w == "-" || w == "–" || w == "—" || w == "--"
    }
}
