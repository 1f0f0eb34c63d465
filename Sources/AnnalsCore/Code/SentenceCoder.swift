/// Codes one sentence: verb groups, subjects and objects, patterns, polarity and modality.
struct SentenceCoder {
    let lexicon: Lexicon
    let matcher: PatternMatcher
    let analyzer: ClauseAnalyzer
    let recognizer: MentionRecognizer
    /// The tagger and parser; nil only when the bundled model cannot be read.
    let syntax: ParserModel?
    /// Three-letter codes of the dictionary's countries.
    let countryCodes: Set<String>

    init(lexicon: Lexicon, syntax: ParserModel? = try? ParserModel.bundled()) {
        self.lexicon = lexicon
        self.syntax = syntax
        self.countryCodes = Set(lexicon.actors.filter { $0.type == .country }.compactMap { ContextCountry.countryCode($0.code(on: nil)) })
        self.recognizer = MentionRecognizer(lexicon: lexicon)
        self.matcher = PatternMatcher(lexicon: lexicon)
        self.analyzer = ClauseAnalyzer(lexicon: lexicon)
    }

    struct Analysis {
        var tokens: [Token]
        var mentions: [Mention]
        /// Mention index covering each token, -1 when none.
        var mentionAt: [Int]
        var groups: [VerbGroup]
        var dates: [DateMention]
        var subjects: [[Int]]
        var objects: [[Int]]
        var matchContext: PatternMatcher.Context
        /// Dictionary phrase matches, left to right (kept for relation extraction).
        var pieces: [MentionRecognizer.Piece] = []
        /// The dependency parse of the tokens (empty without a model).
        var tree: DependencyTree = .empty
    }

    func mentionCovering(_ a: Analysis, _ p: Int) -> Int? {
        p >= 0 && p < a.mentionAt.count && a.mentionAt[p] >= 0 ? a.mentionAt[p] : nil
    }

