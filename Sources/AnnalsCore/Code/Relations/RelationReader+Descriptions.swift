/// A named person and the description of their role, the commonest way news states an affiliation:
///
/// - an appositive after the name: "Mustafa Bali, a Syrian Democratic Forces (SDF) spokesman, said",
///   "Ruben Chandrasekar, executive director of International Rescue Committee";
/// - an appositive before it: "the UN under-secretary general for humanitarian affairs, Mark Lowcock,";
/// - a title in front of it: "SDF commander Adnan Afrini", "British Maj Gen Christopher Ghika",
///   "UN refugee agency special envoy Angelina Jolie", "the Princess Firyal of Jordan";
/// - a copula: "Simon Jenkins is a Guardian columnist".
///
/// The description's head is a role noun (an agent of the dictionaries that names a person's role,
/// or an occupation); what the person belongs to is the organisation or state named in the
/// description ("of X", or a name before the role). Leader words give `leads` unless the article is
/// "a"/"an" ("an SDF leader" is one of several); other roles give `member_of`. A country is an
/// affiliation only for a government, military or royal role: "a British journalist" belongs to
/// no state. The person need not be in the dictionaries.
extension RelationReader {
    /// A role word in a description: where its (possibly multiword) term starts and ends, and the
    /// role code its agent gives (nil for an occupation outside the agent dictionary).
    struct Role {
        var start: Int
        var end: Int
        var term: String
        var code: String?
    }

    func descriptions() -> [FoundRelation] {
        var out: [FoundRelation] = []
        // The end of the last description an earlier name took: "Hassan Rouhani, Iran's president,
        // Vladimir Putin" describes Rouhani, not Putin.
        var claimed = -1
        var p = 0
        while p < count {
            guard let (titles, run) = nameRun(at: p) else {
                p += 1
                continue
            }
            p = run.upperBound
            let person = personParty(run)
            var found: [FoundRelation] = []
            // A title in front: "SDF commander Adnan Afrini", "President Bashar al-Assad".
            if let d = titleDescription(before: titles.isEmpty ? run.lowerBound : titles.lowerBound, titles: titles) {
                found += relation(person, d, after: run.upperBound, rule: "title")
            }
            // An appositive or copula after the name, an appositive before it.
            if found.isEmpty, let d = descriptionAfter(run) {
                found += relation(person, d, after: nil, rule: "appositive description")
                if !found.isEmpty { claimed = d.upperBound }
            }
            if found.isEmpty, let d = descriptionBefore(run), d.lowerBound > claimed {
                found += relation(person, d, after: nil, rule: "appositive description")
            }
            out += found
        }
        return out
    }

    // MARK: the name

    /// The capitalised name starting at `p` ("Mark Lowcock", "Bashar al-Assad"), after any titles
    /// in front of it ("Maj Gen", "President"). Two words at least, unless a title or the
    /// dictionaries' person says one word is a name.
    func nameRun(at p: Int) -> (titles: Range<Int>, run: Range<Int>)? {
        let title = isRoleWord(p) && a.tokens[p].flags.contains(.capitalized)
        guard isNameWord(p) || title, p == 0 || !isNameWord(p - 1) || isRoleWord(p - 1) else { return nil }
        var s = p
        while s < count, isRoleWord(s), a.tokens[s].flags.contains(.capitalized) { s += 1 }
        guard s < count, isNameWord(s), !isRoleWord(s) else { return nil }
        var e = s
        while e < count {
            if isNameWord(e) && !isRoleWord(e) {
                e += 1
            } else if e + 1 < count, Self.nameParticleKeys.contains(key(e)), isNameWord(e + 1) {
                e += 2
            } else {
                break
            }
        }
        let personPiece = pieces.contains { $0.start <= s && $0.end >= e && isPersonMeaning($0.meaning) }
        guard e - s >= 2 || personPiece || s > p else { return nil }
        // "International Rescue Committee", "Domiz Camp": the last word names an organisation or place.
        if OrganizationHeads.role(ofHead: key(e - 1)) != nil || Self.nonPersonHeadKeys.contains(key(e - 1)) { return nil }
        return (p..<s, s..<e)
    }

