import Foundation

/// The time-aware actor network: actors (dictionary, newly seen, or a country standing for its generic
/// agents), dated affiliations from the dictionaries and from text, and events between actors as
/// weighted links.
///
/// Build one with ``GraphBuilder``; take a view as of a date with ``asOf(_:)``; query it with
/// ``neighbours(of:relations:)``, ``path(from:to:maxHops:)``, ``leaders(of:)``, ``members(of:)``,
/// ``alliances()`` and ``centrality()``.
public struct ActorGraph: Sendable {
    public internal(set) var nodes: [ActorNode] = []
    public internal(set) var relations: [RelationEdge] = []
    public internal(set) var events: [EventLink] = []
    /// The date of this view, nil for all time.
    public internal(set) var asOf: Day?
    var index: [String: Int] = [:]

    public init() {}

    public func node(_ id: String) -> ActorNode? { index[id].map { nodes[$0] } }

    /// Finds an actor by id, name, alias or a name it was seen under (case and punctuation insensitive).
    public func find(_ name: String) -> ActorNode? {
        if let n = node(name) { return n }
        let key = NameKey.normalise(name)
        if let n = nodes.first(where: { NameKey.normalise($0.name) == key }) { return n }
        if let n = nodes.first(where: { $0.aliases.contains { NameKey.normalise($0) == key } }) { return n }
        return nodes.first { $0.code == name.uppercased() && $0.kind != .generic }
    }

    // MARK: as-of views

    /// The network as it stood on `day`: affiliations valid that day, events up to it, and actors with
    /// their codes of that day.
    public func asOf(_ day: Day) -> ActorGraph {
        var g = ActorGraph()
        g.asOf = day
        let rels = relations.filter { $0.isValid(on: day) }
        var evs: [EventLink] = []
        for link in events {
            var l = link
            l.events = link.events.filter { e in Day(e.date).map { $0 <= day } ?? false }
            guard !l.events.isEmpty else { continue }
            l.recount()
            evs.append(l)
        }
        var keep = Set<String>()
        for r in rels { keep.insert(r.source); keep.insert(r.target) }
        for e in evs { keep.insert(e.source); keep.insert(e.target) }
        for n in nodes where keep.contains(n.id) || (n.firstSeen.map { $0 <= day } ?? false) {
            var copy = n
            if let role = n.roles.first(where: { $0.period != .always && $0.period.contains(day) })
                ?? n.roles.first(where: { $0.period == .always })
            {
                copy.code = role.code
            }
            g.add(copy)
        }
        g.relations = rels.filter { g.index[$0.source] != nil && g.index[$0.target] != nil }
        g.events = evs.filter { g.index[$0.source] != nil && g.index[$0.target] != nil }
        return g
    }

    mutating func add(_ node: ActorNode) {
        if let i = index[node.id] { nodes[i] = node; return }
        index[node.id] = nodes.count
        nodes.append(node)
    }

    // MARK: queries

    /// One neighbour of an actor: the other actor and the link between them.
    public struct Neighbour: Sendable {
        public var node: ActorNode
        /// The affiliation, or nil for an event link.
        public var relation: RelationEdge?
        public var events: EventLink?
        /// True when the edge points from the actor to the neighbour.
        public var outgoing: Bool
    }

    /// Actors linked to `id` by an affiliation (of the given kinds, all when nil) or, with
    /// `events`, by events.
    public func neighbours(of id: String, relations kinds: Set<RelationKind>? = nil, events includeEvents: Bool = true) -> [Neighbour] {
        var out: [Neighbour] = []
        for r in relations where (r.source == id || r.target == id) && (kinds?.contains(r.relation) ?? true) {
            let other = r.source == id ? r.target : r.source
            if let n = node(other) { out.append(Neighbour(node: n, relation: r, events: nil, outgoing: r.source == id)) }
        }
        if includeEvents {
            for e in events where e.source == id || e.target == id {
                let other = e.source == id ? e.target : e.source
                if other != id, let n = node(other) { out.append(Neighbour(node: n, relation: nil, events: e, outgoing: e.source == id)) }
            }
        }
        return out
    }

    /// One step of a path: the actor reached and the edge used (relation name or "events").
    public struct PathStep: Sendable, Hashable {
        public var node: String
        public var via: String
        public var outgoing: Bool
    }