    /// Tokenises and recognises a sentence (mentions are not yet coreference-resolved).
    func analyse(_ sentence: Sentence, day: Day?) -> Analysis {
        var text = sentence.text
        return text.withUTF8 { bytes in
            let tokens = Tokenizer.tokens(bytes: bytes)
            // First pass: verb-ness without mentions, to keep verbs out of noun phrases.
            // Name pieces end noun phrases: "Lebanon disarm Hezbollah" has a verb after "Lebanon".
            var pieceEnds = [Bool](repeating: false, count: tokens.count + 1)
            var inPiece = [Bool](repeating: false, count: tokens.count)
            let pieces = recognizer.pieces(tokens)
            for p in pieces {
                // An agent noun may modify the next word ("military aid", "government forces"), so it
                // ends a phrase only when it is plural and the next word can agree with it as a
                // subject: "officials say", "police say", "residents report".
                if case .agent = p.meaning {
                    if ClauseAnalyzer.looksPlural(tokens[p.end - 1]) { pieceEnds[p.end] = true }
                    continue
                }
                pieceEnds[p.end] = true
                for k in p.start..<p.end { inPiece[k] = true }
            }
            let rough = analyzer.verbHeads(tokens, endsMention: pieceEnds, inMention: { inPiece[$0] })
            let mentions = recognizer.mentions(tokens, bytes: bytes, day: day, pieces: pieces, verbAt: { rough[$0] != nil })
            var mentionAt = [Int](repeating: -1, count: tokens.count)
            var ends = [Bool](repeating: false, count: tokens.count + 1)
            for (n, m) in mentions.enumerated() {
                for p in m.start..<m.end { mentionAt[p] = n }
                // "The Israeli strike", "Israeli strikes killed": after an adjective the word is a noun.
                if !m.isAdjectival { ends[m.end] = true }
            }
            var heads = analyzer.verbHeads(tokens, endsMention: ends, inMention: { mentionAt[$0] >= 0 })
            var groups = analyzer.groups(tokens, heads: heads)
            let dates = DateResolver.find(tokens, bytes: bytes, documentDate: day)
            // The parse is computed once, and only for a sentence that can hold an event: an actor
            // mention and a verb. Most sentences of an article have none, and parsing is the costliest stage.
            let tree =
                mentions.isEmpty || groups.isEmpty
                ? DependencyTree.empty
                : syntax.map { model in
                    model.parse(
                        tokens.enumerated().map {
                            SyntaxWord(bytes: bytes, start: Int($1.start), end: Int($1.end), sentenceInitial: $0 == 0)
                        })
                } ?? .empty
            // "Former Soviet republics from the CIS refuse to lift sanctions": a finite verb the word-class
            // rules missed (its subject is no actor, or is far from it) is a verb when the tagger says so.
            if let model = syntax, tree.count == tokens.count,
                analyzer.addTaggedFiniteVerbs(&heads, tokens, tree: tree, model: model, inMention: { mentionAt[$0] >= 0 })
            {
                groups = analyzer.groups(tokens, heads: heads)
            }
            let quantifier = PatternMatcher.quantifiers(tokens, mentionAt: mentionAt)
            let context = PatternMatcher.Context(
                tokens: tokens, mentionAt: mentionAt,
                skippable: PatternMatcher.skippable(tokens, mentionAt: mentionAt, quantifier: quantifier, matcher),
                quantifier: quantifier, possessor: mentions.map(\.isPossessor), resolved: mentions.map(\.isResolved))
            var a = Analysis(
                tokens: tokens, mentions: mentions, mentionAt: mentionAt, groups: groups, dates: dates, subjects: [], objects: [],
                matchContext: context, pieces: pieces, tree: tree)
            // "fighters captured in Syria by US-backed forces": a bare participle with a by-agent is passive.
            // "four fighters killed on the front", "a soldier jailed in Turkey": a verb that needs an object,
            // followed straight by a preposition, is a passive participle too (a headline or a reduced relative).
            for g in groups.indices
            where !groups[g].passive && groups[g].start == groups[g].head
                && (groups[g].form == .participle || groups[g].form == .past) && groups[g].head + 1 < tokens.count
                && ((tokens[groups[g].head + 1].is(.prepositions) || noObjectBeforeBy(g, in: a)) && !byAgent(of: g, in: a).isEmpty
                    || patientFirst(g, in: a))
            {
                a.groups[g].passive = true
            }
            // "three British men ..., accused of being members of Isis": a bare past participle after
            // a comma and before a preposition, that the parse attaches to a noun or a clause as a modifier, with no subject or
            // auxiliary of its own, is passive.
            if let model = syntax, tree.count == tokens.count {
                for g in groups.indices where !a.groups[g].passive && groups[g].start == groups[g].head {
                    let h = groups[g].head
                    guard h > 0, tokens[h - 1].key == ClosedClass.comma, h + 1 < tokens.count, tokens[h + 1].is(.prepositions),
                        tokens[h + 1].key != ClosedClass.to, tree.relations[h] == .acl || tree.relations[h] == .advcl,
                        model.xpos(tree.tags[h]) == "VBN",
                        !tree.children(h).contains(where: { tree.relations[$0] == .nsubj || tree.relations[$0] == .aux })
                    else { continue }
                    a.groups[g].passive = true
                }
            }
            // "were rounded up and shot", "have been killed or captured": a bare participle coordinated
            // with a passive verb shares its auxiliary, so it is passive too.
            for g in groups.indices.dropFirst()
            where !a.groups[g].passive && groups[g].start == groups[g].head
                && (groups[g].form == .participle || groups[g].form == .past) && a.groups[g - 1].passive
            {
                let conjunction = groups[g].head - 1
                guard conjunction > groups[g - 1].head, conjunction - groups[g - 1].head <= 2,
                    tokens[conjunction].key == ClosedClass.and || tokens[conjunction].key == ClosedClass.or
                else { continue }
                a.groups[g].passive = true
                a.groups[g].sharesAuxiliary = a.groups[g - 1].start < a.groups[g - 1].head || a.groups[g - 1].sharesAuxiliary
            }
            // "has been battered, brutalised, killed and displaced": in the parse, a bare participle
            // conjoined (through a list) to a passive verb is passive too.
            if tree.count == tokens.count {
                let passiveHeads = Set(a.groups.filter(\.passive).map(\.head))
                for g in groups.indices
                where !a.groups[g].passive && groups[g].start == groups[g].head
                    && (groups[g].form == .participle || groups[g].form == .past)
                {
                    var h = groups[g].head
                    // A conjunct with a subject of its own is a clause of its own ("when Boko Haram ambushed").
                    if tree.children(h).contains(where: { tree.relations[$0] == .nsubj }) { continue }
                    var steps = 0
                    while tree.relations[h] == .conj, let up = tree.head(h), steps < 6 {
                        h = up
                        steps += 1
                    }
                    // The first conjunct is passive: a passive group, or a participle with "be" as auxiliary
                    // that no dictionary verb made a group ("been battered").
                    let beAux = tree.children(h).contains { tree.relations[$0] == .aux && tokens[$0].is(.be) }
                    if h != groups[g].head, passiveHeads.contains(h) || (beAux && syntax?.xpos(tree.tags[h]) == "VBN") {
                        a.groups[g].passive = true
                        a.groups[g].sharesAuxiliary = true
                    }
                }
            }
            // The rest of the coder reads subjects before their verb and objects after it.
            a.subjects = a.groups.indices.map { g in
                let start = a.groups[g].start
                let tree = treeSubject(of: g, in: a).filter { a.mentions[$0].end <= start }
                return Self.roleMode.choose(tree, subject(of: g, in: a))
            }
            a.objects = groups.indices.map { g in
                let head = a.groups[g].head
                let tree = treeObject(of: g, in: a).filter { a.mentions[$0].start > head }
                return Self.roleMode.choose(tree, object(of: g, in: a))
            }
            // '"...," said the Syrian foreign minister': after a quotation a statement verb's subject follows it.
            for g in groups.indices {
                guard let m = Self.invertedSpeaker(of: g, in: a) else { continue }
                a.subjects[g] = [m]
                a.objects[g].removeAll { $0 == m }
            }
            // Coordinated verbs inherit the subject: "told X ... and accused Y".
            for g in groups.indices where a.subjects[g].isEmpty && !groups[g].infinitival {
                let finite = (0..<g).filter { !groups[$0].infinitival && !a.subjects[$0].isEmpty }
                if coordinated(g, a),
                    let prev = finite.last(where: { groups[$0].form == groups[g].form && !groups[$0].hypothetical && !groups[$0].future })
                        ?? finite.last
                {
                    a.subjects[g] = a.subjects[prev]
                }
            }
            return a
        }
    }

