/// A verb found in the sentence.
struct PetrarchVerbOccurrence {
    var start: Int
    var end: Int
    /// Token of the verb word itself.
    var verb: Int
    var form: Int32
}

/// A successful pattern match: the slots it filled and the tokens its words used.
struct PetrarchMatch {
    var pattern: Int32
    var source: Int32 = -1
    var target: Int32 = -1
    var compound: Int32 = -1
    var used: [Int] = []
}

extension PetrarchAnalysis {
    // MARK: verbs

    func findVerbs() -> [PetrarchVerbOccurrence] {
        var out: [PetrarchVerbOccurrence] = []
        let n = keys.count
        var p = 0
        while p < n {
            defer { p += 1 }
            guard !inItem[p], let forms = dict.verbs.formsByKey[keys[p]] else { continue }
            let f = flags(p)
            if f.contains(.capitalized) && !f.contains(.allCaps) && p > 0 { continue }  // a name, not a verb
            for fi in forms {
                let form = dict.verbs.forms[Int(fi)]
                let s = p - form.pre.count
                let e = p + 1 + form.post.count
                guard s >= 0, e <= n else { continue }
                var ok = true
                for (k, key) in form.pre.enumerated() where keys[s + k] != key { ok = false; break }
                if ok { for (k, key) in form.post.enumerated() where keys[p + 1 + k] != key { ok = false; break } }
                guard ok else { continue }
                if looksNominal(s, verb: p) { break }
                out.append(PetrarchVerbOccurrence(start: s, end: e, verb: p, form: fi))
                p = e - 1
                break
            }
        }
        return out
    }

    /// TABARI's noun/verb disambiguation: a verb form after a determiner or possessive is a noun
    /// ("an attack", "Gondor's visit", "a brief private visit"), except a past form standing apart.
    func looksNominal(_ s: Int, verb: Int) -> Bool {
        guard s > 0 else { return false }
        if PetrarchWords.determiners.contains(keys[s - 1]) || isPossessive(s - 1) { return true }
        if PetrarchWords.intensifiers.contains(keys[s - 1]) { return true }
        // A gerund or noun after a preposition ("six days of fighting"); "to" introduces a verb.
        if PetrarchWords.prepositions.contains(keys[s - 1]) && keys[s - 1] != PetrarchWords.to && !endsWithED(verb) { return true }
        if endsWithED(verb) { return false }
        var j = s - 1
        var steps = 0
        while j >= 0 && steps < 4 {
            if PetrarchWords.determiners.contains(keys[j]) { return true }
            if PetrarchWords.prepositions.contains(keys[j]) && keys[j] != PetrarchWords.to { return true }
            let number = flags(j).contains(.numeric)
            if !(isPlainLower(j) || number) || PetrarchWords.verbal.contains(keys[j]) || inItem[j] { return false }
            j -= 1
            steps += 1
        }
        return false
    }

    // MARK: pattern matching

    func phraseAt(_ p: Int, _ w: [UInt64]) -> Bool {
        guard p >= 0, p + w.count <= keys.count else { return false }
        for (k, key) in w.enumerated() where keys[p + k] != key { return false }
        return true
    }