    /// The shortest chain of affiliations (and, with `events`, event links) from one actor to another,
    /// ignoring direction; nil when they are not connected within `maxHops`.
    public func path(from: String, to: String, maxHops: Int = 6, events includeEvents: Bool = false) -> [PathStep]? {
        guard index[from] != nil, index[to] != nil else { return nil }
        if from == to { return [] }
        var adjacency: [String: [PathStep]] = [:]
        for r in relations {
            adjacency[r.source, default: []].append(PathStep(node: r.target, via: r.relation.rawValue, outgoing: true))
            adjacency[r.target, default: []].append(PathStep(node: r.source, via: r.relation.rawValue, outgoing: false))
        }
        if includeEvents {
            for e in events {
                adjacency[e.source, default: []].append(PathStep(node: e.target, via: "events", outgoing: true))
                adjacency[e.target, default: []].append(PathStep(node: e.source, via: "events", outgoing: false))
            }
        }
        var previous: [String: (String, PathStep)] = [:]
        var frontier = [from]
        var seen: Set<String> = [from]
        var hops = 0
        while !frontier.isEmpty, hops < maxHops {
            hops += 1
            var next: [String] = []
            for u in frontier {
                for step in adjacency[u] ?? [] where !seen.contains(step.node) {
                    seen.insert(step.node)
                    previous[step.node] = (u, step)
                    if step.node == to {
                        var path: [PathStep] = []
                        var cur = to
                        while cur != from, let (p, s) = previous[cur] { path.append(s); cur = p }
                        return path.reversed()
                    }
                    next.append(step.node)
                }
            }
            frontier = next
        }
        return nil
    }

    /// Who leads `id` (sources of `leads` edges into it).
    public func leaders(of id: String) -> [ActorNode] {
        relations.filter { $0.relation == .leads && $0.target == id }.compactMap { node($0.source) }.uniqued()
    }

    /// What `id` leads.
    public func led(by id: String) -> [ActorNode] {
        relations.filter { $0.relation == .leads && $0.source == id }.compactMap { node($0.target) }.uniqued()
    }

    /// Members of an alliance or organisation: `member_of` edges into it, and `part_of` for alliances.
    public func members(of id: String) -> [ActorNode] {
        let isAlliance = node(id)?.type == ActorType.alliance.rawValue
        return relations.filter { $0.target == id && ($0.relation == .memberOf || isAlliance && $0.relation == .partOf) }
            .compactMap { node($0.source) }.uniqued()
    }

    /// Parts of an actor (`part_of` edges into it).
    public func parts(of id: String) -> [ActorNode] {
        relations.filter { $0.target == id && $0.relation == .partOf }.compactMap { node($0.source) }.uniqued()
    }

    /// Alliances and blocs with their members, largest first: actors of type alliance or IGO, and any
    /// actor that two or more others are members of.
    public func alliances() -> [(alliance: ActorNode, leaders: [ActorNode], members: [ActorNode])] {
        var out: [(ActorNode, [ActorNode], [ActorNode])] = []
        for n in nodes where n.type != ActorType.person.rawValue && n.type != ActorType.country.rawValue {
            // Members of a bloc are states and organisations; people belong to it as staff.
            let m = members(of: n.id).filter { $0.type != ActorType.person.rawValue }
            let isBloc = n.type == ActorType.alliance.rawValue || n.type == ActorType.igo.rawValue
            if (isBloc && !m.isEmpty) || m.count >= 2 { out.append((n, leaders(of: n.id), m)) }
        }
        return out.sorted { ($0.2.count, $1.0.name) > ($1.2.count, $0.0.name) }
    }

    /// Centrality of each actor: PageRank over the undirected network (affiliations weigh 1, event
    /// links 1 + ln(count)) and degree (distinct neighbours), highest PageRank first.
    public func centrality() -> [Centrality] {
        let n = nodes.count
        guard n > 0 else { return [] }
        var adj = [[(Int, Double)]](repeating: [], count: n)
        func link(_ a: String, _ b: String, _ w: Double) {
            guard let i = index[a], let j = index[b], i != j else { return }
            adj[i].append((j, w))
            adj[j].append((i, w))
        }
        for r in relations { link(r.source, r.target, 1) }
        for e in events { link(e.source, e.target, 1 + log(Double(max(1, e.count)))) }
        let strength = adj.map { $0.reduce(0) { $0 + $1.1 } }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        let d = 0.85
        for _ in 0..<60 {
            var next = [Double](repeating: (1 - d) / Double(n), count: n)
            var dangling = 0.0
            for i in 0..<n {
                if strength[i] == 0 { dangling += rank[i]; continue }
                for (j, w) in adj[i] { next[j] += d * rank[i] * w / strength[i] }
            }
            for i in 0..<n { next[i] += d * dangling / Double(n) }
            rank = next
        }
        return (0..<n).map { i in
            Centrality(id: nodes[i].id, name: nodes[i].name, pageRank: rank[i], degree: Set(adj[i].map(\.0)).count)
        }.sorted { ($0.pageRank, $1.id) > ($1.pageRank, $0.id) }
    }

    /// The most central actor.
    public var hub: ActorNode? { centrality().first.flatMap { node($0.id) } }
}

/// An actor's centrality.
public struct Centrality: Sendable, Hashable {
    public var id: String
    public var name: String
    public var pageRank: Double
    public var degree: Int
}

