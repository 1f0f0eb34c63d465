/// Finds where an event happened from the dependency parse of its sentence: the place of a
/// locative modifier *of the event*, reached by walking the tree up from the place to the trigger
/// rather than by counting tokens.
///
/// A place counts when it is marked as a scene: a locative case word on it or on the place noun it
/// names ("in Cairo"; "in the Russian Black Sea resort of Sochi": `resort` has `in`, `Sochi` is its
/// `of` modifier; "20 km south of Kyiv" by ``PlaceMention/Cue/locative``), an event noun's name ("the
/// Paris attacks"), or, for the codes whose target is their scene (`scene` in cues.tsv), a direct
/// argument of the trigger ("Turkish attacks on the district of Afrin").
///
/// Its phrase must hang from the trigger through the event's own modifiers only:
/// - material events: the verb's `obl` and `advmod` dependents, its object and the object's `nmod`
///   ("attacked an army camp in western Kabul", "a shooting on a church in Cairo"), an `xcomp`,
///   `advcl`, `acl` or subject-sharing `conj` that continues the same event ("was arrested ... and
///   remains detained in Erbil"), never a clause with a subject of its own;
/// - verbal events (quad classes 1 and 3): only the verb's own `obl` ("said in Ankara") or the `nmod`
///   of an event noun it governs ("is hosting a climate summit in Paris"); what a statement reports
///   or asks for ("urged Russia to cooperate in Syria") is no place of the statement.
///
/// Never through a subject, a clausal complement or parataxis, and never through an actor's words:
/// "Syrian rebels in Idlib" names where the actor is (``EventLocator/actorPlace(_:in:)``), unless the
/// event is where its actors are by nature (the `scene` codes: "captured by Isis in Syria"), and then
/// only after any place of the event itself. The closest place in the tree wins, then in the text.
struct LocativeFinder: Sendable {
    /// Longest path, in arcs, from a place's phrase to the trigger.
    static let maxDepth = 4
    /// Extra depth of a place reached through an actor's words.
    static let actorPenalty = 3

    /// The index of the mention where the event happened by the tree, or nil when the parse gives none.
    /// `admit` filters mentions that cannot be the scene at all (the source itself, ...).
    func scene(
        of event: EventLocator.EventSpans, mentions: [PlaceMention], tokens: [Token], tree: DependencyTree, cues: GeoCues,
        admit: (Int) -> Bool
    ) -> Int? {
        guard tree.count == tokens.count, !event.trigger.isEmpty, event.trigger.upperBound <= tokens.count else { return nil }
        let walk = Walk(event: event, tokens: tokens, tree: tree, cues: cues)
        var best: (index: Int, depth: Int, distance: Int)?
        for (i, m) in mentions.enumerated() where m.place != nil && admit(i) {
            // "Rojava in northern Syria", "Pakistan's Swat valley": a container stands for what it contains.
            let index = m.isContainer ? (mentions.firstIndex { $0.container == i } ?? i) : i
            guard let h = headToken(m, tree) else { continue }
            // A place before the sentence's subject of the event belongs to an earlier clause
            // ("... in northwest Syria, Turkey's Defense Ministry announced"); a fronted phrase is
            // left to the sentence-opening rule.
            // An occasion's place is the exception ("In a keynote speech delivered in Cairo, ... Pompeo called").
            if let s = event.source, m.end <= s.lowerBound, s.upperBound <= event.trigger.lowerBound, walk.occasionDepth(h) == nil {
                continue
            }
            let isTarget = event.target.map { $0 == m.start..<m.end } ?? false
            guard let depth = walk.depth(of: h, cue: m.cue, isTarget: isTarget) else { continue }
            let distance = abs(m.start - event.trigger.lowerBound)
            if best.map({ (depth, distance) < ($0.depth, $0.distance) }) ?? true {
                best = (index, depth, distance)
            }
        }
        return best?.index
    }

