/// Word classes the shallow PETRARCH coder needs, keyed like tokens.
enum PetrarchWords {
    static func set(_ words: [String]) -> Set<UInt64> { Set(words.map { TokenKey.hash($0) }) }

    static let conjunctions = set(["and", "or", "nor", "&"])
    static let comma = TokenKey.hash(",")
    static let possessive = set(["'s", "'"])
    static let determiners = set([
        "a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
        "every", "each", "another", "such",
    ])
    /// Prepositions whose object is not a subject ("talks between X and Y", "attack by X").
    static let prepositions = set([
        "of", "in", "on", "at", "by", "for", "from", "with", "between", "among", "against", "to", "into",
        "toward", "towards", "about", "over", "under", "after", "before", "during", "near", "across",
        "through", "without", "within", "upon", "despite", "including", "behind", "along",
    ])
    /// Prepositions that attach an agent to an actor ("troops of Israel", "lawmakers in Gondor").
    static let agentPrepositions = set(["of", "in", "from", "for"])
    static let be = set(["is", "are", "was", "were", "be", "been", "being", "am", "'s"])
    static let by = TokenKey.hash("by")
    static let to = TokenKey.hash("to")
    static let negators = set(["not", "n't", "never", "no"])
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
    /// Appends role codes to an actor code, skipping three-letter chunks it already has.
    static func compose(base: String, suffixes: [String], prefixes: [String]) -> String {
        var code = base
        for s in suffixes {
            let chunks: [Substring]
            if s.count % 3 == 0 {
                var c: [Substring] = []
                var i = s.startIndex
                while i < s.endIndex {
                    let j = s.index(i, offsetBy: 3)
                    c.append(s[i..<j])
                    i = j
                }
                chunks = c
            } else {
                chunks = [Substring(s)]
            }
            for chunk in chunks {
                var present = false
                var i = code.index(code.startIndex, offsetBy: min(3, code.count))
                while code.distance(from: i, to: code.endIndex) >= chunk.count {
                    let j = code.index(i, offsetBy: chunk.count)
                    if code[i..<j] == chunk { present = true; break }
                    guard code.distance(from: i, to: code.endIndex) >= 3 else { break }
                    i = code.index(i, offsetBy: 3)
                }
                if !present { code += chunk }
            }
        }
        for p in prefixes.reversed() where !code.hasPrefix(p) { code = p + code }
        return code
    }
}
