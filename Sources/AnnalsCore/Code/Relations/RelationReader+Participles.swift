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

}