    /// The place an actor's noun phrase locates it at in the parse ("Syrian rebels in Idlib", "the
    /// police in Peshawar"): a locatively marked place whose phrase is an `nmod` of a word of the
    /// actor. GDELT's Actor1Geo/Actor2Geo; the event's place only by ``scene(of:mentions:tokens:tree:cues:admit:)``.
    func actorPlace(_ actor: Range<Int>, mentions: [PlaceMention], tokens: [Token], tree: DependencyTree, cues: GeoCues) -> Int? {
        guard tree.count == tokens.count, actor.upperBound <= tokens.count else { return nil }
        for (i, m) in mentions.enumerated() where m.place != nil && !m.isContainer && m.start >= actor.upperBound {
            guard var p = headToken(m, tree) else { continue }
            var marked = m.cue == .locative || Walk.hasCase(p, in: cues.locative, tokens, tree)
            var steps = 0
            while steps < 2, let up = tree.head(p), !actor.contains(up), Walk.namesPlaceNoun(p, up, tokens, tree, cues) {
                p = up
                marked = marked || Walk.hasCase(p, in: cues.locative, tokens, tree)
                steps += 1
            }
            if marked, tree.relations[p] == .nmod, let up = tree.head(p), actor.contains(up) { return i }
        }
        return nil
    }

    /// Whether the parse reads the trigger as the coder does, as a predicate or an event noun: not as a
    /// modifier of another noun ("Israeli troops raided homes" parsed with `raided` as an adjective).
    /// Where they disagree neither is trusted and the token-distance rule decides.
    static func agrees(_ trigger: Range<Int>, _ tree: DependencyTree) -> Bool {
        guard let top = top(of: trigger, tree) else { return false }
        switch tree.relations[top] {
        case .amod, .compound, .det, .case, .flat, .fixed, .punct, .mark, .cc, .dep, .goeswith, .reparandum: return false
        default: return true
        }
    }

    /// The trigger's token whose head lies outside the trigger.
    static func top(of trigger: Range<Int>, _ tree: DependencyTree) -> Int? {
        for k in trigger where k < tree.count {
            guard let h = tree.head(k) else { return k }
            if !trigger.contains(h) { return k }
        }
        return nil
    }

    /// Whether clause `k` has a subject of its own that is not a pronoun (a pronoun, "that", "they",
    /// is most often the same actor).
    static func hasNominalSubject(_ k: Int, _ tree: DependencyTree) -> Bool {
        for c in 0..<tree.count where tree.heads[c] == Int32(k) && tree.relations[c] == .nsubj {
            if tree.upos[c] != .PRON { return true }
        }
        return false
    }

    /// Whether a locative phrase opening the sentence ("In eastern Ghouta, ...") modifies the
    /// trigger's clause: it hangs from an ancestor of the trigger, and the trigger is in no subject.
    func opensClause(_ m: PlaceMention, trigger: Range<Int>, _ tree: DependencyTree) -> Bool {
        guard tree.count > 0, let h = headToken(m, tree), let top = Self.top(of: trigger, tree) else { return true }
        var k = top
        var steps = 0
        while let up = tree.head(k), steps < tree.count {
            if tree.relations[k] == .nsubj || tree.relations[k] == .csubj { return false }
            k = up
            steps += 1
        }
        var a = h
        while let up = tree.head(a) {
            if tree.dominates(up, top) { return true }
            a = up
        }
        return false
    }

    /// The token of a mention whose head lies outside it (its syntactic head), nil for a bad range.
    func headToken(_ m: PlaceMention, _ tree: DependencyTree) -> Int? {
        guard m.start < m.end, m.end <= tree.count else { return nil }
        for k in m.start..<m.end {
            guard let h = tree.head(k) else { return k }
            if h < m.start || h >= m.end { return k }
        }
        return m.end - 1
    }

