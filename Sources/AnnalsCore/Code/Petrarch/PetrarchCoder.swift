import Foundation

/// One event coded by ``PetrarchCoder`` from a sentence.
public struct PetrarchEvent: Sendable, Hashable {
    public var source: String
    public var target: String
    public var code: String
    public var sourceName: String
    public var targetName: String
    /// Byte ranges in the sentence text.
    public var sourceRange: Range<Int>?
    public var targetRange: Range<Int>?
    public var verbRange: Range<Int>
    public var verb: String
    /// `FILE:LINE pattern` of the pattern or verb line that gave the code.
    public var rule: String
    public var pattern: String
    public var negated: Bool
    public var passive: Bool
}

/// What coding one sentence produced.
public struct PetrarchSentenceResult: Sendable {
    public var events: [PetrarchEvent] = []
    /// The discard phrase that stopped coding, if any.
    public var discard: PetrarchDiscards.Entry?
    /// Issue codes with counts (when an issues dictionary is loaded).
    public var issues: [(code: String, count: Int)] = []
}

/// Codes raw sentence text with PETRARCH/TABARI dictionaries, without parse trees, in the manner of
/// TABARI's shallow parser: actors and agents by longest match, noun groups and compounds, verbs
/// from the verb forms, patterns matched before (`lower`) and after (`upper`) the verb.
/// See `docs/petrarch.md`.
public struct PetrarchCoder: EventCoder {
    public let dictionaries: PetrarchDictionaries
    public var options: PetrarchOptions

    public init(dictionaries: PetrarchDictionaries, options: PetrarchOptions? = nil) {
        self.dictionaries = dictionaries
        self.options = options ?? dictionaries.options
    }

    /// Loads `PETR_config.ini` or a directory.
    public static func load(_ path: String) throws -> PetrarchCoder {
        PetrarchCoder(dictionaries: try PetrarchDictionaries.load(path))
    }