    /// A capitalised word that can be part of a person's name: no dictionary actor other than a
    /// person, no function word, no date.
    func isNameWord(_ p: Int) -> Bool {
        guard p >= 0, p < count else { return false }
        let t = a.tokens[p]
        guard t.flags.contains(.containsUpper), !t.flags.contains(.punctuation), !t.flags.contains(.numeric) else { return false }
        if !t.flags.contains(.capitalized), !Self.nameParticles.contains(where: { words[p].hasPrefix($0 + "-") }) { return false }
        let k = t.key
        if ClosedClass.determiners.contains(k) || ClosedClass.prepositions.contains(k) || ClosedClass.pronouns.contains(k)
            || ClosedClass.conjunctions.contains(k) || ClosedClass.subordinators.contains(k) || Self.notNameKeys.contains(k)
        {
            return false
        }
        if a.dates.contains(where: { $0.start <= p && p < $0.end }) { return false }
        if let piece = pieces.first(where: { $0.start <= p && p < $0.end }), !isPersonMeaning(piece.meaning) {
            // A title in the agent dictionary is a role word, not a name.
            return false
        }
        return true
    }

    func isPersonMeaning(_ meaning: PhraseMeaning) -> Bool {
        guard let x = Self.actorOf(meaning) else { return false }
        return lexicon.actors[x].type == .person
    }

    /// The person a name stands for: the dictionaries' person when they know the name.
    func personParty(_ run: Range<Int>) -> RelationParty {
        if let piece = pieces.first(where: { $0.start <= run.lowerBound && $0.end >= run.upperBound && isPersonMeaning($0.meaning) }),
            let x = Self.actorOf(piece.meaning)
        {
            return party(actor: x, start: run.lowerBound, end: run.upperBound)
        }
        return RelationParty(
            actor: nil, name: text(run.lowerBound, run.upperBound), code: "", start: run.lowerBound, end: run.upperBound, isPerson: true)
    }

    // MARK: role words

    /// The role word at `p`, if it is one: part of an agent term naming a person's role
    /// ("spokesman", "under-secretary general"), or an occupation ("columnist", "director").
    func role(at p: Int) -> Role? {
        guard p >= 0, p < count else { return nil }
        if let piece = pieces.first(where: { $0.start <= p && p < $0.end }) {
            guard case .agent(let g, let plural) = piece.meaning, !plural else { return nil }
            let term = lexicon.agents[g].lowerTerm
            guard Self.isPersonRole(term) || Self.occupationKeys.contains(lexicon.agents[g].headKey) || lexicon.agents[g].code == "ELI"
            else { return nil }
            return Role(start: piece.start, end: piece.end, term: term, code: lexicon.agents[g].code)
        }
        guard Self.occupationKeys.contains(key(p)) || Self.personRoleKeys.contains(key(p)) else { return nil }
        return Role(start: p, end: p + 1, term: words[p], code: nil)
    }

    func isRoleWord(_ p: Int) -> Bool { role(at: p) != nil }

    // MARK: descriptions

    /// The description standing right before `start` with no comma: "SDF commander", "British Maj
    /// Gen", "UN refugee agency special envoy", "the Princess". `titles` are title words already
    /// taken off the name.
    func titleDescription(before start: Int, titles: Range<Int>) -> Range<Int>? {
        var end = titles.isEmpty ? start : titles.upperBound
        if titles.isEmpty {
            guard start > 0, role(at: start - 1) != nil else { return nil }
            end = start
        }
        var b = titles.isEmpty ? start - 1 : titles.lowerBound
        var steps = 0
        while b > 0, steps < 8 {
            let q = b - 1
            let t = a.tokens[q]
            if t.flags.contains(.possessive) || isModifier(q)
                || t.flags.contains(.capitalized) && !t.flags.contains(.punctuation)
                    && !ClosedClass.prepositions.contains(t.key) && !ClosedClass.subordinators.contains(t.key)
                || mention(at: q) != nil && !t.flags.contains(.punctuation)
            {
                b = q
                steps += 1
                continue
            }
            if isDeterminer(q) { b = q }
            break
        }
        return b..<end
    }