    /// One event's walk over its sentence's tree.
    struct Walk {
        let event: EventLocator.EventSpans
        let tokens: [Token]
        let tree: DependencyTree
        let cues: GeoCues
        let verbal: Bool
        let sceneCode: Bool
        /// Up to two heads above the trigger whose places are the event's too, nearest first.
        let governors: [Int]
        /// For a statement, the verb or copular place of being somewhere that it serves ("was in London
        /// in part to discuss"), nil when none.
        let presence: Int?

        init(event: EventLocator.EventSpans, tokens: [Token], tree: DependencyTree, cues: GeoCues) {
            self.event = event
            self.tokens = tokens
            self.tree = tree
            self.cues = cues
            let sceneCode = cues.sceneCodes.contains { event.code.hasPrefix($0) }
            self.sceneCode = sceneCode
            // A threat of force or a visit is walked like the act it names ("threatened to attack
            // Kurdish fighters across the border in north-eastern Syria").
            self.verbal = (event.quad == 1 || event.quad == 3) && !sceneCode
            // The clauses the trigger serves: "to maintain a presence in Syria ... to fight Isis",
            // "has surfaced again in Syria with a chemical gas attack".
            var up: [Int] = []
            if !verbal, let top = LocativeFinder.top(of: event.trigger, tree) {
                var k = top
                // "its humanitarian efforts in Africa by donating medical supplies": a clause elaborating a
                // noun (`acl`) happens where the noun does, unless the noun is an actor ("rebels in Idlib who").
                while up.count < 2, let h = tree.head(k),
                    [.advcl, .xcomp, .obl].contains(tree.relations[k])
                        || (tree.relations[k] == .acl && tree.upos[h] == .NOUN && !Self.inActor(h, event)),
                    !LocativeFinder.hasNominalSubject(k, tree)
                {
                    up.append(h)
                    k = h
                }
            }
            self.governors = up
            self.presence = verbal ? LocativeFinder.presenceGovernor(of: event.trigger, tokens, tree, cues) : nil
        }

        /// Arcs from the place headed at `h` to the trigger (plus ``actorPenalty`` through an actor),
        /// nil when the place is not marked as a scene or does not hang from the event.
        func depth(of h: Int, cue: PlaceMention.Cue, isTarget: Bool) -> Int? {
            var p = h
            // "from"/"to" (admitted only inside the trigger's words: "withdraw its troops from the West
            // Bank"); to a target, only of an act ("aid deliveries to Gaza", not "an ultimatum to India").
            var marked = cue == .locative || cue == .event || (cue == .directional && !(verbal && isTarget)) || hasLocativeCase(p)
            // The place's own phrase: "the resort of Sochi", "in parts of Mosul", "the town, Afrin".
            var steps = 0
            while steps < 2, let up = tree.head(p), !event.trigger.contains(up), namesPlaceNoun(p, up) {
                p = up
                marked = marked || hasLocativeCase(p)
                steps += 1
            }
            // The target itself stands for its government unless a locative word makes it a place
            // ("talks with Iran", but "an incursion into Syria").
            let ofArgument = isEventNounArgument(p)
            if isTarget && !hasLocativeCase(p) && !(cue == .directional && !verbal) && !ofArgument { return nil }
            marked = marked || ofArgument
            // "attacks on the district of Afrin": a scene code's object, or its argument with "on",
            // "against" (`attackcase` in cues.tsv); not "fought with Washington".
            if !marked, sceneCode, let up = tree.head(p), event.trigger.contains(up) {
                marked = tree.relations[p] == .obj || hasCase(p, in: cues.attackCase)
            }
            guard marked else { return nil }
            return verbal ? verbalDepth(p) : materialDepth(p)
        }

        /// A statement's place: the verb's own oblique, or the `nmod` of an event noun it governs.
        private func verbalDepth(_ p: Int) -> Int? {
            if event.trigger.contains(p) { return 0 }
            // "was in London in part to discuss": where the clause the statement serves is.
            if let d = presenceDepth(p) { return d }
            guard let up = tree.head(p) else { return nil }
            let r = tree.relations[p]
            if event.trigger.contains(up) {
                return r == .obl || r == .advmod || r == .nmod ? 1 : nil
            }
            // "is hosting a climate summit in Paris", "said during a televised speech in Ankara".
            return occasionDepth(p)
        }

