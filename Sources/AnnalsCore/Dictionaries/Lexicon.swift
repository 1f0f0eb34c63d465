/// The compiled dictionaries the coder works with: actors, agents and verb patterns, with the
/// phrase trie and verb-form tables built once at load.
public final class Lexicon: @unchecked Sendable {
    public internal(set) var actors: [ActorEntry] = []
    public internal(set) var agents: [AgentEntry] = []
    public internal(set) var patterns: [VerbPattern] = []
    /// Token sequences of names, adjectives, capitals and agent nouns.
    public internal(set) var phrases = PhraseTrie()
    /// Verb form → (verb lemma, form kind).
    public internal(set) var verbForms = KeyMap<[VerbForm]>()
    /// Noun form → nominal lemma (for `n:` patterns).
    public internal(set) var nounForms = KeyMap<UInt64>()
    /// Verb lemma → indices into `patterns` (verbal patterns).
    public internal(set) var verbPatterns = KeyMap<[Int]>()
    /// Noun lemma → indices into `patterns` (nominal patterns).
    public internal(set) var nounPatterns = KeyMap<[Int]>()
    /// `patterns`, `verbPatterns` and `nounPatterns` compiled for the matcher (built at load).
    public internal(set) var patternTable = PatternTable()
    /// Actor id → index.
    public internal(set) var actorIndex: [String: Int] = [:]
    /// Country code → index of the country entry.
    public internal(set) var countryIndex: [String: Int] = [:]

    public init() {}

    public func actor(id: String) -> ActorEntry? { actorIndex[id].map { actors[$0] } }

    /// The actor leading `actorID` on `day` (from `leads` affiliations), if the dictionaries know it.
    public func leader(of actorID: String, on day: Day?) -> Int? {
        leaders[actorID]?.first { entry in
            guard let day else { return true }
            return entry.period.contains(day)
        }?.actor
    }

    /// Person role titles, lower-cased, indexed by their first word (for "the supreme leader").
    struct TitledRole: Sendable {
        var actor: Int
        var title: String
        var period: Period
    }
    var titlesByFirstWord: [Substring: [TitledRole]] = [:]
    /// Parts of a group by the group's id, with their lower-cased label ("military wing").
    var partsByGroup: [String: [(label: String, part: Int)]] = [:]

    /// People whose title (valid on `day`) starts with `term`, e.g. "supreme leader".
    func persons(withTitlePrefix term: String, on day: Day?) -> [Int] {
        guard let first = term.split(separator: " ").first, let roles = titlesByFirstWord[first] else { return [] }
        var out: [Int] = []
        for r in roles where r.title.hasPrefix(term) && (day.map { r.period.contains($0) } ?? true) && !out.contains(r.actor) {
            out.append(r.actor)
        }
        return out
    }

    struct LeaderEntry: Sendable {
        var actor: Int
        var period: Period
    }
    var leaders: [String: [LeaderEntry]] = [:]
}

/// A form of a verb lemma found in text.
public struct VerbForm: Sendable, Hashable {
    public var lemma: UInt64
    public var kind: VerbFormKind
}

/// What kind of thing a named actor is.
public enum ActorType: String, Sendable, CaseIterable {
    case country, person, organization, government, military, armedGroup = "armed-group", party, igo, ngo
    case alliance, media, company, criminal
    /// A city or region standing for its country, as event coders code places ("shelling of Aleppo" → SYR).
    case place

    /// Groups that "the group", "the militia" and "the organisation" can refer back to.
    public var isGroup: Bool {
        switch self {
        case .armedGroup, .organization, .party, .ngo, .alliance, .criminal, .military, .igo, .media, .company, .government: true
        case .country, .person, .place: false
        }
    }
}

/// A dated code and the title that goes with it.
public struct ActorRole: Sendable, Hashable {
    public var code: String
    public var period: Period
    public var title: String?
}

/// An affiliation from the dictionaries.
public struct Affiliation: Sendable, Hashable {
    public var relation: RelationKind
    public var target: String
    public var period: Period
    public var label: String?
}

/// A named actor (or country) from the dictionaries.
public struct ActorEntry: Sendable {
    public var id: String
    public var name: String
    public var type: ActorType
    public var roles: [ActorRole]
    public var aliases: [String]
    public var affiliations: [Affiliation]
    /// Where it was defined, `file:line`.
    public var origin: String

    /// The code valid on `day`: the first role whose period contains it, else the first undated
    /// role, else the first role.
    public func code(on day: Day?) -> String {
        if let day, let r = roles.first(where: { $0.period != .always && $0.period.contains(day) }) { return r.code }
        if let r = roles.first(where: { $0.period == .always }) { return r.code }
        if let day {
            // Outside every period: the nearest earlier role, else the first.
            if let r = roles.filter({ ($0.period.until ?? day) <= day }).max(by: { ($0.period.until ?? day) < ($1.period.until ?? day) }) {
                return r.code
            }
        }
        // Undated text: the role held now (open-ended, the latest to begin), else the latest to begin.
        if day == nil,
            let r = roles.filter({ $0.period.until == nil && $0.period != .always }).max(by: {
                switch ($0.period.from, $1.period.from) {
                case let (a?, b?): return a < b
                case (nil, _?): return true
                default: return false
                }
            })
        {
            return r.code
        }
        return roles.first?.code ?? ""
    }

