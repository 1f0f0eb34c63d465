/// A verb with its auxiliaries: "would not enter", "has been attacked", "to help".
struct VerbGroup: Sendable {
    /// First token of the group (auxiliary, negator or "to").
    var start: Int
    /// The main verb.
    var head: Int
    var lemma: UInt64
    var form: VerbFormKind
    var negated = false
    var passive = false
    /// A bare participle conjoined to a passive verb, sharing its auxiliary ("were rounded up and shot").
    var sharesAuxiliary = false
    /// Preceded by "to": an infinitival complement.
    var infinitival = false
    /// Under a modal of possibility or condition ("would", "could", "may", "might", "should", "can").
    var hypothetical = false
    /// The modal is one of possibility ("could", "may", "might", "should", "can"), not "would"
    /// alone, which news mostly uses for the future in the past ("said it would recognise").
    var possible = false
    var future = false
    var reported = false
}

/// Finds verb groups in a tokenised sentence without a parser: a word is a verb when the
/// dictionaries know it as a verb form and its left context (auxiliary, "to", a subject, a relative
/// pronoun) says it is used as one; determiners and possessives make it a noun.
struct ClauseAnalyzer {
    let lexicon: Lexicon
    /// The lexicon's verb forms, held here so that each lookup does not go through the class.
    let verbForms: KeyMap<[VerbForm]>
    /// Keys of `verbForms`, checked before the probe.
    let verbFilter: KeyFilter

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.verbForms = lexicon.verbForms
        self.verbFilter = KeyFilter(lexicon.verbForms.presentKeys, bitsLog2: 17)
    }

    /// A noun that can be the subject of a bare base form: "officials say", "police say".
    static func looksPlural(_ t: Token) -> Bool {
        (t.flags.contains(.pluralLooking) && !t.flags.contains(.possessive)) || ClosedClass.collectivePlurals.contains(t.key)
    }

    func isSkippableAdverb(_ t: Token) -> Bool {
        t.is(.adverbs) || (t.is(.negators))
    }

    /// Decides for each token whether it is a verb head.
    /// `endsMention[i]` is true when an actor mention ends just before token `i` (size: tokens + 1).
    func verbHeads(_ tokens: [Token], endsMention: [Bool], inMention: (Int) -> Bool) -> [VerbForm?] {
        func mentionEnds(at i: Int) -> Bool { i >= 0 && i < endsMention.count && endsMention[i] }
        var out = [VerbForm?](repeating: nil, count: tokens.count)
        for i in tokens.indices {
            let t = tokens[i]
            guard !t.flags.contains(.punctuation), verbFilter.mayContain(t.key), !inMention(i), let forms = verbForms[t.key] else {
                continue
            }
            if t.flags.contains(.capitalized) && !t.flags.contains(.sentenceInitial) { continue }
            // Left context, skipping adverbs.
            var p = i - 1
            while p >= 0, tokens[p].is(.adverbs) { p -= 1 }
            let prev: Token? = p >= 0 ? tokens[p] : nil
            let prevKey = prev?.key ?? 0
            let prevToken = prev ?? Token(start: 0, end: 0, key: 0, flags: [])
            let isAux =
                prev.map {
                    $0.is(.be) || $0.is(.have) || $0.is(.doAux)
                        || $0.is(.hypotheticalModals) || $0.is(.futureModals)
                        || $0.is(.mustModals) || $0.is(.negators)
                } ?? false
            let afterDeterminer = prev.map { $0.is(.determiners) || $0.flags.contains(.possessive) } ?? false
            let finite = forms.contains { $0.kind == .past || $0.kind == .thirdPerson }
            let participle = forms.contains { $0.kind == .participle || $0.kind == .past }
            var verb: VerbForm?
            if prevKey == ClosedClass.to {
                verb = forms.first { $0.kind == .base }
            } else if isAux {
                verb = forms.first { $0.kind != .thirdPerson } ?? forms.first
            } else if afterDeterminer {
                verb = nil
            } else if p < 0 {
                verb = forms.first { $0.kind == .base || $0.kind == .past }  // imperative or headline ("Iran vows")
                if tokens.count > i + 1, tokens[i].flags.contains(.capitalized) { verb = nil }
            } else if mentionEnds(at: p + 1) || prevToken.is(.relativePronouns)
                || prevToken.is(.pronouns)
            {
                // A bare base form agrees only with a plural subject: "Houthis attack ships", not
                // "put Syria back together".
                let pluralSubject =
                    prevToken.is(.relativePronouns) || prevToken.is(.pluralSubjectPronouns)
                    || (mentionEnds(at: p + 1) && prev.map(Self.looksPlural) == true)
                verb = forms.first {
                    $0.kind == .past || $0.kind == .thirdPerson || ($0.kind == .base && pluralSubject) || $0.kind == .participle
                }
            } else if finite || participle {
                // "joint military exercises": an -s form needs a subject before it; a participle does not.
                // "Iran's elite military branch vows": a noun right after an actor is that subject's head.
                // Not when actor and noun are a prepositional object: "news of the Paris terror attacks".
                var headAfterActor = p >= 1 && mentionEnds(at: p)
                if headAfterActor, tokens[p].classes.isEmpty, !tokens[p].flags.contains(.punctuation) {
                    var q = p - 1
                    while q >= 0, inMention(q) { q -= 1 }
                    while q >= 0, tokens[q].is(.determiners) { q -= 1 }
                    if q >= 0, tokens[q].is(.prepositions), !tokens[q].is(.subordinators) { headAfterActor = false }
                    // "to resist US secondary sanctions": the object of a verb before it.
                    if q >= 0, out[q] != nil { headAfterActor = false }
                }
                verb = forms.first { $0.kind == .past || $0.kind == .participle || ($0.kind == .thirdPerson && headAfterActor) }
                // "the surprise attack launched": a participle after a noun modifies it.
            }
            // "by firing rockets at Israel": the means is a clause.
            if verb == nil, prevKey == ClosedClass.by, let g = forms.first(where: { $0.kind == .gerund }) { verb = g }
            if let v = verb, v.kind == .gerund, !isAux, !mentionEnds(at: p + 1), prevKey != ClosedClass.by {
                verb = nil  // "a face-to-face meeting": an -ing word is a noun unless "be" or a subject precedes it
            }
            if let verb { out[i] = verb }
        }
        // "Israeli strikes killed", "Houthi attacks continued": a verb form right before a finite verb is a noun.
        for i in out.indices where i + 1 < tokens.count && out[i] != nil {
            let auxBefore =
                i > 0
                && (tokens[i - 1].is(.hypotheticalModals) || tokens[i - 1].is(.futureModals)
                    || tokens[i - 1].is(.doAux) || tokens[i - 1].is(.mustModals)
                    || tokens[i - 1].key == ClosedClass.to)
            if let next = out[i + 1], next.kind == .past, let this = out[i], this.kind == .thirdPerson || this.kind == .base, !auxBefore,
                !(tokens[i].is(.be) || tokens[i].is(.have)
                    || tokens[i].is(.doAux))
            {
                out[i] = nil
            }
        }
        // An auxiliary followed by a main verb is not a head itself.
        for i in out.indices where out[i] != nil {
            let k = tokens[i].key
            if tokens[i].is(.be) || tokens[i].is(.have) || tokens[i].is(.doAux) {
                var n = i + 1
                while n < tokens.count, isSkippableAdverb(tokens[n]) { n += 1 }
                if n < out.count, out[n] != nil { out[i] = nil }
            }
        }
        return out
    }

    /// "must", "should", "ought" (``ReportedAppeal``'s modals).
    static func deontic(_ t: Token) -> Bool {
        ReportedAppeal.demandModals.contains(t.key) || ReportedAppeal.appealModals.contains(t.key)
    }

    /// Adds the finite verbs the tagger finds (VBP, VBZ, VBD) with a subject in the parse that `verbHeads`
    /// left out, when the dictionaries know the word as that verb form; auxiliaries and words inside
    /// mentions stay out ("watching pundits criticise the fudge" has no finite "criticise").
    /// After a deontic modal, a verb the dictionaries do not know is a head too ("must ensure").
    /// Returns whether any head was added.
    func addTaggedFiniteVerbs(
        _ heads: inout [VerbForm?], _ tokens: [Token], tree: DependencyTree, model: ParserModel, inMention: (Int) -> Bool
    ) -> Bool {
        let tags = tree.tags
        var added = false
        for i in tokens.indices where heads[i] == nil && !inMention(i) {
            let t = tokens[i]
            // "said the government must ensure security": a verb the dictionaries do not know, after a
            // deontic modal, still heads a group (what is asked for makes the statement a demand).
            if verbForms[t.key] == nil, model.xpos(tags[i]) == "VB", i > 0,
                Self.deontic(tokens[i - 1]) || (i > 1 && Self.deontic(tokens[i - 2]) && tokens[i - 1].is(.adverbs)),
                !t.flags.contains(.capitalized)
            {
                heads[i] = VerbForm(lemma: t.key, kind: .base)
                added = true
                continue
            }
            guard verbFilter.mayContain(t.key), let forms = verbForms[t.key],
                !t.is(.be), !t.is(.have), !t.is(.doAux), !t.is(.hypotheticalModals), !t.is(.futureModals), !t.is(.mustModals),
                !(t.flags.contains(.capitalized) && !t.flags.contains(.sentenceInitial))
            else { continue }
            let kind: VerbFormKind
            switch model.xpos(tags[i]) {
            case "VBP": kind = .base
            case "VBZ": kind = .thirdPerson
            case "VBD": kind = .past
            default: continue
            }
            guard let form = forms.first(where: { $0.kind == kind }), !tree.children(i, .nsubj).isEmpty else { continue }
            heads[i] = form
            added = true
        }
        return added
    }

    /// Builds verb groups from heads: auxiliaries, negation, voice and mood.
    func groups(_ tokens: [Token], heads: [VerbForm?]) -> [VerbGroup] {
        var out: [VerbGroup] = []
        out.reserveCapacity(heads.count / 4 + 2)
        for h in heads.indices {
            guard let form = heads[h] else { continue }
            var g = VerbGroup(start: h, head: h, lemma: form.lemma, form: form.kind)
            var p = h - 1
            var sawBe = false
            var sawHave = false
            while p >= 0 {
                let k = tokens[p].key
                if tokens[p].is(.negators) {
                    g.negated = true
                } else if tokens[p].is(.reportingAdverbs) {
                    g.reported = true
                } else if tokens[p].is(.adverbs) {
                } else if tokens[p].is(.be) {
                    sawBe = true
                } else if tokens[p].is(.have) || tokens[p].is(.doAux) {
                    if tokens[p].is(.have) { sawHave = true }
                } else if tokens[p].is(.hypotheticalModals) {
                    // "Theresa May has met": a capitalised "May" inside the sentence is a name.
                    if tokens[p].flags.contains(.capitalized), !tokens[p].flags.contains(.sentenceInitial) { break }
                    g.hypothetical = true
                    if sawHave, ClosedClass.epistemicModals.contains(k) {
                        // "may have launched attacks": an allegation about the past, not a condition.
                        g.reported = true
                    } else if k != ClosedClass.would {
                        g.possible = true
                    }
                } else if tokens[p].is(.futureModals) {
                    g.future = true
                } else if tokens[p].is(.mustModals) {
                } else if k == ClosedClass.to {
                    g.infinitival = true; g.start = p; break
                } else {
                    break
                }
                g.start = p
                p -= 1
            }
            // "of shelling", "for taking control": a gerund governed by a preposition is not a clause.
            // "by firing rockets" (the means) stays a clause; "for defending Iran" does not.
            if form.kind == .gerund, g.start == h, h > 0, tokens[h - 1].is(.prepositions) {
                guard tokens[h - 1].key == ClosedClass.by else { continue }
                g.infinitival = true  // takes its subject from the main clause, like a purpose clause
                g.start = h - 1
            }
            if sawBe && (form.kind == .participle || form.kind == .past) {
                // "was attacked" (not "was attacking")
                g.passive = true
            }
            out.append(g)
        }
        return out
    }
}

extension ClosedClass {
    static let negatorNot: UInt64 = 0x215a_d619_258e_9f4a  // TokenKey.hash("not")
}
