/// Participles with "by" and hyphenated compounds.
extension RelationReader {

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
                    if lead, type(x.actor) == .place || x.actor == nil && isPlaceName(x) {
                        // "Afrin is effectively led by the PKK": a place led is a place controlled.
                        out.append(
                            FoundRelation(
                                subject: y, relation: .controls, label: nil, object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    } else if lead {
                        out.append(
                            FoundRelation(subject: y, relation: .leads, label: nil, object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    } else if control, k == Self.dominatedKey, let t = type(x.actor), Self.joinableTypes.contains(t) || t == .military {
                        // "a confederation dominated by the YPG": the dominant member is part of it.
                        out.append(
                            FoundRelation(
                                subject: y, relation: .partOf, label: "dominant", object: x, trigger: (p - 1)..<(p + 1), rule: "\(v) by"))
                    } else if control {
                        guard x.actor == nil || type(x.actor) == .country || type(x.actor) == .place else { continue }
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

    static let dominatedKey = TokenKey.hash("dominated")

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
            // The prefix as a dictionary phrase: "Iran", "US", "Houthi", "New York" (capitalised
            // words before the token belong to it).
            let original = text(p, p + 1)
            let prefix = String(
                original[
                    original.startIndex..<original.index(original.startIndex, offsetBy: original.distance(from: w.startIndex, to: dash))])
            guard let (y, prefixStart, prefixName) = compoundPrefix(prefix, at: p, placeAllowed: based) else { continue }
            // The actor it modifies: the mention covering it or starting right after it, a group noun
            // ("a US-led coalition"), or a person after an occupation ("New York-based film-maker X").
            guard let x = compoundHead(after: p, prefixActor: y, person: based) else { continue }
            let yp =
                y.map { party(actor: $0, start: prefixStart, end: p + 1) }
                ?? RelationParty(actor: nil, name: prefixName, code: "", start: prefixStart, end: p + 1, isPerson: false)
            // Backers coordinated before the compound share it: "the US and EU-backed Kurdish forces".
            var backers = [yp]
            if back || lead {
                var q = prefixStart - 1
                while q > 0, key(q) == ClosedClass.and || key(q) == ClosedClass.comma, let m = mention(at: q - 1),
                    a.mentions[m].end == q, let other = party(m), !other.isPerson, type(other.actor) != .person
                {
                    backers.append(other)
                    q = a.mentions[m].start - 1
                }
            }
            let rule = "\(prefixName)-\(suffix)"
            for yp in backers {
                if lead {
                    out.append(FoundRelation(subject: yp, relation: .leads, label: nil, object: x, trigger: p..<(p + 1), rule: rule))
                } else if control {
                    out.append(FoundRelation(subject: yp, relation: .controls, label: nil, object: x, trigger: p..<(p + 1), rule: rule))
                } else if back {
                    out.append(
                        FoundRelation(subject: yp, relation: .alliedWith, label: "backer", object: x, trigger: p..<(p + 1), rule: rule))
                } else if allied {
                    out.append(FoundRelation(subject: x, relation: .alliedWith, label: nil, object: yp, trigger: p..<(p + 1), rule: rule))
                } else if based, y == nil || [.country, .place].contains(lexicon.actors[y!].type) {
                    out.append(FoundRelation(subject: x, relation: .basedIn, label: nil, object: yp, trigger: p..<(p + 1), rule: rule))
                }
            }
        }
        return out
    }

    /// The actor a compound's prefix names, where it starts and its text. Up to two capitalised
    /// words before the token join the prefix ("New York-based"); with `placeAllowed` a capitalised
    /// prefix the dictionaries lack is kept by name (a place: "Gaziantep-based").
    func compoundPrefix(_ prefix: String, at p: Int, placeAllowed: Bool) -> (Int?, Int, String)? {
        let own = prefix.split(whereSeparator: { $0 == " " || $0 == "-" }).map { TokenKey.hash($0) }
        guard !own.isEmpty else { return nil }
        var extra = 0
        while extra < 2, p - extra - 1 >= 0, a.tokens[p - extra - 1].flags.contains(.capitalized),
            !a.tokens[p - extra - 1].flags.contains(.punctuation), !isDeterminer(p - extra - 1)
        { extra += 1 }
        for n in stride(from: extra, through: 0, by: -1) {
            if let y = actorsNamed(by: (p - n..<p).map { a.tokens[$0].key } + own).first {
                let name = n == 0 ? prefix : text(p - n, p) + " " + prefix
                return (y, p - n, name)
            }
        }
        guard placeAllowed, prefix.first?.isUppercase == true else { return nil }
        return (nil, p - extra, extra == 0 ? prefix : text(p - extra, p) + " " + prefix)
    }

    /// What the compound at `p` modifies: the mention covering it or starting right after it; a
    /// group noun ("a US-led coalition"); with `person`, a name after an occupation ("film-maker X").
    func compoundHead(after p: Int, prefixActor y: Int?, person: Bool) -> RelationParty? {
        var target = mention(at: p)
        if target == nil || a.mentions[target!].actor == nil && a.mentions[target!].scope == nil {
            target = mention(at: p + 1).flatMap { a.mentions[$0].start == p + 1 ? $0 : nil }
        }
        if person, target == nil {
            var q = p + 1
            while q < count, q - p <= 3, role(at: q) != nil || isModifier(q) { q += 1 }
            if q > p + 1, let m = mention(at: q), a.mentions[m].start == q, a.mentions[m].isPerson {
                target = m
            }
        }
        if let t = target {
            // "the US-backed Syrian Democratic Forces": the dictionaries list the compound as part of
            // the name, so the mention begins with it.
            let inName = a.mentions[t].actor != nil && pieces.contains { $0.start <= p && p < $0.end && $0.end > p + 1 }
            guard
                inName || a.mentions[t].start == p + 1 || pieces.contains(where: { $0.start == p + 1 && Self.actorOf($0.meaning) != nil })
                    || a.mentions[t].kind == .unknown && a.mentions[t].start <= p + 1 || person && a.mentions[t].isPerson
            else { return nil }
            guard let x = party(t) ?? groupParty(t), x.actor != y || y == nil, type(x.actor) != .country else { return nil }
            return x
        }
        // "a US-led coalition": a lower-case group noun right after the compound.
        guard p + 1 < count, Self.compoundGroupKeys.contains(key(p + 1)) else { return nil }
        return RelationParty(actor: nil, name: text(p, p + 2), code: "", start: p, end: p + 2, isPerson: false)
    }

    /// A plural agent of a people or country as a party of its own ("Kurdish forces", "Syrian
    /// rebels"), named by its words.
    func groupParty(_ n: Int) -> RelationParty? {
        let m = a.mentions[n]
        let last = words[m.end - 1]
        guard m.kind == .agent, m.scope != nil, m.plural || last.hasSuffix("s") && !last.hasSuffix("ss") else { return nil }
        var s = m.start
        while s < m.end, isDeterminer(s) { s += 1 }
        guard s < m.end else { return nil }
        return RelationParty(actor: nil, name: text(s, m.end), code: m.code, start: s, end: m.end, isPerson: false)
    }

    static let compoundGroupKeys = ClosedClass.keys([
        "coalition", "alliance", "force", "forces", "militia", "militias", "group", "groups",
        "government", "administration", "bloc",
    ])

    /// Whether an unknown party is a place the dictionaries list (a place piece covers it).
    func isPlaceName(_ x: RelationParty) -> Bool {
        pieces.contains {
            $0.start <= x.start && x.end <= $0.end && Self.actorOf($0.meaning).map { lexicon.actors[$0].type == .place } == true
        }
    }
}