    /// ", D," or ", D said" after the name, or a copula and D: "Mustafa Bali, a ... spokesman, said",
    /// "Simon Jenkins is a Guardian columnist". An age in between is skipped (", 19, one of ...").
    func descriptionAfter(_ run: Range<Int>) -> Range<Int>? {
        var q = run.upperBound
        guard q < count else { return nil }
        if key(q) == ClosedClass.comma {
            q += 1
            if q + 1 < count, a.tokens[q].flags.contains(.numeric), key(q + 1) == ClosedClass.comma { q += 2 }
        } else if Self.descriptionCopulaKeys.contains(key(q)) {
            q += 1
        } else {
            return nil
        }
        let e = descriptionEnd(from: q)
        return e > q ? q..<e : nil
    }

    /// "D, NAME," or "D, NAME said": the description before the name, back to the previous comma,
    /// verb or the sentence start.
    func descriptionBefore(_ run: Range<Int>) -> Range<Int>? {
        let comma = run.lowerBound - 1
        guard comma > 0, key(comma) == ClosedClass.comma else { return nil }
        // The name closes the appositive: a comma, a verb or the end follows.
        let after = run.upperBound
        guard
            after >= count || key(after) == ClosedClass.comma || a.groups.contains(where: { $0.head >= after && $0.head <= after + 2 })
                || a.tokens[after].flags.contains(.punctuation)
        else { return nil }
        var b = comma
        var steps = 0
        while b > 0, steps < 12 {
            let q = b - 1
            if key(q) == ClosedClass.comma || a.groups.contains(where: { $0.head == q }) || ClosedClass.subordinators.contains(key(q)) {
                break
            }
            b = q
            steps += 1
            // A determiner opens the description, unless it opens the object of "of" inside it
            // ("the commander of the SDF, Mazloum Abdi").
            if isDeterminer(q), q == 0 || !Self.scopePrepositionKeys.contains(key(q - 1)) { break }
        }
        guard b < comma, steps < 12 else { return nil }
        // It must open as a noun phrase: "the UN under-secretary general ...", not "On Wednesday".
        guard isDeterminer(b) || a.tokens[b].flags.contains(.capitalized) || isModifier(b) else { return nil }
        return b..<comma
    }

    /// Where a description starting at `q` ends: the next comma, clause or sentence end, a verb,
    /// a relative pronoun; parentheses are kept inside.
    func descriptionEnd(from q: Int) -> Int {
        var e = q
        var depth = 0
        while e < count, e - q < 14 {
            let w = key(e)
            if w == Self.openParen { depth += 1 } else if w == Self.closeParen { depth = max(0, depth - 1) }
            if depth == 0 {
                if w == ClosedClass.comma || ClosedClass.relativePronouns.contains(w) && !a.tokens[e].flags.contains(.allCaps)
                    || a.groups.contains(where: { $0.head == e })
                {
                    break
                }
                if a.tokens[e].flags.contains(.punctuation), w != Self.closeParen, !words[e].hasPrefix("-") { break }
            }
            e += 1
        }
        return e
    }

    // MARK: reading a description