    public func title(on day: Day?) -> String? {
        if let day, let r = roles.first(where: { $0.period.contains(day) && $0.title != nil }) { return r.title }
        return roles.first(where: { $0.title != nil })?.title
    }

    public var country: String { String((roles.first?.code ?? "").prefix(3)) }
}

/// A generic agent noun ("commander", "troops") and the role code it adds.
public struct AgentEntry: Sendable {
    public let term: String
    public let code: String
    public let origin: String
    /// `term` lower-cased, and the key of its last word ("minister" in "foreign minister"), made once at
    /// load so the coder does not build strings per mention.
    public let lowerTerm: String
    public let headKey: UInt64

    public init(term: String, code: String, origin: String) {
        self.term = term
        self.code = code
        self.origin = origin
        self.lowerTerm = term.lowercased()
        self.headKey = TokenKey.hash(term.split(separator: " ").last ?? "")
    }
}

/// One element of a compiled verb pattern.
public enum PatternElement: Sendable, Hashable {
    /// Any of these word keys.
    case word([UInt64], String)
    /// The target actor stands here.
    case target
    /// Up to four words.
    case gap
}

/// A compiled verb or noun pattern with its CAMEO code. A reference type: the matcher reads a
/// pattern's fields in its inner loop without copying its strings.
public final class VerbPattern: Sendable {
    public let code: String
    /// Lemma key of the verb (or of the noun for nominal patterns).
    public let head: UInt64
    public let nominal: Bool
    public let elements: [PatternElement]
    /// The pattern as written, for `--explain`.
    public let text: String
    /// `file:line`.
    public let origin: String

    /// Literal words after the head count 2, the target slot 1: more means more specific.
    public let specificity: Int
    public let hasTargetSlot: Bool

    public init(code: String, head: UInt64, nominal: Bool, elements: [PatternElement], text: String, origin: String) {
        self.code = code
        self.head = head
        self.nominal = nominal
        self.elements = elements
        self.text = text
        self.origin = origin
        self.specificity = elements.reduce(0) { n, e in
            switch e {
            case .word: n + 2
            case .target: n + 1
            case .gap: n
            }
        }
        self.hasTargetSlot = elements.contains(.target)
    }

}

/// What a phrase in the trie stands for.
public enum PhraseMeaning: Sendable, Hashable {
    /// The name or alias of an actor or country.
    case name(Int)
    /// A country adjective ("Iranian") or singular demonym.
    case adjective(Int)
    /// A plural demonym ("Iranians").
    case people(Int)
    /// A capital or seat of government (metonym for its government).
    case seat(Int)
    /// An agent noun (index into `agents`); `plural` when the plural form matched.
    case agent(Int, plural: Bool)
}

/// A trie over token keys: the longest phrase starting at a token is found in one walk.
public struct PhraseTrie: Sendable {
    /// Edges keyed by a mix of the parent node and the token key.
    private var edges = KeyMap<Int32>(capacity: 1 << 15)

    @inline(__always)
    static func edge(_ node: Int32, _ key: UInt64) -> UInt64 {
        key &+ UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }
    private var meanings: [[PhraseMeaning]] = [[]]
    /// Per node: does a phrase end here? Read in the walk instead of `meanings`, whose inner arrays
    /// would be retained at each step.
    private var hasMeaning: [Bool] = [false]
    /// First words of all phrases: most tokens start none, and this says so without a probe.
    private var firstWords = KeyFilter(bitsLog2: 16)

    public init() {}

    mutating func insert(_ keys: [UInt64], _ meaning: PhraseMeaning) {
        guard !keys.isEmpty else { return }
        firstWords.insert(keys[0])
        var node: Int32 = 0
        for k in keys {
            let e = Self.edge(node, k)
            if let next = edges[e] {
                node = next
            } else {
                let next = Int32(meanings.count)
                meanings.append([])
                hasMeaning.append(false)
                edges[e] = next
                node = next
            }
        }
        if !meanings[Int(node)].contains(meaning) { meanings[Int(node)].append(meaning) }
        hasMeaning[Int(node)] = true
    }

    /// Does exactly this token sequence already stand for something?
    func contains(_ keys: [UInt64]) -> Bool {
        guard !keys.isEmpty, firstWords.mayContain(keys[0]) else { return false }
        var node: Int32 = 0
        for k in keys {
            guard let next = edges[Self.edge(node, k)] else { return false }
            node = next
        }
        return hasMeaning[Int(node)]
    }

    /// The longest phrase starting at `start`: its end (exclusive) and meanings.
    public func longestMatch(_ tokens: [Token], from start: Int, limit: Int? = nil) -> (end: Int, meanings: [PhraseMeaning])? {
        guard start < tokens.count, firstWords.mayContain(tokens[start].key) else { return nil }
        var node: Int32 = 0
        var bestNode = -1
        var bestEnd = start
        var i = start
        let end = min(limit ?? tokens.count, tokens.count)
        while i < end, let next = edges[Self.edge(node, tokens[i].key)] {
            node = next
            i += 1
            if hasMeaning[Int(node)] {
                bestNode = Int(node)
                bestEnd = i
            }
        }
        return bestNode < 0 ? nil : (bestEnd, meanings[bestNode])
    }

    public var phraseCount: Int { meanings.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }
}
