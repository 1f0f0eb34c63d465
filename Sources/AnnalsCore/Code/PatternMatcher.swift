/// Matches compiled verb patterns against the words after a verb or event noun.
struct PatternMatcher {
    let lexicon: Lexicon

    struct Match {
        var pattern: Int
        /// Mention index filling the `@` slot.
        var target: Int?
        /// Token after the last matched element.
        var end: Int
        var specificity: Int
    }

    /// Tokens a pattern may skip between its words: determiners, possessives, adverbs and
    /// lower-case modifiers.
    private func skippable(_ t: Token) -> Bool {
        if t.flags.contains(.punctuation) { return t.flags.contains(.possessive) }
        if t.flags.contains(.capitalized) { return false }
        let k = t.key
        if ClosedClass.determiners.contains(k) || ClosedClass.adverbs.contains(k) || t.flags.contains(.numeric) { return true }
        if ClosedClass.prepositions.contains(k) || ClosedClass.conjunctions.contains(k) || ClosedClass.relativePronouns.contains(k)
            || ClosedClass.be.contains(k) || ClosedClass.negators.contains(k)
        {
            return false
        }
        return lexicon.verbForms[k] == nil || lexicon.nounForms[k] != nil
    }

    /// The best pattern for the head at `head` (a verb lemma or an event noun).
    func best(
        head: Int, lemma: UInt64, nominal: Bool, tokens: [Token], mentionStarting: (Int) -> Int?, limit: Int
    ) -> Match? {
        guard let candidates = nominal ? lexicon.nounPatterns[lemma] : lexicon.verbPatterns[lemma] else { return nil }
        var best: Match?
        for index in candidates {
            let pattern = lexicon.patterns[index]
            if let m = match(pattern.elements[...], at: head + 1, tokens: tokens, mentionStarting: mentionStarting, limit: limit) {
                let candidate = Match(pattern: index, target: m.target, end: m.end, specificity: pattern.specificity)
                if best == nil || candidate.specificity > best!.specificity { best = candidate }
            }
        }
        return best
    }

    private func match(
        _ elements: ArraySlice<PatternElement>, at start: Int, tokens: [Token], mentionStarting: (Int) -> Int?, limit: Int
    ) -> (target: Int?, end: Int)? {
        guard let first = elements.first else { return (nil, start) }
        let rest = elements.dropFirst()
        switch first {
        case .word(let keys, _):
            var p = start
            var skipped = 0
            while p < limit {
                if keys.contains(tokens[p].key) {
                    return match(rest, at: p + 1, tokens: tokens, mentionStarting: mentionStarting, limit: limit)
                }
                guard skipped < 3, skippable(tokens[p]), mentionStarting(p) == nil else { return nil }
                skipped += 1
                p += 1
            }
            return nil
        case .target:
            var p = start
            while p < limit, ClosedClass.determiners.contains(tokens[p].key) { p += 1 }
            guard p < limit, let m = mentionStarting(p) else { return nil }
            guard let r = match(rest, at: mentionEnd(m, p, tokens, mentionStarting), tokens: tokens, mentionStarting: mentionStarting, limit: limit) else { return nil }
            return (m, r.end)
        case .gap:
            for skip in 0...4 where start + skip <= limit {
                if let r = match(rest, at: start + skip, tokens: tokens, mentionStarting: mentionStarting, limit: limit) { return r }
            }
            return nil
        }
    }

    private func mentionEnd(_ m: Int, _ p: Int, _ tokens: [Token], _ mentionStarting: (Int) -> Int?) -> Int {
        var e = p + 1
        while e < tokens.count, mentionStarting(e) == m { e += 1 }
        return e
    }
}