    public func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        var out = CodedDocument(document: document, sentences: sentences)
        guard options.emitEvents else { return out }
        let date = document.date.map { $0.year * 10000 + $0.month * 100 + $0.day }
        var events: [EventRecord] = []
        for sentence in sentences {
            let r = codeSentence(sentence.text, date: date)
            if let d = r.discard, d.story { return out }
            var n = 0
            for e in r.events {
                if e.negated && !options.includeNegated { continue }
                events.append(record(e, document: document, sentence: sentence, number: n, issues: r.issues, explain: options.explain))
                n += 1
            }
        }
        out.events = events
        return out
    }

    func record(
        _ e: PetrarchEvent, document: Document, sentence: Sentence, number: Int, issues: [(code: String, count: Int)], explain: Bool
    ) -> EventRecord {
        func span(_ r: Range<Int>) -> Span { sentence.originalSpan(r.lowerBound, r.upperBound) }
        let u = sentence.text.utf8
        func text(_ r: Range<Int>) -> String {
            let a = u.index(u.startIndex, offsetBy: max(0, min(u.count, r.lowerBound)))
            let b = u.index(u.startIndex, offsetBy: max(0, min(u.count, r.upperBound)))
            return String(decoding: u[a..<b], as: UTF8.self)
        }
        let source = e.sourceRange.map { ActorRef(text: text($0), name: e.sourceName, code: e.source, span: span($0)) }
        let target = e.targetRange.map { ActorRef(text: text($0), name: e.targetName, code: e.target, span: span($0)) }
        let cameo = Self.cameo(e.code)
        var rec = EventRecord(
            id: "\(document.id)-\(sentence.index)-\(number)", doc: document.id, sentence: sentence.index,
            text: sentence.text, date: document.date?.description ?? "", source: source, target: target, code: cameo,
            polarity: e.negated ? .negated : .affirmed, modality: .asserted, mentions: 1,
            evidence: Evidence(verb: text(e.verbRange), span: span(e.verbRange), rule: e.rule))
        rec.cameo = e.code
        rec.root = String(e.code.prefix(2))
        if explain {
            var notes: [String] = []
            if e.passive { notes.append("passive: source and target swapped") }
            if e.negated { notes.append("negated") }
            if !issues.isEmpty { notes.append("issues: " + issues.map { "\($0.code) \($0.count)" }.joined(separator: ", ")) }
            rec.explain = Explanation(
                pattern: e.pattern, source: e.sourceRange.map(span), verb: span(e.verbRange),
                target: e.targetRange.map(span), notes: notes)
        }
        return rec
    }

    /// CAMEO facts of a code: the code itself or its nearest listed ancestor; codes outside CAMEO
    /// (WEIS codes of the validation dictionaries) get quad class 0 and Goldstein 0.
    static func cameo(_ code: String) -> CameoCode {
        if let c = CameoTable.shared.nearest(code), c.code.count >= 2 {
            return CameoCode(code: code, name: c.name, goldstein: c.goldstein, quadClass: c.quadClass, plover: c.plover)
        }
        return CameoCode(code: code, name: "", goldstein: 0, quadClass: 0, plover: nil)
    }

    /// A readable account of how a sentence is analysed: kept tokens, actor mentions, verbs and
    /// the pattern each matched (`annals validate --trace ID`).
    public func trace(_ text: String, date: Int?) -> String {
        var t = text.utf8.contains(95) ? text.replacingOccurrences(of: "_", with: " ") : text
        return t.withUTF8 { bytes in
            var a = PetrarchAnalysis(coder: self, bytes: bytes, date: date)
            let r = a.run()
            var out = "tokens: " + a.active.indices.map { a.string($0, $0 + 1) }.joined(separator: " ") + "\n"
            for m in a.mentions {
                out +=
                    "mention [\(m.start),\(m.end)) '\(a.string(m.start, m.end))': " + m.members.map(\.code).joined(separator: ", ") + "\n"
            }
            let verbs = a.findVerbs()
            var subjects: [Int32] = []
            for v in verbs.indices { subjects.append(a.subject(of: v, verbs: verbs, subjects: subjects)) }
            for (i, v) in verbs.enumerated() {
                let form = dictionaries.verbs.forms[Int(v.form)]
                let block = dictionaries.verbs.blocks[Int(form.block)]
                var line = "verb '\(a.string(v.start, v.end))' block \(block.name) [\(form.code.raw)]"
                if let m = a.match(i, verbs) { line += " pattern \(dictionaries.verbs.patterns[Int(m.pattern)].text)" }
                line +=
                    " subject \(subjects[i] >= 0 ? a.string(a.mentions[Int(subjects[i])].start, a.mentions[Int(subjects[i])].end) : "-")"
                out += line + "\n"
            }
            if let d = r.discard { out += "discarded by '\(d.text)'\n" }
            for e in r.events { out += "event \(e.source) \(e.target) \(e.code) (\(e.verb): \(e.rule))\n" }
            return out
        }
    }

    /// Codes one sentence; `date` is YYYYMMDD (for dated actor codes).
    public func codeSentence(_ text: String, date: Int?) -> PetrarchSentenceResult {
        // "Dol_Amroth": underscores join words in PETRARCH texts as in its dictionaries.
        var t = text.utf8.contains(95) ? text.replacingOccurrences(of: "_", with: " ") : text
        return t.withUTF8 { bytes in
            var a = PetrarchAnalysis(coder: self, bytes: bytes, date: date)
            return a.run()
        }
    }
}

/// The working state of coding one sentence.
struct PetrarchAnalysis {
    let coder: PetrarchCoder
    let dict: PetrarchDictionaries
    let bytes: UnsafeBufferPointer<UInt8>
    let date: Int?
    var all: [Token] = []
    /// Indexes into `all` of the tokens left after dateline and comma-clause removal.
    var active: [Int] = []
    var keys: [UInt64] = []
    var items: [PetrarchItem] = []
    var inItem: [Bool] = []
    var mentions: [PetrarchMention] = []
    var mentionStartAt: [Int32] = []
    var mentionEndAt: [Int32] = []
    /// A 1024-bit filter of the sentence's token keys (pattern anchors are checked against it).
    var keyFilter = [UInt64](repeating: 0, count: 16)