    static let closingQuotes = ClosedClass.keys(["\"", "\u{201D}", "''", "\u{2019}"])

    /// The speaker after a quotation's statement verb: '"The only winner is Iran," said Bassam Barabandi',
    /// '..." said the minister', when the verb stands alone right after the quote (and its comma).
    static func invertedSpeaker(of g: Int, in a: Analysis) -> Int? {
        let group = a.groups[g]
        guard group.start == group.head, ClosedClass.statementVerbs.contains(a.tokens[group.head].key), group.head >= 2,
            group.head + 1 < a.tokens.count
        else { return nil }
        // The quote, or the quote and a comma after it.
        var p = group.head - 1
        if a.tokens[p].key == ClosedClass.comma { p -= 1 }
        guard closingQuotes.contains(a.tokens[p].key) else { return nil }
        guard let m = a.mentions.indices.first(where: { a.mentions[$0].start == group.head + 1 }) else { return nil }
        return m
    }

    /// True when the group follows "and"/"but" (after auxiliaries and adverbs).
    private func coordinated(_ g: Int, _ a: Analysis) -> Bool {
        var p = a.groups[g].start - 1
        while p >= 0, a.tokens[p].key == ClosedClass.comma || a.tokens[p].is(.adverbs) { p -= 1 }
        return p >= 0 && a.tokens[p].is(.conjunctions)
    }

