/// Resolves pronouns ("it", "its", "they", "he"), group nouns ("the group", "the militant group")
/// and descriptions ("the supreme leader", "the Iranian commander") to actors mentioned earlier in
/// the document.
struct Coreference {
    let lexicon: Lexicon

    /// What the document has mentioned so far, most recent last.
    struct Referent {
        var actor: Int?
        var code: String
        var name: String
        var isPerson: Bool
        var isGroup: Bool
        var plural: Bool
        var country: String
        /// A city or region: "it" and "the group" do not refer back to places.
        var isPlace = false
        /// Was the subject of its clause (subjects are the likelier antecedents of a subject pronoun).
        var wasSubject = false
        /// Index of the sentence that mentioned it.
        var sentence = 0
    }
    var history: [Referent] = []
    /// Sentences resolved so far; pronouns reach back at most `pronounReach` sentences.
    var sentenceCount = 0
    static let pronounReach = 2

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    static let institutionNouns = ClosedClass.keys([
        "government", "cabinet", "administration", "ministry", "army", "military", "navy", "parliament", "police", "regime",
        "authorities", "authority", "court", "council", "committee", "party", "media", "embassy", "agency", "force", "forces",
        "coalition", "opposition", "leadership", "junta", "senate", "congress", "assembly", "office", "department", "service",
        "services", "troops", "presidency", "legislature", "state", "guard", "command", "headquarters", "mission", "delegation",
    ])
    static let groupNouns = ClosedClass.keys([
        "group", "organization", "organisation", "movement", "militia", "faction", "outfit", "network",
    ])

    /// What mention `n` adds to the history, read in place (a copy of the mention would retain its
    /// strings and arrays).
    func referent(at n: Int, in mentions: [Mention]) -> Referent? {
        if mentions[n].kind == .unknown {
            // A name we cannot code still takes pronouns: "Senator Lindsay Graham ... he said" must not reach back further.
            let isPerson = mentions[n].isPerson
            return Referent(
                actor: nil, code: "", name: mentions[n].name, isPerson: isPerson, isGroup: !isPerson, plural: false, country: "")
        }
        guard mentions[n].isResolved else { return nil }
        let actor = mentions[n].actor
        let type = actor.map { lexicon.actors[$0].type }
        let code = mentions[n].code
        // "The Swedish government said they hoped": an institution is a body, the antecedent of "they"
        // and "it", never of "he" or "she".
        let institution =
            mentions[n].kind == .agent && mentions[n].agent.map { Self.institutionNouns.contains(lexicon.agents[$0].headKey) } == true
            && !mentions[n].hasUnknownName
        return Referent(
            actor: actor, code: code, name: mentions[n].name, isPerson: !institution && (mentions[n].isPerson || type == .person),
            isGroup: institution || (type.map { $0.isGroup } ?? false), plural: mentions[n].plural, country: Self.country(of: code),
            isPlace: type == .place)
    }

    /// `ActorCode.country(of: code)`, its first three characters. Codes are printable ASCII, whose
    /// bytes are characters of their own, so they are cut on bytes; anything else takes the general path.
    static func country(of code: String) -> String {
        let ascii: String? =
            code.utf8.withContiguousStorageIfAvailable { b in
                // The fourth byte too: it must not extend the third character.
                guard b.prefix(4).allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
                return String(decoding: b.prefix(3), as: UTF8.self)
            } ?? nil
        return ascii ?? ActorCode.country(of: code)
    }

    /// The clause a mention stands in: its verb's subject and object and the verb's word.
    struct Governor {
        var subject: [Int]
        var object: [Int]
        var verb: UInt64
    }

    /// Verbs whose complement describes what the object did: "accused X of its failure".
    static let accusationVerbs = ClosedClass.keys(
        Morphology.allForms([
            "accuse", "blame", "charge", "condemn", "criticize", "criticise", "fault", "praise", "thank", "congratulate", "commend",
            "punish", "sanction",
        ]))

