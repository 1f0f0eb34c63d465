/// Finds actor mentions in a tokenised sentence with the compiled phrase trie: names, countries
/// and their adjectives, capitals as metonyms, agent nouns combined with the country or group they
/// belong to, possessives ("Iran's"), "X of Y" ("commander of the Quds Force", "military wing of
/// Hamas"), and unknown capitalised names.
struct MentionRecognizer {
    let lexicon: Lexicon
    /// The lexicon's phrase trie, held here so that each lookup does not go through the class.
    let phrases: PhraseTrie
    let verbForms: KeyMap<[VerbForm]>
    let actors: [ActorEntry]
    let agents: [AgentEntry]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.actors = lexicon.actors
        self.agents = lexicon.agents
        self.phrases = lexicon.phrases
        self.verbForms = lexicon.verbForms
    }

    struct Piece {
        var start: Int
        var end: Int
        var meaning: PhraseMeaning
    }

    /// Phrase matches, left to right, longest first, not overlapping.
    func pieces(_ tokens: [Token]) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(tokens.count / 3 + 1)
        var i = 0
        while i < tokens.count {
            if let m = phrases.longestMatch(tokens, from: i) {
                // A name spelled like a function word ("WHO", "US", "IT") only in capitals: "Who" and
                // "Us" at the start of a sentence are the pronouns.
                let functionWord =
                    m.end == i + 1
                    && (tokens[i].is(.pronouns) || tokens[i].is(.relativePronouns) || ClosedClass.speakerPronouns.contains(tokens[i].key))
                let capital = functionWord ? tokens[i].flags.contains(.allCaps) : tokens[i].flags.contains(.containsUpper)
                // Names need a capital letter ("Turkey", not "turkey"); agents do not. The best usable
                // meaning is picked in one pass, without building a filtered array.
                var best: PhraseMeaning?
                for meaning in m.meanings {
                    if case .agent = meaning {} else if !capital { continue }
                    if best == nil || rank(meaning) < rank(best!) { best = meaning }
                }
                if let best {
                    out.append(Piece(start: i, end: m.end, meaning: best))
                    i = m.end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    private func rank(_ m: PhraseMeaning) -> Int {
        switch m {
        case .name: 0
        case .seat: 1
        case .people: 2
        case .adjective: 3
        case .agent: 4
        }
    }

    /// Groups pieces into mentions (noun-phrase chunks) and codes each one as of `day`.
    func mentions(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, day: Day?, pieces: [Piece]? = nil, verbAt: (Int) -> Bool)
        -> [Mention]
    {
        let pieces = pieces ?? self.pieces(tokens)
        // The piece starting at each token, -1 when none.
        let pieceAt: [Int] = {
            var at = [Int](repeating: -1, count: tokens.count)
            for (n, p) in pieces.enumerated() { at[p.start] = n }
            return at
        }()
        func piece(at i: Int) -> Int? { pieceAt[i] >= 0 ? pieceAt[i] : nil }
        var mentions: [Mention] = []
        mentions.reserveCapacity(pieces.count + 4)
        var i = 0
        while i < tokens.count {
            let key = tokens[i].key
            // Pronouns.
            if key == ClosedClass.it, isExpletive(tokens, i) {
                i += 1
                continue
            }
            if tokens[i].is(.pronouns) && pieceAt[i] < 0 {
                let personal = tokens[i].is(.personalPronouns)
                mentions.append(
                    Mention(
                        start: i, end: i + 1, kind: .pronoun, actor: nil, code: "", name: "", agent: nil, scope: nil,
                        parts: [], plural: tokens[i].is(.pluralPronouns), isPerson: personal, head: i))
                i += 1
                continue
            }
            // "the group", "the militant group": a description resolved by coreference.
            if Coreference.groupNouns.contains(key), pieceAt[i] < 0, !tokens[i].flags.contains(.capitalized) {
                var s = i - 1
                while s >= 0, i - s <= 3, !tokens[s].is(.determiners),
                    isFiller(tokens, s, verbAt: verbAt) || pieceAt[s] >= 0
                { s -= 1 }
                if s >= 0, tokens[s].key == ClosedClass.the || tokens[s].key == ClosedClass.that {
                    // Drop a mention the modifiers produced; "the Palestinian militant group" keeps its country as scope.
                    var scope: Int?
                    while let last = mentions.last, last.end > s {
                        if let c = last.parts.first(where: { actors[$0].type == .country }) { scope = c }
                        mentions.removeLast()
                    }
                    mentions.append(
                        Mention(
                            start: s, end: i + 1, kind: .pronoun, actor: nil, code: "", name: "", agent: nil, scope: scope,
                            parts: [], plural: false, isPerson: false, head: i))
                    i += 1
                    continue
                }
            }
            guard let first = piece(at: i) ?? (isUnknownName(tokens, i) ? -1 : nil) else { i += 1; continue }
            // Collect a chunk: pieces joined by possessives, fillers and "of".
            var chunk: [Piece] = []
            var ofHead: Piece?
            var j = i
            if first == -1 {
                // A name the dictionaries do not know stands alone ("the Observer" is not part of "Moscow").
                var e = i
                while e < tokens.count, isNameToken(tokens, e), pieceAt[e] < 0 { e += 1 }
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[i].start)..<Int(tokens[e - 1].end)]), as: UTF8.self)
                // A title is an agent noun, or a title the dictionaries resolved to its holder ("Afghan
                // President" → the dated president): either way it ends in an agent word.
                let afterAgent = mentions.last.map { $0.end == i && ($0.kind == .agent || $0.agent != nil) } ?? false
                // "Chadian leader Idriss Deby", "Afghan President Ashraf Ghani", "the rebel National Patriotic
                // Front": an unknown name after a title or a sector noun is the head of one noun phrase, and
                // takes the code the title gives (not the title's dated holder: the name says it is someone else).
                if afterAgent, var title = mentions.last, !title.plural, !title.isPossessor {
                    if title.kind == .named, let g = title.agent {
                        title.code = titleCode(agent: g, scope: title.scope, day: day)
                        title.kind = .agent
                        title.actor = nil
                        title.parts = title.parts.filter { actors[$0].type != .person }
                    }
                    title.end = e
                    title.head = e - 1
                    title.name = text
                    title.hasUnknownName = true
                    title.isPerson = title.isPerson || e - i >= 2
                    mentions[mentions.count - 1] = title
                    i = e
                    continue
                }
                mentions.append(
                    Mention(
                        start: i, end: e, kind: .unknown, actor: nil, code: "", name: text, agent: nil, scope: nil,
                        parts: [], plural: false, isPerson: afterAgent || e - i >= 2, head: e - 1))
                i = e
                continue
            } else {
                chunk.append(pieces[first])
                j = pieces[first].end
            }
            var start = i
            // Include a preceding determiner in the span.
            if start > 0, tokens[start - 1].is(.articles) { start -= 1 }
            while j < tokens.count {
                var k = j
                let possessive = tokens[k].flags.contains(.possessive)
                if possessive { k += 1 }
                // Fillers: up to two lower-case modifiers ("elite", "top", "secretive"); not an -ing verb
                // right after a noun, which starts a clause ("Kurdish fighters attacking Isis").
                var fillers = 0
                while k < tokens.count, fillers < 2, isFiller(tokens, k, verbAt: verbAt), pieceAt[k] < 0,
                    possessive || fillers > 0 || !isGerund(tokens[k])
                {
                    k += 1
                    fillers += 1
                }
                if k < tokens.count, let n = piece(at: k) {
                    chunk.append(pieces[n])
                    j = pieces[n].end
                    continue
                }
                // "X of Y": an agent or label followed by "of" and a name.
                // "a spokesman for the SDF", "a lawyer for Hamas": who speaks for a group is of it.
                if k < tokens.count,
                    tokens[k].key == ClosedClass.of
                        || (tokens[k].key == Self.forKey && chunk.count == 1 && Self.speaksFor(chunk[0], tokens)),
                    let last = chunk.last, case .agent = last.meaning
                {
                    var m = k + 1
                    if m < tokens.count, tokens[m].is(.determiners) { m += 1 }
                    var f = 0
                    while m < tokens.count, f < 2, isFiller(tokens, m, verbAt: verbAt), pieceAt[m] < 0 { m += 1; f += 1 }
                    if m < tokens.count, let n = piece(at: m), isNameLike(pieces[n]) {
                        ofHead = last
                        chunk.insert(pieces[n], at: 0)  // scope first
                        j = pieces[n].end
                        // allow a possessive/label continuation after it
                        continue
                    }
                }
                break
            }
            // "the military wing of Hamas": a label before "of" + name resolves to the named part.
            // "joint military exercises", "military aid": an agent noun modifying another noun is not an actor.
            let agentsOnly = chunk.allSatisfy { if case .agent = $0.meaning { return true } else { return false } }
            if agentsOnly, j < tokens.count, !tokens[j].flags.contains(.possessive), isFiller(tokens, j, verbAt: verbAt),
                phrases.longestMatch(tokens, from: j) == nil
            {
                i = j
                continue
            }
            if var m = code(chunk, tokens: tokens, day: day, agentHead: ofHead) {
                m.start = start
                m.end = j
                m.isAdjectival = chunk.allSatisfy { if case .adjective = $0.meaning { return true } else { return false } }
                // "Syria's Kurds", "Iran's nuclear programme": the name only modifies what follows.
                if j + 1 < tokens.count, tokens[j].flags.contains(.possessive),
                    isFiller(tokens, j + 1, verbAt: verbAt) || tokens[j + 1].flags.contains(.capitalized)
                {
                    m.isPossessor = true
                }
                mentions.append(m)
            }
            i = max(j, i + 1)
        }
        distributeSharedAgents(&mentions, tokens: tokens, day: day)
        appositiveTitles(&mentions, tokens: tokens, day: day)
        return labelledParts(mentions, tokens: tokens, bytes: bytes, day: day)
    }

    /// "It is unclear whether ...", "it is preferable to arrest ...", "it was reported that ...": an
    /// "it" standing for a clause later in the sentence refers to no actor. "It is ready to", "it is
    /// likely to" (the subject does the action) are not expletive.
    private func isExpletive(_ tokens: [Token], _ i: Int) -> Bool {
        var p = i + 1
        while p < tokens.count, tokens[p].is([.hypotheticalModals, .futureModals, .have, .negators, .adverbs]) { p += 1 }
        guard p < tokens.count, tokens[p].is(.be) || Self.raisingVerbs.contains(tokens[p].key) else { return false }
        p += 1
        while p < tokens.count, tokens[p].is([.be, .negators, .adverbs]) { p += 1 }
        guard p < tokens.count, tokens[p].classes.isEmpty, !tokens[p].flags.contains(.capitalized),
            !tokens[p].flags.contains(.punctuation), !Self.subjectAdjectives.contains(tokens[p].key)
        else { return false }
        var q = p + 1
        while q < tokens.count, q - p <= 6 {
            let t = tokens[q]
            if t.flags.contains(.punctuation) { return false }
            if t.key == ClosedClass.to { return q + 1 < tokens.count && tokens[q + 1].classes.isEmpty }
            if t.key == ClosedClass.that || t.is(.conditional) { return true }
            q += 1
        }
        return false
    }

    static let raisingVerbs = ClosedClass.keys(Morphology.allForms(["seem", "appear", "remain"]))
    /// Adjectives whose subject takes part in what follows: "it is likely to attack", "it was able to".
    static let subjectAdjectives = ClosedClass.keys([
        "likely", "unlikely", "expected", "due", "supposed", "able", "unable", "certain", "sure", "bound", "going", "about",
        "reluctant", "free", "quick", "slow", "first", "last", "right", "wrong", "happy", "glad", "proud", "afraid",
    ])

    private func isNameLike(_ p: Piece) -> Bool {
        switch p.meaning {
        case .name, .seat, .people, .adjective: true
        case .agent: false
        }
    }

    /// A lower-case modifier inside a noun phrase.
    private func isFiller(_ tokens: [Token], _ i: Int, verbAt: (Int) -> Bool) -> Bool {
        let t = tokens[i]
        if t.flags.contains(.punctuation) || t.flags.contains(.capitalized) || t.flags.contains(.numeric) { return false }
        let k = t.key
        if t.is(.prepositions) || t.is(.determiners) || t.is(.conjunctions)
            || t.is(.relativePronouns) || t.is(.be) || t.is(.have)
            || t.is(.negators) || t.is(.hypotheticalModals) || t.is(.futureModals)
            || t.is(.pronouns) || t.is(.adverbs) || t.is(.subordinators)
            || t.is(.doAux) || t.is(.futureModals)
        {
            return false
        }
        if verbForms.contains(k) && verbAt(i) { return false }
        // "The army today attacked": a time word after a noun ends its phrase, it modifies nothing.
        if Self.timeWords.contains(k) { return false }
        return true
    }

    static let timeWords = ClosedClass.keys(["today", "yesterday", "tomorrow", "tonight", "now"])

    private func isGerund(_ t: Token) -> Bool { verbForms[t.key]?.contains { $0.kind == .gerund } == true }

    private func isNameToken(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        return t.flags.contains(.capitalized) && !t.flags.contains(.punctuation)
            && !t.is(.determiners) && !t.is(.pronouns)
            && !t.is(.speakerPronouns)
            && !t.is(.prepositions) && !t.is(.conjunctions)
            && !t.is(.subordinators) && !t.is([.months, .weekdays])
    }

    /// A capitalised word that is not sentence-initial (or is followed by another capitalised word,
    /// or by a statement verb: "Begum said she ...", where only a name can stand).
    private func isUnknownName(_ tokens: [Token], _ i: Int) -> Bool {
        guard isNameToken(tokens, i) else { return false }
        if verbForms.contains(tokens[i].key) { return false }
        if tokens[i].flags.contains(.sentenceInitial) {
            guard i + 1 < tokens.count else { return false }
            return isNameToken(tokens, i + 1) || ClosedClass.statementVerbs.contains(tokens[i + 1].key)
        }
        return true
    }

    /// The code a title gives whoever holds it: the country's code with the agent's role ("Afghan
    /// president" → AFGGOV), or the group's own code ("Hamas chief" → Hamas); empty without a scope.
    func titleCode(agent g: Int, scope: Int?, day: Day?) -> String {
        guard let s = scope else { return "" }
        let entry = actors[s]
        return entry.type == .country ? Self.join(entry.code(on: day), agents[g].code) : entry.code(on: day)
    }

    /// Codes a chunk of pieces.
    func code(_ chunk: [Piece], tokens: [Token], day: Day?, agentHead: Piece? = nil) -> Mention? {
        guard !chunk.isEmpty else { return nil }
        var country: Int?
        var named: [Int] = []
        var seat = false
        var people = false
        var agent: (index: Int, plural: Bool, piece: Int)?
        for (n, p) in chunk.enumerated() {
            switch p.meaning {
            case .name(let a):
                if actors[a].type == .country { country = a } else { named.append(a) }
                agent = nil  // a name after an agent is the head ("commander Esmail Qaani")
            case .adjective(let a): country = a
            case .people(let a): country = a; people = true
            case .seat(let a): country = a; seat = true
            case .agent(let g, let plural): agent = (g, plural, n)
            }
        }
        if let h = agentHead, case .agent(let g, let plural) = h.meaning {
            // "the commander of the Quds Force": the agent before "of" is the head.
            agent = (g, plural, 0)
            if let a = named.last, actors[a].type == .person { named.removeLast() }
        }
        let headPiece = chunk[chunk.count - 1]
        let head = headPiece.end - 1
        let parts = chunk.compactMap { p -> Int? in
            switch p.meaning {
            case .name(let a), .adjective(let a), .people(let a), .seat(let a): a
            case .agent: nil
            }
        }
        // A named non-country actor is the head unless an agent follows it.
        if let a = named.last, agent == nil {
            let entry = actors[a]
            var mention = Mention(
                start: 0, end: 0, kind: .named, actor: a, code: entry.code(on: day), name: entry.name, agent: nil,
                scope: named.count > 1 ? named[named.count - 2] : country, parts: parts, plural: false,
                isPerson: entry.type == .person, head: head)
            mention.isPlace = entry.type == .place
            return mention
        }
        if let g = agent {
            let agentEntry = agents[g.index]
            let scope = named.last ?? country
            // "Hamas chief", "the head of Hamas", "Iran's supreme leader": the person who leads the scope.
            // Not "an SDF leader", "a senior Hamas official": an indefinite article names one of many.
            if !g.plural, !Self.indefinite(chunk, tokens), let s = scope,
                let person = describedPerson(agent: agentEntry, scope: s, day: day)
            {
                let p = actors[person]
                return Mention(
                    start: 0, end: 0, kind: .named, actor: person, code: p.code(on: day), name: p.name, agent: g.index,
                    scope: s, parts: parts + [person], plural: false, isPerson: true, head: head)
            }
            if let s = named.last {
                // An agent of a group keeps the group's code ("Hamas fighters" → Hamas).
                let entry = actors[s]
                return Mention(
                    start: 0, end: 0, kind: .agent, actor: nil, code: entry.code(on: day), name: entry.name, agent: g.index,
                    scope: s, parts: parts, plural: g.plural, isPerson: !g.plural, head: head)
            }
            let countryCode = country.map { actors[$0].code(on: day) } ?? ""
            let code = countryCode.isEmpty ? "" : Self.join(countryCode, agentEntry.code)
            let term = agentEntry.term
            return Mention(
                start: 0, end: 0, kind: .agent, actor: nil, code: code,
                name: country.map { "\(actors[$0].name) \(term)" } ?? term, agent: g.index, scope: country,
                parts: parts, plural: g.plural, isPerson: !g.plural, head: head)
        }
        if let c = country {
            let entry = actors[c]
            let code = entry.code(on: day)
            var mention = Mention(
                start: 0, end: 0, kind: .named, actor: c, code: seat ? code + "GOV" : code, name: entry.name, agent: nil,
                scope: nil, parts: parts, plural: people, isPerson: false, head: head)
            mention.isPlace = seat
            return mention
        }
        return nil
    }

    /// "Armenian and Azerbaijani troops": the agent after the last adjective belongs to each.
    func distributeSharedAgents(_ mentions: inout [Mention], tokens: [Token], day: Day?) {
        guard mentions.count >= 2 else { return }
        for n in stride(from: mentions.count - 2, through: 0, by: -1) {
            let m = mentions[n]
            let next = mentions[n + 1]
            guard m.kind == .named, m.agent == nil, let country = m.actor, actors[country].type == .country,
                m.end < tokens.count, tokens[m.end].key == ClosedClass.and || tokens[m.end].key == ClosedClass.comma,
                next.start <= m.end + 2, next.kind == .agent, let agent = next.agent, next.scope != nil,
                !tokens[m.end - 1].flags.contains(.possessive)
            else { continue }
            // Only an adjective, not a country name ("Iran and Iraqi troops" keeps Iran).
            guard let last = phrases.longestMatch(tokens, from: m.end - 1, limit: m.end),
                last.meanings.contains(where: {
                    if case .adjective = $0 { return true } else { return false }
                })
            else { continue }
            mentions[n].kind = .agent
            mentions[n].agent = agent
            mentions[n].code = Self.join(actors[country].code(on: day), agents[agent].code)
            mentions[n].plural = next.plural
            mentions[n].isPerson = next.isPerson
        }
    }

    static let indefiniteArticles = ClosedClass.keys(["a", "an", "one", "another"])
    static let forKey = TokenKey.hash("for")
    /// Agent nouns whose "for" names whom they represent: "a spokesman for the Kurdish-led SDF".
    static let representativeNouns = ClosedClass.keys([
        "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "representative",
        "representatives", "lawyer", "lawyers", "negotiator", "negotiators", "envoy",
    ])

    static func speaksFor(_ piece: Piece, _ tokens: [Token]) -> Bool {
        piece.end - piece.start == 1 && representativeNouns.contains(tokens[piece.start].key)
    }

    /// Whether the noun phrase of `chunk` opens with an indefinite article, before at most two
    /// lower-case modifiers ("a senior Hamas official").
    static func indefinite(_ chunk: [Piece], _ tokens: [Token]) -> Bool {
        guard let first = chunk.first else { return false }
        var p = first.start - 1
        var modifiers = 0
        while p >= 0, modifiers < 2, tokens[p].classes.isEmpty, !tokens[p].flags.contains(.capitalized),
            !tokens[p].flags.contains(.punctuation)
        {
            p -= 1
            modifiers += 1
        }
        return p >= 0 && indefiniteArticles.contains(tokens[p].key)
    }

    /// Appends an agent's role code to a country code, without repeating it.
    static func join(_ base: String, _ role: String) -> String {
        if base.hasSuffix(role) { return base }
        return base + role
    }

    /// The person an agent noun describes within a scope: the leader of the scope when the agent is
    /// a leader word, else a person whose current title contains the agent term and who belongs to the scope.
    func describedPerson(agent: AgentEntry, scope: Int, day: Day?) -> Int? {
        let term = agent.lowerTerm
        let scopeEntry = actors[scope]
        let leaderWords = scopeEntry.type == .country ? Self.countryLeaderWords : Self.leaderWords
        if leaderWords.contains(term), let leader = lexicon.leader(of: scopeEntry.id, on: day) { return leader }
        // Title match: "supreme leader" in "Supreme Leader of Iran", with the scope's country.
        let country = scopeEntry.country
        var found: Int?
        for n in lexicon.persons(withTitlePrefix: term, on: day) {
            let a = actors[n]
            guard let title = a.title(on: day)?.lowercased() else { continue }
            let belongs =
                a.code(on: day).hasPrefix(country)
                && (scopeEntry.type == .country || title.contains(scopeEntry.name.lowercased())
                    || a.affiliations.contains { $0.target == scopeEntry.id })
            if belongs {
                if found != nil { return nil }  // ambiguous
                found = n
            }
        }
        return found
    }

    static let leaderWords: Set<String> = [
        "chief", "leader", "head", "commander", "president", "chairman", "chair", "secretary-general", "secretary general",
        "director", "director-general", "boss", "founder", "emir", "king", "supreme leader", "prime minister", "premier",
        "top commander", "commander-in-chief", "spiritual leader", "political leader", "military chief",
    ]

    static let countryLeaderWords: Set<String> = ["leader", "supreme leader", "head of state", "ruler", "strongman"]

    /// "the military wing of Hamas", "Hamas's armed wing": a label of a part resolves to that part.
    func labelledParts(_ mentions: [Mention], tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, day: Day?) -> [Mention] {
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)]), as: UTF8.self)
                .lowercased()
        }
        func part(in parts: [(label: String, part: Int)], label: String) -> Int? {
            parts.first { (l, _) in
                label == l || label.hasSuffix(" " + l) || l.hasSuffix(" " + label) && label.contains(" ")
            }?.part
        }
        func isLabelWord(_ t: Token) -> Bool {
            !t.flags.contains(.punctuation) && !t.flags.contains(.capitalized) && !t.is(.determiners)
                && !t.is(.prepositions) && !t.is(.conjunctions)
        }
        var out: [Mention] = []
        out.reserveCapacity(mentions.count)
        for m in mentions {
            guard m.kind == .named || m.kind == .agent, let group = (m.kind == .named ? m.actor : m.scope),
                actors[group].type != .country, actors[group].type != .person,
                let parts = lexicon.partsByGroup[actors[group].id]
            else { out.append(m); continue }
            var replaced: Mention?
            // Inside the span: "[the] military wing of Hamas".
            if let of = (m.start..<m.end).first(where: { tokens[$0].key == ClosedClass.of }) {
                var a = m.start
                while a < of, tokens[a].is(.determiners) { a += 1 }
                if a < of, let p = part(in: parts, label: text(a, of)) { replaced = with(m, part: p, start: m.start, end: m.end, day: day) }
            }
            // Before the span: "the armed wing of [Hamas]".
            if replaced == nil, m.start >= 2, tokens[m.start - 1].key == ClosedClass.of {
                var a = m.start - 1
                while a > 0, m.start - 1 - a < 3, isLabelWord(tokens[a - 1]) { a -= 1 }
                if a < m.start - 1, let p = part(in: parts, label: text(a, m.start - 1)) {
                    let s = a > 0 && tokens[a - 1].is(.determiners) ? a - 1 : a
                    replaced = with(m, part: p, start: s, end: m.end, day: day)
                }
            }
            // After the span: "Hamas's military wing".
            if replaced == nil, m.end < tokens.count, tokens[m.end].flags.contains(.possessive) {
                var b = m.end + 1
                while b < tokens.count, b - m.end <= 3, isLabelWord(tokens[b]) { b += 1 }
                var e = b
                while e > m.end + 1 {
                    if let p = part(in: parts, label: text(m.end + 1, e)) {
                        replaced = with(m, part: p, start: m.start, end: e, day: day); break
                    }
                    e -= 1
                }
            }
            out.append(replaced ?? m)
        }
        // Drop mentions swallowed by an extended one.
        var result: [Mention] = []
        for m in out {
            if let last = result.last, m.start < last.end { continue }
            result.append(m)
        }
        return result
    }

    private func with(_ m: Mention, part: Int, start: Int, end: Int, day: Day?) -> Mention {
        let p = actors[part]
        return Mention(
            start: start, end: end, kind: .named, actor: part, code: p.code(on: day), name: p.name, agent: nil,
            scope: m.actor ?? m.scope, parts: m.parts + [part], plural: false, isPerson: false, head: end - 1)
    }
}