    /// The relation a description gives the person: its role head (the last role word before any
    /// preposition) and what the role is in ("of X" after it, else a name before it).
    func relation(_ person: RelationParty, _ d: Range<Int>, after nameEnd: Int?, rule: String) -> [FoundRelation] {
        if pastRole(d) { return [] }
        // A description opens as a noun phrase: not "though still a Nato member".
        let first = key(d.lowerBound)
        if ClosedClass.subordinators.contains(first) || ClosedClass.adverbs.contains(first) || ClosedClass.conjunctions.contains(first)
            || ClosedClass.prepositions.contains(first) || Self.glueKeys.contains(first)
        {
            return []
        }
        var head: Role?
        var p = d.lowerBound
        while p < d.upperBound {
            if ClosedClass.prepositions.contains(key(p)), head != nil { break }
            if let r = role(at: p) {
                head = r
                p = r.end
            } else {
                p += 1
            }
        }
        guard let role = head else { return [] }
        // ... and the role is its head: "a phone call between Trump and the Turkish president" is no role.
        if (d.lowerBound..<role.start).contains(where: { ClosedClass.prepositions.contains(key($0)) }) { return [] }
        // The role heads the description: only a prepositional phrase may follow it ("the SDF
        // commander in Baghuz"), not "the Turkish leader still on the line".
        if role.end < d.upperBound, !ClosedClass.prepositions.contains(key(role.end)) { return [] }
        // Deputies and assistants are members, whatever the role.
        let subordinate = (d.lowerBound..<role.end).contains { Self.subordinateKeys.contains(key($0)) }
        var scope: RelationParty?
        // "executive director of International Rescue Committee", "the Princess Firyal of Jordan".
        let ofAt = nameEnd ?? role.end
        if ofAt < count, Self.scopePrepositionKeys.contains(key(ofAt)),
            key(ofAt) == ClosedClass.of || !Self.envoyKeys.contains(key(role.end - 1))
        {
            var q = ofAt + 1
            while q < count, isDeterminer(q) { q += 1 }
            scope = organisation(at: q)
        }
        // "the medical coordinator for Turkey and Syria at MSF", "the director of the terrorism
        // programme at Human Rights Watch": a later phrase of the description names the employer.
        var distant = false  // the employer of a later phrase: the role leads something inside it
        if scope == nil, nameEnd == nil {
            var q = role.end + 1
            while scope == nil, q < d.upperBound {
                if Self.employerPrepositionKeys.contains(key(q - 1)) {
                    var r = q
                    while r < d.upperBound, isDeterminer(r) { r += 1 }
                    if r < d.upperBound, let o = organisation(at: r), type(o.actor) != .country, o.end <= d.upperBound {
                        scope = o
                        distant = q > role.end + 1
                    }
                }
                q += 1
            }
        }
        if scope == nil { scope = organisation(in: d.lowerBound..<role.start, first: Self.envoyKeys.contains(key(role.end - 1))) }
        // "the Labour leader": the agent term holds the organisation in its own words.
        if scope == nil, role.end - role.start >= 2 { scope = actor(spelledBy: role.start..<(role.end - 1)) }
        if scope == nil, let x = person.actor, Self.isLeaderTerm(role.term),
            let aff = lexicon.actors[x].affiliations.first(where: { aff in
                aff.relation == .leads && (day.map { aff.period.contains($0) } ?? true)
            }), let target = lexicon.actorIndex[aff.target]
        {
            // "President Bashar al-Assad": the title confirms the dictionaries' dated role.
            scope = party(actor: target, start: role.start, end: role.end)
        }
        if scope == nil, let x = person.actor, let code = role.code, code.hasPrefix("GOV") || code.hasPrefix("MIL"),
            let held = lexicon.actors[x].roles.first(where: { r in day.map { r.period.contains($0) } ?? true }),
            let country = lexicon.actorIndex[ActorCode.country(of: held.code).lowercased()], lexicon.actors[country].type == .country
        {
            // "the foreign secretary, Jeremy Hunt": a government role of a person whose dated role
            // the dictionaries give is a role in that country's government.
            scope = party(actor: country, start: role.start, end: role.end)
        }
        guard let object = scope, !object.isSame(as: person) else { return [] }
        // "the UN ambassador, Nikki Haley": a state's ambassador to the organisation, not its member.
        if Self.ambassadorKeys.contains(key(role.end - 1)), [.igo, .alliance].contains(type(object.actor)) { return [] }
        if type(object.actor) == .country {
            guard let code = role.code,
                code.hasPrefix("GOV") || code.hasPrefix("MIL") || code == "ELI" && Self.royalKeys.contains(key(role.end - 1))
            else { return [] }
        }
        let indefinite = isArticleA(d.lowerBound)
        let leads = Self.isLeaderTerm(role.term) && !indefinite && !subordinate && !distant
        return [
            FoundRelation(
                subject: person, relation: leads ? .leads : .memberOf, label: role.term, object: object, trigger: role.start..<role.end,
                rule: rule)
        ]
    }

