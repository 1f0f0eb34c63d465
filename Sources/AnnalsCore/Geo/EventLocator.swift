/// Assigns an event the place where it happened, from its sentence's resolved place mentions.
///
/// Input: the sentence's tokens, dependency parse and place mentions, and the event's trigger,
/// source and target as token ranges. The scene is, in order of preference:
/// 1. the target itself when it is a place and the event's CAMEO code is one whose target is its
///    scene (`scene` in `cues.tsv`: force, violence, visits: "shelled Aleppo", "the blockade of Yemen",
///    "a state visit to the United Kingdom"); otherwise a place target is an actor standing for its
///    government ("sided with Ankara");
/// 2. the place of a locative modifier of the event, found in the parse by ``LocativeFinder``: the
///    verb's `obl`, its object's `nmod`, a clause describing the same event ("is hosting a climate
///    summit in Paris", "a shooting on a church in Cairo", "in the Russian Black Sea resort of Sochi");
/// 3. for a sentence without a parse (or whose parse reads the trigger as a modifier), the place of a
///    locative phrase or event noun near the event by token distance: after its last part, within 4 tokens for verbal events (quad classes 1 and 3)
///    and 8 for material ones; before the trigger only inside the source's words or between source
///    and trigger;
/// 4. a locative phrase opening the sentence ("In eastern Ghouta, ...");
/// and never a place that only names an actor ("Hebron's mayor", "Syrian rebels in Idlib", "Iran
/// said"): those are the actor's place (see ``actorPlace(_:in:)``).
public struct EventLocator: Sendable {
    public init() {}

    let finder = LocativeFinder()

    /// An event's parts as token ranges of its sentence.
    public struct EventSpans: Sendable {
        public var trigger: Range<Int>
        public var source: Range<Int>?
        public var target: Range<Int>?
        /// GDELT quad class (4 = material conflict); 0 when unknown.
        public var quad: Int
        /// CAMEO code, empty when unknown.
        public var code: String
        /// The country of the target's actor code (`SYR` for "Aleppo" coded as Syria), nil when none.
        public var targetCountry: String?
        public init(trigger: Range<Int>, source: Range<Int>?, target: Range<Int>?, quad: Int, code: String, targetCountry: String? = nil) {
            self.trigger = trigger
            self.source = source
            self.target = target
            self.quad = quad
            self.code = code
            self.targetCountry = targetCountry
        }
    }

    static let passiveAuxiliaries = ClosedClass.be

    /// The index of the mention where the event happened, or nil when the sentence does not say.
    /// `tree` is the sentence's dependency parse (``DependencyTree/empty`` when it was not parsed).
    public func scene(
        of event: EventSpans, mentions: [PlaceMention], tokens: [Token], tree: DependencyTree = .empty, gazetteer: Gazetteer
    ) -> Int? {
        let cues = gazetteer.cues
        if let target = event.target, cues.sceneCodes.contains(where: { event.code.hasPrefix($0) }),
            let i = targetPlace(target, event, mentions, tokens, gazetteer)
        {
            return i
        }
        let parsed = tree.count == tokens.count && !tokens.isEmpty && !event.trigger.isEmpty && LocativeFinder.agrees(event.trigger, tree)
        if parsed,
            let i = finder.scene(
                of: event, mentions: mentions, tokens: tokens, tree: tree, cues: cues,
                admit: { i in
                    // "during a visit to Berlin": a journey's destination is admitted for the walk.
                    admissible(mentions[i], event, gazetteer, targets: false)
                        || (mentions[i].cue == .directional
                            && finder.headToken(mentions[i], tree).map { LocativeFinder.Walk.isJourneyDestination($0, tokens, tree, cues) }
                                == true
                            && admissible(mentions[i], event, gazetteer, targets: false, directional: true))
                })
        {
            return i
        }
        return nearest(event, mentions, tokens, gazetteer, tree: parsed ? tree : nil)
    }

    /// Whether a mention may be the event's scene at all: not the source or the target itself ("Iran
    /// said", "talks with Iran"), not a country before an event noun ("the US attacks"), and a
    /// "from"/"to" place only inside the trigger's words ("suspended aid deliveries to Gaza").
    /// With `targets` false the target is left to the caller (a locative word can make it a place).
    func admissible(_ m: PlaceMention, _ event: EventSpans, _ gazetteer: Gazetteer, targets: Bool = true, directional: Bool = false) -> Bool
    {
        guard let p = m.place else { return false }
        let inTrigger = m.start >= event.trigger.lowerBound && m.end <= event.trigger.upperBound
        if let s = event.source, s == m.start..<m.end { return false }
        if targets, let t = event.target, t == m.start..<m.end, !(inTrigger && m.cue == .directional) { return false }
        if m.cue == .event && gazetteer.places[Int(p)].feature == .country { return false }
        if m.cue == .directional && !inTrigger && !directional { return false }
        return true
    }