    /// Mentions joined to `m` by "and" / "," ("Iran and Hezbollah", "Hamas, Hezbollah and the Houthis").
    func compound(_ m: Int, _ a: Analysis, forward: Bool) -> [Int] {
        var out = [m]
        if forward {
            var cur = m
            var lastJoinerWasAnd = false
            while true {
                var p = a.mentions[cur].end
                guard p < a.tokens.count, a.tokens[p].key == ClosedClass.and || a.tokens[p].key == ClosedClass.comma else { break }
                p += 1
                if p < a.tokens.count, a.tokens[p].key == ClosedClass.and { p += 1 }
                while p < a.tokens.count, a.tokens[p].is(.determiners) && mentionCovering(a, p) == nil { p += 1 }
                guard let next = mentionCovering(a, p), a.mentions[next].start == p || a.mentions[next].start == p - 1 else { break }
                lastJoinerWasAnd = a.tokens[p - 1].key == ClosedClass.and
                out.append(next)
                cur = next
            }
            // "X, Y and Z" is a list; "X, Y said" is not.
            if !lastJoinerWasAnd { out = [m] }
        } else {
            // Walking back from the last member: "and" first, then commas ("Egypt, Qatar and the US").
            var cur = m
            var sawAnd = false
            while true {
                var p = a.mentions[cur].start - 1
                guard p >= 0 else { break }
                if a.tokens[p].key == ClosedClass.and {
                    sawAnd = true
                    p -= 1
                    if p >= 0, a.tokens[p].key == ClosedClass.comma { p -= 1 }
                } else if a.tokens[p].key == ClosedClass.comma && sawAnd {
                    p -= 1
                } else {
                    break
                }
                guard let prev = mentionCovering(a, p), a.mentions[prev].end == p + 1, !a.mentions[prev].isPossessor else { break }
                // A list of subjects is not governed by a preposition: in "As reported by the Guardian,
                // Canada and the Kurds agreed" the Guardian belongs to the fronted phrase.
                let before = a.mentions[prev].start - 1
                if before >= 0, a.tokens[before].is(.prepositions), !a.tokens[before].is(.subordinators) { break }
                out.insert(prev, at: 0)
                cur = prev
            }
        }
        return out
    }

