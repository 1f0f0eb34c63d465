/// "Israeli military struck a target in Gaza", "Syrian government missiles have struck a rebel-held
/// area", "Russian jets pounded Idlib": verbs that are attacks when an armed force or a weapon does
/// them, whatever they strike. The dictionaries cannot say so (bare "strike" is also a labour strike,
/// "hit" also a market's fall), so the coder asks who the subject is.
enum ArmedStrikes {
    /// Verb lemmas (keys) that are an attack when the subject is armed.
    static let verbs = ClosedClass.keys(["strike", "hit", "pound", "target", "storm", "raid", "bombard", "shell", "blast", "rocket"])

    /// Weapons that, right after an actor ("Syrian government missiles"), make it the armed subject.
    static let weapons = ClosedClass.keys([
        "missile", "missiles", "rocket", "rockets", "warplane", "warplanes", "jet", "jets", "drone", "drones", "aircraft",
        "artillery", "shells", "helicopter", "helicopters", "gunship", "gunships", "bombers", "tanks", "forces", "troops",
    ])

    /// CAMEO roles of armed forces: military, rebels, insurgents, separatists, unaligned armed forces.
    static let armedRoles: Set<Substring> = ["MIL", "REB", "INS", "SEP", "UAF"]

    /// Whether `mention` is an armed force: a military, rebel, insurgent or militant code, or an actor
    /// named with a weapon after it.
    static func isArmed(_ mention: Mention, tokens: [Token]) -> Bool {
        if armedRoles.contains(mention.code.suffix(3)) || mention.code.hasPrefix("IMG") { return true }
        return mention.end < tokens.count && weapons.contains(tokens[mention.end].key)
    }

    /// The code for group `lemma` with `sources`, when it is an armed attack: 190, to be narrowed by
    /// the weapon words (``CodeRefiner``).
    static func code(lemma: UInt64, sources: [Mention], tokens: [Token]) -> String? {
        guard verbs.contains(lemma), !sources.isEmpty, sources.allSatisfy({ isArmed($0, tokens: tokens) }) else { return nil }
        return "190"
    }
}