    /// Matches upper items `k...` starting at or after `pos` (exactly at `pos` when adjacent).
    func matchUpper(_ items: [PetrarchPatternItem], _ k: Int, _ pos: Int, _ m: inout PetrarchMatch, _ budget: inout Int, _ limit: Int)
        -> Bool
    {
        if k == items.count { return true }
        budget -= 1
        if budget < 0 { return false }
        let it = items[k]
        let n = keys.count
        let last = it.adjacent ? pos : min(n - 1, limit)
        var p = pos
        let usedCount = m.used.count
        let slots = (m.source, m.target, m.compound)
        while p <= last && p < n {
            switch it.element {
            case .words(let w):
                if phraseAt(p, w) {
                    m.used.append(contentsOf: p..<(p + w.count))
                    if matchUpper(items, k + 1, p + w.count, &m, &budget, limit) { return true }
                }
            case .synset(let s):
                for ph in dict.verbs.synsets[Int(s)].phrases where phraseAt(p, ph) {
                    m.used.append(contentsOf: p..<(p + ph.count))
                    if matchUpper(items, k + 1, p + ph.count, &m, &budget, limit) { return true }
                    m.used.removeLast(m.used.count - usedCount)
                }
            case .source, .target, .compound:
                let mi = mentionStartAt[p]
                if mi >= 0, it.element != .compound || mentions[Int(mi)].members.count > 1 {
                    if it.element == .source { m.source = mi } else if it.element == .target { m.target = mi } else { m.compound = mi }
                    if matchUpper(items, k + 1, mentions[Int(mi)].end, &m, &budget, limit) { return true }
                }
            case .skip:
                // A noun phrase: determiners, then an actor phrase or one word.
                var q = p
                while q < n - 1, PetrarchWords.determiners.contains(keys[q]) { q += 1 }
                let mi = mentionStartAt[q]
                let next = mi >= 0 ? mentions[Int(mi)].end : q + 1
                if matchUpper(items, k + 1, next, &m, &budget, limit) { return true }
            }
            m.used.removeLast(m.used.count - usedCount)
            (m.source, m.target, m.compound) = slots
            p += 1
        }
        return false
    }

    /// Matches lower items `k...` ending at or before `end` (exactly at `end` when adjacent),
    /// scanning leftwards from the verb.
    func matchLower(_ items: [PetrarchPatternItem], _ k: Int, _ end: Int, _ m: inout PetrarchMatch, _ budget: inout Int, _ limit: Int)
        -> Bool
    {
        if k == items.count { return true }
        budget -= 1
        if budget < 0 { return false }
        let it = items[k]
        let lowest = it.adjacent ? end : max(1, limit)
        var e = end
        let usedCount = m.used.count
        let slots = (m.source, m.target, m.compound)
        while e >= lowest && e >= 1 {
            switch it.element {
            case .words(let w):
                if phraseAt(e - w.count, w) {
                    m.used.append(contentsOf: (e - w.count)..<e)
                    if matchLower(items, k + 1, e - w.count, &m, &budget, limit) { return true }
                }
            case .synset(let s):
                for ph in dict.verbs.synsets[Int(s)].phrases where phraseAt(e - ph.count, ph) {
                    m.used.append(contentsOf: (e - ph.count)..<e)
                    if matchLower(items, k + 1, e - ph.count, &m, &budget, limit) { return true }
                    m.used.removeLast(m.used.count - usedCount)
                }
            case .source, .target, .compound:
                let mi = mentionEndAt[e]
                if mi >= 0, it.element != .compound || mentions[Int(mi)].members.count > 1 {
                    if it.element == .source { m.source = mi } else if it.element == .target { m.target = mi } else { m.compound = mi }
                    if matchLower(items, k + 1, mentions[Int(mi)].start, &m, &budget, limit) { return true }
                }
            case .skip:
                let mi = mentionEndAt[e]
                var next = mi >= 0 ? mentions[Int(mi)].start : e - 1
                while next > 0, PetrarchWords.determiners.contains(keys[next - 1]) { next -= 1 }
                if matchLower(items, k + 1, next, &m, &budget, limit) { return true }
            }
            m.used.removeLast(m.used.count - usedCount)
            (m.source, m.target, m.compound) = slots
            e -= 1
        }
        return false
    }

