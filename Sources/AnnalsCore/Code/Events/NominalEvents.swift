extension SentenceCoder {
    /// Events stated by nouns: "the attack on Israel", "a meeting in Tehran", "its refusal to".
    func nominalEvents(_ a: Analysis, covered alreadyCovered: [Bool]) -> [EventCandidate] {
        var out: [EventCandidate] = []
        var covered = alreadyCovered
        var isHead = [Bool](repeating: false, count: a.tokens.count)
        for g in a.groups { isHead[g.head] = true }
        for i in a.tokens.indices where !covered[i] && !isHead[i] && mentionCovering(a, i) == nil {
            guard let lemma = matcher.nounForms[a.tokens[i].key],
                !a.tokens[i].flags.contains(.capitalized) || a.tokens[i].flags.contains(.sentenceInitial)
            else { continue }
            guard
                let match = matcher.best(head: i, lemma: lemma, nominal: true, context: a.matchContext, limit: min(a.tokens.count, i + 12))
            else { continue }
            var sources: [Int] = []
            var targets: [Int] = match.target.map { compound($0, a, forward: true) } ?? []
            // Possessor: "Iran's attack", "its refusal".
            var p = i - 1
            var fillers = 0
            while p >= 0, fillers < 3 {
                let t = a.tokens[p]
                if t.flags.contains(.possessive) || mentionCovering(a, p) != nil || t.flags.contains(.punctuation)
                    || t.is(.prepositions) || t.is(.determiners)
                {
                    break
                }
                p -= 1
                fillers += 1
            }
            if p >= 0, a.tokens[p].flags.contains(.possessive), let m = mentionCovering(a, p - 1) {
                sources = [m]
            }
            // "the Israeli strike", "Houthi attacks": an actor modifying the event noun is its agent.
            // A place says where instead: "the Paris attacks" struck Paris, "the Moscow talks" were held there.
            else if let m = mentionCovering(a, i - 1), a.mentions[m].end == i, a.mentions[m].kind != .pronoun {
                let root = lexicon.patterns[match.pattern].code.prefix(2)
                if root == "20", a.mentions[m].isAdjectival || a.mentions[m].plural {
                    // "the Yazidi genocide", "the Armenian massacres": the people named suffered it.
                    targets = [m]
                } else if !a.mentions[m].isPlace {
                    sources = [m]
                } else if targets.isEmpty, ["17", "18", "19", "20"].contains(lexicon.patterns[match.pattern].code.prefix(2)) {
                    targets = [m]
                }
            } else if p >= 0, let m = mentionCovering(a, p), a.mentions[m].kind == .pronoun,
                a.tokens[p].is(.possessivePronouns)
            {
                sources = [m]
            }
            // By-agent: "an attack by Hamas".
            if sources.isEmpty {
                var q = i + 1
                while q < min(a.tokens.count, i + 6) {
                    if a.tokens[q].key == ClosedClass.by, let m = mentionCovering(a, q + 1) ?? mentionCovering(a, q + 2) {
                        sources = compound(m, a, forward: true); break
                    }
                    q += 1
                }
            }
            // The clause around it: the verb before it, or (for a fronted phrase) the verb after it.
            var negated = false
            var modality = Modality.asserted
            var notes: [String] = []
            if let g = a.groups.indices.last(where: { a.groups[$0].head < i && !a.groups[$0].infinitival }),
                !a.groups.contains(where: { $0.head > a.groups[g].head && $0.head < i })
            {
                let group = a.groups[g]
                negated = group.negated
                let verb = a.tokens[group.head].key
                // Event nouns take the subject of a support verb ("launched an attack", "held talks"),
                // not of any verb ("praised X for its role in the exchange").
                // The noun must be the support verb's object ("made an attack"), not further away
                // ("making public intelligence linking Russia to the attack").
                let isObject = i - group.head <= 5 && !a.tokens[(group.head + 1)..<i].contains { $0.is(.prepositions) }
                // A speech verb lends its subject to what it announces ("announced sanctions", "said in a call
                // with"), not to a noun inside its complement clause ("said they would respond to an attack"):
                // no pronoun and no clause break stand between.
                // Nor to a noun that a quotation follows ("said: \"We are aware of the detention"), to the
                // subject of the complement ("said three days of shelling had displaced"), or to what a warning
                // is about ("warned of the dangers of a clash").
                let clauseBetween = (group.head + 1..<i).contains { q in
                    a.tokens[q].is(.clauseBreaks) || (a.mentionAt[q] >= 0 && a.mentions[a.mentionAt[q]].kind == .pronoun)
                }
                let subjectOfComplement =
                    a.groups.first(where: { $0.head > i && !$0.infinitival }).map { next in
                        !a.tokens[(i + 1)..<next.start].contains { $0.key == ClosedClass.comma || $0.is(.clauseBreaks) }
                    } ?? false
                let lends =
                    a.tokens[group.head].is(.speechVerbs) && !a.tokens[group.head].is(.threatVerbs) && !clauseBetween
                    && !subjectOfComplement
                if sources.isEmpty, (a.tokens[group.head].is(.supportVerbs) && isObject) || lends {
                    sources = a.subjects[g]
                }
                if targets.isEmpty,
                    a.tokens[group.head].is(.speechVerbs)
                        || a.tokens[group.head].is(.requestVerbs)
                {
                    targets = a.objects[g].filter { !sources.contains($0) }
                    notes.append("addressee of the governing verb")
                }
                if group.hypothetical { modality = .hypothetical }
                // "discussed Syria in phone calls with Trump and Putin": a consultation with named parties
                // belongs to the clause's subject.
                // Only for a noun in a prepositional phrase of the clause ("in/during a call with") whose parties
                // follow "with" ("a call between A and B" names all of its parties).
                var before = i - 1
                while before >= 0,
                    a.tokens[before].is([.determiners, .possessivePronouns])
                        || a.matchContext.skippable[before]
                            && a.tokens[before].classes.isEmpty
                { before -= 1 }
                let inPhrase = before >= 0 && a.tokens[before].is(.prepositions) && before > group.head
                let withParties =
                    targets.first.map { t in
                        var q = a.mentions[t].start - 1
                        while q >= 0, a.tokens[q].is(.determiners) { q -= 1 }
                        return q >= 0 && a.tokens[q].key == ClosedClass.with
                    } ?? false
                if sources.isEmpty, inPhrase, withParties, lexicon.patterns[match.pattern].code.hasPrefix("04"),
                    !a.subjects[g].isEmpty, !a.subjects[g].contains(where: targets.contains), !group.passive
                {
                    sources = a.subjects[g]
                }
                // "Turkey wants Russia's backing", "Israel seeks American support": wanted, not done.
                if ClosedClass.desireVerbs.contains(verb) { modality = .hypothetical }
            } else if let g = a.groups.indices.first(where: { a.groups[$0].head > i && !a.groups[$0].infinitival }),
                a.tokens[(i + 1)..<a.groups[g].start].contains(where: { $0.key == ClosedClass.comma })
            {
                // "In a face-to-face meeting in Tehran, the supreme leader told the head of Hamas ..."
                // The subject of a passive main clause is what happened to someone, not an agent, unless the
                // verb only reports it ("he is reported to have declared").
                let head = a.tokens[a.groups[g].head]
                let raising = head.is(.speechVerbs) || ClosedClass.expectVerbs.contains(head.key)
                if sources.isEmpty, !a.groups[g].passive || raising { sources = a.subjects[g] }
                if targets.isEmpty { targets = a.objects[g].filter { !sources.contains($0) } }
                notes.append("participants of the main clause")
            }
            if i > 0, a.tokens[i - 1].key == ClosedClass.no { negated = true }
            // "an alleged chemical attack", "a possible ground invasion": the modifier says how sure the text is.
            for q in max(0, i - 3)..<i {
                if let m = ClosedClass.nounModality[a.tokens[q].key] { modality = m }
            }
            if deniedByNoun(before: i, a) { negated = true }
            // "the expulsion of Russian diplomats", "the arrest of Ekrem Imamoglu": of + the one acted upon.
            let after = max(i + 1, match.end)
            if targets.isEmpty, after + 1 < a.tokens.count, a.tokens[after].key == ClosedClass.of {
                var q = after + 1
                while q < a.tokens.count, mentionCovering(a, q) == nil, a.tokens[q].is(.articles) { q += 1 }
                if let m = mentionCovering(a, q), a.mentions[m].isResolved, !sources.contains(m) { targets = compound(m, a, forward: true) }
            }
            for p in i..<min(after, a.tokens.count) { covered[p] = true }
            guard !sources.isEmpty || !targets.isEmpty else { continue }
            // "used to prevent a direct clash between US and Russian troops": an event prevented or
            // avoided did not happen.
            if Self.isPrevented(i, a) { continue }
            let code = CodeRefiner.refine(
                lexicon.patterns[match.pattern].code, words: a.tokens[max(0, i - 3)..<min(a.tokens.count, max(i + 1, match.end) + 3)])
            out.append(
                EventCandidate(
                    code: code, sources: sources, targets: targets, triggerStart: i,
                    triggerEnd: max(i + 1, match.end), pattern: match.pattern, polarity: negated ? .negated : .affirmed,
                    modality: modality, day: date(near: i, a, limit: min(a.tokens.count, i + 12)), notes: notes + ["nominal"]))
        }
        return out
    }

    /// Verbs whose object event is kept from happening.
    static let preventionVerbs = ClosedClass.keys(Morphology.allForms(["prevent", "avoid", "avert", "forestall", "preclude"]))

    /// Whether the event noun at `i` is the object of a prevention verb, up to three modifiers before it.
    static func isPrevented(_ i: Int, _ a: Analysis) -> Bool {
        var p = i - 1
        var skipped = 0
        while p >= 0, skipped < 3, !preventionVerbs.contains(a.tokens[p].key), !a.tokens[p].flags.contains(.punctuation) {
            p -= 1
            skipped += 1
        }
        return p >= 0 && preventionVerbs.contains(a.tokens[p].key)
    }
}
