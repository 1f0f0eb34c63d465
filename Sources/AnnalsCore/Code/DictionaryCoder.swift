/// The Annals event coder: codes raw sentences with a ``Lexicon`` (our dictionaries), without an
/// external parser.
///
/// Per document it recognises actor mentions, finds verb groups and their subjects and objects,
/// matches verb and noun patterns, decides polarity and modality, resolves pronouns and
/// descriptions against earlier sentences, resolves dates, and merges restatements of the same event.
///
/// ```swift
/// let coder = DictionaryCoder(lexicon: try LexiconLoader.loadBundled())
/// let pipeline = Pipeline(coder: coder)
/// let coded = pipeline.run(Document(id: "a", text: "Iran denied involvement.", date: Day("2024-01-02")))
/// ```
public struct DictionaryCoder: EventCoder {
    public let lexicon: Lexicon
    let sentenceCoder: SentenceCoder

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.sentenceCoder = SentenceCoder(lexicon: lexicon)
    }

    public func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        var result = CodedDocument(document: document, sentences: sentences)
        var coref = Coreference(lexicon: lexicon)
        var context = ContextCountry(dateline: document.dateline.flatMap { sentenceCoder.country(namedIn: $0) })
        var events: [EventRecord] = []
        var byKey: [String: Int] = [:]
        var unknown: [String] = []
        var analyses: [SentenceCoder.Analysis] = []
        if options.emitRelations { analyses.reserveCapacity(sentences.count) }
        for (position, sentence) in sentences.enumerated() {
            let day = document.date
            var a = sentenceCoder.analyse(sentence, day: day)
            let groups = a.groups
            let subjects = a.subjects
            // Taken out of the analysis so that resolving does not copy the array.
            var mentions = a.mentions
            a.mentions = []
            let starts = mentions.map(\.start)
            let objects = a.objects
            let tokens = a.tokens
            coref.resolve(
                &mentions, tokens: a.tokens, subjects: Set(subjects.joined()),
                governor: { n in
                    guard let g = groups.indices.last(where: { groups[$0].head < starts[n] && !groups[$0].infinitival }) else { return nil }
                    return Coreference.Governor(subject: subjects[g], object: objects[g], verb: tokens[groups[g].head].key)
                }, day: day)
            a.mentions = mentions
            context.observe(a.mentions, countries: sentenceCoder.countryCodes)
            for m in a.mentions where m.kind == .unknown || m.hasUnknownName { unknown.append(m.name) }
            if options.emitEvents {
                var sentenceRecords: [EventRecord] = []
                for candidate in sentenceCoder.events(a).map(Refusal.apply).map(StatedIntent.apply) {
                    if candidate.polarity == .negated && !options.includeNegated { continue }
                    if candidate.modality == .hypothetical && !options.includeHypothetical { continue }
                    sentenceRecords += records(
                        candidate, a, sentence: sentence, document: document, options: options, context: context)
                }
                // "violated the ceasefire by firing rockets at Israel": an event without a target is
                // subsumed by the same source's event of the same root that names one.
                if sentenceRecords.count > 1, sentenceRecords.contains(where: { $0.target == nil }) {
                    let withTargets = Set(
                        sentenceRecords.compactMap { r in r.target.map { _ in "\(r.source?.code ?? "")|\(r.root)|\(r.polarity.rawValue)" } }
                    )
                    sentenceRecords.removeAll {
                        $0.target == nil && withTargets.contains("\($0.source?.code ?? "")|\($0.root)|\($0.polarity.rawValue)")
                    }
                }
                for record in sentenceRecords {
                    // One event per (source, target, root) in a document: restatements add mentions.
                    let key = "\(record.source?.code ?? "")|\(record.target?.code ?? "")|\(record.root)|\(record.polarity.rawValue)"
                    if let existing = byKey[key] {
                        events[existing].mentions += 1
                    } else {
                        byKey[key] = events.count
                        events.append(record)
                    }
                }
            }
            if position < SentenceSyntax.leadSentences || events.last?.sentence == sentence.index {
                result.syntax[sentence.index] = SentenceSyntax(tokens: a.tokens, tree: a.tree)
            }
            // Kept for the relation pass, after its last use here so that it moves rather than copies.
            if options.emitRelations { analyses.append(a) }
        }
        result.events = events
        result.unknownActors = unknown
        if options.emitRelations {
            result.relations = RelationExtractor(lexicon: lexicon).relations(
                document, sentences: sentences, analyses: analyses, coder: sentenceCoder)
        }
        return result
    }

    private func actorRef(_ m: Mention, _ a: SentenceCoder.Analysis, _ sentence: Sentence) -> ActorRef {
        let s = Int(a.tokens[m.start].start)
        let e = Int(a.tokens[m.end - 1].end)
        let text = sentence.text.utf8Slice(s, e)
        return ActorRef(
            text: text, name: m.name.isEmpty ? text : m.name, code: m.code, span: sentence.originalSpan(s, e),
            countryFrom: m.countryFrom)
    }

    /// Whether the parse gives group `g` a personal pronoun as its subject.
    private func hasPronounSubject(_ g: VerbGroup, _ a: SentenceCoder.Analysis) -> Bool {
        guard a.tree.count == a.tokens.count else { return false }
        return a.tree.children(g.head, .nsubj).contains { a.tree.upos[$0] == .PRON && !a.tokens[$0].is(.relativePronouns) }
    }

    /// Institutions that, named without a country, belong to the country of the other party.
    static let domesticInstitutions = ClosedClass.keys([
        "government", "cabinet", "administration", "regime", "authorities", "parliament", "opposition", "leadership", "junta",
        "presidency", "legislature", "ministry", "senate", "congress", "police", "judiciary", "courts",
    ])

    /// Codes whose compound subject acts jointly: "Russia and Ukraine held talks" is each with the other.
    /// Codes two named parties do with each other (`joint` in `Ontology/code-derivations.tsv`).
    static func isJoint(_ code: String) -> Bool { CodeDerivations.shared.lists(.joint, code) }

    private func records(
        _ candidate: EventCandidate, _ analysis: SentenceCoder.Analysis, sentence: Sentence, document: Document,
        options: CodingOptions, context: ContextCountry
    ) -> [EventRecord] {
        let c = candidate
        guard let code = CameoTable.shared[c.code] ?? CameoTable.shared.nearest(c.code) else { return [] }
        var a = analysis
        // Places ("Aleppo", "Mosul") are coded as their country when acted upon; they do not act.
        func isPlaceActor(_ m: Int) -> Bool { a.mentions[m].actor.map { lexicon.actors[$0].type == .place } ?? false }
        // "Police arrested five protesters in Cairo": generic agents take the country the text supports
        // (the other party's for a domestic institution, else the event's place, the dateline, the
        // document's). "withdrew its fighters", "put its army on alert": an agent owned by a pronoun is
        // the source's own, and no other party.
        let place = sentenceCoder.placeCountry(a, trigger: c.triggerStart..<c.triggerEnd)
        func codeGeneric(_ m: Int, notFromDocument excluded: Set<String> = []) {
            guard !a.mentions[m].isResolved else { return }
            let role: String
            if a.mentions[m].kind == .agent, let agent = a.mentions[m].agent {
                role = lexicon.agents[agent].code
            } else if a.mentions[m].kind == .unknown,
                let r = OrganizationHeads.role(ofHead: a.tokens[a.mentions[m].head].key)
            {
                // "the Kenya National Union of Nurses": an organisation the dictionaries lack, by its head noun.
                role = r
            } else {
                return
            }
            let start = a.mentions[m].start
            let owned = start > 0 && a.tokens[start - 1].is(.possessivePronouns) || a.tokens[start].is(.possessivePronouns)
            guard !role.isEmpty, !owned else { return }
            if let (country, from) = context.country(place: place, excludingFromDocument: excluded) {
                a.mentions[m].code = MentionRecognizer.join(country, role)
                a.mentions[m].countryFrom = from.rawValue
            } else {
                a.mentions[m].code = role
                a.mentions[m].countryFrom = "none"
            }
        }
        // "Police criticised Russia": the document's country says nothing of a source whose only
        // evidence is the party it acts on (the police are not Russia's).
        // (Built only when a source is generic: no set per candidate in the common case.)
        if c.sources.contains(where: { !a.mentions[$0].isResolved }) {
            let targetCountries = Set(
                c.targets.filter { a.mentions[$0].isResolved }.compactMap { ContextCountry.countryCode(a.mentions[$0].code) })
            for m in c.sources { codeGeneric(m, notFromDocument: targetCountries) }
        }
        var sources = c.sources.filter { a.mentions[$0].isResolved && !isPlaceActor($0) }
        // "protested against the government": an institution without a country belongs to the source's,
        // when the sources share one ("Russia, Iran and Syrian troops attacked the opposition" does not say whose).
        let sourceCountries = Set(sources.map { ActorCode.country(of: a.mentions[$0].code) })
        for t in c.targets where !a.mentions[t].isResolved && a.mentions[t].kind == .agent {
            guard let agent = a.mentions[t].agent, sourceCountries.count == 1, let country = sourceCountries.first,
                Self.domesticInstitutions.contains(lexicon.agents[agent].headKey)
            else { continue }
            guard country.count == 3, a.mentions[t].countryFrom == nil else { continue }
            a.mentions[t].code = MentionRecognizer.join(country, lexicon.agents[agent].code)
            a.mentions[t].countryFrom = "other_party"
        }
        // A domestic institution as a target belongs to the source's country or to none; a force posture
        // (15x) shows one's own forces, which are not its target.
        for m in c.targets where code.root != "15" {
            if let agent = a.mentions[m].agent, Self.domesticInstitutions.contains(lexicon.agents[agent].headKey) { continue }
            codeGeneric(m)
        }
        var jointTargets = false
        var targetOnly = false
        if sources.isEmpty {
            // "The meeting between Putin and Kim": participants without a source act with each other.
            let participants = c.targets.filter { a.mentions[$0].isResolved }
            // A finite clause with no source has one codable side, and is an event, as in GDELT: a
            // passive with no agent ("Ismail Haniyeh was assassinated in Tehran"), or an active clause
            // whose subject is no actor at all ("A suicide attack ... has killed", "The missiles struck the
            // Syrian army"). Not a bare participle ("soldiers killed in the ambush were buried" is
            // background). A subject named by a name the dictionaries lack ("The FLA attacked Israel") leaves
            // the source uncoded, as GDELT does; an unresolved pronoun waits for its antecedent.
            // "So we travelled to Kobani": a pronoun subject that is no actor mention (the writer, "I",
            // "we", "you") is someone unknown, not an absent source.
            let finiteClause = a.groups.contains { g in
                g.head >= c.triggerStart && g.head < c.triggerEnd
                    && (g.passive ? g.start < g.head || g.sharesAuxiliary : !g.infinitival && (g.start < g.head || g.form == .past))
                    && (g.passive || !hasPronounSubject(g, a))
            }
            if participants.count == 2, Self.isJoint(code.code) || CodeDerivations.shared.lists(.between, code.code) {
                sources = participants
                jointTargets = true
            } else if !participants.isEmpty, finiteClause,
                c.sources.allSatisfy({ a.mentions[$0].kind == .unknown })
            {
                targetOnly = true
            } else {
                return []
            }
        }
        let targets = jointTargets ? [] : c.targets.filter { a.mentions[$0].isResolved }
        let pattern = c.pattern.map { lexicon.patterns[$0] }
        let lemma = a.groups.first(where: { $0.head >= c.triggerStart && $0.head < c.triggerEnd })?.lemma
        let reciprocalVerb = lemma.map { ClosedClass.reciprocalVerbs.contains($0) } ?? false
        // A refusal (12) is one side's, even of a reciprocal verb ("Iran will not meet US officials"); so is
        // an intention ("Saudi Arabia said it was ready to normalize relations with Israel").
        let reciprocal =
            code.root != "12" && c.modality != .intended
            && (SentenceCoder.reciprocalCodes.contains(code.code) || reciprocalVerb
                || ((code.root == "04" || code.code == "190" || code.code == "193") && (pattern?.text.contains("with @") ?? false)))
        var pairs: [(Int, Int?)] = []
        // Jointly with each other only when the sentence names no other party, not when it names one
        // the dictionaries cannot code ("Russia and Iran mounted an offensive against the opposition").
        if targets.isEmpty, c.targets.isEmpty || jointTargets, sources.count >= 2,
            reciprocalVerb || Self.isJoint(code.code) || jointTargets
        {
            for s in sources { for t in sources where t != s { pairs.append((s, t)) } }
        }
        let joint = !pairs.isEmpty
        var sourceless: [Int] = []
        if targetOnly { sourceless = targets }
        for s in sources where !joint {
            let others = targets.filter { a.mentions[$0].code != a.mentions[s].code || a.mentions[$0].name != a.mentions[s].name }
            // "Uzbekistan agreed to open its borders": a target that is the source itself is no target,
            // but the event stands.
            if others.isEmpty { pairs.append((s, nil)) }
            for t in others {
                pairs.append((s, t))
                if reciprocal { pairs.append((t, s)) }
            }
        }
        let triggerStart = Int(a.tokens[c.triggerStart].start)
        let triggerEnd = Int(a.tokens[c.triggerEnd - 1].end)
        let verbSpan = sentence.originalSpan(triggerStart, triggerEnd)
        let rule = c.pattern.map { "\(lexicon.patterns[$0].origin) \(lexicon.patterns[$0].text)" } ?? "grammar"
        let evidence = Evidence(
            verb: sentence.text.utf8Slice(triggerStart, triggerEnd), span: verbSpan,
            rule: c.notes.isEmpty ? rule : "\(rule) (\(c.notes.joined(separator: "; ")))")
        let date = (c.day ?? document.date)?.description ?? ""
        var out: [EventRecord] = []
        var seen = Set<String>()
        let allPairs: [(Int?, Int?)] = pairs.map { ($0.0, $0.1) } + sourceless.map { (nil, $0) }
        for (s, t) in allPairs {
            let source = s.map { actorRef(a.mentions[$0], a, sentence) }
            let target = t.map { actorRef(a.mentions[$0], a, sentence) }
            // The same text as interpolating the span arrays, without their dynamic description.
            let sourceSpan = source.map { "[\($0.span[0]), \($0.span[1])]" } ?? "[]"
            let targetSpan = target.map { "[\($0.span[0]), \($0.span[1])]" } ?? "[]"
            let idKey =
                "\(document.id)|\(sentence.index)|\(triggerStart)|\(code.code)|\(source?.code ?? "")|\(sourceSpan)|\(target?.code ?? "")|\(targetSpan)"
            guard seen.insert(idKey).inserted else { continue }
            var explain: Explanation?
            if options.explain {
                explain = Explanation(
                    pattern: rule, source: source.map { Span($0.span[0], $0.span[1]) }, verb: verbSpan,
                    target: target.map { Span($0.span[0], $0.span[1]) }, notes: c.notes)
            }
            out.append(
                EventRecord(
                    id: StableID.make(idKey), doc: document.id, sentence: sentence.index, text: sentence.text, date: date,
                    source: source, target: target, code: code, polarity: c.polarity, modality: c.modality, mentions: 1,
                    evidence: evidence, explain: explain))
        }
        return out
    }
}

/// Stable record identifiers: a 64-bit FNV-1a hash of the record's defining fields, in hex.
public enum StableID {
    public static func make(_ key: String) -> String {
        let h = TokenKey.hashExact(key)
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension TokenKey {
    /// FNV-1a over the exact bytes (no case folding).
    static func hashExact(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}

extension String {
    /// The substring of UTF-8 bytes `[start, end)`.
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let u = utf8
        let s = u.index(u.startIndex, offsetBy: max(0, min(start, u.count)))
        let e = u.index(u.startIndex, offsetBy: max(0, min(end, u.count)))
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}