    /// The subject of a verb group: the nearest mention to the left in the same clause that is not
    /// the object of a preposition, skipping relative clauses; "which/who" point to their antecedent.
    func subject(of g: Int, in a: Analysis) -> [Int] {
        let group = a.groups[g]
        if group.infinitival { return [] }
        var p = group.start - 1
        while p >= 0, a.tokens[p].is(.adverbs) { p -= 1 }
        // "became envoy to Syria, Libya and Europe, and met Nixon": a coordinated verb phrase shares the
        // first verb's subject (filled in by the caller), not the nearest name.
        if p >= 0, a.tokens[p].key == ClosedClass.and || a.tokens[p].key == ClosedClass.butKey,
            !(p > 0 && mentionCovering(a, p - 1) != nil && mentionCovering(a, p - 1).map { a.mentions[$0].end == p } == true
                && !a.groups.contains { $0.head < p })
        {
            return []
        }
        if p >= 0, a.tokens[p].is(.relativePronouns) {
            var q = p - 1
            if q >= 0, a.tokens[q].key == ClosedClass.comma { q -= 1 }
            if let m = mentionCovering(a, q) { return [m] }
            return []
        }
        // "Hezbollah, the Iran-backed Lebanese group, attacked": the name before the appositive.
        if p >= 0, a.tokens[p].key == ClosedClass.comma {
            var q = p - 1
            while q > 0, p - q < 15, a.tokens[q].key != ClosedClass.comma, !a.groups.contains(where: { $0.head == q }) { q -= 1 }
            if q > 0, a.tokens[q].key == ClosedClass.comma, let m = mentionCovering(a, q - 1), !a.mentions[m].isPossessor {
                return compound(m, a, forward: false)
            }
        }
        while p >= 0 {
            let t = a.tokens[p]
            if let m = mentionCovering(a, p), a.mentions[m].isPossessor {
                p = a.mentions[m].start - 1
                continue
            }
            // "The militants who attacked the embassy were arrested": the embassy is inside the relative clause.
            if let m = mentionCovering(a, p), let rel = relativePronoun(before: a.mentions[m].start, a) {
                p = rel - 1
                continue
            }
            if let m = mentionCovering(a, p) {
                let mention = a.mentions[m]
                let before = mention.start - 1
                let governed =
                    before >= 0 && a.tokens[before].is(.prepositions) && a.tokens[before].key != ClosedClass.of
                    && !a.tokens[before].is(.subordinators)
                if !governed && mention.kind != .unknown || (!governed && mention.kind == .unknown) {
                    return compound(m, a, forward: false)
                }
                p = mention.start - 1
                continue
            }
            if t.key == ClosedClass.that || t.is(.clauseBreaks)
                || t.is(.subordinators) && t.key != ClosedClass.after
            {
                return []
            }
            // "The civilians imprisoned for ... were released": a bare passive participle belongs to the
            // noun phrase before it (a reduced relative clause), so the search goes on past it.
            if let earlier = a.groups.first(where: { $0.head == p }), earlier.passive, earlier.start == earlier.head, p < group.start {
                p -= 1
                continue
            }
            if p < group.start, a.groups.contains(where: { $0.head == p }) {
                // Another verb stands between: skip a relative clause "X, which serves as ..., said".
                if let open = relativeClauseStart(before: p, a) { p = open - 1; continue }
                return []
            }
            if t.key == ClosedClass.comma, let open = relativeClauseStart(before: p, a) { p = open - 1; continue }
            p -= 1
        }
        return []
    }

    /// If the words just before `start` are "who/which + verb" (the mention is the object of a relative
    /// clause), the position of the relative pronoun.
    private func relativePronoun(before start: Int, _ a: Analysis) -> Int? {
        var q = start - 1
        while q >= 0, start - q <= 4 {
            if a.groups.contains(where: { $0.head == q }) {
                var r = a.groups.first(where: { $0.head == q })!.start - 1
                while r >= 0, a.tokens[r].is(.adverbs) { r -= 1 }
                if r >= 0, a.tokens[r].is(.relativePronouns), a.tokens[r].key != ClosedClass.that { return r }
                return nil
            }
            q -= 1
        }
        return nil
    }

    /// Is group `g` a verb that cannot stand without its object ("killed", "jailed") used with none,
    /// right after the one it happened to? "910 killed in the war", "Kurdish fighters killed on the front".
    private func patientFirst(_ g: Int, in a: Analysis) -> Bool {
        let head = a.groups[g].head
        // Straight after it: a preposition, a subordinator or an -ing clause ("killed fighting alongside the YPG").
        let next = a.tokens[head + 1]
        guard head >= 1, ClosedClass.objectVerbs.contains(a.tokens[head].key), next.key != ClosedClass.by else { return false }
        guard next.is([.prepositions, .subordinators]) || matcher.verbForms[next.key]?.contains(where: { $0.kind == .gerund }) == true
        else {
            return false
        }
        let before = a.tokens[head - 1]
        return a.mentionAt[head - 1] >= 0 || before.flags.contains(.numeric)
            || (before.flags.contains(.pluralLooking) && before.classes.isEmpty && !before.flags.contains(.capitalized))
    }

    /// If tokens before `p` belong to ", which/who ..." returns the position of the opening comma.
    private func relativeClauseStart(before p: Int, _ a: Analysis) -> Int? {
        var q = p - 1
        while q >= 0 {
            let k = a.tokens[q].key
            if a.tokens[q].is(.relativePronouns) && k != ClosedClass.that {
                return q > 0 && a.tokens[q - 1].key == ClosedClass.comma ? q - 1 : q
            }
            if k == ClosedClass.comma && q < p - 1 { return nil }
            q -= 1
            if p - q > 25 { return nil }
        }
        return nil
    }