    /// The organisation or state named at `q`: a dictionary actor other than a person, or an unknown
    /// capitalised name ("International Rescue Committee").
    func organisation(at q: Int) -> RelationParty? {
        var q = q
        while q < count, isRelationCompound(q) || isModifier(q) { q += 1 }
        guard q < count else { return nil }
        if let piece = pieces.first(where: { $0.start == q }), let x = Self.actorOf(piece.meaning), lexicon.actors[x].type != .person {
            return party(actor: x, start: piece.start, end: piece.end)
        }
        var e = q
        while e < count {
            // "the New York-based thinktank the Council on Foreign Relations": a compound describes the
            // organisation named after it.
            if isRelationCompound(e) {
                var n = e + 1
                while n < count, n - e <= 3, !a.tokens[n].flags.contains(.capitalized), !a.tokens[n].flags.contains(.punctuation) { n += 1 }
                guard n < count, n > e + 1 || a.tokens[n].flags.contains(.capitalized) else { return nil }
                return organisation(at: n)
            }
            if a.tokens[e].flags.contains(.capitalized), !a.tokens[e].flags.contains(.punctuation),
                pieces.first(where: { $0.start <= e && e < $0.end }) == nil
            {
                e += 1
            } else if e > q, e + 1 < count, Self.nameJoinerKeys.contains(key(e)), a.tokens[e + 1].flags.contains(.capitalized) {
                // "Union of Syrian Medical Relief Organisations", "Sound and Picture".
                e += 2
            } else if e > q, e + 2 < count, key(e) == ClosedClass.of, key(e + 1) == ClosedClass.the,
                a.tokens[e + 2].flags.contains(.capitalized)
            {
                e += 3  // "Friends of the Earth"
            } else {
                break
            }
        }
        guard e > q, !a.dates.contains(where: { $0.start <= q && q < $0.end }) else { return nil }
        // A country right after a longer unknown name is its national branch: "Friends of the Earth
        // Lebanon", "Save the Children UK".
        if e - q >= 2, let piece = pieces.first(where: { $0.start == e }), let x = Self.actorOf(piece.meaning),
            lexicon.actors[x].type == .country || lexicon.actors[x].type == .place,
            piece.end >= count || !a.tokens[piece.end].flags.contains(.capitalized)
        {
            e = piece.end
        }
        return RelationParty(actor: nil, name: text(q, e), code: "", start: q, end: e, isPerson: false)
    }

    /// The last organisation or state named inside `range` (before the role word): "a Syrian
    /// Democratic Forces (SDF) spokesman" (SDF), "the WHO Representative" (WHO), "British Maj Gen".
    ///
    /// With `first`, the first actor wins: an envoy's sender comes before the place they are sent
    /// to ("the UN Syria envoy").
    func organisation(in range: Range<Int>, first: Bool = false) -> RelationParty? {
        var owner: RelationParty?  // a possessive: "Iraq's president"
        var named: RelationParty?  // the last dictionary actor
        var scoped: RelationParty?  // the scope of an agent mention ("a Guardian columnist")
        var unknown: RelationParty?  // the last unknown capitalised name
        var p = range.lowerBound
        while p < range.upperBound {
            // "Iranian-backed", "New York-based": a compound relates to another actor.
            if isRelationCompound(p) {
                p += 1
                continue
            }
            if let piece = pieces.first(where: { $0.start == p }) {
                if let x = Self.actorOf(piece.meaning), lexicon.actors[x].type != .person, piece.end <= range.upperBound,
                    !isRelationCompound(piece.end - 1)
                {
                    let found = party(actor: x, start: piece.start, end: piece.end)
                    if !first || named == nil { named = found }
                    if piece.end < count,
                        a.tokens[piece.end].flags.contains(.possessive) || a.tokens[piece.end - 1].flags.contains(.possessive)
                    {
                        owner = found
                    }
                }
                p = max(piece.end, p + 1)
                continue
            }
            if let m = mention(at: p), let s = a.mentions[m].scope, a.mentions[m].kind == .agent, lexicon.actors[s].type != .person {
                scoped = party(actor: s, start: a.mentions[m].start, end: a.mentions[m].end)
            } else if a.tokens[p].flags.contains(.capitalized), !a.tokens[p].flags.contains(.punctuation), !isDeterminer(p),
                role(at: p) == nil, !a.dates.contains(where: { $0.start <= p && p < $0.end }),
                p > range.lowerBound || !a.tokens[p].flags.contains(.sentenceInitial)
            {
                var e = p
                while e < range.upperBound, a.tokens[e].flags.contains(.capitalized), role(at: e) == nil, !isRelationCompound(e),
                    pieces.first(where: { $0.start <= e && e < $0.end }) == nil
                { e += 1 }
                if e > p { unknown = RelationParty(actor: nil, name: text(p, e), code: "", start: p, end: e, isPerson: false) }
                p = max(e, p + 1)
                continue
            }
            p += 1
        }
        return owner ?? named ?? scoped ?? unknown
    }

