/// The grammar words the relation rules read (closed classes, not dictionary data). The lists are
/// data, `Resources/Grammar/en/relations.tsv` (``RelationWordLists``); their keys are in `RelationWords.swift`.
extension RelationReader {

    static let partNouns = RelationWordLists.bundled["part-nouns"].words
    static let pastRoleKeys = RelationWordLists.bundled["past-roles"].keys
    /// Words that open a control or place relation ("taking control of", "based in", "allied with").
    static let controlPlaceWords = RelationWordLists.bundled["control-place-words"].words
    static let controlPlaceKeys = RelationWordLists.bundled["control-place-words"].keys
    /// Every relation noun.
    static let relationNounWords = partNouns.union(allyNouns).union(proxyNouns).union(memberNouns)
    /// Token keys of every relation noun, to skip other words without building strings.
    static let relationNounKeys = ClosedClass.keys(relationNounWords)
    static let allyNouns = RelationWordLists.bundled["ally-nouns"].words
    static let proxyNouns = RelationWordLists.bundled["proxy-nouns"].words
    static let memberNouns = RelationWordLists.bundled["member-nouns"].words
    /// Singular agent terms that describe a person's role in a group or state.
    static let personRoles = RelationWordLists.bundled["person-roles"].words
    static let leadParticiples = RelationWordLists.bundled["lead-participles"].words
    static let backParticiples = RelationWordLists.bundled["back-participles"].words
    static let controlParticiples = RelationWordLists.bundled["control-participles"].words
    static let takeVerbs = RelationWordLists.bundled["take-verbs"].words
    static let copulas = RelationWordLists.bundled["copulas"].words
    static let glue = RelationWordLists.bundled["glue"].words
    static let namingWords = RelationWordLists.bundled["naming-words"].words
    static let inclusionWords = RelationWordLists.bundled["inclusion-words"].words
    static let gapStops = RelationWordLists.bundled["gap-stops"].words
    static let notNames = RelationWordLists.bundled["not-names"].words
    static let nameParticles = RelationWordLists.bundled["name-particles"].words
    static let locativePrepositions = RelationWordLists.bundled["locative-prepositions"].words

    /// Last words that make an agent term a leader's title ("supreme leader", "force commander").
    static let leaderHeads = RelationWordLists.bundled["leader-heads"].words
    /// Roles ending in a leader word that do not lead ("founder").
    static let nonLeaderRoles = RelationWordLists.bundled["non-leader-roles"].words

    /// Whether an agent term names a group's or state's leader; `t` is lower-cased (``AgentEntry/lowerTerm``).
    static func isLeaderTerm(_ t: String) -> Bool {
        if nonLeaderRoles.contains(t) { return false }
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

}