    /// The nearest cued mention by token distance (the rule for unparsed sentences); with a `tree`,
    /// only a locative phrase opening the sentence that modifies the trigger's clause.
    private func nearest(_ event: EventSpans, _ mentions: [PlaceMention], _ tokens: [Token], _ gazetteer: Gazetteer, tree: DependencyTree?)
        -> Int?
    {
        let last = max(event.trigger.upperBound, event.target?.upperBound ?? 0)
        let reach = event.quad == 1 || event.quad == 3 ? 4 : 8
        var best: Int?
        var bestDistance = Int.max
        for (i, m) in mentions.enumerated() where m.cue != .none && m.place != nil {
            let index = m.isContainer ? (mentions.firstIndex { $0.container == i } ?? i) : i
            let mention = mentions[index]
            guard mention.place != nil else { continue }
            // A place that is an actor is not its scene ("Iran said", "Russia's use of its veto").
            if let s = event.source, s == mention.start..<mention.end { continue }
            if let t = event.target, t == mention.start..<mention.end, !(m.cue == .directional) { continue }
            guard admissible(m, event, gazetteer) else { continue }
            // Where the place is: the contained one when it comes first ("Rojava in northern Syria").
            let start = min(m.start, mention.start)
            let end = max(m.end, mention.end)
            let d: Int
            if let tree {
                guard opensSentence(m, tokens), start < event.trigger.lowerBound, finder.opensClause(m, trigger: event.trigger, tree) else {
                    continue
                }
                d = 0
            } else if start >= last || (start >= event.trigger.lowerBound && end <= last) {
                d = max(0, start - last)
                guard d <= reach else { continue }
            } else if let s = event.source, start >= s.lowerBound, end <= s.upperBound {
                d = event.trigger.lowerBound - end + reach
            } else if let s = event.source, start >= s.upperBound, end <= event.trigger.lowerBound,
                event.trigger.lowerBound - s.upperBound <= 8,
                !tokens[s.upperBound..<event.trigger.lowerBound].contains(where: { $0.key == GeoCues.commaKey })
            {
                // "The coalition fighting Houthi rebels in Yemen has declared": the source's own phrase.
                d = event.trigger.lowerBound - end + reach
            } else if opensSentence(m, tokens) {
                d = 2 * reach + 1
            } else {
                continue
            }
            if d < bestDistance {
                bestDistance = d
                best = index
            }
        }
        return best
    }

    /// The mention that is the whole target ("the Gaza Strip", "Idlib province"), if any. A country
    /// target is a scene only when acted upon, after its trigger or before a passive one ("Afrin was
    /// attacked"): "Israel and Hezbollah fought" does not happen in Israel.
    private func targetPlace(
        _ target: Range<Int>, _ event: EventSpans, _ mentions: [PlaceMention], _ tokens: [Token], _ gazetteer: Gazetteer
    ) -> Int? {
        var start = target.lowerBound
        if start < target.upperBound, tokens[start].key == GeoCues.theKey { start += 1 }
        let passive = event.trigger.contains { tokens[$0].key != 0 && Self.passiveAuxiliaries.contains(tokens[$0].key) }
        for (i, m) in mentions.enumerated() where !m.isContainer && m.place != nil {
            // The whole target, or a place name that ends in it ("the invasion of northern Syria": target
            // "Syria", mention "northern Syria").
            guard m.start == start || (m.start < start && m.end == target.upperBound && m.start >= event.trigger.lowerBound),
                m.end >= target.upperBound
            else { continue }
            guard target.lowerBound >= event.trigger.lowerBound || passive else { continue }
            // The coder's code says what the target is: "Hamas" (PSE...) is not Hamm, Germany.
            if let c = event.targetCountry, gazetteer.countryIndex[c] != nil,
                let p = m.place, gazetteer.places[Int(p)].country != c
            {
                continue
            }
            return i
        }
        return nil
    }

    /// "In eastern Ghouta, ...": a locative phrase opening the sentence and closed by a comma.
    private func opensSentence(_ m: PlaceMention, _ tokens: [Token]) -> Bool {
        m.cue == .locative && m.start <= 5 && m.end < tokens.count && tokens[m.end].key == GeoCues.commaKey
    }

    /// The place an actor's own words name ("Kharkiv governor", "fighters from Chechnya"): the first
    /// resolved mention inside the actor's tokens that is not the actor itself.
    public func actorPlace(_ actor: Range<Int>, in mentions: [PlaceMention]) -> Int? {
        for (i, m) in mentions.enumerated() where m.place != nil && !m.isContainer {
            if m.start >= actor.lowerBound && m.end <= actor.upperBound && (m.start, m.end) != (actor.lowerBound, actor.upperBound) {
                return i
            }
        }
        return nil
    }
}
