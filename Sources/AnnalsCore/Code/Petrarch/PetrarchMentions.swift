/// Word classes the shallow PETRARCH coder needs, keyed like tokens.
enum PetrarchWords {
    static func set(_ words: [String]) -> Set<UInt64> { Set(words.map { TokenKey.hash($0) }) }

    static let conjunctions = set(["and", "or", "nor", "&"])
    static let comma: UInt64 = 0xaf63_a14c_8601_884b  // TokenKey.hash(",")
    static let possessive = set(["'s", "'"])
    static let determiners = set([
        "a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
        "every", "each", "another", "such",
    ])
    /// Prepositions whose object is not a subject ("talks between X and Y", "attack by X").
    static let prepositions = set([
        "of", "in", "on", "at", "by", "for", "from", "with", "between", "among", "against", "to", "into",
        "toward", "towards", "about", "over", "under", "after", "before", "during", "near", "across",
        "through", "without", "within", "upon", "despite", "including", "behind", "along", "following",
    ])
    /// Prepositions that attach an agent to an actor ("troops of Israel", "lawmakers in Gondor").
    static let agentPrepositions = set(["of", "in", "from", "for"])
    static let be = set(["is", "are", "was", "were", "be", "been", "being", "am", "'s"])
    static let by: UInt64 = 0x08a6_4b07_b54d_f8d4  // TokenKey.hash("by")
    static let to: UInt64 = 0x08c8_3907_b56a_c0a4  // TokenKey.hash("to")
    static let negators = set(["not", "n't", "never", "no"])
    /// Words that end the clause of an earlier subject ("... after a hafling was reported").
    static let subordinators = set([
        "after", "before", "when", "while", "because", "although", "though", "if", "since", "until", "unless",
        "whereas", "whether",
    ])
    static let coordinators = set(["and", "or", "but"])
    static let pronouns = set(["he", "she", "they", "it", "we", "i", "you"])
    /// Intensifiers: a verb form after them is an adjective or adverb ("very close").
    static let intensifiers = set(["very", "too", "so", "more", "most", "less", "least", "quite", "rather"])
    /// Words that cannot stand between a determiner and a noun: they show the candidate is a verb.
    static let verbal = set([
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had",
        "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "not", "n't", "to", "who",
        "which", "that", "also", "then", "and", "or", "but", "it", "he", "she", "they", "we",
    ])
}

/// A coded actor mention: a noun phrase with one or more actor codes (a compound has several).
struct PetrarchMention {
    /// Token range (in active-token indexes).
    var start: Int
    var end: Int
    var members: [Member]
    struct Member: Hashable {
        var code: String
        var name: String
        var start: Int
        var end: Int
    }
}

/// One actor or agent phrase found in the tokens.
struct PetrarchItem {
    var start: Int
    var end: Int
    /// Index into actors (when `isActor`) or agents.
    var index: Int32
    var isActor: Bool
}

/// A noun group: adjacent actor and agent phrases ("An MSF Arnor diplomat").
struct PetrarchGroup {
    var start: Int
    var end: Int
    /// Actor items (first is the head) and agent items, in order.
    var actors: [PetrarchItem] = []
    var agents: [PetrarchItem] = []
    /// Actor groups an agent-only group is attached to by a preposition ("troops of Israel").
    var attached: [PetrarchGroup] = []
    var hasActor: Bool { !actors.isEmpty || attached.contains { $0.hasActor } }
}

extension PetrarchCoder {
    /// PETRARCH's composition of an actor code with agent codes, in the order the agents occur: a
    /// `~XXX` agent is appended, an `XXX~` agent prepended; an agent code already present in the
    /// code (at a three-letter boundary) stops the composition ("White House security officials"
    /// stays USAGOV).
    static func compose(base: String, agents: [(code: String, prefix: Bool)]) -> String {
        var code = Array(base.isEmpty ? "---".utf8 : base.utf8)
        for a in agents {
            let agc = Array(a.code.utf8)
            var ka = 0
            var duplicate = false
            while ka <= code.count - agc.count {
                if Array(code[ka..<(ka + agc.count)]) == agc { duplicate = true; break }
                ka += 3
            }
            if duplicate { break }
            code = a.prefix ? agc + code : code + agc
        }
        return String(decoding: code, as: UTF8.self)
    }
}
