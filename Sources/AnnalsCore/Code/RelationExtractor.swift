/// Extracts affiliations stated in text (part of, member of, leads, allied with, controls, based in)
/// as ``RelationRecord``s dated by the document, each with the words that triggered it.
///
/// It reads the same analysis the event coder uses (mentions with their `parts` and `scope`, verb
/// groups, subjects) plus the dictionary phrase pieces inside each mention, and applies a handful of
/// general mechanisms (see docs/network.md):
///
/// - **inside a mention chunk**: `Iran's Quds Force commander Esmail Qaani` (Qaani leads the Quds
///   Force; the Quds Force is part of Iran, because the dictionaries put it inside the IRGC inside
///   Iran), `the IRGC elite Quds Force` (part of, label "elite unit"), `Hamas chief Ismail Haniyeh`,
///   `Iran's Supreme Leader` (the dictionaries' leader of Iran), `the military wing of Hamas` (a
///   labelled part);
/// - **copulas, relative clauses and appositives** linking an actor to a role-bearing mention:
///   `X, which serves as the military wing of Y`, `X, the commander of Y`;
/// - **relation nouns**: `X forms part of Y`, `X is an ally of Y`, `Y and its proxy X`, `members of Y`;
/// - **participles with `by`** and hyphenated compounds: `headed by`, `led by`, `backed by`,
///   `controlled by`, `Iran-backed X`, `US-led X`;
/// - **control and place**: `taking control of X, including A, B and C`, `based in Y`;
/// - **membership lists** under an alliance: `the Axis of Resistance, including A, B and C`.
///
/// Lists ("A, B, and C which are all part of Y") distribute the relation over their members.
struct RelationExtractor {
    let lexicon: Lexicon

    /// Relations of a document whose sentences the event coder has already analysed and resolved
    /// (`analyses[i]` belongs to `sentences[i]`), so nothing is analysed twice.
    func relations(_ document: Document, sentences: [Sentence], analyses: [SentenceCoder.Analysis], coder: SentenceCoder)
        -> [RelationRecord]
    {
        relations(document, sentences: sentences, coder: coder, reuse: analyses)
    }

    func relations(_ document: Document, sentences: [Sentence], coder: SentenceCoder, reuse: [SentenceCoder.Analysis]? = nil)
        -> [RelationRecord]
    {
        var coref = Coreference(lexicon: lexicon)
        let recognizer = MentionRecognizer(lexicon: lexicon)
        var out: [RelationRecord] = []
        var seen = Set<String>()
        // Actors named so far in the document (keyed by actor index; see `KeyMap`).
        var named = KeyMap<Bool>(capacity: 64)
        let day = document.date
        for (index, sentence) in sentences.enumerated() {
            var a: SentenceCoder.Analysis
            if let reuse, index < reuse.count {
                a = reuse[index]
            } else {
                a = coder.analyse(sentence, day: day)
                // The same coreference pass the event coder runs, so "the Palestinian militant group" is Hamas.
                let groups = a.groups
                let subjects = a.subjects
                let objects = a.objects
                let tokens = a.tokens
                let starts = a.mentions.map(\.start)
                coref.resolve(
                    &a.mentions, tokens: tokens, subjects: Set(subjects.joined()),
                    governor: { n in
                        guard let g = groups.indices.last(where: { groups[$0].head < starts[n] && !groups[$0].infinitival }) else {
                            return nil
                        }
                        return Coreference.Governor(subject: subjects[g], object: objects[g], verb: tokens[groups[g].head].key)
                    }, day: day)
            }
            takeNamedOrganisations(&a, named: named, day: day)
            var parties = 0
            for n in a.mentions.indices {
                // Fields are read in place: copying a `Mention` retains its strings and arrays.
                for x in a.mentions[n].parts { named[UInt64(x)] = true }
                if let x = a.mentions[n].actor { named[UInt64(x)] = true }
                if a.mentions[n].isResolved || a.mentions[n].kind == .unknown { parties += max(1, a.mentions[n].parts.count) }
            }
            // A relation needs two parties: two actors, or two inside one phrase ("Iran's Quds Force").
            guard parties >= 2 else { continue }
            let reader = RelationReader(
                lexicon: lexicon, a: a, coder: coder, sentence: sentence, day: day,
                pieces: a.pieces.isEmpty ? recognizer.pieces(a.tokens) : a.pieces)
            for found in reader.read() {
                guard let record = reader.record(found, document: document) else { continue }
                let key =
                    "\(record.subject.name)|\(record.subject.code)|\(record.relation.rawValue)|\(record.object.name)|\(record.object.code)"
                if seen.insert(key).inserted { out.append(record) }
            }
        }
        return out
    }

    /// "the militant group" names a whole organisation: when coreference lands on a wing and the
    /// organisation it belongs to was named, take the organisation.
    private func takeNamedOrganisations(_ a: inout SentenceCoder.Analysis, named: KeyMap<Bool>, day: Day?) {
        for n in a.mentions.indices
        where a.mentions[n].kind == .pronoun && Coreference.groupNouns.contains(a.tokens[a.mentions[n].head].key) {
            guard let x = a.mentions[n].actor,
                let parent = lexicon.actors[x].affiliations.first(where: { $0.relation == .partOf }).flatMap({
                    lexicon.actorIndex[$0.target]
                }),
                lexicon.actors[parent].type != .country, named.contains(UInt64(parent))
            else { continue }
            retarget(&a.mentions, n, to: parent, day: day)
        }
    }

    /// Points mention `n` at `actor`. Kept out of line on purpose: with the write inside the loop
    /// above, the compiler copies the (shared) mentions array before every loop, even when nothing
    /// is written; here it is copied only when a mention changes.
    @inline(never)
    private func retarget(_ mentions: inout [Mention], _ n: Int, to actor: Int, day: Day?) {
        let e = lexicon.actors[actor]
        mentions[n].actor = actor
        mentions[n].name = e.name
        mentions[n].code = e.code(on: day)
    }
}

/// One side of a relation found in a sentence.
struct RelationParty: Hashable {
    /// Dictionary actor index, nil for a name the dictionaries do not know.
    var actor: Int?
    var name: String
    var code: String
    /// Token range in the sentence.
    var start: Int
    var end: Int
    var isPerson: Bool

    var key: String { actor.map { "#\($0)" } ?? "~" + name.lowercased() }

    /// Same as `key == other.key`, without building the keys.
    func isSame(as other: RelationParty) -> Bool {
        switch (actor, other.actor) {
        case (let x?, let y?): x == y
        case (nil, nil): name.lowercased() == other.name.lowercased()
        default: false
        }
    }
}

/// A relation before it becomes a record.
struct FoundRelation {
    var subject: RelationParty
    var relation: RelationKind
    var label: String?
    var object: RelationParty
    /// Token range of the trigger words.
    var trigger: Range<Int>
    var rule: String
}

/// Reads the relations of one analysed sentence.
struct RelationReader {
    let lexicon: Lexicon
    let a: SentenceCoder.Analysis
    let coder: SentenceCoder
    let sentence: Sentence
    let day: Day?
    let pieces: [MentionRecognizer.Piece]
    /// Lower-cased token texts.
    let words: LowercasedWords
    /// Lists of coordinated mentions: items and the token where the list (with trailing locatives) ends.
    private(set) var lists: [(items: [Int], end: Int)] = []

    init(
        lexicon: Lexicon, a: SentenceCoder.Analysis, coder: SentenceCoder, sentence: Sentence, day: Day?, pieces: [MentionRecognizer.Piece]
    ) {
        self.lexicon = lexicon
        self.a = a
        self.coder = coder
        self.sentence = sentence
        self.day = day
        self.pieces = pieces
        self.words = LowercasedWords(text: sentence.text, tokens: a.tokens)
        self.lists = findLists()
    }