    /// Direct object: a mention right after the verb (determiners and modifiers between), or for
    /// passives the by-agent is found separately.
    func object(of g: Int, in a: Analysis) -> [Int] {
        var p = a.groups[g].head + 1
        var skipped = 0
        while p < a.tokens.count, skipped < 4 {
            // "withdrew its fighters": a possessive pronoun determines the object, it is not the object.
            if let m = mentionCovering(a, p), a.mentions[m].kind == .pronoun, a.tokens[p].is(.possessivePronouns) {
                p += 1
                continue
            }
            // "rejected South Korea's offer": the possessor of the object is the one acted upon.
            if let m = mentionCovering(a, p) { return compound(m, a, forward: true) }
            let t = a.tokens[p]
            // "dozens of Israeli civilians", "39 Palestinian prisoners"
            // "struck the headquarters of Hezbollah": the owner of the object.
            if t.key == ClosedClass.of, p > 0,
                skipped > 0 || a.tokens[p - 1].flags.contains(.numeric) || a.tokens[p - 1].is(.quantities)
            {
                p += 1
                continue
            }
            // "retaliated against Israel": a directional preposition right after the verb.
            if skipped == 0, t.is(.directional), let m = mentionCovering(a, p + 1) ?? mentionCovering(a, p + 2) {
                return compound(m, a, forward: true)
            }
            if t.flags.contains(.punctuation) || t.is(.prepositions) || t.is(.subordinators)
                || a.groups.contains(where: { $0.start == p || $0.head == p })
            {
                return []
            }
            p += 1
            skipped += 1
        }
        return []
    }

    /// The by-agent of a passive: "was attacked by Israeli troops".
    /// "the journalist taken hostage by Islamic State": a bare participle whose by-phrase follows with no
    /// actor between is passive even when a word of its own comes first.
    /// Only for a form that is no past tense ("taken", not "lambasted decisions by Trump").
    private func noObjectBeforeBy(_ g: Int, in a: Analysis) -> Bool {
        guard a.groups[g].form == .participle else { return false }
        let head = a.groups[g].head
        guard let by = (head + 1..<min(a.tokens.count, head + 4)).first(where: { a.tokens[$0].key == ClosedClass.by }) else { return false }
        return !(head + 1..<by).contains {
            (a.mentionAt[$0] >= 0 && a.mentions[a.mentionAt[$0]].isResolved) || a.tokens[$0].flags.contains(.punctuation)
        }
    }

    func byAgent(of g: Int, in a: Analysis) -> [Int] {
        var p = a.groups[g].head + 1
        while p < min(a.tokens.count, a.groups[g].head + 8) {
            if a.tokens[p].key == ClosedClass.by, let m = mentionCovering(a, p + 1) ?? mentionCovering(a, p + 2) {
                return compound(m, a, forward: true)
            }
            if a.tokens[p].flags.contains(.punctuation) && !a.tokens[p].flags.contains(.possessive) { break }
            p += 1
        }
        return []
    }

    /// Where the clause of group `g` ends: the next verb group's start, a clause break or the end.
    func clauseLimit(_ g: Int, _ a: Analysis) -> Int {
        let head = a.groups[g].head
        var limit = a.tokens.count
        for other in a.groups where other.start > head && !other.infinitival {
            limit = min(limit, other.start)
            break
        }
        for p in (head + 1)..<max(head + 1, limit)
        where a.tokens[p].is(.clauseBreaks) || a.tokens[p].key == TokenKey.hash(";") {
            return p
        }
        return limit
    }

    /// The date mention nearest to the trigger in its clause.
    func date(near p: Int, _ a: Analysis, limit: Int) -> Day? {
        a.dates.filter { $0.start >= p && $0.start < limit || ($0.end <= p && p - $0.end < 6) }
            .min(by: { abs($0.start - p) < abs($1.start - p) })?.day
    }
}
