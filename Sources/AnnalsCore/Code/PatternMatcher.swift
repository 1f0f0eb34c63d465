/// Matches compiled verb patterns against the words after a verb or event noun.
struct PatternMatcher {
    let lexicon: Lexicon
    /// The lexicon's patterns, compiled; a copy held here so the inner loop reads it without
    /// going through the class.
    let table: PatternTable
    let verbForms: KeyMap<[VerbForm]>
    let nounForms: KeyMap<UInt64>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.table = lexicon.patternTable
        self.verbForms = lexicon.verbForms
        self.nounForms = lexicon.nounForms
    }

    struct Match {
        var pattern: Int
        /// Mention index filling the `@` slot.
        var target: Int?
        /// Token after the last matched element.
        var end: Int
        var specificity: Int
    }

    /// What the matcher needs to know about a sentence, computed once per sentence.
    struct Context {
        var tokens: [Token]
        /// Mention index covering each token, -1 when none.
        var mentionAt: [Int]
        /// Tokens a pattern may skip between its words.
        var skippable: [Bool]
        /// Tokens of a quantifier before a number ("at least 19"), skipped without counting as modifiers.
        var quantifier: [Bool] = []
        /// Per mention: a possessor ("Syria's" in "Syria's Kurds") cannot fill the target slot.
        var possessor: [Bool]
        /// Per mention: coded (a named actor or a country), not a generic agent.
        var resolved: [Bool]
    }

    /// Per token: may a pattern skip it? Words of actor mentions may not, except possessive
    /// pronouns ("withdrew its fighters").
    static func skippable(_ tokens: [Token], mentionAt: [Int], quantifier: [Bool], _ matcher: PatternMatcher) -> [Bool] {
        tokens.indices.map { p in
            quantifier[p] || matcher.skippable(tokens[p]) && (mentionAt[p] < 0 || tokens[p].is(.possessivePronouns))
        }
    }

    /// Per token: part of a quantifier phrase before a number, outside mentions.
    static func quantifiers(_ tokens: [Token], mentionAt: [Int]) -> [Bool] {
        var out = [Bool](repeating: false, count: tokens.count)
        for p in tokens.indices where mentionAt[p] < 0 {
            for q in p..<(p + quantifierLength(tokens, at: p)) { out[q] = true }
        }
        return out
    }

    /// Words of a quantifier before a number, which a pattern reads through like the number itself:
    /// "released at least 19 Christians", "killed more than 40 soldiers", "freed up to 100 prisoners".
    static let quantifierPhrases: [[UInt64]] = [
        ["at", "least"], ["at", "most"], ["more", "than"], ["less", "than"], ["fewer", "than"], ["up", "to"],
        ["as", "many", "as"], ["as", "much", "as"], ["no", "fewer", "than"], ["no", "less", "than"],
    ].map { $0.map { TokenKey.hash($0) } }

    /// The length of a quantifier phrase starting at `p` and followed by a number, else 0.
    static func quantifierLength(_ tokens: [Token], at p: Int) -> Int {
        for phrase in quantifierPhrases where p + phrase.count < tokens.count {
            guard tokens[p + phrase.count].flags.contains(.numeric) else { continue }
            if phrase.indices.allSatisfy({ tokens[p + $0].key == phrase[$0] }) { return phrase.count }
        }
        return 0
    }

    /// Nouns that undo what follows them: "a suspension of aid", "the lifting of sanctions".
    static let reversalNouns = ClosedClass.keys([
        "suspension", "suspensions", "halt", "end", "cut", "cuts", "freeze", "cancellation", "withdrawal", "termination",
        "removal", "lifting", "easing", "suspending", "halting", "ending", "cutting", "freezing", "cancelling", "canceling",
        "scrapping", "revocation", "reduction", "reductions",
    ])

    /// Tokens a pattern may skip between its words: determiners, possessives, adverbs and
    /// lower-case modifiers.
    func skippable(_ t: Token) -> Bool {
        if t.flags.contains(.punctuation) { return t.flags.contains(.possessive) }
        if t.flags.contains(.capitalized) { return false }
        let k = t.key
        if t.is(.determiners) || t.is(.adverbs) || t.flags.contains(.numeric) { return true }
        if t.is(.prepositions) || t.is(.conjunctions) || t.is(.relativePronouns)
            || t.is(.be) || t.is(.negators)
        {
            return false
        }
        return !verbForms.contains(k) || nounForms.contains(k)
    }

    /// The best pattern for the head at `head` (a verb lemma or an event noun): the most specific
    /// one that matches.
    func best(head: Int, lemma: UInt64, nominal: Bool, context c: Context, limit: Int) -> Match? {
        let candidates = table.candidates(for: lemma, nominal: nominal)
        guard !candidates.isEmpty else { return nil }
        var words: UInt64 = 0
        for t in c.tokens[min(head + 1, limit)..<limit] { words |= PatternTable.signature(t.key) }
        // Candidates are sorted most specific first, so the first match is the best.
        for index in candidates {
            let p = Int(index)
            guard table.mayMatch(p, words: words) else { continue }
            let ops = table.ops(of: p)
            if let m = match(ops.lowerBound, ops.upperBound, at: head + 1, c, limit: limit) {
                return Match(pattern: p, target: m.target, end: m.end, specificity: table.specificity(p))
            }
        }
        return nil
    }

    /// For a passive verb, patterns whose first word is the passive subject: "sanctions were imposed
    /// on Iran" matches "impose sanctions on @", "Russian diplomats were expelled" "expel diplomat".
    /// With `leadingGap` (a finite passive, "were released"), a pattern's leading gap may fall on the
    /// subject's modifiers; a reduced relative ("figures released by the agency") does not get it.
    func bestPassive(
        head: Int, lemma: UInt64, subjectWords: Range<Int>, leadingGap: Bool = false, context c: Context, limit: Int
    ) -> Match? {
        for index in table.candidates(for: lemma, nominal: false) {
            let p = Int(index)
            let ops = table.ops(of: p)
            guard !ops.isEmpty else { continue }
            // "release * vessel": a gap before the object's word is the passive subject's modifiers
            // ("the detained American vessels were released").
            let lead = leadingGap && table.ops[ops.lowerBound] == PatternTable.Op.gap && ops.count > 1 ? 1 : 0
            let first = table.ops[ops.lowerBound + lead]
            guard first >= 0, subjectWords.contains(where: { table.word(first, contains: c.tokens[$0].key) }) else { continue }
            if let m = match(ops.lowerBound + lead + 1, ops.upperBound, at: head + 1, c, limit: limit) {
                return Match(pattern: p, target: m.target, end: m.end, specificity: table.specificity(p))
            }
        }
        return nil
    }

    /// Matches operations `e..<end` of the pattern table from token `start`: the target mention and
    /// the token after the match.
    private func match(_ e: Int, _ end: Int, at start: Int, _ c: Context, limit: Int) -> (target: Int?, end: Int)? {
        guard e < end else { return (nil, start) }
        let op = table.ops[e]
        switch op {
        case PatternTable.Op.target:
            var p = start
            // Determiners and up to two modifiers before the actor ("at northern Israel").
            var modifiers = 0
            while p < limit, c.mentionAt[p] < 0, c.skippable[p], modifiers < 3 {
                if !c.quantifier[p] { modifiers += 1 }
                p += 1
            }
            // "struck the headquarters of Hezbollah": the owner of the thing acted upon.
            if p + 1 < limit, c.mentionAt[p] < 0, c.tokens[p].key == ClosedClass.of, p > start {
                p += 1
                while p < limit, c.mentionAt[p] < 0, c.skippable[p] { p += 1 }
            }
            // "met his Qatari counterpart": a possessive pronoun determines the target.
            if p + 1 < limit, c.mentionAt[p] >= 0, c.tokens[p].is(.possessivePronouns), c.mentionAt[p + 1] >= 0 {
                p += 1
            }
            guard p < limit, c.mentionAt[p] >= 0 else { return nil }
            let m = c.mentionAt[p]
            var after = p + 1
            while after < c.tokens.count, c.mentionAt[after] == m { after += 1 }
            guard let r = match(e + 1, end, at: after, c, limit: limit) else { return nil }
            return (m, r.end)
        case PatternTable.Op.gap, PatternTable.Op.gapBeforeTarget:
            // Before a target slot a gap skips words, not actors: "struck Hezbollah targets in Lebanon" is not "strike * in @".
            let targetAhead = op == PatternTable.Op.gapBeforeTarget
            // Up to four words; "and" and "or" inside a coordinated modifier do not count ("lifted the
            // trade and travel restrictions").
            var counted = 0
            for skip in 0...6 where start + skip <= limit {
                if skip > 0 {
                    let k = c.tokens[start + skip - 1].key
                    if k != ClosedClass.and && k != ClosedClass.or { counted += 1 }
                    if counted > 4 { break }
                }
                // "announced a suspension of aid" is no announcement of aid: a gap does not cross a
                // noun that undoes what follows it (the patterns that mean the undoing name it).
                if skip > 0, Self.reversalNouns.contains(c.tokens[start + skip - 1].key) { break }
                if targetAhead, skip > 0, c.mentionAt[start + skip - 1] >= 0, c.resolved[c.mentionAt[start + skip - 1]],
                    !c.possessor[c.mentionAt[start + skip - 1]]
                {
                    break
                }
                if let r = match(e + 1, end, at: start + skip, c, limit: limit) { return r }
            }
            return nil
        default:
            // A word, after at most three skippable tokens.
            var p = start
            var skipped = 0
            while p < limit {
                if table.word(op, contains: c.tokens[p].key) { return match(e + 1, end, at: p + 1, c, limit: limit) }
                guard skipped < 3, c.skippable[p] else { return nil }
                skipped += 1
                p += 1
            }
            return nil
        }
    }
}