    var count: Int { a.tokens.count }

    static let pastRoles: Set<String> = [
        "former", "ex", "late", "then", "one-time", "onetime", "erstwhile", "previous", "ousted", "deposed", "exiled",
    ]

    /// "former Israeli prime minister Ehud Barak": a role that no longer holds on the document's date.
    func pastRole(_ range: Range<Int>) -> Bool {
        let from = max(0, range.lowerBound - 2)
        return (from..<min(count, range.upperBound)).contains {
            Self.pastRoleKeys.contains(a.tokens[$0].key) || words.hasPrefix($0, "ex-")
        }
    }

    /// The key of token `p`: the hash of its lower-cased text, compared instead of strings.
    @inline(__always)
    func key(_ p: Int) -> UInt64 { a.tokens[p].key }

    /// Whether there is a token `p` and it is the word with key `k`.
    @inline(__always)
    func isWord(_ p: Int, _ k: UInt64) -> Bool { p >= 0 && p < count && a.tokens[p].key == k }

    func read() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for m in a.mentions.indices { out += chunkRelations(m) }
        out += roleLinks()
        // The rules below start at a cue word; one pass finds which cues the sentence has at all.
        let cues = RelationCues(a.tokens)
        if cues.contains(.relationNoun) { out += relationNouns() }
        if cues.contains(.by) { out += byPhrases() }
        out += compounds()
        if cues.contains(.controlPlace) { out += controlAndPlace() }
        if cues.contains(.inclusion) { out += inclusionLists() }
        out += verbRelations()
        out.removeAll { $0.subject.isSame(as: $0.object) }
        return out
    }

    // MARK: word classes (grammar, not dictionary data)

    static let partNouns: Set<String> = [
        "wing", "arm", "branch", "unit", "division", "brigade", "faction", "affiliate", "offshoot", "subsidiary",
        "franchise", "cell", "department", "section", "component", "force", "corps", "directorate", "bureau",
    ]
    static let pastRoleKeys = KeySet(pastRoles.map { TokenKey.hash($0) })
    /// Words that open a control or place relation ("taking control of", "based in", "allied with").
    static let controlPlaceWords = [
        "control", "command", "controls", "controlled", "based", "headquartered", "located", "stationed", "allied", "aligned",
    ]
    static let controlPlaceKeys = ClosedClass.keys(controlPlaceWords)
    /// Every relation noun.
    static let relationNounWords = partNouns.union(allyNouns).union(proxyNouns).union(memberNouns)
    /// Token keys of every relation noun, to skip other words without building strings.
    static let relationNounKeys = ClosedClass.keys(relationNounWords)
    static let allyNouns: Set<String> = ["ally", "allies", "partner", "partners", "allied", "backer", "backers", "patron"]
    static let proxyNouns: Set<String> = ["proxy", "proxies", "client", "clients", "puppet", "puppets"]
    static let memberNouns: Set<String> = ["member", "members", "part", "parts", "constituent", "signatory", "signatories"]
    /// Singular agent terms that describe a person's role in a group or state.
    static let personRoles: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "minister", "official", "deputy", "member", "envoy", "ambassador",
        "adviser", "advisor", "aide", "general", "negotiator", "secretary", "representative", "operative", "officer",
        "fighter", "militant", "soldier", "diplomat", "lawmaker", "senator", "mp", "governor", "mayor", "judge",
        "prosecutor", "founder", "co-founder", "ideologue", "strategist", "financier", "member of parliament",
    ]
    static let leadParticiples: Set<String> = ["headed", "led", "commanded", "run", "chaired", "directed", "presided", "helmed", "fronted"]
    static let backParticiples: Set<String> = [
        "backed", "supported", "sponsored", "funded", "financed", "armed", "bankrolled", "aided", "trained", "equipped",
    ]
    static let controlParticiples: Set<String> = [
        "controlled", "dominated", "held", "occupied", "administered", "ruled", "governed", "run",
    ]
    static let takeVerbs: Set<String> = [
        "take", "takes", "took", "taken", "taking", "seize", "seizes", "seized", "seizing", "gain", "gains", "gained",
        "gaining", "assume", "assumes", "assumed", "assuming", "wrest", "wrested", "regain", "regained", "retake",
        "retook", "retaken", "retaking", "exert", "exerts", "exerted", "exercise", "exercises", "exercised", "have", "has", "had",
        "keep", "keeps", "kept", "maintain", "maintains", "maintained", "establish", "established", "tighten", "tightened",
    ]
    static let copulas: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "remained", "became", "become", "becomes",
        "serves", "serve", "served", "serving", "acts", "act", "acted", "acting", "functions", "function", "functioned",
        "operates", "operate", "operated", "as", "forms", "form", "formed", "forming", "constitutes", "constitute", "constituted",
    ]
    static let glue: Set<String> = [
        "all", "both", "also", "now", "still", "currently", "long", "effectively", "itself", "themselves", "each", "reportedly", "widely",
        "essentially", "de", "facto", "in", "effect", "considered", "seen", "regarded", "described",
    ]
    static let namingWords: Set<String> = [
        "so-called", "known", "as", "called", "named", "dubbed", "self-styled", "self-declared", "the", "a", "an",
    ]
    static let inclusionWords: Set<String> = [
        "including", "includes", "include", "included", "notably", "namely", "especially", "particularly", "like",
    ]
    static let gapStops: Set<String> = [
        "than", "rather", "instead", "versus", "vs", "or", "nor", "as", "so", "too", "very", "more", "less", "not",
    ]
    static let notNames: Set<String> = [
        "i", "we", "you", "he", "she", "it", "they", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "minister",
    ]
    static let nameParticles: Set<String> = [
        "de", "da", "di", "van", "von", "der", "al", "el", "bin", "ibn", "du", "del", "la", "le", "ben", "abu", "bint",
    ]
    static let locativePrepositions: Set<String> = ["in", "from", "across", "throughout", "inside"]

    /// Last words that make an agent term a leader's title ("supreme leader", "force commander").
    static let leaderHeads: Set<String> = [
        "leader", "commander", "chief", "head", "president", "chairman", "chairwoman", "director", "emir", "king", "ruler", "premier",
        "boss", "commander-in-chief", "secretary-general",
    ]

    /// Whether an agent term names a group's or state's leader; `t` is lower-cased (``AgentEntry/lowerTerm``).
    static func isLeaderTerm(_ t: String) -> Bool {
        if t == "founder" || t == "co-founder" { return false }
        if MentionRecognizer.leaderWords.contains(t) || MentionRecognizer.countryLeaderWords.contains(t) { return true }
        return leaderHeads.contains(lastWord(t))
    }

    /// Whether an agent term names a person's role in a group or state; `t` is lower-cased.
    static func isPersonRole(_ t: String) -> Bool {
        if isLeaderTerm(t) || personRoles.contains(t) { return true }
        return personRoles.contains(lastWord(t))
    }

    /// The last space-separated word of `t`: `t.split(separator: " ").last ?? t`, without the array.
    /// ASCII text is cut on bytes (each ASCII byte but CR-LF is a character of its own, so this is
    /// the same cut), other text on characters.
    static func lastWord(_ t: String) -> String {
        let ascii: String? =
            t.utf8.withContiguousStorageIfAvailable { b in
                guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
                let space = UInt8(ascii: " ")
                guard let last = b.lastIndex(where: { $0 != space }) else { return t }
                let first = b[..<last].lastIndex(of: space).map { $0 + 1 } ?? 0
                return String(decoding: b[first...last], as: UTF8.self)
            } ?? nil
        if let ascii { return ascii }
        guard let end = t.lastIndex(where: { $0 != " " }) else { return t }
        let head = t[...end]
        let start = head.lastIndex(of: " ").map { head.index(after: $0) } ?? head.startIndex
        return String(head[start...])
    }

    // MARK: helpers

    func isComma(_ p: Int) -> Bool { isWord(p, ClosedClass.comma) }
    func isDeterminer(_ p: Int) -> Bool { p >= 0 && p < count && ClosedClass.determiners.contains(a.tokens[p].key) }
    func mention(at p: Int) -> Int? { coder.mentionCovering(a, p) }

    /// A lower-case content word (adjective or noun) that can sit inside a noun phrase.
    func isModifier(_ p: Int) -> Bool {
        guard p >= 0, p < count else { return false }
        let t = a.tokens[p]
        if t.flags.contains(.punctuation) || t.flags.contains(.capitalized) || t.flags.contains(.numeric) || t.flags.contains(.possessive) {
            return false
        }
        let k = t.key
        if ClosedClass.prepositions.contains(k) || ClosedClass.determiners.contains(k) || ClosedClass.conjunctions.contains(k)
            || ClosedClass.relativePronouns.contains(k) || ClosedClass.be.contains(k) || ClosedClass.have.contains(k)
            || ClosedClass.pronouns.contains(k) || ClosedClass.negators.contains(k) || ClosedClass.subordinators.contains(k)
            || ClosedClass.hypotheticalModals.contains(k) || ClosedClass.futureModals.contains(k)
        {
            return false
        }
        if a.groups.contains(where: { $0.head == p }) { return false }
        return !Self.inclusionWordKeys.contains(k)
    }

    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return sentence.text.utf8Slice(Int(a.tokens[start].start), Int(a.tokens[end - 1].end))
    }

    func type(_ actor: Int?) -> ActorType? { actor.map { lexicon.actors[$0].type } }

    /// The party a mention stands for: its actor, the named group of an agent ("the Houthi militia"),
    /// or an unknown capitalised name. With `group`, a person mention yields the group it names
    /// ("the commander of Al-Qassam Brigades, which ..." → the Brigades).
    func party(_ n: Int, group: Bool = false) -> RelationParty? {
        let m = a.mentions[n]
        if group, m.isPerson || type(m.actor) == .person, let g = m.parts.last(where: { lexicon.actors[$0].type != .person }) {
            let e = lexicon.actors[g]
            let piece = pieces.last { $0.start >= m.start && $0.end <= m.end && Self.actorOf($0.meaning) == g }
            return RelationParty(
                actor: g, name: e.name, code: e.code(on: day), start: piece?.start ?? m.start, end: piece?.end ?? m.end, isPerson: false)
        }
        switch m.kind {
        case .named, .pronoun:
            guard let actor = m.actor else { return nil }
            let e = lexicon.actors[actor]
            return RelationParty(
                actor: actor, name: e.name, code: m.code.isEmpty ? e.code(on: day) : m.code, start: m.start, end: m.end,
                isPerson: e.type == .person)
        case .agent:
            guard let s = m.scope, !m.isPerson || m.plural || lexicon.actors[s].type != .country else { return nil }
            let e = lexicon.actors[s]
            guard e.type != .country else { return nil }
            return RelationParty(actor: s, name: e.name, code: e.code(on: day), start: m.start, end: m.end, isPerson: false)
        case .unknown:
            guard m.end - m.start <= 6, m.name.count >= 3, !Self.notNames.contains(m.name.lowercased()) else { return nil }
            // "Kurdish forces": a capitalised word before a noun is an adjective, not a name; before a
            // name ("the Kurdish Democratic Union party") it modifies that name.
            if m.end < count, isModifier(m.end), lexicon.verbForms[a.tokens[m.end].key] == nil { return nil }
            if m.end - m.start == 1, let next = a.mentions.firstIndex(where: { $0.start == m.end }), a.mentions[next].kind != .unknown {
                return party(next, group: group)
            }
            // "Staffan de Mistura", "Abdel Fattah al Sisi": name particles join the next capitalised words.
            var e = m.end
            while e < count, a.tokens[e].flags.contains(.containsUpper), mention(at: e) == nil,
                Self.nameParticles.contains(where: { words[e].hasPrefix($0 + "-") })
            { e += 1 }
            while e + 1 < count, Self.nameParticleKeys.contains(key(e)), a.tokens[e + 1].flags.contains(.capitalized),
                mention(at: e + 1) == nil || a.mentions[mention(at: e + 1)!].kind == .unknown
            {
                e += 2
                while e < count, a.tokens[e].flags.contains(.capitalized), !a.tokens[e].flags.contains(.punctuation),
                    mention(at: e) == nil || a.mentions[mention(at: e)!].kind == .unknown
                { e += 1 }
            }
            return RelationParty(
                actor: nil, name: e == m.end ? m.name : text(m.start, e), code: "", start: m.start, end: e, isPerson: false)
        }
    }

    func party(actor: Int, start: Int, end: Int) -> RelationParty {
        let e = lexicon.actors[actor]
        return RelationParty(actor: actor, name: e.name, code: e.code(on: day), start: start, end: end, isPerson: e.type == .person)
    }

    static func actorOf(_ meaning: PhraseMeaning) -> Int? {
        switch meaning {
        case .name(let a), .adjective(let a), .people(let a), .seat(let a): a
        case .agent: nil
        }
    }

    /// Parties of mentions, with lists expanded.
    func parties(_ ns: [Int], group: Bool = false) -> [RelationParty] {
        var out: [RelationParty] = []
        for n in ns { if let p = party(n, group: group), !out.contains(where: { $0.isSame(as: p) }) { out.append(p) } }
        return out
    }

    func listItems(containing n: Int) -> [Int] {
        lists.first { $0.items.contains(n) }?.items ?? [n]
    }

    /// The dictionaries' direct affiliation of `a` to `b`, if any.
    func affiliation(_ x: Int, _ y: Int) -> Affiliation? {
        let target = lexicon.actors[y].id
        return lexicon.actors[x].affiliations.first { aff in aff.target == target && (day.map { d in aff.period.contains(d) } ?? true) }
            ?? lexicon.actors[x].affiliations.first { $0.target == target }
    }

    /// True when the dictionaries put `x` inside `y` through part_of links (IRGC Quds Force → Iran).
    func isInside(_ x: Int, _ y: Int, depth: Int = 4) -> Bool {
        guard depth > 0 else { return false }
        let target = lexicon.actors[y].id
        for aff in lexicon.actors[x].affiliations where aff.relation == .partOf {
            if aff.target == target { return true }
            if let next = lexicon.actorIndex[aff.target], isInside(next, y, depth: depth - 1) { return true }
        }
        return false
    }

    func negated(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return (max(0, from)..<min(to, count)).contains {
            ClosedClass.negators.contains(a.tokens[$0].key) || key($0) == ClosedClass.no && isWord($0 + 1, RelationWord.longer)
        }
    }

    // MARK: lists

    /// Skips a locative phrase after a list item ("in Yemen", "in Iraq and Syria", "in the region").
    func skipLocative(_ p: Int) -> Int {
        guard p < count, Self.locativeKeys.contains(key(p)) else { return p }
        var q = p + 1
        if let m = mention(at: q), a.mentions[m].start >= p + 1, type(a.mentions[m].actor) == .country {
            q = a.mentions[m].end
            while q + 1 < count, key(q) == ClosedClass.comma || key(q) == ClosedClass.and {
                let r = key(q) == ClosedClass.comma && isWord(q + 1, ClosedClass.and) ? q + 2 : q + 1
                guard let next = mention(at: r), a.mentions[next].start == r, type(a.mentions[next].actor) == .country else { break }
                q = a.mentions[next].end
            }
            return q
        }
        while q < count, isDeterminer(q), mention(at: q) == nil { q += 1 }
        var k = 0
        while q < count, k < 2, isModifier(q), mention(at: q) == nil { q += 1; k += 1 }
        return k > 0 ? q : p
    }

    /// Coordinated mentions: "Hamas, Lebanon's Hezbollah, the Houthi militia in Yemen, and ...".
    private func findLists() -> [(items: [Int], end: Int)] {
        var out: [(items: [Int], end: Int)] = []
        // Mentions already in a list; allocated with the first list (most sentences have none).
        var used: [Bool] = []
        for i in a.mentions.indices where used.isEmpty || !used[i] {
            if a.mentions[i].kind == .pronoun && ClosedClass.possessivePronouns.contains(key(a.mentions[i].head)) { continue }
            // Cheapest test first: a list needs ",", "and" or "or" after the item (and its locative).
            var p = skipLocative(a.mentions[i].end)
            guard p < count, isJoiner(p) else { continue }
            var items: [Int] = []  // made with the second item: most candidates have none
            var sawAnd = false
            while p < count, isJoiner(p) {
                var q = p
                var joinerAnd = false
                if key(q) == ClosedClass.comma { q += 1 }
                if q < count, key(q) == ClosedClass.and || key(q) == ClosedClass.or { joinerAnd = true; q += 1 }
                var skipped = 0
                while q < count, skipped < 2, mention(at: q) == nil, isDeterminer(q) || isModifier(q) { q += 1; skipped += 1 }
                guard let next = mention(at: q), a.mentions[next].start > p,
                    a.mentions[next].kind != .pronoun || !joinerAnd || a.mentions[next].end - a.mentions[next].start > 1
                else { break }
                if items.isEmpty { items = [i] }
                items.append(next)
                p = skipLocative(a.mentions[next].end)
                if joinerAnd { sawAnd = true; break }
            }
            if items.count >= 2, sawAnd {
                out.append((items, p))
                if used.isEmpty { used = Array(repeating: false, count: a.mentions.count) }
                for n in items { used[n] = true }
            }
        }
        return out
    }

    /// ",", "and" or "or": what joins the items of a list.
    func isJoiner(_ p: Int) -> Bool {
        let k = key(p)
        return k == ClosedClass.comma || k == ClosedClass.and || k == ClosedClass.or
    }

    /// The mentions a relation phrase before `p` is about: the mention right before it, skipping
    /// copulas, adverbs, "which/who" and one comma; a list ending there counts as a whole.
    func antecedent(before p: Int) -> (mentions: [Int], relative: Bool, start: Int, linked: Bool)? {
        var q = p - 1
        var relative = false
        var copula = false
        var commas = 0
        var steps = 0
        while q >= 0, steps < 8 {
            let w = key(q)
            if Self.copulaKeys.contains(w) { copula = true; q -= 1; steps += 1; continue }
            if Self.glueKeys.contains(w) || ClosedClass.adverbs.contains(w) { q -= 1; steps += 1; continue }
            if ClosedClass.relativePronouns.contains(w), mention(at: q) == nil {
                relative = true; q -= 1; steps += 1; continue
            }
            if w == ClosedClass.comma, commas == 0 { commas += 1; q -= 1; steps += 1; continue }
            break
        }
        guard q >= 0 else { return nil }
        let linked = relative || copula || commas > 0
        // "A, B and C which are all part of Y" distributes over the list; "A and B led by Y" attaches to B.
        let distribute = relative || copula
        if let list = lists.first(where: { $0.end == q + 1 }) {
            return (distribute ? list.items : [list.items.last!], relative, q + 1, linked)
        }
        guard let m = mention(at: q) else { return nil }
        return (distribute ? listItems(containing: m) : [m], relative, q + 1, linked)
    }

    /// The subject of the clause standing before `p` (for gerunds and nouns: "X is responsible for taking control of").
    func clauseSubject(before p: Int) -> [Int] {
        if let g = a.groups.indices.first(where: { a.groups[$0].head == p }), !a.subjects[g].isEmpty { return a.subjects[g] }
        guard let g = a.groups.indices.last(where: { a.groups[$0].head < p && !a.groups[$0].infinitival && !a.subjects[$0].isEmpty }) else {
            return []
        }
        return a.subjects[g].flatMap { listItems(containing: $0) }
    }

    /// The noun phrase starting at `p`: its head mentions (a list when coordinated), where it ends, and
    /// the members of an "including ..." list that follows it.
    func nounPhrase(at p: Int) -> (head: [Int], end: Int, included: [Int])? {
        var q = p
        var steps = 0
        while q < count, steps < 6, mention(at: q) == nil, isDeterminer(q) || isModifier(q) || Self.namingWordKeys.contains(key(q)) {
            q += 1; steps += 1
        }
        guard let first = mention(at: q) else { return nil }
        // "its allied militia": a possessive pronoun, modifiers, then the head.
        var head = first
        var e = a.mentions[first].end
        var r = e
        var k = 0
        while r < count, k < 3, mention(at: r) == nil, isModifier(r) { r += 1; k += 1 }
        if a.mentions[first].kind == .pronoun, let next = mention(at: r), a.mentions[next].start == r {
            head = next
            e = a.mentions[next].end
        }
        // "part of UN-brokered talks": a mention that only modifies the head noun is not the object.
        if e < count, isModifier(e), !Self.inclusionWordKeys.contains(key(e)) { return nil }
        let items = listItems(containing: head)
        if let list = lists.first(where: { $0.items.contains(head) }) { e = max(e, list.end) }
        var t = skipLocative(e)
        if t < count, key(t) == ClosedClass.comma { t += 1 }
        var included: [Int] = []
        if t < count,
            Self.inclusionWordKeys.contains(key(t)) || key(t) == RelationWord.such && isWord(t + 1, RelationWord.as)
                || key(t) == RelationWord.among
        {
            var u = t + 1
            if key(t) == RelationWord.such || key(t) == RelationWord.among { u += 1 }
            while u < count, mention(at: u) == nil, isDeterminer(u) || isModifier(u) { u += 1 }
            if let m = mention(at: u) { included = listItems(containing: m) }
        }
        return (items, e, included)
    }

    // MARK: inside a mention chunk

    func chunkRelations(_ n: Int) -> [FoundRelation] {
        // Cheap tests on the mention in place first (copying it retains its strings and arrays):
        // every rule below needs a scope or two dictionary pieces inside the mention.
        let kind = a.mentions[n].kind
        guard kind == .named || kind == .agent,
            a.mentions[n].scope != nil || hasTwoPieces(a.mentions[n].start, a.mentions[n].end)
        else { return [] }
        let m = a.mentions[n]
        var out: [FoundRelation] = []
        if pastRole(m.start..<m.end) { return [] }
        let inside = pieces.filter { $0.start >= m.start && $0.end <= m.end }
        // Labelled part resolved by the recognizer: "the military wing of Hamas", "Hamas's armed wing".
        if let x = m.actor, lexicon.actors[x].type != .person, let s = m.scope, !inside.contains(where: { Self.actorOf($0.meaning) == x }),
            let aff = affiliation(x, s), aff.relation == .partOf
        {
            let labelWords = (m.start..<m.end).filter { p in
                !inside.contains { $0.start <= p && p < $0.end && Self.actorOf($0.meaning) != nil } && isModifier(p)
                    && key(p) != ClosedClass.of
            }
            let label = labelWords.isEmpty ? aff.label : labelWords.map { words[$0] }.joined(separator: " ")
            let trigger = (labelWords.first ?? m.start)..<((labelWords.last ?? m.end - 1) + 1)
            let scopePiece = inside.last { Self.actorOf($0.meaning) == s }
            out.append(
                FoundRelation(
                    subject: party(actor: x, start: m.start, end: m.end), relation: .partOf, label: label,
                    object: party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end),
                    trigger: trigger, rule: "labelled part"))
        }
        // A person described by an agent of a scope: "the Hamas chief", "the commander of the Quds Force".
        if let p = m.actor, lexicon.actors[p].type == .person, m.parts.last == p, let g = m.agent, let s = m.scope, s != p {
            let agentPiece = inside.first { if case .agent = $0.meaning { return true } else { return false } }
            let scopePiece = inside.last { Self.actorOf($0.meaning) == s }
            // The recognizer's guess from a title is kept only when the dictionaries confirm it, and a
            // name right after the description ("the Isis leader, Abu Bakr al-Baghdadi") wins over it.
            var person: RelationParty? =
                confirmed(p, scope: s, leader: Self.isLeaderTerm(lexicon.agents[g].lowerTerm))
                ? party(actor: p, start: m.start, end: m.end) : nil
            var q = m.end
            if q < count, key(q) == ClosedClass.comma { q += 1 }
            if let n = mention(at: q), a.mentions[n].start == q, a.mentions[n].kind == .unknown || type(a.mentions[n].actor) == .person,
                let named = party(n), named.actor != p
            {
                person = named
            }
            if let person,
                let r = roleRelation(
                    person: person, agent: g,
                    scope: party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end),
                    trigger: agentPiece.map { $0.start..<$0.end } ?? m.start..<m.end, rule: "described person")
            {
                out.append(r)
            }
        }
        // Consecutive pieces.
        for (k, piece) in inside.enumerated() {
            guard let x = Self.actorOf(piece.meaning) else { continue }
            guard k + 1 < inside.count else { break }
            let next = inside[k + 1]
            if let y = Self.actorOf(next.meaning) {
                // "Iran's Quds Force", "the IRGC elite Quds Force", "Lebanon's Hezbollah".
                let gap = (piece.end..<next.start)
                if gap.contains(where: { key($0) == ClosedClass.of || Self.gapStopKeys.contains(key($0)) }) { continue }
                let fillers = gap.filter { isModifier($0) }.map { words[$0] }
                if let r = innerPair(
                    outer: x, inner: y, fillers: fillers, outerRange: piece.start..<piece.end, innerRange: next.start..<next.end)
                {
                    out.append(r)
                }
            } else if case .agent(let g, let plural) = next.meaning, !plural, lexicon.actors[x].type != .person {
                // "Quds Force commander Esmail Qaani", "Iran's Supreme Leader Ali Khamenei".
                let term = lexicon.agents[g].lowerTerm
                var person: RelationParty?
                if k + 2 < inside.count, let p = Self.actorOf(inside[k + 2].meaning), lexicon.actors[p].type == .person {
                    person = party(actor: p, start: inside[k + 2].start, end: inside[k + 2].end)
                } else if k + 2 == inside.count, next.end == m.end,
                    let u = a.mentions.firstIndex(where: { $0.start == m.end && $0.kind == .unknown }),
                    Self.isPersonRole(term)
                {
                    // "Hamas spokesman Abu Obeida" when the name is unknown.
                    person = party(u)
                }
                if let person,
                    let r = roleRelation(
                        person: person, agent: g, scope: party(actor: x, start: piece.start, end: piece.end),
                        trigger: next.start..<next.end, rule: "title")
                {
                    out.append(r)
                }
            }
        }
        return out
    }

    /// Whether at least two dictionary pieces lie inside tokens `start..<end`.
    func hasTwoPieces(_ start: Int, _ end: Int) -> Bool {
        var found = 0
        for piece in pieces where piece.start >= start && piece.end <= end {
            found += 1
            if found == 2 { return true }
        }
        return false
    }

    /// A person's role in a scope: leads for leader words, else member of with the role as label.
    /// True when the dictionaries say `p` leads (or, for other roles, belongs to) `s` on the day.
    func confirmed(_ p: Int, scope s: Int, leader: Bool) -> Bool {
        let id = lexicon.actors[s].id
        let affs = lexicon.actors[p].affiliations.filter { $0.target == id }
        if leader { return affs.contains { $0.relation == .leads } }
        if !affs.isEmpty { return true }
        return lexicon.actors[s].type == .country
            && ActorCode.country(of: lexicon.actors[p].code(on: day)) == lexicon.actors[s].code(on: day)
    }

    /// A country's rebel commander or police chief does not lead or belong to the state.
    func roleRelation(person: RelationParty, agent g: Int, scope: RelationParty, trigger: Range<Int>, rule: String) -> FoundRelation? {
        let term = lexicon.agents[g].lowerTerm
        if type(scope.actor) == .country, !lexicon.agents[g].code.hasPrefix("GOV") { return nil }
        let leads = Self.isLeaderTerm(term)
        return FoundRelation(
            subject: person, relation: leads ? .leads : .memberOf, label: term, object: scope, trigger: trigger, rule: rule)
    }

    /// Two named actors side by side in one noun phrase: the second is inside, allied to, or based in
    /// the first, as the words between and the dictionaries say.
    func innerPair(outer x: Int, inner y: Int, fillers: [String], outerRange: Range<Int>, innerRange: Range<Int>) -> FoundRelation? {
        let ex = lexicon.actors[x], ey = lexicon.actors[y]
        guard x != y, ey.type != .person, ex.type != .person, ey.type != .country else { return nil }
        let outer = party(actor: x, start: outerRange.lowerBound, end: outerRange.upperBound)
        let inner = party(actor: y, start: innerRange.lowerBound, end: innerRange.upperBound)
        let trigger = outerRange.upperBound..<max(outerRange.upperBound + 1, innerRange.lowerBound)
        let label = fillers.joined(separator: " ")
        if fillers.contains(where: { Self.proxyNouns.contains($0) }) {
            return FoundRelation(
                subject: outer, relation: .controls, label: "proxy", object: inner, trigger: trigger, rule: "possessive proxy")
        }
        if fillers.contains(where: { Self.allyNouns.contains($0) }) {
            return FoundRelation(
                subject: inner, relation: .alliedWith, label: label, object: outer, trigger: trigger, rule: "possessive ally")
        }
        if let noun = fillers.last(where: { Self.partNouns.contains($0) }) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: label.isEmpty ? noun : label, object: outer, trigger: trigger,
                rule: "possessive part")
        }
        if let aff = affiliation(y, x) {
            var l = aff.label
            if !fillers.isEmpty {
                l = label + (aff.relation == .partOf && ey.type == .military ? " unit" : "")
            }
            return FoundRelation(
                subject: inner, relation: aff.relation, label: l, object: outer, trigger: trigger, rule: "noun phrase + dictionary")
        }
        if isInside(y, x) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger,
                rule: "noun phrase + dictionary")
        }
        if ex.type == .country {
            let sameCountry = ActorCode.country(of: ey.code(on: day)) == ex.code(on: day)
            if sameCountry && (ey.type == .military || ey.type == .government) {
                return FoundRelation(
                    subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger,
                    rule: "country's institution")
            }
            if sameCountry {
                return FoundRelation(
                    subject: inner, relation: .basedIn, label: nil, object: outer, trigger: trigger, rule: "country's group")
            }
            return nil
        }
        // "Hamas's Qassam Brigades": a possessive between two groups.
        if outerRange.upperBound < count, a.tokens[outerRange.upperBound].flags.contains(.possessive) {
            return FoundRelation(
                subject: inner, relation: .partOf, label: fillers.isEmpty ? nil : label, object: outer, trigger: trigger, rule: "possessive"
            )
        }
        return nil
    }

    // MARK: copulas, relative clauses and appositives

    /// "X, which serves as the military wing of Y", "X, the commander of Y", "X is the leader of Y".
    func roleLinks() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for j in a.mentions.indices where a.mentions[j].scope != nil && (a.mentions[j].kind == .named || a.mentions[j].kind == .agent) {
            // Copied only past the test above: a copy retains the mention's strings and arrays.
            let m = a.mentions[j]
            let s = m.scope!
            // What the mention says: a labelled part of S, or a person's role in S.
            var relation: RelationKind
            var label: String?
            if let x = m.actor, let aff = affiliation(x, s), aff.relation == .partOf, lexicon.actors[x].type != .person {
                relation = .partOf
                let inside = pieces.filter { $0.start >= m.start && $0.end <= m.end }
                let labelWords = (m.start..<m.end).filter { p in
                    !inside.contains { $0.start <= p && p < $0.end && Self.actorOf($0.meaning) != nil } && isModifier(p)
                }
                label = labelWords.isEmpty ? aff.label : labelWords.map { words[$0] }.joined(separator: " ")
            } else if let g = m.agent, !m.plural, Self.isPersonRole(lexicon.agents[g].lowerTerm),
                lexicon.actors[s].type != .country || lexicon.agents[g].code.hasPrefix("GOV")
            {
                let term = lexicon.agents[g].lowerTerm
                relation = Self.isLeaderTerm(term) ? .leads : .memberOf
                label = term
            } else {
                continue
            }
            // What stands before it: a copula, "which serves as", or an appositive comma.
            var q = m.start - 1
            var linked = false
            var steps = 0
            while q >= 0, steps < 5 {
                let w = key(q)
                if Self.copulaKeys.contains(w) || Self.glueKeys.contains(w) || ClosedClass.adverbs.contains(w) {
                    linked = true; q -= 1; steps += 1; continue
                }
                break
            }
            var relative = false
            if q >= 0, ClosedClass.relativePronouns.contains(a.tokens[q].key), linked { relative = true; q -= 1 }
            var appositive = false
            if q >= 0, key(q) == ClosedClass.comma { appositive = !linked; q -= 1 }
            guard linked || appositive, q >= 0, let x = mention(at: q), x != j else { continue }
            // The role must head its noun phrase: not "Britain's premier forward base", "head of the Duma's committee".
            if m.end < count,
                a.tokens[m.end].flags.contains(.possessive) || isModifier(m.end)
                    || a.tokens[m.end].flags.contains(.capitalized) && !a.tokens[m.end].flags.contains(.punctuation)
            {
                continue
            }
            if appositive {
                // "A, B" inside a list is not an appositive.
                if lists.contains(where: { $0.items.contains(x) || $0.items.contains(j) }) { continue }
            }
            if negated(q, m.start) || pastRole(m.start..<m.end) { continue }
            guard let subject = party(x, group: relative && key(q + 1) != RelationWord.who) else { continue }
            if let described = m.actor, lexicon.actors[described].type == .person, let sa = subject.actor, sa != described { continue }
            // "X, an SDF commander": one of its commanders.
            if relation == .leads,
                isArticleA(m.start) || q + 1 < count && isArticleA(q + 1)
            {
                relation = .memberOf
            }
            if relation != .partOf, !(subject.isPerson || subject.actor == nil) { continue }
            if relation == .partOf, subject.isPerson { continue }
            let scopePiece = pieces.last { $0.start >= m.start && $0.end <= m.end && Self.actorOf($0.meaning) == s }
            let object = party(actor: s, start: scopePiece?.start ?? m.start, end: scopePiece?.end ?? m.end)
            out.append(
                FoundRelation(
                    subject: subject, relation: relation, label: label, object: object, trigger: (q + 1)..<m.end,
                    rule: appositive ? "appositive" : "copula"))
        }
        return out
    }

    /// "a" or "an": "X, an SDF commander" is one of several.
    func isArticleA(_ p: Int) -> Bool { key(p) == RelationWord.a || key(p) == RelationWord.an }

    // MARK: relation nouns

    /// "X forms part of Y", "X is an ally of Y", "members of Y", "Y and its proxy X", "Y's allies X".
    func relationNouns() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for r in 0..<count where Self.relationNounKeys.contains(a.tokens[r].key) {
            let w = key(r)
            let isPart = Self.partNounKeys.contains(w), isAlly = Self.allyNounKeys.contains(w), isProxy = Self.proxyNounKeys.contains(w)
            let isMember = Self.memberNounKeys.contains(w)
            guard isPart || isAlly || isProxy || isMember else { continue }
            if mention(at: r) != nil { continue }  // handled as a chunk
            // Modifiers before the noun belong to the label: "the military wing of".
            var b = r
            while b > 0, isModifier(b - 1), mention(at: b - 1) == nil { b -= 1 }
            // The label as text, made only for a relation that carries it.
            var labelText: String { (b..<(r + 1)).map { words[$0] }.joined(separator: " ") }
            // Form 1: NOUN of Y, with X before it.
            if r + 1 < count,
                key(r + 1) == ClosedClass.of || (isAlly && (key(r + 1) == ClosedClass.with || key(r + 1) == ClosedClass.to))
            {
                guard let np = nounPhrase(at: r + 2) else { continue }
                var q = b
                while q > 0, isDeterminer(q - 1) { q -= 1 }
                guard let ante = antecedent(before: q), ante.linked, !negated(ante.start, r) else { continue }
                let subjects = parties(ante.mentions, group: ante.relative)
                let objects = parties(np.head)
                for x in subjects {
                    for y in objects {
                        if isProxy {
                            out.append(
                                FoundRelation(
                                    subject: y, relation: .controls, label: "proxy", object: x, trigger: b..<(r + 2), rule: "proxy of"))
                        } else if isAlly {
                            out.append(
                                FoundRelation(
                                    subject: x, relation: .alliedWith, label: nil, object: y, trigger: b..<(r + 2), rule: "ally of"))
                        } else if isMember {
                            let alliance = [.alliance, .igo].contains(type(y.actor)) || words[r].hasPrefix("member")
                            out.append(
                                FoundRelation(
                                    subject: x, relation: alliance ? .memberOf : .partOf, label: nil, object: y, trigger: b..<(r + 2),
                                    rule: "part of"))
                        } else if !x.isPerson {
                            out.append(
                                FoundRelation(
                                    subject: x, relation: .partOf, label: labelText, object: y, trigger: b..<(r + 2), rule: "part noun"))
                        }
                    }
                }
                continue
            }
            // Form 2: OWNER's / its NOUN X ("Iran and its proxy terror group Hezbollah").
            var o = b - 1
            while o >= 0, isDeterminer(o), !ClosedClass.possessivePronouns.contains(a.tokens[o].key) { o -= 1 }
            guard o >= 0 else { continue }
            var owner: Int?
            if let pm = mention(at: o), a.mentions[pm].kind == .pronoun, ClosedClass.possessivePronouns.contains(a.tokens[o].key) {
                owner = pm
            } else if a.tokens[o].flags.contains(.possessive), let pm = mention(at: o - 1) {
                owner = pm
            }
            guard let ownerMention = owner, let ownerParty = party(ownerMention), !ownerParty.isPerson || isAlly else { continue }
            var q = r + 1
            var k = 0
            while q < count, k < 3, mention(at: q) == nil, isModifier(q) { q += 1; k += 1 }
            if q < count, key(q) == ClosedClass.comma { q += 1 }
            guard let xm = mention(at: q), a.mentions[xm].start >= r + 1 else { continue }
            for x in parties(listItems(containing: xm)) where !x.isPerson || isAlly {
                if isProxy {
                    out.append(
                        FoundRelation(
                            subject: ownerParty, relation: .controls, label: "proxy", object: x, trigger: b..<(r + 1),
                            rule: "possessive proxy"))
                } else if isAlly {
                    out.append(
                        FoundRelation(
                            subject: x, relation: .alliedWith, label: nil, object: ownerParty, trigger: b..<(r + 1), rule: "possessive ally"
                        ))
                } else if isPart {
                    out.append(
                        FoundRelation(
                            subject: x, relation: .partOf, label: labelText, object: ownerParty, trigger: b..<(r + 1),
                            rule: "possessive part"))
                }
            }
        }
        return out
    }

    // MARK: participles with "by"

    /// "the Axis of Resistance headed by Iran", "militias backed by Iran", "areas controlled by the Houthis".
    func byPhrases() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 1..<max(1, count) where a.tokens[p].key == ClosedClass.by {
            let k = key(p - 1)
            let lead = Self.leadParticipleKeys.contains(k), back = Self.backParticipleKeys.contains(k),
                control = Self.controlParticipleKeys.contains(k)
            guard lead || back || control, let np = nounPhrase(at: p + 1) else { continue }
            let v = words[p - 1]
            var vs = p - 1
            if vs > 0, ClosedClass.adverbs.contains(key(vs - 1)) || Self.byAdverbKeys.contains(key(vs - 1)) {
                vs -= 1
            }
            guard let ante = antecedent(before: vs), !negated(ante.start, p) else { continue }
            let objects = parties(np.head)
            for x in parties(ante.mentions, group: ante.relative) {
                for y in objects where !(lead && (x.isPerson || type(x.actor) == .country && !y.isPerson)) {
                    if lead {
                        out.append(
                            FoundRelation(subject: y, relation: .leads, label: nil, object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    } else if control {
                        guard x.actor == nil || type(x.actor) == .country else { continue }
                        out.append(
                            FoundRelation(
                                subject: y, relation: .controls, label: nil, object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    } else {
                        out.append(
                            FoundRelation(
                                subject: y, relation: .alliedWith, label: "backer", object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    }
                }
            }
        }
        return out
    }

    /// Hyphenated compounds: "Iran-backed Houthis", "US-led coalition", "Houthi-controlled Sanaa".
    func compounds() -> [FoundRelation] {
        var out: [FoundRelation] = []
        let hyphen = UInt8(ascii: "-")
        // Most sentences have no hyphen at all.
        guard words.contains(byte: hyphen) else { return out }
        let window = Self.longestCompoundSuffix + 1
        let suffixes = Self.compoundSuffixKeys
        for p in 0..<count {
            // Cheap filter on bytes: the text after the token's last hyphen must be a relation word, so
            // the hyphen is among the last bytes of a word token.
            guard !a.tokens[p].flags.contains(.punctuation),
                let dash = words.lastIndex(p, of: hyphen, within: window),
                suffixes.contains(words.key(p, from: dash + 1))
            else { continue }
            let w = words[p]
            guard let dash = w.lastIndex(of: "-") else { continue }
            let suffix = String(w[w.index(after: dash)...])
            let lead = suffix == "led", back = Self.backParticiples.contains(suffix), control = Self.controlParticiples.contains(suffix)
            let allied = suffix == "aligned" || suffix == "allied", based = suffix == "based"
            guard lead || back || control || allied || based else { continue }
            // The prefix as a dictionary phrase: "Iran", "US", "Houthi".
            let original = text(p, p + 1)
            let prefix = String(
                original[
                    original.startIndex..<original.index(original.startIndex, offsetBy: original.distance(from: w.startIndex, to: dash))])
            let keys = prefix.split(whereSeparator: { $0 == " " || $0 == "-" }).map { TokenKey.hash($0) }
            let fake = keys.map { Token(start: 0, end: 0, key: $0, flags: [.capitalized, .containsUpper]) }
            guard let match = lexicon.phrases.longestMatch(fake, from: 0), match.end == fake.count,
                let y = match.meanings.compactMap(Self.actorOf).first
            else { continue }
            // The actor it modifies: the mention covering it or starting right after it.
            var target = mention(at: p)
            if target == nil || a.mentions[target!].actor == nil && a.mentions[target!].scope == nil {
                target = mention(at: p + 1).flatMap { a.mentions[$0].start == p + 1 ? $0 : nil }
            }
            guard let t = target, let x = party(t), x.actor != y, type(x.actor) != .country,
                a.mentions[t].start == p + 1 || pieces.contains(where: { $0.start == p + 1 && Self.actorOf($0.meaning) != nil })
                    || a.mentions[t].kind == .unknown && a.mentions[t].start <= p + 1
            else { continue }
            // The compound must modify the mention's head, not a noun inside it ("US-led coalition forces").
            let yp = party(actor: y, start: p, end: p + 1)
            let rule = "\(prefix)-\(suffix)"
            if lead {
                out.append(FoundRelation(subject: yp, relation: .leads, label: nil, object: x, trigger: p..<(p + 1), rule: rule))
            } else if control {
                out.append(FoundRelation(subject: yp, relation: .controls, label: nil, object: x, trigger: p..<(p + 1), rule: rule))
            } else if back {
                out.append(FoundRelation(subject: yp, relation: .alliedWith, label: "backer", object: x, trigger: p..<(p + 1), rule: rule))
            } else if allied {
                out.append(FoundRelation(subject: x, relation: .alliedWith, label: nil, object: yp, trigger: p..<(p + 1), rule: rule))
            } else if based, lexicon.actors[y].type == .country {
                out.append(FoundRelation(subject: x, relation: .basedIn, label: nil, object: yp, trigger: p..<(p + 1), rule: rule))
            }
        }
        return out
    }

    // MARK: control and place

    /// "X took control of Y", "X is responsible for taking control of its allies, including A, B and C",
    /// "X controls Y", "X, based in Y", "X is allied with Y".
    func controlAndPlace() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 0..<count where Self.controlPlaceKeys.contains(a.tokens[p].key) {
            let w = key(p)
            if w == RelationWord.control || w == RelationWord.command, isWord(p + 1, ClosedClass.of) || isWord(p + 1, RelationWord.over) {
                // "take control of", "full control over": a taking verb within three words before.
                var v = p - 1
                while v >= 0, p - v <= 3, !Self.takeVerbKeys.contains(key(v)), isModifier(v) || isDeterminer(v) { v -= 1 }
                guard v >= 0, Self.takeVerbKeys.contains(key(v)), !negated(max(0, v - 3), v) else { continue }
                guard let np = nounPhrase(at: p + 2) else { continue }
                let objects = parties(np.included.isEmpty ? np.head : np.included)
                for x in parties(clauseSubject(before: v)) where !x.isPerson {
                    for y in objects {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .controls, label: nil, object: y, trigger: v..<(p + 2), rule: "take control of"))
                    }
                }
            } else if w == RelationWord.controls || w == RelationWord.controlled || w == RelationWord.control,
                let g = a.groups.firstIndex(where: { $0.head == p }),
                !a.groups[g].passive,
                !a.groups[g].negated, !a.groups[g].infinitival || w == RelationWord.control, p + 1 < count, key(p + 1) != ClosedClass.by
            {
                guard let np = nounPhrase(at: p + 1), a.mentions[np.head[0]].start - p <= 4 else { continue }
                let subjects = a.groups[g].infinitival ? [] : a.subjects[g].flatMap { listItems(containing: $0) }
                for x in parties(subjects) where !x.isPerson {
                    for y in parties(np.head) {
                        out.append(
                            FoundRelation(subject: x, relation: .controls, label: nil, object: y, trigger: p..<(p + 1), rule: "control"))
                    }
                }
            } else if Self.placeParticipleKeys.contains(w), isWord(p + 1, RelationWord.in) {
                guard let np = nounPhrase(at: p + 2), let ante = antecedent(before: p), !negated(ante.start, p) else { continue }
                for x in parties(ante.mentions, group: ante.relative) {
                    for y in parties(np.head) where type(y.actor) == .country {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .basedIn, label: nil, object: y, trigger: p..<(p + 2), rule: "\(words[p]) in"))
                    }
                }
            } else if Self.alignParticipleKeys.contains(w), isWord(p + 1, ClosedClass.with) || isWord(p + 1, ClosedClass.to) {
                guard let np = nounPhrase(at: p + 2), let ante = antecedent(before: p), !negated(ante.start, p) else { continue }
                for x in parties(ante.mentions, group: ante.relative) {
                    for y in parties(np.head) {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .alliedWith, label: nil, object: y, trigger: p..<(p + 2),
                                rule: "\(words[p]) \(words[p + 1])"
                            ))
                    }
                }
            }
        }
        return out
    }

    // MARK: membership lists

    /// "the Axis of Resistance, including Hamas, Hezbollah and the Houthis": members of an alliance.
    func inclusionLists() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for p in 0..<count
        where Self.inclusionWordKeys.contains(a.tokens[p].key) || key(p) == RelationWord.such && isWord(p + 1, RelationWord.as) {
            // The alliance right before (", including"), skipping a locative.
            var q = p - 1
            if q >= 0, key(q) == ClosedClass.comma { q -= 1 }
            guard q >= 0, let h = mention(at: q), let head = party(h), let t = type(head.actor), t == .alliance || t == .igo else {
                continue
            }
            var u = p + (key(p) == RelationWord.such ? 2 : 1)
            while u < count, mention(at: u) == nil, isDeterminer(u) || isModifier(u) { u += 1 }
            guard let first = mention(at: u) else { continue }
            for x in parties(listItems(containing: first)) where x.key != head.key && !x.isPerson {
                out.append(
                    FoundRelation(
                        subject: x, relation: .memberOf, label: nil, object: head, trigger: p..<(p + 1), rule: "alliance including"))
            }
        }
        return out
    }

    /// Verbs of membership and leadership: "X joined Y" (an alliance), "X heads Y", "X leads Y".
    func verbRelations() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for (g, group) in a.groups.enumerated() where !group.negated && !group.passive && !group.infinitival && !group.hypothetical {
            let w = key(group.head)
            let join = Self.joinVerbKeys.contains(w)
            let lead = Self.leadVerbKeys.contains(w)
            guard join || lead, group.head + 1 < count, key(group.head + 1) != ClosedClass.by else { continue }
            guard let np = nounPhrase(at: group.head + 1), a.mentions[np.head[0]].start - group.head <= 3 else { continue }
            for x in parties(a.subjects[g].flatMap { listItems(containing: $0) }) {
                for y in parties(np.head) {
                    if join, [.alliance, .igo].contains(type(y.actor)) {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .memberOf, label: nil, object: y, trigger: group.head..<(group.head + 1), rule: "join"
                            ))
                    } else if lead, let t = type(y.actor), t != .person, t != .country, x.isPerson || type(x.actor) == .country,
                        np.end >= count || key(np.end) != ClosedClass.to
                    {
                        out.append(
                            FoundRelation(
                                subject: x, relation: .leads, label: nil, object: y, trigger: group.head..<(group.head + 1),
                                rule: "lead verb"))
                    }
                }
            }
        }
        return out
    }

    // MARK: records

    func actorRef(_ p: RelationParty) -> ActorRef {
        let s = Int(a.tokens[p.start].start)
        let e = Int(a.tokens[p.end - 1].end)
        return ActorRef(text: sentence.text.utf8Slice(s, e), name: p.name, code: p.code, span: sentence.originalSpan(s, e))
    }

    func record(_ f: FoundRelation, document: Document) -> RelationRecord? {
        var subject = actorRef(f.subject)
        var object = actorRef(f.object)
        // A name the dictionaries do not know takes a provisional code from what it belongs to.
        if subject.code.isEmpty, !object.code.isEmpty {
            let code =
                f.relation == .basedIn
                ? ActorCode.country(of: object.code) : f.relation == .alliedWith || f.relation == .controls ? "" : object.code
            subject = ActorRef(text: subject.text, name: subject.name, code: code, span: Span(subject.span[0], subject.span[1]))
        }
        if object.code.isEmpty, !subject.code.isEmpty, f.relation == .controls || f.relation == .leads {
            object = ActorRef(text: object.text, name: object.name, code: subject.code, span: Span(object.span[0], object.span[1]))
        }
        let ts = Int(a.tokens[f.trigger.lowerBound].start)
        let te = Int(a.tokens[f.trigger.upperBound - 1].end)
        let span = sentence.originalSpan(ts, te)
        let evidence = Evidence(verb: sentence.text.utf8Slice(ts, te), span: span, rule: "relations: \(f.rule)")
        let date = document.date?.description ?? ""
        let key = "\(document.id)|\(sentence.index)|\(subject.name)|\(f.relation.rawValue)|\(object.name)|\(span.start)"
        return RelationRecord(
            id: StableID.make(key), doc: document.id, sentence: sentence.index, text: sentence.text, subject: subject,
            relation: f.relation, label: f.label, object: object, date: date, evidence: evidence)
    }
}