    /// Resolves the mentions of one sentence in order, then records them. (Out of line, once per
    /// sentence, so that profiles show it.)
    @inline(never)
    mutating func resolve(_ mentions: inout [Mention], tokens: [Token], subjects: Set<Int>, governor: (Int) -> Governor?, day: Day?) {
        // This sentence's referents go straight onto `history`, after the earlier ones, so "this
        // sentence first, then earlier ones" is one backward search over `history`.
        let current = sentenceCount
        /// The latest referent (this sentence first, then earlier ones) satisfying `test`.
        func latest(_ test: (Referent) -> Bool) -> Referent? {
            history.last(where: test)
        }
        /// For pronouns: only what the last few sentences mentioned (news coreference is local).
        /// This sentence's referents have `sentence == current`, so they always qualify.
        func recent(_ test: (Referent) -> Bool) -> Referent? {
            history.last(where: { current - $0.sentence <= Self.pronounReach && test($0) })
        }
        var resolvedPronoun: Referent?
        for n in mentions.indices {
            // Fields are read in place rather than copying the mention (which retains its strings).
            switch mentions[n].kind {
            case .pronoun:
                let isPerson = mentions[n].isPerson, plural = mentions[n].plural
                let key = tokens[mentions[n].head].key
                var found: Referent?
                if Self.groupNouns.contains(key) {
                    let country = mentions[n].scope.map { lexicon.actors[$0].country }
                    found = recent { $0.isGroup && !$0.isPerson && (country == nil || $0.country == country) }
                } else if isPerson {
                    // A name we cannot code ("Begum ... she") also takes "he"/"she": better unresolved than wrong.
                    found = recent { $0.isPerson || ($0.actor == nil && $0.code.isEmpty) }
                } else if plural {
                    found = recent { ($0.plural || $0.isGroup) && !$0.isPerson }
                } else if let chained = resolvedPronoun {
                    // A second "it" in the sentence continues the first: "its failure ... before it launched".
                    found = chained
                } else {
                    // "it"/"its": the accused in "accused X of its ...", else the clause subject when it
                    // is an organisation or country, else the country or group a person subject belongs
                    // to, else the latest non-person.
                    let gov = governor(n)
                    let subj = gov?.subject.first.flatMap { $0 < n ? $0 : nil }
                    if let g = gov, Self.accusationVerbs.contains(g.verb), let o = g.object.first, o < n, mentions[o].isResolved,
                        !mentions[o].isPerson
                    {
                        found = referent(at: o, in: mentions)
                    } else if subjects.contains(n), let previous = recent({ $0.wasSubject && !$0.isPerson && !$0.plural && !$0.isPlace }) {
                        // "Hezbollah fired rockets at Israel. It later accused ...": subject continues subject.
                        found = previous
                    } else if let s = subj, mentions[s].isResolved, !mentions[s].isPerson {
                        found = referent(at: s, in: mentions)
                    } else if let s = subj, mentions[s].isPerson, let scope = mentions[s].scope {
                        let e = lexicon.actors[scope]
                        found = Referent(
                            actor: scope, code: e.code(on: day), name: e.name, isPerson: false, isGroup: e.type.isGroup, plural: false,
                            country: e.country)
                    } else {
                        found = recent { !$0.isPerson && !$0.plural && !$0.isPlace }
                    }
                }
                if let f = found {
                    Self.point(&mentions, n, code: f.code, name: f.name, actor: f.actor)
                    if !isPerson && !plural && !Self.groupNouns.contains(key) { resolvedPronoun = f }
                }
            case .agent:
                guard let agent = mentions[n].agent, !mentions[n].plural else { break }
                let term = lexicon.agents[agent].lowerTerm
                // "the government", "the cabinet" are institutions, not people already mentioned.
                guard !Self.institutionNouns.contains(lexicon.agents[agent].headKey) else { break }
                let role = String(lexicon.agents[agent].code.prefix(3))
                let country = mentions[n].code.isEmpty ? nil : Self.country(of: mentions[n].code)
                // "the supreme leader", "the Iranian commander": a person already mentioned.
                if let f = latest({ r in
                    guard r.isPerson, let a = r.actor else { return false }
                    if let country, r.country != country { return false }
                    return Self.lowercased(lexicon.actors[a].title(on: day) ?? "", contains: term)
                        || (country != nil && Self.sector(of: r.code, is: role))
                }) {
                    Self.point(&mentions, n, code: f.code, name: f.name, actor: f.actor, kind: .named)
                } else if mentions[n].code.isEmpty, let person = descriptionWithoutScope(term: term, day: day) {
                    let p = lexicon.actors[person]
                    Self.point(&mentions, n, code: p.code(on: day), name: p.name, actor: person, kind: .named)
                }
            default: break
            }
            if mentions[n].isPerson, let scope = mentions[n].scope {
                let e = lexicon.actors[scope]
                history.append(
                    Referent(
                        actor: scope, code: e.code(on: day), name: e.name, isPerson: false, isGroup: e.type.isGroup, plural: false,
                        country: e.country, sentence: sentenceCount))
            }
            if var r = referent(at: n, in: mentions) {
                r.wasSubject = subjects.contains(n)
                r.sentence = sentenceCount
                history.append(r)
            }
        }
        sentenceCount += 1
        if history.count > 64 { history.removeFirst(history.count - 64) }
    }

