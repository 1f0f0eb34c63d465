/// Conditions on an event: a verb group under "if" or "unless" is hypothetical; an event after "no
/// evidence" is denied.
extension SentenceCoder {
    /// Whether a conditional word ("if", "unless") opens the clause of group `g`.
    func conditional(_ g: VerbGroup, _ a: Analysis) -> Bool {
        var p = g.start - 1
        while p >= 0 && p > g.start - 15 {
            let k = a.tokens[p].key
            if a.tokens[p].is(.conditional) { return true }
            if k == ClosedClass.comma || a.tokens[p].is(.clauseBreaks) { return false }
            p -= 1
        }
        return false
    }

    /// "would" under a condition stated after it ("would mediate if asked") or in an opening
    /// conditional clause ("If Russia attacks, the alliance would respond").
    func conditionalWould(_ g: VerbGroup, _ a: Analysis) -> Bool {
        var p = g.head + 1
        while p < a.tokens.count, p <= g.head + 12, !a.tokens[p].is(.clauseBreaks) {
            if a.tokens[p].is(.conditional) { return true }
            p += 1
        }
        guard let first = a.tokens.first, first.is(.conditional) else { return false }
        return a.tokens[..<g.start].contains { $0.key == ClosedClass.comma }
    }

    /// "There is no evidence (that) Iran attacked the tanker", "no sign any attack took place": an event
    /// in the complement of "no evidence" is denied. Looks back from `p` within the clause, across no
    /// other verb.
    func deniedByNoun(before p: Int, _ a: Analysis) -> Bool {
        var q = p - 1
        while q >= 1, p - q <= 8 {
            let t = a.tokens[q]
            if t.is(.clauseBreaks) || t.key == ClosedClass.comma || a.groups.contains(where: { $0.head == q }) { return false }
            if ClosedClass.evidenceNouns.contains(t.key), a.tokens[q - 1].key == ClosedClass.no { return true }
            q -= 1
        }
        return false
    }
}

extension SentenceCoder {
    /// The pattern of the gerund right after group `g`'s verb ("considering sending aid to X"), if any.
    func consideredGerund(_ g: Int, _ a: Analysis) -> PatternMatcher.Match? {
        let p = a.groups[g].head + 1
        guard p < a.tokens.count, a.mentionAt[p] < 0,
            let form = matcher.verbForms[a.tokens[p].key]?.first(where: { $0.kind == .gerund })
        else { return nil }
        return matcher.best(
            head: p, lemma: form.lemma, nominal: false, context: a.matchContext, limit: min(a.tokens.count, clauseLimit(g, a) + 12))
    }
}
