extension SentenceCoder {
    /// Nouns that take an infinitival complement which is not itself an event ("refusal to wage
    /// war", "plan to attack").
    static let complementNouns = ClosedClass.keys([
        "refusal", "failure", "plan", "plans", "decision", "attempt", "attempts", "call", "calls", "pledge", "promise", "bid",
        "threat", "threats", "vow", "effort", "efforts", "order", "orders", "request", "demand", "demands", "offer", "readiness",
        "willingness", "right", "ability", "intention", "agreement", "commitment", "move", "push", "reluctance", "unwillingness",
        "way", "time", "power", "chance", "opportunity", "permission", "authority", "mandate", "license", "need",
        "invitation", "proposal", "proposals", "initiative", "pressure", "appeal", "appeals", "bid", "deadline", "ultimatum",
    ])
    static let reciprocalCodes: Set<String> = ["019", "040", "041", "044", "046", "057", "0311", "0312", "036", "0871"]

    /// Candidate events of an analysed sentence.
    func events(_ a: Analysis) -> [EventCandidate] {
        var out: [EventCandidate] = []
        var consumed = Set<Int>()  // infinitival groups already accounted for
        var coveredTokens = [Bool](repeating: false, count: a.tokens.count)  // nouns matched inside verb patterns
        let speechGroups = a.groups.indices.filter { a.tokens[a.groups[$0].head].is(.speechVerbs) }

        func modality(_ g: VerbGroup, subject: [Int]) -> Modality {
            if g.possible || conditional(g, a) || g.hypothetical && conditionalWould(g, a) { return .hypothetical }
            // "would" without a condition: the future seen from the past ("said it would recognise").
            if g.future || g.hypothetical { return .intended }
            if g.reported { return .reported }
            for s in speechGroups where a.groups[s].head < g.start && !a.subjects[s].isEmpty && a.subjects[s] != subject && !subject.isEmpty
            {
                return .reported
            }
            return .asserted
        }

        func embedded(after g: Int) -> Int? {
            let head = a.groups[g].head
            for e in a.groups.indices where a.groups[e].infinitival && a.groups[e].start > head {
                if a.groups[e].start - head > 9 { return nil }
                // No finite verb between.
                if a.groups.contains(where: { !$0.infinitival && $0.head > head && $0.head < a.groups[e].start }) { return nil }
                // "refusal to", "plan to": a complement-taking noun in between owns it.
                let before = a.groups[e].start - 1
                if before > head, Self.complementNouns.contains(a.tokens[before].key) { return nil }
                return e
            }
            return nil
        }

        // Each group's best pattern, computed once.
        let groupMatches: [PatternMatcher.Match?] = a.groups.indices.map { g in
            let group = a.groups[g]
            return matcher.best(
                head: group.head, lemma: group.lemma, nominal: false, context: a.matchContext,
                limit: min(a.tokens.count, clauseLimit(g, a) + 12))
        }
        func patternMatch(_ g: Int) -> PatternMatcher.Match? { groupMatches[g] }

        /// A generic agent without a country ("hostages", "warships") cannot be coded; other words may name the party.
        func usable(_ m: Int) -> Bool {
            let mention = a.mentions[m]
            if mention.isResolved || mention.kind == .pronoun || mention.kind == .unknown { return true }
            // "the government", "police", "protesters": a generic agent is coded later with the country
            // the text supports (the other party's, the event's place, the dateline, the document's).
            return mention.agent != nil
        }
        /// "fought with the US against Isis": "with" names an ally when "against" names the other side.
        func alongside(_ targets: [Int], _ match: PatternMatcher.Match?) -> [Int] {
            guard let match, ["18", "19", "20"].contains(lexicon.patterns[match.pattern].code.prefix(2)) else { return targets }
            guard let first = targets.first, let last = targets.last else { return targets }
            var before = a.mentions[first].start - 1
            while before >= 0, a.tokens[before].is(.determiners) { before -= 1 }
            guard before >= 0, a.tokens[before].key == ClosedClass.with else { return targets }
            var q = a.mentions[last].end
            while q + 1 < a.tokens.count, q - a.mentions[last].end < 6, !a.tokens[q].is(.clauseBreaks),
                a.tokens[q].key != ClosedClass.comma
            {
                if a.tokens[q].key == ClosedClass.against,
                    let m = mentionCovering(a, q + 1) ?? mentionCovering(a, min(q + 2, a.tokens.count - 1))
                {
                    return compound(m, a, forward: true)
                }
                q += 1
            }
            return targets
        }
        func targets(of g: Int, match: PatternMatcher.Match?) -> [Int] {
            if let t = match?.target {
                let c = alongside(compound(t, a, forward: true), match)
                if c.contains(where: usable) { return c }
            } else if let m = match, lexicon.patterns[m.pattern].hasTargetSlot {
                return []
            }
            let objects = a.objects[g].filter(usable)
            if !objects.isEmpty { return alongside(objects, match) }
            // "halted negotiations with Hamas", "rejected an offer from Brazil": a preposition right after
            // the matched words introduces the other party.
            if let m = match, let t = prepositionalTarget(at: m.end) { return alongside(t, match) }
            // "condemned the attack by Hamas", "demanded the release of hostages held by Hamas":
            // the agent of what the verb acts upon is the target.
            if !a.groups[g].passive { return byAgent(of: g, in: a) }
            return []
        }

        func prepositionalTarget(at start: Int) -> [Int]? {
            // Up to three words of the object may come first: "recaptured two villages from Russian troops".
            var p = start
            while p < a.tokens.count, p - start < 3, mentionCovering(a, p) == nil, a.matchContext.skippable[p],
                !a.tokens[p].is(.partyPrepositions)
            { p += 1 }
            guard p < a.tokens.count, a.tokens[p].is(.partyPrepositions) else { return nil }
            var q = p + 1
            var skipped = 0
            while q < a.tokens.count, mentionCovering(a, q) == nil, skipped < 3, a.matchContext.skippable[q] { q += 1; skipped += 1 }
            guard let m = mentionCovering(a, q) else { return nil }
            return compound(m, a, forward: true)
        }

        func emit(
            _ code: String, _ g: Int, sources: [Int], targets: [Int], match: PatternMatcher.Match?, polarity: Polarity, modality: Modality,
            notes: [String]
        ) {
            let group = a.groups[g]
            let end = match.map { max(group.head + 1, $0.end) } ?? group.head + 1
            // "offered no help to Hamas", "gave them no promises of support": "no" before the object the
            // pattern names denies the event.
            var polarity = polarity
            if (group.head + 1..<end).contains(where: { a.tokens[$0].key == ClosedClass.no && a.tokens[$0 - 1].key != ClosedClass.and }) {
                polarity = .negated
            }
            // Words that can narrow the code: the sources and the clause of the verb.
            let clauseEnd = min(a.tokens.count, max(end, clauseLimit(g, a)))
            let firstSource = sources.map { a.mentions[$0].start }.min() ?? group.start
            // Aid kinds may be stated anywhere in the clause ("asked X for more air defence systems"); weapons
            // only near the verb and its source ("warplanes struck", not a later "air force").
            let near = min(clauseEnd, end + 3)
            var code =
                code.hasPrefix("19") || code.hasPrefix("18")
                ? CodeRefiner.refine(code, words: a.tokens[min(firstSource, group.start)..<near])
                : CodeRefiner.refine(code, words: a.tokens[group.start..<clauseEnd])
            code = CodeRefiner.arrivalOfForces(code, sources: sources.map { a.mentions[$0] }, sentence: a.tokens)
            // "the campaign to free Raqqa from Isis": freeing a place is fighting whoever holds it, not a release.
            var targets = targets
            func namesPlace(_ m: Int) -> Bool {
                a.mentions[m].isPlace || a.mentions[m].actor.map { lexicon.actors[$0].type == .place } == true
            }
            if code.hasPrefix("0841"), !targets.isEmpty, targets.allSatisfy(namesPlace) {
                code = "190"
                targets = []
                var q = end
                while q + 1 < clauseEnd, a.tokens[q].key != ClosedClass.from { q += 1 }
                if q + 1 < clauseEnd, let holder = mentionCovering(a, q + 1) ?? mentionCovering(a, q + 2) { targets = [holder] }
            }
            // "the ambassador clashed with Trump": a clash between individual people is a quarrel (11x), not fighting.
            if code == "190", ClosedClass.verbalClashVerbs.contains(a.tokens[group.head].key),
                (sources + targets).contains(where: { m in
                    let mention = a.mentions[m]
                    return mention.isPerson && !mention.plural && !a.tokens[mention.head].flags.contains(.pluralLooking)
                        && !mention.code.hasSuffix("MIL") && !mention.code.hasSuffix("REB")
                })
            {
                code = "110"
            }
            out.append(
                EventCandidate(
                    code: code, sources: sources, targets: targets, triggerStart: group.start, triggerEnd: end,
                    pattern: match?.pattern, polarity: polarity, modality: modality,
                    day: date(near: group.head, a, limit: clauseLimit(g, a)), notes: notes))
            if let match { for p in (group.head + 1)..<min(a.tokens.count, max(group.head + 1, match.end)) { coveredTokens[p] = true } }
        }

        /// The verb whose "that"-clause contains group `g` ("denied that it had attacked").
        func thatGovernor(_ g: Int) -> Int? {
            let start = a.groups[g].start
            guard let gov = a.groups.indices.last(where: { !a.groups[$0].infinitival && a.groups[$0].head < start }) else { return nil }
            let between = (a.groups[gov].head + 1)..<start
            if a.tokens[between].contains(where: { $0.key == ClosedClass.that }) && between.count < 14 { return gov }
            // "Iran denied it had attacked the ship": a verb that takes a clause, without "that", when only
            // the clause's subject stands between.
            let govToken = a.tokens[a.groups[gov].head]
            guard govToken.is([.speechVerbs, .negatingVerbs, .demandVerbs, .threatVerbs]), !between.isEmpty, between.count <= 6,
                !a.subjects[g].isEmpty, between.allSatisfy({ a.mentionAt[$0] >= 0 || a.tokens[$0].is(.determiners) })
            else { return nil }
            return gov
        }

        var replacedTriggers = Set<Int>()
        var askedClauses: [Range<Int>] = []  // what a reported appeal or demand asks for
        var deniedGroups = Set<Int>()
        for g in a.groups.indices where !a.groups[g].infinitival {
            var group = a.groups[g]
            let key = a.tokens[group.head].key
            let headToken = a.tokens[group.head]
            // "Neither Russia nor China condemned": negated subjects.
            if let s = a.subjects[g].first,
                a.tokens[max(0, a.mentions[s].start - 1)..<group.start].contains(where: { $0.is(.norNeither) })
            {
                group.negated = true
            }
            if deniedByNoun(before: group.start, a) { group.negated = true }
            if let gov = thatGovernor(g) {
                let govKey = a.tokens[a.groups[gov].head].key
                let govToken = a.tokens[a.groups[gov].head]
                // "Russia says Israel must end attacks": what another party must or should do is a demand or
                // an appeal to it, and the action asked for is no event.
                if govToken.is(.speechVerbs), !a.groups[gov].passive, !a.subjects[gov].isEmpty,
                    let force = ReportedAppeal.force(start: group.start, head: group.head, tokens: a.tokens)
                {
                    let addressees = a.subjects[g].filter {
                        usable($0) && a.mentions[$0].kind != .pronoun && !a.subjects[gov].contains($0)
                    }
                    if !addressees.isEmpty {
                        let asked = groupMatches[g].map { lexicon.patterns[$0.pattern].code }
                        emit(
                            asked.map { CodeRefiner.request(force.code, asking: $0) } ?? force.code, gov, sources: a.subjects[gov],
                            targets: addressees, match: nil, polarity: a.groups[gov].negated ? .negated : .affirmed,
                            modality: modality(a.groups[gov], subject: a.subjects[gov]), notes: ["appeal in reported speech"])
                        askedClauses.append(group.start..<max(group.head + 1, clauseLimit(g, a)))
                        continue
                    }
                }
                // "warned Hezbollah that it would launch a full-scale war": the warning is a threat (13x) of that action.
                if govToken.is(.threatVerbs), let m = groupMatches[g],
                    let intent = IntentCode.forAction(lexicon.patterns[m.pattern].code), intent.hasPrefix("13")
                {
                    let addressees = a.objects[gov].filter { a.mentions[$0].isResolved }
                    emit(
                        intent, g, sources: a.subjects[gov], targets: addressees.isEmpty ? targets(of: g, match: m) : addressees, match: m,
                        polarity: a.groups[gov].negated ? .negated : .affirmed, modality: .intended, notes: ["threat"])
                    replacedTriggers.insert(a.groups[gov].start)
                    continue
                }
                // "denied that it had supplied drones": not asserted; "demanded that Sweden extradite": a request.
                if govToken.is(.negatingVerbs) { group.negated = true }
                // "Iran denied it had attacked the ship": without "that" no pattern names the denial itself.
                if ClosedClass.denyVerbs.contains(govKey), groupMatches[gov] == nil, deniedGroups.insert(gov).inserted {
                    emit(
                        "016", gov, sources: a.subjects[gov], targets: [], match: nil,
                        polarity: a.groups[gov].negated ? .negated : .affirmed, modality: modality(a.groups[gov], subject: a.subjects[gov]),
                        notes: ["denies its complement"])
                }
                // ("told X that Y would continue" is reported speech, not a request.)
                if (govToken.is(.requestVerbs) && !govToken.is(.speechVerbs))
                    || govToken.is(.demandVerbs)
                {
                    continue
                }
            }
            var sources = a.subjects[g]
            var match = patternMatch(g)
            var tgts = targets(of: g, match: match)
            if group.passive {
                let agent = byAgent(of: g, in: a)
                tgts = sources
                sources = agent
                let limit = min(a.tokens.count, clauseLimit(g, a) + 12)
                // The passive subject's words: its mention when there is one ("The civilians imprisoned for
                // ... were released"), else the words just before the verb ("sanctions were imposed").
                let window = max(0, group.start - 3)..<group.start
                let subjectWords = a.subjects[g].first.map { min(a.mentions[$0].start, window.lowerBound)..<a.mentions[$0].end }
                func passive(_ words: Range<Int>) -> PatternMatcher.Match? {
                    matcher.bestPassive(
                        head: group.head, lemma: group.lemma, subjectWords: words, leadingGap: group.start < group.head,
                        context: a.matchContext, limit: limit)
                }
                if let pm = passive(window) ?? subjectWords.flatMap(passive),
                    pm.specificity > (match?.specificity ?? -1)
                {
                    match = pm
                    if let t = pm.target {
                        tgts = compound(t, a, forward: true)
                    } else if tgts.contains(where: { a.mentions[$0].start >= group.start - 3 }) == false {
                        tgts = []
                    }
                }
            }
            let polarity: Polarity = group.negated ? .negated : .affirmed
            let mod = modality(group, subject: sources)
            let e = embedded(after: g)
            if let e { consumed.insert(e) }
            let eMatch = e.flatMap { patternMatch($0) }
            var eTargets = e.map { targets(of: $0, match: eMatch) } ?? []
            // "forced Israel to withdraw", "led the YPG to plead with the US": after a causative verb the
            // object does what the complement says, and the subject caused it.
            var complementSources = sources
            var complementModality = mod
            // "Iran is believed to be supporting the Houthis", "Russia is said to have sent troops": the
            // subject of a passive verb of saying or thinking does the complement, as others report.
            let raised = e != nil && group.passive && (headToken.is(.speechVerbs) || ClosedClass.expectVerbs.contains(key))
            if let e, raised {
                // "are believed to have been killed": a passive complement happened to the subject.
                complementSources = a.groups[e].passive ? [] : a.subjects[g]
                if complementModality == .asserted { complementModality = .reported }
            }
            if let e, ClosedClass.causativeVerbs.contains(key) {
                let objects = a.objects[g].filter { a.mentions[$0].end <= a.groups[e].start }
                if !objects.isEmpty {
                    complementSources = objects
                    eTargets.removeAll { objects.contains($0) }
                }
            }

            if let match {
                let t = tgts.isEmpty ? eTargets : tgts
                var code = lexicon.patterns[match.pattern].code
                // "called on X to return to negotiations" 026, "demanded that Y withdraw" 106: an appeal or
                // demand is narrowed by the action it asks for.
                if let eMatch, headToken.is(.requestVerbs) || headToken.is(.demandVerbs) {
                    code = CodeRefiner.request(code, asking: lexicon.patterns[eMatch.pattern].code)
                }
                // "declined to criticize X" rejects nothing: refusing a comment or a criticism is not a 12x event.
                let refusesOnlyWords =
                    code.hasPrefix("12") && headToken.is(.negatingVerbs)
                    && eMatch.map { ["01", "11"].contains(String(lexicon.patterns[$0.pattern].code.prefix(2))) } == true
                if !refusesOnlyWords {
                    emit(code, g, sources: sources, targets: t, match: match, polarity: polarity, modality: mod, notes: [])
                }
                if let e, let eMatch {
                    if headToken.is(.negatingVerbs) {
                        emit(
                            lexicon.patterns[eMatch.pattern].code, e, sources: sources, targets: eTargets, match: eMatch,
                            polarity: .negated, modality: mod, notes: ["refused or failed"])
                    } else if headToken.is(.aspectVerbs)
                        || !(headToken.is(.intentVerbs) || headToken.is(.requestVerbs))
                    {
                        // Purpose or aspect: "sent a letter to Hamas to reaffirm its allegiance".
                        let complementTargets = eTargets.isEmpty && complementSources == sources ? t : eTargets
                        emit(
                            lexicon.patterns[eMatch.pattern].code, e, sources: complementSources, targets: complementTargets,
                            match: eMatch,
                            polarity: polarity, modality: complementModality, notes: ["complement of the main verb"])
                    }
                }
                continue
            }
            // (The parse must read the word as a verb: "struck Hezbollah targets" has no verb "targets".)
            if !group.passive, a.tree.count != a.tokens.count || a.tree.upos[group.head] == .VERB,
                let code = ArmedStrikes.code(lemma: group.lemma, sources: sources.map { a.mentions[$0] }, tokens: a.tokens)
            {
                emit(code, g, sources: sources, targets: tgts, match: nil, polarity: polarity, modality: mod, notes: ["armed strike"])
                continue
            }
            // "Guterres said international solidarity ...", "Erdogan told reporters": a statement by a codable
            // actor is itself an event (CAMEO 010), whatever else it reports; the reported event keeps its
            // own record with modality `reported`.
            if ClosedClass.statementVerbs.contains(key), !group.passive, !group.infinitival, !sources.isEmpty,
                sources.allSatisfy({ a.mentions[$0].kind != .pronoun || a.mentions[$0].isResolved }),
                !sources.contains(where: { isPrivateSpeaker($0, in: a) })
            {
                // Only an addressee is a target ("told reporters"), never the subject of what was said.
                let addressees = ClosedClass.tellVerbs.contains(key) ? treeObject(of: g, in: a).filter { !sources.contains($0) } : []
                // "said that any such move would be unacceptable": a judging statement is coded by its judgement,
                // aimed at the first party named between the verb and the judging word.
                let judged = Evaluation.bundled.code(a.tokens) { p in a.mentionAt[p] >= 0 && sources.contains(a.mentionAt[p]) }
                var addressed = addressees.filter(usable)
                if let judged, addressed.isEmpty,
                    let t = a.mentions.indices.first(where: { m in
                        a.mentions[m].start > group.head && a.mentions[m].end <= judged.at && !sources.contains(m) && usable(m)
                            && a.mentions[m].kind != .unknown
                    })
                {
                    addressed = [t]
                }
                emit(
                    judged?.code ?? "010", g, sources: sources, targets: addressed, match: nil,
                    polarity: group.negated ? .negated : .affirmed, modality: mod, notes: ["statement"])
            }
            // "is considering sending aid to North Korea": a gerund complement is the option considered.
            if e == nil, ClosedClass.considerVerbs.contains(key), !group.passive, let considered = consideredGerund(g, a) {
                emit(
                    "014", g, sources: sources, targets: considered.target.map { compound($0, a, forward: true) } ?? tgts,
                    match: considered, polarity: polarity, modality: .intended,
                    notes: ["considers \(lexicon.patterns[considered.pattern].code)"])
                continue
            }
            // "agreed to resign", "offered to share information": agreeing or offering to do what no pattern
            // names is still an intent to cooperate (030).
            if let e, eMatch == nil, ClosedClass.cooperativeIntentVerbs.contains(key), !raised, !group.passive, !sources.isEmpty,
                !a.groups[e].negated
            {
                emit(
                    "030", g, sources: sources, targets: tgts, match: nil, polarity: polarity, modality: .intended,
                    notes: ["intent to an unnamed action"])
                continue
            }
            guard let e, let eMatch else { continue }
            let eCode = lexicon.patterns[eMatch.pattern].code
            // "said it was ready to normalize relations": readiness states an intent, like "vowed to".
            let ready = a.groups[e].start > 0 && a.tokens[a.groups[e].start - 1].is(.readiness)
            if ClosedClass.considerVerbs.contains(key), !raised {
                emit(
                    "014", e, sources: sources, targets: eTargets.isEmpty ? tgts : eTargets, match: eMatch, polarity: polarity,
                    modality: .intended, notes: ["considers \(eCode)"])
            } else if (headToken.is(.intentVerbs) || ready) && !raised {
                if let intent = IntentCode.forAction(eCode) {
                    emit(
                        intent, e, sources: sources, targets: eTargets.isEmpty ? tgts : eTargets, match: eMatch, polarity: polarity,
                        modality: .intended,
                        notes: ["intent to \(eCode)"])
                }
            } else if headToken.is(.negatingVerbs) {
                emit(
                    eCode, e, sources: sources, targets: eTargets, match: eMatch, polarity: .negated, modality: mod,
                    notes: ["refused or failed"])
            } else if headToken.is(.requestVerbs) {
                continue  // a request names an action; it is not the action
            } else {
                emit(
                    eCode, e, sources: complementSources,
                    targets: eTargets.isEmpty && complementSources == sources ? tgts : eTargets, match: eMatch,
                    polarity: group.negated || a.groups[e].negated ? .negated : .affirmed, modality: complementModality,
                    notes: ["complement of the main verb"])
            }
        }

        // Infinitives not governed by a verb: purpose clauses after an object ("... to Hamas to reaffirm").
        for e in a.groups.indices where a.groups[e].infinitival && !consumed.contains(e) {
            let before = a.groups[e].start - 1
            guard before >= 0, !Self.complementNouns.contains(a.tokens[before].key) else { continue }
            guard let gov = a.groups.indices.last(where: { !a.groups[$0].infinitival && a.groups[$0].head < a.groups[e].start }) else {
                continue
            }
            // "Germany is willing to provide support", "Italy is ready to contribute": readiness after "be"
            // states an intent, as "vowed to" does.
            if a.tokens[before].is(.readiness), a.tokens[a.groups[gov].head].is(.be), a.groups[gov].head < before,
                let eMatch = patternMatch(e), let intent = IntentCode.forAction(lexicon.patterns[eMatch.pattern].code)
            {
                let t = targets(of: e, match: eMatch)
                emit(
                    intent, e, sources: a.subjects[gov], targets: t, match: eMatch,
                    polarity: a.groups[gov].negated || a.groups[e].negated ? .negated : .affirmed, modality: .intended,
                    notes: ["readiness"])
                continue
            }
            // The parse must attach the purpose clause to that verb: "units raised by Washington to fight
            // Isis" or "a tool with which to press Russia" is no purpose of the clause's main verb.
            if a.tree.count == a.tokens.count, a.tree.heads[a.groups[e].head] != a.groups[gov].head { continue }
            guard let eMatch = patternMatch(e) else { continue }
            let govKey = a.tokens[a.groups[gov].head].key
            let govToken = a.tokens[a.groups[gov].head]
            if govToken.is(.requestVerbs) || govToken.is(.negatingVerbs) { continue }
            let t = targets(of: e, match: eMatch)
            emit(
                lexicon.patterns[eMatch.pattern].code, e, sources: a.subjects[gov],
                targets: t.isEmpty ? targets(of: gov, match: patternMatch(gov)) : t,
                match: eMatch, polarity: a.groups[gov].negated || a.groups[e].negated ? .negated : .affirmed,
                modality: modality(a.groups[gov], subject: a.subjects[gov]), notes: ["purpose clause"])
        }

        // A warning whose content became a threat is that threat, not also a warning.
        out.removeAll { replacedTriggers.contains($0.triggerStart) && !$0.notes.contains("threat") }
        out += nominalEvents(a, covered: coveredTokens)
        out.removeAll { c in askedClauses.contains { $0.contains(c.triggerStart) } && !c.notes.contains("appeal in reported speech") }
        // "HRW said Sudan must ensure security": the statement is the demand, not also a statement.
        let appeals = out.filter { $0.notes.contains("appeal in reported speech") }
        out.removeAll { c in
            c.notes.contains("statement") && appeals.contains { $0.triggerStart == c.triggerStart && $0.sources == c.sources }
        }
        out = statementsReportingOthers(out, a)
        out = withoutRelationships(out, a)
        // "announced a suspension of aid": what is announced is the act; the bare announcement goes.
        let nominals = out.filter { $0.notes.contains("nominal") }
        out.removeAll { c in
            c.code == "010"
                && nominals.contains { n in
                    n.triggerStart >= c.triggerEnd && n.triggerStart - c.triggerEnd <= 3
                        && (n.sources.isEmpty || n.sources == c.sources)
                }
        }
        return out
    }
}