    @inline(__always)
    func hasKey(_ k: UInt64) -> Bool {
        let b = Int((k ^ (k >> 29)) & 1023)
        return keyFilter[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    init(coder: PetrarchCoder, bytes: UnsafeBufferPointer<UInt8>, date: Int?) {
        self.coder = coder
        self.dict = coder.dictionaries
        self.bytes = bytes
        self.date = date
    }

    // MARK: tokens

    func flags(_ i: Int) -> Token.Flags { all[active[i]].flags }
    func isWord(_ i: Int) -> Bool { !flags(i).contains(.punctuation) }
    func isPlainLower(_ i: Int) -> Bool {
        let f = flags(i)
        return !f.contains(.punctuation) && !f.contains(.capitalized) && !f.contains(.numeric) && !f.contains(.possessive)
    }
    func byteRange(_ start: Int, _ end: Int) -> Range<Int> {
        Int(all[active[start]].start)..<Int(all[active[end - 1]].end)
    }
    func string(_ start: Int, _ end: Int) -> String {
        let r = byteRange(start, end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }
    func endsWithED(_ i: Int) -> Bool {
        let t = all[active[i]]
        guard t.end - t.start > 3 else { return false }
        return TokenKey.lowerASCII(bytes[Int(t.end) - 2]) == UInt8(ascii: "e")
            && TokenKey.lowerASCII(bytes[Int(t.end) - 1]) == UInt8(ascii: "d")
    }

    mutating func run() -> PetrarchSentenceResult {
        var result = PetrarchSentenceResult()
        all = Tokenizer.tokens(bytes: bytes)
        var first = 0
        // A dateline ("CEBU CITY: --") is not part of the sentence.
        var k = 0
        while k < all.count,
            all[k].flags.contains(.allCaps) || (k > 0 && all[k].flags.contains(.capitalized) && all[k - 1].flags.contains(.allCaps))
        { k += 1 }
        if k > 0, k < all.count, all[k].flags.contains(.punctuation) {
            let b = bytes[Int(all[k].start)]
            if b == UInt8(ascii: ":") || (b == UInt8(ascii: "-") && all[k].length >= 2) {
                first = k + 1
                while first < all.count, all[first].flags.contains(.punctuation), bytes[Int(all[first].start)] == UInt8(ascii: "-") {
                    first += 1
                }
            }
        }
        let body = first == 0 ? all : Array(all[first...])
        if let d = dict.discards.match(tokens: body, bytes: bytes) {
            result.discard = d
            return result
        }
        active = removeCommaClauses(from: first)
        keys = active.map { all[$0].key }
        for k in keys {
            let b = Int((k ^ (k >> 29)) & 1023)
            keyFilter[b >> 6] |= 1 << UInt64(b & 63)
        }
        findItems()
        buildMentions()
        if let issues = dict.issues {
            result.issues = keys.withUnsafeBufferPointer { issues.issues(in: $0) }
        }
        result.events = codeVerbs()
        return result
    }

    // MARK: comma clauses

    /// TABARI/PETRARCH comma-clause elimination: internal clauses of `comma_min...comma_max` words,
    /// the terminal clause (`comma_emin...comma_emax`) and the initial one (`comma_bmin...comma_bmax`).
    /// A clause that looks like part of a list of names ("France, Germany and Britain") is kept.
    func removeCommaClauses(from first: Int) -> [Int] {
        let o = coder.options
        var commas: [Int] = []
        for i in first..<all.count where all[i].key == PetrarchWords.comma {
            // 50,000
            if i > first, i + 1 < all.count, all[i - 1].flags.contains(.numeric), all[i + 1].flags.contains(.numeric),
                all[i - 1].end == all[i].start, all[i].end == all[i + 1].start
            {
                continue
            }
            commas.append(i)
        }
        var end = all.count
        while end > first, all[end - 1].flags.contains(.punctuation), all[end - 1].key != PetrarchWords.comma { end -= 1 }
        if commas.isEmpty { return Array(first..<all.count) }
        func words(_ a: Int, _ b: Int) -> Int {
            var n = 0
            for i in a..<b {
                let c = bytes[Int(all[i].start)]
                if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 { n += 1 }
            }
            return n
        }
        func isList(_ comma: Int) -> Bool {
            comma > first && comma + 1 < all.count && all[comma - 1].flags.contains(.capitalized)
                && all[comma + 1].flags.contains(.capitalized) && !all[comma - 1].flags.contains(.sentenceInitial)
        }
        var drop = [Bool](repeating: false, count: all.count)
        func mark(_ a: Int, _ b: Int) { for i in a..<b { drop[i] = true } }
        for (j, c) in commas.enumerated() where j + 1 < commas.count {
            let n = words(c + 1, commas[j + 1])
            if o.commaMax > 0, n >= o.commaMin, n <= o.commaMax, !isList(c) { mark(c, commas[j + 1]) }
        }
        if let last = commas.last, last < end {
            let n = words(last + 1, end)
            if o.commaEMax > 0, n >= o.commaEMin, n <= o.commaEMax, !isList(last) { mark(last, end) }
        }
        if let f = commas.first, o.commaBMax > 0 {
            let n = words(first, f)
            if n >= o.commaBMin, n <= o.commaBMax { mark(first, f + 1) }
        }
        return (first..<all.count).filter { !drop[$0] }
    }

    // MARK: actors and agents

    mutating func findItems() {
        let n = keys.count
        inItem = [Bool](repeating: false, count: n)
        keys.withUnsafeBufferPointer { kp in
            var i = 0
            while i < n {
                let a = dict.actorTrie.longestMatch(kp, from: i)
                let g = dict.agentTrie.longestMatch(kp, from: i)
                if let a, a.length >= (g?.length ?? 0) {
                    items.append(PetrarchItem(start: i, end: i + a.length, index: a.value, isActor: true))
                    i += a.length
                } else if let g {
                    items.append(PetrarchItem(start: i, end: i + g.length, index: g.value, isActor: false))
                    i += g.length
                } else {
                    i += 1
                }
            }
        }
        for it in items { for i in it.start..<it.end { inItem[i] = true } }
    }

    func isPossessive(_ i: Int) -> Bool { i < keys.count && flags(i).contains(.possessive) }

    /// True when the tokens `a..<b` join two noun groups into a compound: a conjunction or comma,
    /// with a few determiners/adjectives around it ("Fornost and the evil awful Gondor").
    func connects(_ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        var core = a
        while core < b, !PetrarchWords.conjunctions.contains(keys[core]), keys[core] != PetrarchWords.comma { core += 1 }
        guard core < b else { return false }
        var before = 0
        for i in a..<core {
            if isPossessive(i) { continue }
            guard isPlainLower(i), !PetrarchWords.verbal.contains(keys[i]), dict.verbs.formsByKey[keys[i]] == nil else { return false }
            before += 1
        }
        var after = core
        var commaOnly = true
        if keys[after] == PetrarchWords.comma {
            after += 1
            if after < b, PetrarchWords.conjunctions.contains(keys[after]) { after += 1; commaOnly = false }
        } else {
            after += 1
            commaOnly = false
        }
        var sawDeterminer = false
        var count = 0
        for i in after..<b {
            if PetrarchWords.determiners.contains(keys[i]) { sawDeterminer = true; count += 1; continue }
            guard isPlainLower(i), !PetrarchWords.verbal.contains(keys[i]), !PetrarchWords.conjunctions.contains(keys[i]) else {
                return false
            }
            if dict.verbs.formsByKey[keys[i]] != nil && !sawDeterminer { return false }
            count += 1
        }
        if commaOnly { return before == 0 && count <= 1 }
        return before <= 2 && count <= 3
    }

    func codes(of item: PetrarchItem) -> [String] {
        let c = dict.actors[Int(item.index)].codes(on: date)
        return c.isEmpty ? ["---"] : c
    }

    func name(of item: PetrarchItem) -> String {
        item.isActor ? dict.actors[Int(item.index)].name : dict.agents[Int(item.index)].phrase
    }

    func agentCodes(_ g: PetrarchGroup) -> [(code: String, prefix: Bool)] {
        g.agents.map { a in
            let ag = dict.agents[Int(a.index)]
            return (ag.code, ag.isPrefix)
        }
    }

    /// Members (codes) of one noun group, given the actors it borrows when it has none itself.
    func members(of g: PetrarchGroup, borrowed: [(code: String, name: String)]) -> [PetrarchMention.Member] {
        let agents = agentCodes(g)
        var out: [PetrarchMention.Member] = []
        if let head = g.actors.first {
            for c in codes(of: head) {
                out.append(.init(code: PetrarchCoder.compose(base: c, agents: agents), name: name(of: head), start: g.start, end: g.end))
            }
        } else if !g.attached.isEmpty {
            for att in g.attached {
                for m in members(of: att, borrowed: []) {
                    out.append(.init(code: PetrarchCoder.compose(base: m.code, agents: agents), name: m.name, start: g.start, end: att.end))
                }
            }
        } else if !borrowed.isEmpty {
            for b in borrowed {
                out.append(.init(code: PetrarchCoder.compose(base: b.code, agents: agents), name: b.name, start: g.start, end: g.end))
            }
        } else if !g.agents.isEmpty {
            out.append(
                .init(code: PetrarchCoder.compose(base: "---", agents: agents), name: name(of: g.agents[0]), start: g.start, end: g.end))
        }
        return out
    }

    /// The actor bases a group lends to an agent-only neighbour: its head actor's codes plus its
    /// modifier agents (all but the last).
    func lend(_ g: PetrarchGroup) -> [(code: String, name: String)] {
        if let head = g.actors.first {
            var mods = g
            if !mods.agents.isEmpty { mods.agents.removeLast() }
            let agents = agentCodes(mods)
            return codes(of: head).map { (PetrarchCoder.compose(base: $0, agents: agents), name(of: head)) }
        }
        var out: [(code: String, name: String)] = []
        for att in g.attached { out += lend(att) }
        return out
    }

    mutating func buildMentions() {
        // 1. Groups of adjacent actor/agent phrases, possibly joined by a possessive.
        var groups: [PetrarchGroup] = []
        for it in items {
            if var last = groups.last, last.end == it.start || (last.end + 1 == it.start && isPossessive(last.end)) {
                last.end = it.end
                if it.isActor { last.actors.append(it) } else { last.agents.append(it) }
                groups[groups.count - 1] = last
            } else {
                var g = PetrarchGroup(start: it.start, end: it.end)
                if it.isActor { g.actors.append(it) } else { g.agents.append(it) }
                groups.append(g)
            }
        }
        // 2. Agent-only groups attach to a following actor (compound) through a preposition.
        var units: [PetrarchGroup] = []
        var j = 0
        while j < groups.count {
            var g = groups[j]
            j += 1
            if g.actors.isEmpty, g.end < keys.count, PetrarchWords.agentPrepositions.contains(keys[g.end]), j < groups.count {
                // "the mayor of the northern West Bank city": determiners and up to two adjectives
                var s = g.end + 1
                if s < keys.count, PetrarchWords.determiners.contains(keys[s]) { s += 1 }
                var adjectives = 0
                while adjectives < 2, s < groups[j].start, isPlainLower(s), !PetrarchWords.verbal.contains(keys[s]),
                    !PetrarchWords.conjunctions.contains(keys[s]), !PetrarchWords.prepositions.contains(keys[s])
                {
                    s += 1
                    adjectives += 1
                }
                if groups[j].start == s, !groups[j].actors.isEmpty {
                    var chain = [groups[j]]
                    j += 1
                    while j < groups.count, connects(chain.last!.end, groups[j].start) {
                        chain.append(groups[j])
                        j += 1
                    }
                    g.attached = chain
                    g.end = chain.last!.end
                }
            }
            units.append(g)
        }
        // 3. Compounds: units joined by conjunctions and commas.
        var chains: [[PetrarchGroup]] = []
        for u in units {
            if let lastChain = chains.last, connects(lastChain.last!.end, u.start) {
                chains[chains.count - 1].append(u)
            } else {
                chains.append([u])
            }
        }
        for chain in chains {
            var ms: [PetrarchMention.Member] = []
            for (i, u) in chain.enumerated() {
                var borrowed: [(code: String, name: String)] = []
                if !u.hasActor {
                    if let prev = chain[..<i].last(where: { $0.hasActor }) {
                        borrowed = lend(prev)
                    } else if let next = chain[(i + 1)...].first(where: { $0.hasActor }) {
                        var bare = next
                        bare.agents = []
                        borrowed = lend(bare).map { b in (b.code, b.name) }
                        if bare.actors.isEmpty {
                            // attached groups keep their own agents; lend only the actors
                            borrowed = next.attached.flatMap { att -> [(code: String, name: String)] in
                                var a = att
                                a.agents = []
                                return lend(a)
                            }
                        }
                    }
                }
                for m in members(of: u, borrowed: borrowed) where !ms.contains(m) { ms.append(m) }
            }
            if ms.isEmpty { continue }
            mentions.append(PetrarchMention(start: chain.first!.start, end: chain.last!.end, members: ms))
        }
        mentionStartAt = [Int32](repeating: -1, count: keys.count + 1)
        mentionEndAt = [Int32](repeating: -1, count: keys.count + 1)
        for (i, m) in mentions.enumerated() {
            mentionStartAt[m.start] = Int32(i)
            mentionEndAt[m.end] = Int32(i)
        }
    }
}