/// An actor in the network.
public struct ActorNode: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A dictionary actor or country.
        case dictionary
        /// A name the dictionaries do not know, seen in text.
        case new
        /// A generic actor known only by its code (no country to stand for it).
        case generic
    }
    /// Dictionary id, `new:` + normalised name, or `code:` + code.
    public var id: String
    public var name: String
    public var kind: Kind
    /// Dictionary actor type (`military`, `armed-group`, ...), empty when unknown.
    public var type: String
    /// CAMEO code as of the view's date (or the latest date seen).
    public var code: String
    /// Dated codes and titles from the dictionaries.
    public var roles: [ActorRole]
    /// Other names: dictionary aliases and the forms seen in text.
    public var aliases: [String]
    /// True when the code was derived from the actor's affiliations.
    public var provisional: Bool
    /// Records (relations and events) that name the actor.
    public var mentions: Int
    public var firstSeen: Day?
    public var lastSeen: Day?

    public var country: String { ActorCode.country(of: code) }
    public var sector: String { ActorCode.sector(of: code) }
}

/// An affiliation between two actors, from the dictionaries, from text, or both.
public struct RelationEdge: Sendable, Hashable {
    public var source: String
    public var target: String
    public var relation: RelationKind
    public var label: String?
    /// Periods of validity: the dictionary's, and from text the first statement onwards (until a
    /// successor or the dictionary's end).
    public var periods: [Period]
    /// `file:line` of the dictionary entry, when the dictionaries state it.
    public var dictionaryOrigin: String?
    /// Statements in text.
    public var evidence: [RelationEvidence]
    /// Number of text statements (evidence keeps at most a few).
    public var statements: Int

    public var fromDictionary: Bool { dictionaryOrigin != nil }
    public var fromText: Bool { statements > 0 }

    public func isValid(on day: Day) -> Bool { periods.contains { $0.contains(day) } }

    /// Earliest start and latest end over the periods (nil = open).
    public var span: Period {
        let from = periods.contains { $0.from == nil } ? nil : periods.compactMap(\.from).min()
        let until = periods.contains { $0.until == nil } ? nil : periods.compactMap(\.until).max()
        return Period(from: from, until: until)
    }
}

/// Where a text relation was stated.
public struct RelationEvidence: Sendable, Hashable {
    public var doc: String
    public var sentence: Int
    public var date: String
    public var text: String
    public var trigger: String
    public var rule: String
}

/// Events between two actors, as one weighted directed link.
public struct EventLink: Sendable, Hashable {
    public var source: String
    public var target: String
    public var events: [EventSummary]
    /// Number of events.
    public var count: Int = 0
    /// Statements of them (sum of event mentions).
    public var mentions: Int = 0
    /// Events per quad class 1–4 (verbal/material cooperation, verbal/material conflict).
    public var quad: [Int] = [0, 0, 0, 0]
    public var goldsteinMean: Double = 0

    mutating func recount() {
        count = events.count
        mentions = events.reduce(0) { $0 + $1.mentions }
        quad = [0, 0, 0, 0]
        for e in events where (1...4).contains(e.quad) { quad[e.quad - 1] += 1 }
        goldsteinMean = events.isEmpty ? 0 : events.reduce(0) { $0 + $1.goldstein } / Double(events.count)
    }
}

/// One event of an ``EventLink``.
public struct EventSummary: Sendable, Hashable {
    public var id: String
    public var date: String
    public var doc: String
    public var sentence: Int
    public var cameo: String
    public var root: String
    public var plover: String
    public var quad: Int
    public var goldstein: Double
    public var mentions: Int
    public var polarity: String
    public var sourceText: String
    public var targetText: String
    public var text: String
    /// Where the event happened, when its record says.
    public var location: Location? = nil
}

/// Normalised names for matching: lower case, dashes and apostrophes folded, diacritics removed,
/// a leading "the" and a trailing possessive dropped.
public enum NameKey {
    public static func normalise(_ s: String) -> String {
        var out = ""
        for ch in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            switch ch {
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "_": out.append(" ")
            case "'", "\u{2019}", "\u{2018}", "`", ".", ",", "\"", "\u{201C}", "\u{201D}": continue
            default:
                if let folded = foldings[ch] { out.append(folded) } else { out.append(ch) }
            }
        }
        var words = out.split(separator: " ").map(String.init)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        if let last = words.last, last.hasSuffix("s"), s.hasSuffix("'s") || s.hasSuffix("\u{2019}s") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.joined(separator: " ")
    }

    private static let foldings: [Character: Character] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "ā": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "ē": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ī": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o",
        "ō": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ū": "u", "ç": "c", "ñ": "n", "ş": "s", "ș": "s", "ğ": "g",
        "ı": "i", "ţ": "t", "ț": "t", "ž": "z", "š": "s", "č": "c", "ʻ": "'", "ʼ": "'",
    ]

    /// A slug for ids: normalised words joined by `-`.
    public static func slug(_ s: String) -> String {
        normalise(s).split(separator: " ").joined(separator: "-")
    }
}

extension Array where Element == ActorNode {
    func uniqued() -> [ActorNode] {
        var seen = Set<String>()
        return filter { seen.insert($0.id).inserted }
    }
}