    /// The organisation the words of `range` spell, longest prefix first, when the dictionaries
    /// read them as part of a longer term ("Labour" in the agent term "Labour leader").
    func actor(spelledBy range: Range<Int>) -> RelationParty? {
        guard !range.isEmpty, a.tokens[range.lowerBound].flags.contains(.containsUpper) else { return nil }
        for n in stride(from: range.count, through: 1, by: -1) {
            let keys = (range.lowerBound..<(range.lowerBound + n)).map { a.tokens[$0].key }
            if let x = actorsNamed(by: keys).first, lexicon.actors[x].type != .person {
                return party(actor: x, start: range.lowerBound, end: range.lowerBound + n)
            }
        }
        return nil
    }

    /// Whether token `p` is a hyphenated relation compound ("Iran-backed", "US-led", "London-based").
    func isRelationCompound(_ p: Int) -> Bool {
        guard p >= 0, p < count, let dash = words.lastIndex(p, of: UInt8(ascii: "-"), within: Self.longestCompoundSuffix + 1) else {
            return false
        }
        return Self.compoundSuffixKeys.contains(words.key(p, from: dash + 1))
    }
}

extension RelationReader {
    /// Occupations that state an affiliation when they name where they work ("a Guardian columnist",
    /// "executive director of ...") but are not agents of the event dictionaries.
    static let occupations: [String] = [
        "columnist", "correspondent", "editor", "reporter", "journalist", "writer", "presenter", "producer", "photographer",
        "representative", "director", "executive", "ceo", "chairman", "chairwoman", "chair", "president", "founder", "co-founder",
        "coordinator", "commissioner", "researcher", "analyst", "fellow", "professor", "lecturer", "economist", "lawyer",
        "attorney", "counsel", "officer", "volunteer", "activist", "worker", "employee", "staffer", "manager", "head", "chief",
        "leader", "commander", "delegate", "organiser", "organizer", "campaigner", "film-maker", "filmmaker", "author",
        "scientist", "doctor", "surgeon", "nurse", "engineer", "emir", "sheikh", "princess", "prince", "king", "queen",
        "under-secretary", "secretary-general", "secretary", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    ]
    static let nameJoinerKeys = ClosedClass.keys(["of", "and", "for", "on"])
    static let openParen = TokenKey.hash("(")
    static let closeParen = TokenKey.hash(")")
    static let occupationKeys = ClosedClass.keys(occupations)
    static let personRoleKeys = RelationWordLists.bundled["person-roles"].keys
    static let royalKeys = ClosedClass.keys(["prince", "princess", "king", "queen", "emir", "sheikh", "royal"])
    static let subordinateKeys = ClosedClass.keys(["deputy", "vice", "assistant", "associate", "acting", "under-secretary", "junior"])
    /// Roles whose "for X" is where they are sent, not who they work for ("special envoy for Syria").
    static let envoyKeys = ClosedClass.keys([
        "envoy", "ambassador", "representative", "commissioner", "correspondent", "negotiator", "coordinator",
    ])
    static let scopePrepositionKeys = ClosedClass.keys(["of", "at", "for", "with"])
    static let ambassadorKeys = ClosedClass.keys(["ambassador", "ambassadors"])
    /// Prepositions that name where a person works: "at Human Rights Watch", "with the YPG".
    static let employerPrepositionKeys = ClosedClass.keys(["at", "with", "of"])
    static let descriptionCopulaKeys = ClosedClass.keys(["is", "was", "remains", "became"])
    /// Last words of capitalised names that are places or organisations, not people.
    static let nonPersonHeadKeys = ClosedClass.keys([
        "committee", "organisation", "organization", "forces", "army", "camp", "region", "province", "city", "valley", "river",
        "street", "square", "airport", "hospital", "prison", "office", "house", "palace", "centre", "center", "fund", "programme",
        "program", "agency", "alliance", "coalition", "front", "units", "unit", "news", "media",
    ])
    /// Capitalised words that never start or continue a person's name here.
    static let notNameKeys = ClosedClass.keys(["mr", "mrs", "ms", "dr", "sir", "lord", "lady", "i"])
}
