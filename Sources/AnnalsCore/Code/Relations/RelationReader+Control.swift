/// Control, place, membership lists and verbs of membership and leadership.
extension RelationReader {

    /// "X took control of Y", "X is responsible for taking control of its allies, including A, B and C",
    /// "X controls Y", "X, based in Y", "X is allied with Y".
    func controlAndPlace() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 0..<count where Self.controlPlaceKeys.contains(a.tokens[p].key) {
            let w = key(p)
            if w == RelationWord.control || w == RelationWord.command, isWord(p + 1, ClosedClass.of) || isWord(p + 1, RelationWord.over) {
                // "take control of", "full control over": a taking verb within three words before.
                var v = p - 1
                while v >= 0, p - v <= 3, !Self.takeVerbKeys.contains(key(v)), isModifier(v) || isDeterminer(v) { v -= 1 }
                guard v >= 0, Self.takeVerbKeys.contains(key(v)), !negated(max(0, v - 3), v) else { continue }
                guard let np = nounPhrase(at: p + 2) else { continue }
                let objects = parties(np.included.isEmpty ? np.head : np.included)
                for x in parties(clauseSubject(before: v)) where !x.isPerson {
                    for y in objects {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .controls, label: nil, object: y, trigger: v..<(p + 2), rule: "take control of"))
                    }
                }
            } else if w == RelationWord.controls || w == RelationWord.controlled || w == RelationWord.control,
                let g = a.groups.firstIndex(where: { $0.head == p }),
                !a.groups[g].passive,
                !a.groups[g].negated, !a.groups[g].infinitival || w == RelationWord.control, p + 1 < count, key(p + 1) != ClosedClass.by
            {
                guard let np = nounPhrase(at: p + 1), a.mentions[np.head[0]].start - p <= 4 else { continue }
                let subjects = (a.groups[g].infinitival ? raisedSubjects(of: g) : a.subjects[g]).flatMap { listItems(containing: $0) }
                for x in parties(subjects) where !x.isPerson {
                    for y in parties(np.head) {
                        out.append(
                            FoundRelation(subject: x, relation: .controls, label: nil, object: y, trigger: p..<(p + 1), rule: "control"))
                    }
                }
            } else if w == RelationWord.controls || w == RelationWord.control || w == RelationWord.controlled,
                !a.groups.contains(where: { $0.head == p }), p > 1, p + 1 < count, key(p + 1) != ClosedClass.by
            {
                // "Hamas, which controls Gaza", "The SDF is believed to control half of Raqqa": a verb the
                // clause analysis has no pattern for, after a relative pronoun or a raising verb's "to".
                var subjects: [Int] = []
                if ClosedClass.relativePronouns.contains(key(p - 1)) {
                    guard let ante = antecedent(before: p), ante.relative else { continue }
                    subjects = ante.mentions
                } else if key(p - 1) == ClosedClass.to, let f = a.groups.firstIndex(where: { $0.head == p - 2 }),
                    a.groups[f].passive && Self.raisingPassiveKeys.contains(key(p - 2)) || Self.raisingVerbKeys.contains(key(p - 2)),
                    !a.groups[f].negated
                {
                    subjects = a.subjects[f]
                }
                guard !subjects.isEmpty, let object = controlledMention(after: p) else { continue }
                for x in parties(subjects, group: true) where !x.isPerson && type(x.actor) != .person {
                    // ("the YPG militia that controls it": a pronoun is too weak a link for a place.)
                    for y in parties(listItems(containing: object).filter { a.mentions[$0].kind != .pronoun }) where !y.isPerson {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .controls, label: nil, object: placeNamed(y), trigger: p..<(p + 1), rule: "control"))
                    }
                }
            } else if Self.placeParticipleKeys.contains(w), isWord(p + 1, RelationWord.in) {
                guard let np = nounPhrase(at: p + 2), let ante = antecedent(before: p), !negated(ante.start, p) else { continue }
                for x in parties(ante.mentions, group: ante.relative) {
                    for y in parties(np.head) where type(y.actor) == .country {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .basedIn, label: nil, object: y, trigger: p..<(p + 2), rule: "\(words[p]) in"))
                    }
                }
            } else if Self.operateVerbKeys.contains(w), p + 2 < count, Self.operatePrepositionKeys.contains(key(p + 1)) {
                // "the PKK, which operates inside Turkey": where a group works from is where it is based.
                guard let np = nounPhrase(at: p + 2), a.mentions[np.head[0]].start - p <= 3, let ante = antecedent(before: p),
                    !negated(ante.start, p)
                else { continue }
                for x in parties(ante.mentions, group: ante.relative) where !x.isPerson && type(x.actor) != .country {
                    for y in parties(np.head) where type(y.actor) == .country {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .basedIn, label: nil, object: y, trigger: p..<(p + 2),
                                rule: "\(words[p]) \(words[p + 1])"))
                    }
                }
            } else if Self.alignParticipleKeys.contains(w), isWord(p + 1, ClosedClass.with) || isWord(p + 1, ClosedClass.to) {
                guard let np = nounPhrase(at: p + 2), let ante = antecedent(before: p), !negated(ante.start, p) else { continue }
                for x in parties(ante.mentions, group: ante.relative) {
                    for y in parties(np.head) {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .alliedWith, label: nil, object: y, trigger: p..<(p + 2),
                                rule: "\(words[p]) \(words[p + 1])"
                            ))
                    }
                }
            }
        }
        return out
    }

    // MARK: membership lists

    /// "the Axis of Resistance, including Hamas, Hezbollah and the Houthis": members of an alliance.
    func inclusionLists() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 0..<count
        where Self.inclusionWordKeys.contains(a.tokens[p].key) || key(p) == RelationWord.such && isWord(p + 1, RelationWord.as) {
            // The alliance right before (", including"), skipping a locative.
            var q = p - 1
            if q >= 0, key(q) == ClosedClass.comma { q -= 1 }
            guard q >= 0, let h = mention(at: q), let head = party(h), let t = type(head.actor), t == .alliance || t == .igo else {
                continue
            }
            var u = p + (key(p) == RelationWord.such ? 2 : 1)
            while u < count, mention(at: u) == nil, isDeterminer(u) || isModifier(u) { u += 1 }
            guard let first = mention(at: u) else { continue }
            for x in parties(listItems(containing: first)) where x.key != head.key && !x.isPerson {
                out.append(
                    FoundRelation(
                        subject: x, relation: .memberOf, label: nil, object: head, trigger: p..<(p + 1), rule: "alliance including"))
            }
        }
        return out
    }

    /// Verbs of membership and leadership: "X joined Y" (an alliance), "X heads Y", "X leads Y".
    func verbRelations() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for (g, group) in a.groups.enumerated() where !group.negated && !group.passive && !group.hypothetical {
            let w = key(group.head)
            let join = Self.joinVerbKeys.contains(w)
            let lead = Self.leadVerbKeys.contains(w)
            let back = Self.backVerbKeys.contains(w)
            guard join || lead || back, group.head + 1 < count, key(group.head + 1) != ClosedClass.by else { continue }
            if back, group.infinitival { continue }
            var subjects = a.subjects[g]
            if group.infinitival {
                // "left the UK in 2015 to join Isis": a purpose clause's subject is its clause's.
                guard join, subjects.isEmpty, let s = purposeSubjects(of: g) else { continue }
                subjects = s
            }
            guard let np = nounPhrase(at: group.head + 1), a.mentions[np.head[0]].start - group.head <= 3 else { continue }
            // "joined the YPG's training programme": what was joined is the possessor's.
            let headEnd = a.mentions[np.head[0]].end
            if headEnd <= count,
                a.tokens[headEnd - 1].flags.contains(.possessive) || headEnd < count && a.tokens[headEnd].flags.contains(.possessive)
            {
                continue
            }
            // "joined Hamas in condemning the attack" is acting together, not membership.
            if join, np.end < count, key(np.end) == RelationWord.in, np.end + 1 < count, words[np.end + 1].hasSuffix("ing") { continue }
            for x in parties(subjects.flatMap { listItems(containing: $0) }) {
                for y in parties(np.head) {
                    if join, let t = type(y.actor),
                        t == .alliance || t == .igo
                            || type(x.actor) != .country && (Self.joinableTypes.contains(t) || t == .military && x.isPerson)
                    {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .memberOf, label: nil, object: y, trigger: group.head..<(group.head + 1), rule: "join"
                            ))
                    } else if back, !x.isPerson, type(x.actor) != .person, a.mentions[np.head[0]].kind != .pronoun,
                        type(y.actor) != .country
                    {
                        // (Backing a state is policy support, "the court backed the UK" a ruling: no alliance.)
                        // "the US-led coalition, which arms the SDF", "Russia backs Assad".
                        out.append(
                            FoundRelation(
                                subject: x, relation: .alliedWith, label: "backer", object: y, trigger: group.head..<(group.head + 1),
                                rule: "backing verb"))
                    } else if lead, let t = type(y.actor), t != .person, t != .country, x.isPerson || type(x.actor) == .country,
                        np.end >= count || key(np.end) != ClosedClass.to
                    {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .leads, label: nil, object: y, trigger: group.head..<(group.head + 1),
                                rule: "lead verb"))
                    }
                }
            }
        }
        return out
    }

    /// The subject of the purpose clause headed by infinitival group `g`: the subject of the finite
    /// clause it follows, when words stand between that verb and "to" ("travelled to Syria to join")
    /// and the verb is not one of wanting, planning or refusing (those say nothing happened).
    func purposeSubjects(of g: Int) -> [Int]? {
        let start = a.groups[g].start
        guard let f = a.groups.indices.last(where: { !a.groups[$0].infinitival && a.groups[$0].head < start }),
            !a.groups[f].negated, !a.groups[f].hypothetical, start - a.groups[f].head >= 2, start - a.groups[f].head <= 10,
            !Self.intentionVerbKeys.contains(key(a.groups[f].head)), !a.subjects[f].isEmpty
        else { return nil }
        // No clause boundary in between.
        if (a.groups[f].head + 1..<start).contains(where: { key($0) == ClosedClass.comma || ClosedClass.subordinators.contains(key($0)) }) {
            return nil
        }
        return a.subjects[f]
    }

    /// A controlled place by the name the text gives it: "Gaza" and "the capital Sanaa" are places
    /// inside the country the dictionaries read them as, not the whole country.
    func placeNamed(_ y: RelationParty) -> RelationParty {
        guard type(y.actor) == .country, let x = y.actor,
            let piece = pieces.last(where: { $0.start >= y.start && $0.end <= y.end && Self.actorOf($0.meaning) == x })
        else { return y }
        if case .seat = piece.meaning {} else if case .name = piece.meaning {} else { return y }
        let name = text(piece.start, piece.end)
        guard name.lowercased() != lexicon.actors[x].name.lowercased(), !lexicon.actors[x].name.lowercased().hasPrefix(name.lowercased())
        else { return y }
        return RelationParty(
            actor: nil, name: name, code: ActorCode.country(of: y.code), start: piece.start, end: piece.end, isPerson: false)
    }

    /// The subject raised from an infinitive: "The SDF is believed to control half of Raqqa",
    /// "Isis appears to hold the town". Other infinitives have no subject here.
    func raisedSubjects(of g: Int) -> [Int] {
        guard a.subjects[g].isEmpty, g > 0 else { return a.subjects[g] }
        let f = g - 1
        let raising =
            a.groups[f].passive && Self.raisingPassiveKeys.contains(key(a.groups[f].head))
            || Self.raisingVerbKeys.contains(key(a.groups[f].head))
        guard raising, !a.groups[f].negated, a.groups[g].start == a.groups[f].head + 1 else { return [] }
        return a.subjects[f]
    }

    static let aboutKey = TokenKey.hash("about")
    static let raisingPassiveKeys = ClosedClass.keys(["believed", "thought", "said", "expected", "reported", "known", "understood"])
    static let raisingVerbKeys = ClosedClass.keys(["appears", "appeared", "seems", "seemed", "continues", "continued"])

    /// The mention a control verb at `p` governs: the first within five words, across quantities
    /// ("about half of Raqqa", "most of the town of Hajin"), with no verb or punctuation between.
    func controlledMention(after p: Int) -> Int? {
        var q = p + 1
        while q < count, q - p <= 6 {
            if let m = mention(at: q) { return m }
            // "half of Raqqa", not "a region in northern Syria".
            if a.tokens[q].flags.contains(.punctuation) || a.groups.contains(where: { $0.head == q })
                || ClosedClass.prepositions.contains(key(q)) && key(q) != ClosedClass.of && key(q) != Self.aboutKey
            {
                return nil
            }
            q += 1
        }
        return nil
    }
}