/// The lower-cased words of a sentence as strings, for labels and rule names, and byte tests on
/// tokens. Rules compare token keys instead (``RelationReader/key(_:)``), so few strings are made.
struct LowercasedWords {
    private let bytes: [UInt8]
    private let tokens: [Token]

    init(text: String, tokens: [Token]) {
        self.bytes = Array(text.utf8)
        self.tokens = tokens
    }

    /// Whether the sentence contains the byte `b`.
    func contains(byte b: UInt8) -> Bool { bytes.contains(b) }

    /// The offset in token `i` of its last byte `b`, looking only at its last `within` bytes.
    func lastIndex(_ i: Int, of b: UInt8, within: Int = .max) -> Int? {
        let start = Int(tokens[i].start)
        let end = Int(tokens[i].end)
        let from = end - start > within ? end - within : start
        var k = end - 1
        while k >= from {
            if bytes[k] == b { return k - start }
            k -= 1
        }
        return nil
    }

    /// The key of token `i`'s text from byte `offset` on, as if that text were a token.
    func key(_ i: Int, from offset: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer {
            TokenKey.hash(UnsafeBufferPointer(rebasing: $0[(Int(tokens[i].start) + offset)..<Int(tokens[i].end)]))
        }
    }

    /// Whether token `i` starts with `prefix` (lower-case ASCII), without making its string.
    func hasPrefix(_ i: Int, _ prefix: StaticString) -> Bool {
        let t = tokens[i]
        let n = prefix.utf8CodeUnitCount
        guard Int(t.end - t.start) >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where TokenKey.lowerASCII(bytes[Int(t.start) + k]) != p[k] { return false }
        return true
    }

    subscript(i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[Int(t.start)..<Int(t.end)].lazy.map(TokenKey.lowerASCII), as: UTF8.self)
    }
}