        /// A material event's place: up through obliques, objects, nominal modifiers and clauses of
        /// the same event.
        private func materialDepth(_ p: Int) -> Int? {
            var k = p
            var depth = 0
            var penalty = 0
            var viaActor = false
            while depth <= LocativeFinder.maxDepth {
                if event.trigger.contains(k) { return depth + penalty }
                if let j = governors.firstIndex(of: k) { return depth + penalty + j + 2 }
                if let actor = actor(k) {
                    // Where an actor is, which is the event's place only by its nature; the patient's
                    // place ("rebels in Idlib" attacked) more surely than the agent's.
                    guard sceneCode, !verbal else { return nil }
                    viaActor = true
                    if actor == .source { penalty = LocativeFinder.actorPenalty }
                }
                let r = tree.relations[k]
                guard let up = tree.head(k) else { return nil }
                switch r {
                case .obl, .nmod, .obj, .iobj, .appos, .advmod, .compound, .flat: break
                case .xcomp, .advcl, .acl, .conj:
                    // A clause with a subject of its own is another event ("Turkey is now battling in Syria").
                    if hasNominalSubject(k) { return nil }
                default:
                    // A subject is the actor's phrase: allowed only for the event's own actor by nature.
                    guard r == .nsubj, viaActor, event.trigger.contains(up) else { return nil }
                }
                k = up
                depth += 1
            }
            return nil
        }

        enum Role { case source, target }

        /// Whether token `k` is in the words of the event's source or target.
        static func inActor(_ k: Int, _ event: EventLocator.EventSpans) -> Bool {
            (event.source?.contains(k) ?? false) || (event.target?.contains(k) ?? false)
        }

        /// Whether token `k` is in the words of the event's source or target (outside its trigger).
        func actor(_ k: Int) -> Role? {
            if event.trigger.contains(k) { return nil }
            if let s = event.source, s.contains(k) { return .source }
            if let t = event.target, t.contains(k) { return .target }
            return nil
        }

        private func hasNominalSubject(_ k: Int) -> Bool { LocativeFinder.hasNominalSubject(k, tree) }

        /// Whether `p` has a case dependent from `words`.
        private func hasCase(_ p: Int, in words: KeySet) -> Bool { Self.hasCase(p, in: words, tokens, tree) }

        static func hasCase(_ p: Int, in words: KeySet, _ tokens: [Token], _ tree: DependencyTree) -> Bool {
            // Case words precede their noun, within its phrase: scan left of it only.
            var k = p - 1
            while k >= 0 && p - k <= 12 {
                if tree.heads[k] == Int32(p) && tree.relations[k] == .case && words.contains(tokens[k].key) { return true }
                k -= 1
            }
            return false
        }

        private func hasLocativeCase(_ p: Int) -> Bool { hasCase(p, in: cues.locative) }

        /// "the resort of Sochi", "the city of Aleppo", "a town, Afrin": the place is the `of` modifier or
        /// apposition of a place noun (`skip` words of cues.tsv: city, town, resort, province, ...).
        private func namesPlaceNoun(_ p: Int, _ up: Int) -> Bool { Self.namesPlaceNoun(p, up, tokens, tree, cues) }

        static func namesPlaceNoun(_ p: Int, _ up: Int, _ tokens: [Token], _ tree: DependencyTree, _ cues: GeoCues) -> Bool {
            guard cues.skip.contains(tokens[up].key) else { return false }
            switch tree.relations[p] {
            case .appos, .compound, .flat: return true
            case .nmod:
                return up < p
                    && (up..<p).contains { tree.heads[$0] == Int32(p) && tree.relations[$0] == .case && tokens[$0].key == GeoCues.ofKey }
            default: return false
            }
        }
    }
}
