/// A statement's place through the occasion it was made at: the place of a speech, a visit, a
/// meeting that the statement's verb has as its oblique or object.
///
/// - "said during a televised speech in Ankara": `Ankara` is an `nmod` of `speech`, the `obl` of `said`;
/// - "In a keynote speech delivered in Cairo, ... Pompeo called for": `Cairo` is the `obl` of the
///   participle `delivered`, an `acl` of `speech`;
/// - "meets ... during their bilateral meeting at the G20 summit in Hamburg": an event noun's `nmod`
///   under another occasion or event noun.
///
/// The nouns are `occasion` and `event` in cues.tsv. What the statement reports ("said the
/// operation in Idlib was imminent") is not reached: only the verb's own obliques and objects.
extension LocativeFinder.Walk {
    /// Arcs from the place phrase headed at `p` to the trigger through occasion nouns, nil when it
    /// does not hang from one that the trigger governs.
    func occasionDepth(_ p: Int) -> Int? {
        var k = p
        var depth = 0
        var sawOccasion = false
        // At most: place → participle → noun → noun → trigger.
        while depth < 4, let up = tree.head(k) {
            let r = tree.relations[k]
            if event.trigger.contains(up) {
                // An event noun keeps any case ("claimed responsibility for a shooting on a church in Cairo").
                guard sawOccasion, [.obl, .obj, .nmod].contains(r), cues.event.contains(tokens[k].key) || !hasOtherCase(k)
                else { return nil }
                return depth + 1
            }
            if actor(up) != nil { return nil }
            if isOccasionNoun(up) {
                guard [.nmod, .compound, .flat, .appos].contains(r) || (r == .acl && depth > 0) else { return nil }
                sawOccasion = true
            } else if !(r == .obl && tree.relations[up] == .acl && tree.head(up).map(isOccasionNoun) == true) {
                // Only "delivered" of "a speech delivered in Cairo" may stand between place and noun.
                return nil
            }
            k = up
            depth += 1
        }
        return nil
    }

    /// Whether the occasion noun `k` has a case word that does not put the statement at it ("ahead of
    /// a visit", "after the summit"; `occasioncase` in cues.tsv lists the ones that do).
    func hasOtherCase(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && k - j <= 8 {
            if tree.heads[j] == Int32(k) && tree.relations[j] == .case && !cues.occasionCase.contains(tokens[j].key) { return true }
            j -= 1
        }
        return false
    }

    /// Whether a "to" place is the destination of a journey noun ("during a visit to Berlin"), which is
    /// where the journey's occasion is.
    static func isJourneyDestination(_ h: Int, _ tokens: [Token], _ tree: DependencyTree, _ cues: GeoCues) -> Bool {
        guard h < tree.count, tree.relations[h] == .nmod, let up = tree.head(h), cues.journey.contains(tokens[up].key) else { return false }
        return true
    }

    /// Whether token `k` is a noun of an occasion or an event ("speech", "visit", "summit").
    func isOccasionNoun(_ k: Int) -> Bool {
        let key = tokens[k].key
        return (cues.occasion.contains(key) || cues.event.contains(key)) && tree.upos[k] != .VERB
    }
}
