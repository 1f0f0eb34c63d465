/// The grammar words the relation rules read (closed classes, not dictionary data).
extension RelationReader {

    static let partNouns: Set<String> = [
        "wing", "arm", "branch", "unit", "division", "brigade", "faction", "affiliate", "offshoot", "subsidiary",
        "franchise", "cell", "department", "section", "component", "force", "corps", "directorate", "bureau",
    ]
    static let pastRoleKeys = KeySet(pastRoles.map { TokenKey.hash($0) })
    /// Words that open a control or place relation ("taking control of", "based in", "allied with").
    static let controlPlaceWords = [
        "control", "command", "controls", "controlled", "based", "headquartered", "located", "stationed", "allied", "aligned",
        "operates", "operate", "operating", "operated",
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

}