    /// Points mention `n` at an actor. Kept out of line on purpose: with these writes inside the
    /// loop of `resolve`, the compiler copies the caller's (shared) mentions array before the loop
    /// even when nothing resolves; here it is copied only when a mention changes.
    @inline(never)
    static func point(_ mentions: inout [Mention], _ n: Int, code: String, name: String, actor: Int?, kind: Mention.Kind? = nil) {
        mentions[n].code = code
        mentions[n].name = name
        mentions[n].actor = actor
        if let kind { mentions[n].kind = kind }
    }

    /// `title.lowercased().contains(term)` for a lower-case `term`. ASCII text (all dictionary
    /// titles so far) is searched in place, ignoring ASCII case, without making a lower-cased copy
    /// or going through Foundation; other text takes the general path.
    static func lowercased(_ title: String, contains term: String) -> Bool {
        let ascii: Bool? =
            title.utf8.withContiguousStorageIfAvailable { t in
                term.utf8.withContiguousStorageIfAvailable { s -> Bool? in
                    guard t.allSatisfy({ $0 < 0x80 }), s.allSatisfy({ $0 < 0x80 }) else { return nil }
                    // Foundation finds no empty string.
                    guard !s.isEmpty, s.count <= t.count else { return false }
                    outer: for i in 0...(t.count - s.count) {
                        for j in 0..<s.count where TokenKey.lowerASCII(t[i + j]) != s[j] { continue outer }
                        return true
                    }
                    return false
                } ?? nil
            } ?? nil
        return ascii ?? title.lowercased().contains(term)
    }

    /// `ActorCode.sector(of: code) == sector`, without making the sector string for ASCII codes.
    static func sector(of code: String, is sector: String) -> Bool {
        let ascii: Bool? =
            code.utf8.withContiguousStorageIfAvailable { c in
                sector.utf8.withContiguousStorageIfAvailable { s -> Bool? in
                    guard c.allSatisfy({ $0 < 0x80 }), s.allSatisfy({ $0 < 0x80 }) else { return nil }
                    // `sector(of:)` is the code's bytes 3..<6, or "" for a code shorter than six.
                    guard c.count >= 6 else { return s.isEmpty }
                    return s.count == 3 && c[3] == s[0] && c[4] == s[1] && c[5] == s[2]
                } ?? nil
            } ?? nil
        return ascii ?? (ActorCode.sector(of: code) == sector)
    }

    /// A title that only one person holds ("the supreme leader" → Iran's).
    private func descriptionWithoutScope(term: String, day: Day?) -> Int? {
        // "president" alone is ambiguous. (ASCII terms are tested on bytes, others as before.)
        let ascii = term.utf8.allSatisfy { $0 < 0x80 }
        guard ascii ? term.utf8.contains(UInt8(ascii: " ")) : term.contains(" ") else { return nil }
        let people = lexicon.persons(withTitlePrefix: term, on: day)
        return people.count == 1 ? people[0] : nil
    }
}