    /// True when only "to", negation, adverbs and auxiliaries stand between two verbs, so they
    /// form one verb group ("won't try to clash", "has begun to question").
    func chained(_ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            guard isPlainLower(i), PetrarchWords.verbal.contains(keys[i]) || PetrarchWords.negators.contains(keys[i]) || endsWithLY(i),
                !PetrarchWords.pronouns.contains(keys[i]), !PetrarchWords.coordinators.contains(keys[i])
            else { return false }
            i += 1
        }
        return true
    }

    /// The stretch of the sentence a verb's patterns may use: up to (and including) the nearest
    /// other verb on each side that is not part of the same verb group. Pattern words may be
    /// that verb ("SAID WOULD NOT *"), but gaps do not run past it.
    func window(_ v: Int, _ verbs: [PetrarchVerbOccurrence]) -> (low: Int, high: Int) {
        var low = 0
        var i = v - 1
        var right = verbs[v].start
        while i >= 0 {
            if !chained(verbs[i].end, right) { low = verbs[i].end; break }
            right = verbs[i].start
            i -= 1
        }
        var high = keys.count - 1
        var left = verbs[v].end
        i = v + 1
        while i < verbs.count {
            if !chained(left, verbs[i].start) { high = verbs[i].start; break }
            left = verbs[i].end
            i += 1
        }
        return (low, high)
    }

    func match(_ v: Int, _ verbs: [PetrarchVerbOccurrence]) -> PetrarchMatch? {
        let occ = verbs[v]
        let block = dict.verbs.blocks[Int(dict.verbs.forms[Int(occ.form)].block)]
        let w = window(v, verbs)
        return dict.verbs.patterns.withUnsafeBufferPointer { pats in
            for pi in block.patterns {
                let anchor = pats[Int(pi)].anchor
                if anchor != 0 && !hasKey(anchor) { continue }
                var m = PetrarchMatch(pattern: pi)
                var budget = 4000
                if matchLower(pats[Int(pi)].lower, 0, occ.start, &m, &budget, w.low),
                    matchUpper(pats[Int(pi)].upper, 0, occ.end, &m, &budget, w.high)
                {
                    return m
                }
            }
            return nil
        }
    }

    // MARK: source and target

    /// True when the mention is the object of a preposition ("between X", "in south X").
    func isPrepositionObject(_ m: PetrarchMention) -> Bool {
        var j = m.start - 1
        var steps = 0
        while j >= 0 && steps <= 2 {
            if PetrarchWords.prepositions.contains(keys[j]) { return true }
            if !(isPlainLower(j) || PetrarchWords.determiners.contains(keys[j])) { return false }
            j -= 1
            steps += 1
        }
        return false
    }

    /// The subject of verb `v`: a verb coordinated by "and"/"or"/"but" shares the previous verb's
    /// subject; a pronoun subject is not an actor; otherwise the nearest mention in the verb's clause
    /// (after the previous verb and any subordinator such as "after", "until") that is not the
    /// object of a preposition, else the nearest mention in the clause.
    func subject(of v: Int, verbs: [PetrarchVerbOccurrence], subjects: [Int32]) -> Int32 {
        let s = verbs[v].start
        var j = s - 1
        var steps = 0
        while j >= 0, steps < 3, isPlainLower(j), !PetrarchWords.coordinators.contains(keys[j]), !PetrarchWords.pronouns.contains(keys[j]),
            PetrarchWords.verbal.contains(keys[j]) || PetrarchWords.negators.contains(keys[j]) || endsWithLY(j)
        {
            j -= 1
            steps += 1
        }
        if j >= 0, PetrarchWords.coordinators.contains(keys[j]), v > 0, verbs[v - 1].end <= j { return subjects[v - 1] }
        // An infinitive's subject is its governing verb's ("won't try to clash").
        if isInfinitive(verbs[v]), v > 0 { return subjects[v - 1] }
        // The clause starts after the previous full verb (auxiliaries such as HAS do not count)
        // and after a subordinator; a pronoun subject refers back, but not across a comma.
        var boundary = 0
        if let prev = verbs[..<v].last(where: { !PetrarchWords.verbal.contains(keys[$0.verb]) }) { boundary = prev.end }
        var b = s - 1
        let pronoun = j >= 0 && PetrarchWords.pronouns.contains(keys[j])
        while b >= boundary {
            if PetrarchWords.subordinators.contains(keys[b]) || (pronoun && keys[b] == PetrarchWords.comma) { boundary = b + 1; break }
            b -= 1
        }
        var fallback: Int32 = -1
        for i in stride(from: mentions.count - 1, through: 0, by: -1) where mentions[i].end <= s {
            if mentions[i].start < boundary { break }
            if fallback < 0 { fallback = Int32(i) }
            if !isPrepositionObject(mentions[i]) { return Int32(i) }
        }
        // Only a sentence-initial noun phrase may lend a prepositional object as subject
        // ("Resumption of ties between Arnor and Gondor may spur ...").
        let found = boundary == 0 ? fallback : -1
        // "Obama said he would not help Israel": the pronoun is the previous clause's subject.
        if found < 0, pronoun, v > 0 { return subjects[v - 1] }
        return found
    }

    func endsWithLY(_ i: Int) -> Bool {
        let t = all[active[i]]
        guard t.end - t.start > 3 else { return false }
        return TokenKey.lowerASCII(bytes[Int(t.end) - 2]) == UInt8(ascii: "l")
            && TokenKey.lowerASCII(bytes[Int(t.end) - 1]) == UInt8(ascii: "y")
    }

    /// The first mention after the verb (TABARI: any distance), but not the subject of a new
    /// clause after a comma (", US Deputy Secretary ... said").
    func object(after e: Int, excluding: Int32, verbStarts: Set<Int>) -> Int32 {
        var comma = false
        var mi = 0
        var p = e
        while p < keys.count {
            if keys[p] == PetrarchWords.comma { comma = true }
            while mi < mentions.count && mentions[mi].start < p { mi += 1 }
            if mi < mentions.count, mentions[mi].start == p {
                let m = mentions[mi]
                if Int32(mi) != excluding {
                    if comma, (m.end..<min(m.end + 3, keys.count)).contains(where: { verbStarts.contains($0) }) { return -1 }
                    return Int32(mi)
                }
                p = m.end
                continue
            }
            p += 1
        }
        return -1
    }

    /// Passive voice with an agent: a form of "be" just before the verb and "by X" just after.
    func passiveAgent(_ occ: PetrarchVerbOccurrence) -> Int32 {
        var j = occ.start - 1
        var steps = 0
        var be = false
        while j >= 0 && steps < 3 {
            if PetrarchWords.be.contains(keys[j]) && keys[j] != TokenKey.hash("'s") { be = true; break }
            guard isPlainLower(j), !inItem[j] else { break }
            j -= 1
            steps += 1
        }
        guard be else { return -1 }
        var k = occ.end
        steps = 0
        while k < keys.count && steps < 3 && keys[k] != PetrarchWords.by {
            guard isPlainLower(k), dict.verbs.formsByKey[keys[k]] == nil || endsWithED(k) == false else { return -1 }
            k += 1
            steps += 1
        }
        guard k < keys.count, keys[k] == PetrarchWords.by else { return -1 }
        var s = k + 1
        if s < keys.count, PetrarchWords.determiners.contains(keys[s]) { s += 1 }
        return s < keys.count ? mentionStartAt[s] : -1
    }

    func negated(_ occ: PetrarchVerbOccurrence, used: Set<Int>) -> Bool {
        var j = occ.start - 1
        var steps = 0
        while j >= 0 && steps < 4 {
            if PetrarchWords.negators.contains(keys[j]) { return !used.contains(j) }
            if !isWord(j) || inItem[j] { return false }
            j -= 1
            steps += 1
        }
        return false
    }

    func isInfinitive(_ occ: PetrarchVerbOccurrence) -> Bool {
        var j = occ.start - 1
        if j >= 0, isPlainLower(j), keys[j] != PetrarchWords.to, j - 1 >= 0, keys[j - 1] == PetrarchWords.to { j -= 1 }
        return j >= 0 && keys[j] == PetrarchWords.to
    }

    // MARK: coding

    func codeVerbs() -> [PetrarchEvent] {
        let verbs = findVerbs()
        if verbs.isEmpty || mentions.isEmpty { return [] }
        let matches = verbs.indices.map { match($0, verbs) }
        // Words used by one verb's pattern are not verbs of their own ("SAID WOULD NOT * ...").
        var usedBy = [Int](repeating: -1, count: keys.count)
        for (i, m) in matches.enumerated() {
            guard let m, !dict.verbs.patterns[Int(m.pattern)].code.isNull else { continue }
            for u in m.used where usedBy[u] < 0 { usedBy[u] = i }
        }
        var events: [PetrarchEvent] = []
        var seen: Set<String> = []
        var lastCodedEnd = -1
        var subjects: [Int32] = []
        for v in verbs.indices { subjects.append(subject(of: v, verbs: verbs, subjects: subjects)) }
        let verbStarts = Set(verbs.map(\.start))
        for (i, occ) in verbs.enumerated() {
            if usedBy[occ.verb] >= 0 && usedBy[occ.verb] != i { continue }
            let form = dict.verbs.forms[Int(occ.form)]
            var m = matches[i]
            var code = form.code
            var pattern: PetrarchPattern? = nil
            if let mm = m {
                let p = dict.verbs.patterns[Int(mm.pattern)]
                if p.code.isNull {
                    m = nil  // PETRARCH: a null pattern falls back to the verb's own code
                } else {
                    code = p.code
                    pattern = p
                }
            }
            if code.isNull { continue }
            // An infinitive complement of a verb already coded belongs to that verb's clause.
            if lastCodedEnd >= 0, isInfinitive(occ) { continue }
            var source: Int32 = m?.source ?? -1
            var target: Int32 = m?.target ?? -1
            var compound: Int32 = m?.compound ?? -1
            var passive = false
            if compound < 0 {
                let explicit = source >= 0 || target >= 0
                if !explicit {
                    let agent = passiveAgent(occ)
                    if agent >= 0 {
                        passive = true
                        source = agent
                        target = subjects[i]
                    }
                }
                if source < 0 { source = subjects[i] }
                if target < 0 { target = object(after: occ.end, excluding: source, verbStarts: verbStarts) }
            } else {
                source = compound
                target = compound
            }
            let used = Set(m?.used ?? [])
            let neg = negated(occ, used: used)
            let verbRange = byteRange(occ.start, occ.end)
            let rule =
                pattern.map { "\($0.file):\($0.line) \($0.text)" }
                ?? "\(dict.verbs.blocks[Int(form.block)].file):\(form.line) \(form.text) [\(form.code.raw)]"
            let patternText = pattern?.text ?? "\(form.text) [\(form.code.raw)]"
            func members(_ i: Int32) -> [PetrarchMention.Member] {
                i >= 0 ? mentions[Int(i)].members.filter { $0.code != "---" } : []
            }
            var srcs = members(source)
            var tgts = members(target)
            if !coder.options.requireDyad {
                if srcs.isEmpty { srcs = [.init(code: "---", name: "", start: -1, end: -1)] }
                if tgts.isEmpty { tgts = [.init(code: "---", name: "", start: -1, end: -1)] }
            }
            var produced = false
            func emit(_ s: PetrarchMention.Member, _ t: PetrarchMention.Member, _ c: String) {
                if s.code == t.code { return }
                let key = "\(s.code)|\(t.code)|\(c)"
                if seen.contains(key) { return }
                seen.insert(key)
                produced = true
                events.append(
                    PetrarchEvent(
                        source: s.code, target: t.code, code: c, sourceName: s.name, targetName: t.name,
                        sourceRange: s.start >= 0 ? byteRange(s.start, s.end) : nil,
                        targetRange: t.start >= 0 ? byteRange(t.start, t.end) : nil,
                        verbRange: verbRange, verb: string(occ.start, occ.end), rule: rule, pattern: patternText,
                        negated: neg, passive: passive))
            }
            for s in srcs {
                for t in tgts {
                    if let f = code.forward { emit(s, t, f) }
                    if let r = code.reverse { emit(t, s, r) }
                }
            }
            if produced { lastCodedEnd = occ.end }
        }
        return events
    }
}
