/// Builds an ``ActorGraph`` from coded documents (or stored records) and the dictionaries.
///
/// ```swift
/// var builder = GraphBuilder(lexicon: lexicon)
/// for coded in documents { builder.add(coded) }
/// let graph = builder.build()            // all time
/// let view = graph.asOf(Day("2023-11-20")!)
/// ```
///
/// Entity resolution: a record's actor becomes the dictionary actor of that name (canonical name,
/// then aliases, with the code deciding between namesakes); a generic agent ("Iranian officials",
/// code `IRNGOV`) stands for its country; a name the dictionaries do not know becomes a new actor keyed
/// by its normalised name, and a lone surname merges with the one full name in the same document that
/// ends with it. New actors take a provisional code from their affiliations (part of an `IRNMIL` unit →
/// `IRNMIL`).
public struct GraphBuilder: Sendable {
    /// Which dictionary affiliations join the text's network.
    public enum DictionaryScope: String, Sendable, CaseIterable {
        /// None: only what the text says.
        case none
        /// Among the actors the text names, plus the organisations they are part or members of (transitively).
        case linked
        /// Every dictionary actor and affiliation.
        case all
    }

    public let lexicon: Lexicon
    public var scope: DictionaryScope
    /// Text statements kept as evidence per edge, and events kept per link.
    public var evidenceLimit = 5
    public var eventLimit = 200

    private var nodes: [String: ActorNode] = [:]
    private var order: [String] = []
    private var textRelations: [String: RelationEdge] = [:]
    private var relationOrder: [String] = []
    private var links: [String: EventLink] = [:]
    private var linkOrder: [String] = []
    private var latest: Day?
    /// Normalised dictionary names and aliases → actor indices.
    private let names: [String: [Int]]
    /// Per document: surname merges of new names.
    private var documentSurnames: [String: [String: String]] = [:]
    /// Per document: dictionary people named, for partial names.
    private var documentPeople: [String: Set<Int>] = [:]

    public init(lexicon: Lexicon, scope: DictionaryScope = .linked) {
        self.lexicon = lexicon
        self.scope = scope
        var names: [String: [Int]] = [:]
        for (i, a) in lexicon.actors.enumerated() {
            for n in [a.name] + a.aliases {
                let k = NameKey.normalise(n)
                if !(names[k]?.contains(i) ?? false) { names[k, default: []].append(i) }
            }
        }
        self.names = names
    }

    // MARK: adding records

    public mutating func add(_ coded: CodedDocument) {
        for r in coded.relations { add(relation: r) }
        for e in coded.events { add(event: e) }
    }

    public mutating func add(relation r: RelationRecord) {
        let day = Day(r.date)
        let s = resolve(r.subject, doc: r.doc, day: day, fromRelation: true)
        let o = resolve(r.object, doc: r.doc, day: day, fromRelation: true)
        guard s != o else { return }
        let key = "\(s)|\(r.relation.rawValue)|\(o)"
        let ev = RelationEvidence(
            doc: r.doc, sentence: r.sentence, date: r.date, text: r.text, trigger: r.evidence.verb, rule: r.evidence.rule)
        if var edge = textRelations[key] {
            if edge.evidence.count < evidenceLimit { edge.evidence.append(ev) }
            edge.statements += 1
            if edge.label == nil { edge.label = r.label }
            if let day { edge.periods = [Period(from: min(edge.periods.first?.from ?? day, day), until: nil)] }
            textRelations[key] = edge
        } else {
            textRelations[key] = RelationEdge(
                source: s, target: o, relation: r.relation, label: r.label,
                periods: [Period(from: day, until: nil)], dictionaryOrigin: nil, evidence: [ev], statements: 1)
            relationOrder.append(key)
        }
    }

    public mutating func add(event e: EventRecord) {
        guard let src = e.source, let tgt = e.target else {
            if let a = e.source ?? e.target { _ = resolve(a, doc: e.doc, day: Day(e.date), fromRelation: false) }
            return
        }
        let summary = EventSummary(
            id: e.id, date: e.date, doc: e.doc, sentence: e.sentence, cameo: e.cameo, root: e.root, plover: e.plover ?? "",
            quad: e.quad, goldstein: e.goldstein, mentions: e.mentions, polarity: e.polarity.rawValue,
            sourceText: src.text, targetText: tgt.text, text: e.text, location: e.location)
        addLink(src, tgt, summary, doc: e.doc)
    }

    /// An event read back from the event store.
    public mutating func add(eventRow e: EventRow) {
        guard !e.sourceCode.isEmpty, !e.targetCode.isEmpty else { return }
        let src = ActorRef(text: e.sourceName, name: e.sourceName, code: e.sourceCode, span: Span(0, 0))
        let tgt = ActorRef(text: e.targetName, name: e.targetName, code: e.targetCode, span: Span(0, 0))
        let summary = EventSummary(
            id: e.id, date: e.date, doc: e.doc, sentence: e.sentence, cameo: e.cameo, root: e.root, plover: e.plover,
            quad: e.quad, goldstein: e.goldstein, mentions: e.numMentions, polarity: e.polarity,
            sourceText: e.sourceName, targetText: e.targetName, text: e.text, location: e.actionGeo)
        addLink(src, tgt, summary, doc: e.doc)
    }

    private mutating func addLink(_ src: ActorRef, _ tgt: ActorRef, _ summary: EventSummary, doc: String) {
        let day = Day(summary.date)
        let s = resolve(src, doc: doc, day: day, fromRelation: false)
        let t = resolve(tgt, doc: doc, day: day, fromRelation: false)
        guard s != t else { return }
        let key = "\(s)|\(t)"
        if links[key] == nil {
            links[key] = EventLink(source: s, target: t, events: [])
            linkOrder.append(key)
        }
        links[key]!.count += 1
        if links[key]!.events.count < eventLimit { links[key]!.events.append(summary) }
    }

    // MARK: entity resolution

    /// The dictionary actor a name and code stand for, if any.
    public func dictionaryActor(name: String, code: String, text: String = "") -> Int? {
        for candidate in [name, text] where !candidate.isEmpty {
            guard let found = names[NameKey.normalise(candidate)] else { continue }
            if found.count == 1 { return found[0] }
            if let exact = found.first(where: { lexicon.actors[$0].name == name && lexicon.actors[$0].roles.contains { $0.code == code } })
            {
                return exact
            }
            if let byCode = found.first(where: { lexicon.actors[$0].roles.contains { $0.code == code } }) { return byCode }
            if let byName = found.first(where: { lexicon.actors[$0].name == name }) { return byName }
            return found[0]
        }
        return nil
    }

    mutating func resolve(_ ref: ActorRef, doc: String, day: Day?, fromRelation: Bool) -> String {
        if let day { latest = max(latest ?? day, day) }
        let id: String
        if let i = dictionaryActor(name: ref.name, code: ref.code, text: fromRelation ? "" : ref.text) {
            id = lexicon.actors[i].id
            if lexicon.actors[i].type == .person { documentPeople[doc, default: []].insert(i) }
            let made = nodes[id] == nil ? dictionaryNode(i) : nil
            touch(id, day: day, seenAs: ref.text) { made! }
        } else if fromRelation || ref.code.isEmpty {
            // A name the dictionaries do not know.
            var key = NameKey.normalise(ref.name)
            let words = key.split(separator: " ").map(String.init)
            // A part of the name of a person the document names ("Recep Tayyip", "Tayyip Erdoğan").
            if let people = documentPeople[doc],
                let i = people.first(where: { i in
                    ([lexicon.actors[i].name] + lexicon.actors[i].aliases).contains { n in
                        let full = NameKey.normalise(n).split(separator: " ").map(String.init)
                        return full.count > words.count
                            && (Array(full.prefix(words.count)) == words || Array(full.suffix(words.count)) == words)
                    }
                })
            {
                let pid = lexicon.actors[i].id
                let made = nodes[pid] == nil ? dictionaryNode(i) : nil
                touch(pid, day: day, seenAs: ref.text) { made! }
                return pid
            }
            var surnames = documentSurnames[doc] ?? [:]
            if words.count == 1, let full = surnames[key] { key = full }
            if words.count > 1, let last = words.last {
                surnames[String(last)] = surnames[String(last)] == nil ? key : surnames[String(last)]
            }
            documentSurnames[doc] = surnames
            id = "new:" + key.split(separator: " ").joined(separator: "-")
            let name = ref.name
            touch(id, day: day, seenAs: ref.text) {
                ActorNode(
                    id: id, name: name, kind: .new, type: "", code: ref.code, roles: [], aliases: [], provisional: !ref.code.isEmpty,
                    mentions: 0, firstSeen: nil, lastSeen: nil)
            }
        } else if let c = lexicon.countryIndex[ActorCode.country(of: ref.code)] {
            // A generic agent stands for its country ("Iranian officials" → Iran).
            id = lexicon.actors[c].id
            let made = nodes[id] == nil ? dictionaryNode(c) : nil
            touch(id, day: day, seenAs: nil) { made! }
        } else {
            id = "code:" + ref.code
            let code = ref.code
            touch(id, day: day, seenAs: ref.name) {
                ActorNode(
                    id: id, name: code, kind: .generic, type: "", code: code, roles: [], aliases: [], provisional: false,
                    mentions: 0, firstSeen: nil, lastSeen: nil)
            }
        }
        return id
    }

    private mutating func touch(_ id: String, day: Day?, seenAs: String?, make: () -> ActorNode) {
        if nodes[id] == nil {
            nodes[id] = make()
            order.append(id)
        }
        nodes[id]!.mentions += 1
        if let day {
            nodes[id]!.firstSeen = min(nodes[id]!.firstSeen ?? day, day)
            nodes[id]!.lastSeen = max(nodes[id]!.lastSeen ?? day, day)
        }
        if let seenAs, !seenAs.isEmpty {
            var form = seenAs
            if form.lowercased().hasPrefix("the ") { form = String(form.dropFirst(4)) }
            if form != nodes[id]!.name, !nodes[id]!.aliases.contains(form), nodes[id]!.aliases.count < 40 {
                nodes[id]!.aliases.append(form)
            }
        }
    }

    func dictionaryNode(_ i: Int) -> ActorNode {
        let e = lexicon.actors[i]
        return ActorNode(
            id: e.id, name: e.name, kind: .dictionary, type: e.type.rawValue, code: e.code(on: nil), roles: e.roles,
            aliases: [], provisional: false, mentions: 0, firstSeen: nil, lastSeen: nil)
    }

    // MARK: building

    /// The network of everything added, with dictionary affiliations as the scope says.
    public func build() -> ActorGraph {
        var nodes = self.nodes
        var order = self.order
        func ensure(_ i: Int) {
            let id = lexicon.actors[i].id
            if nodes[id] == nil { nodes[id] = dictionaryNode(i); order.append(id) }
        }
        // Dictionary edges.
        var dictEdges: [RelationEdge] = []
        var include = Set<Int>()
        switch scope {
        case .none: break
        case .all: include = Set(lexicon.actors.indices)
        case .linked:
            var stack = nodes.values.filter { $0.kind == .dictionary }.compactMap { lexicon.actorIndex[$0.id] }
            include = Set(stack)
            while let i = stack.popLast() {
                for aff in lexicon.actors[i].affiliations where aff.relation == .partOf || aff.relation == .memberOf {
                    if let j = lexicon.actorIndex[aff.target],
                        lexicon.actors[j].type != .country || include.contains(j) || aff.relation == .partOf, include.insert(j).inserted
                    {
                        stack.append(j)
                    }
                }
            }
        }
        for i in include.sorted() {
            for aff in lexicon.actors[i].affiliations {
                guard let j = lexicon.actorIndex[aff.target], include.contains(j) else { continue }
                ensure(i)
                ensure(j)
                dictEdges.append(
                    RelationEdge(
                        source: lexicon.actors[i].id, target: aff.target, relation: aff.relation, label: aff.label,
                        periods: [aff.period], dictionaryOrigin: lexicon.actors[i].origin, evidence: [], statements: 0))
            }
        }
        // Merge text edges into dictionary edges of the same kind; date text edges.
        var edges: [RelationEdge] = []
        var byKey: [String: Int] = [:]
        for e in dictEdges {
            let k = "\(e.source)|\(e.relation.rawValue)|\(e.target)"
            if let i = byKey[k] { edges[i].periods.append(contentsOf: e.periods); continue }
            byKey[k] = edges.count
            edges.append(e)
        }
        for key in relationOrder {
            var t = textRelations[key]!
            t.periods = [textPeriod(t, dictionary: edges)]
            if let i = byKey[key] {
                edges[i].evidence = t.evidence
                edges[i].statements = t.statements
                if edges[i].label == nil { edges[i].label = t.label }
                if !edges[i].periods.contains(where: { p in t.periods[0].from.map { p.contains($0) } ?? true }) {
                    edges[i].periods += t.periods
                }
            } else {
                byKey[key] = edges.count
                edges.append(t)
            }
        }
        // Provisional codes for new actors, from what they are part or members of, lead, or are based in.
        for _ in 0..<3 {
            for id in order where nodes[id]!.kind == .new {
                var best: String?
                for e in edges where e.source == id {
                    guard let target = nodes[e.target], !target.code.isEmpty else { continue }
                    switch e.relation {
                    case .partOf, .memberOf, .leads: best = best ?? target.code
                    case .basedIn: best = best ?? target.country
                    default: break
                    }
                }
                if let best, nodes[id]!.code.isEmpty || nodes[id]!.provisional {
                    nodes[id]!.code = best
                    nodes[id]!.provisional = true
                }
            }
        }
        // A new actor with a role (leader, spokesman) in an organisation is a person.
        for e in edges where (e.relation == .leads || e.relation == .memberOf) && e.label != nil {
            if nodes[e.source]?.kind == .new, nodes[e.source]?.type.isEmpty == true { nodes[e.source]!.type = ActorType.person.rawValue }
        }
        // Codes as of the latest date seen.
        if let latest {
            for id in order where nodes[id]!.kind == .dictionary {
                if let i = lexicon.actorIndex[id] { nodes[id]!.code = lexicon.actors[i].code(on: latest) }
            }
        }
        for id in order where nodes[id]!.kind == .dictionary {
            if let i = lexicon.actorIndex[id] {
                var aliases = nodes[id]!.aliases
                for a in lexicon.actors[i].aliases where !aliases.contains(a) { aliases.append(a) }
                nodes[id]!.aliases = aliases
            }
        }
        var graph = ActorGraph()
        for id in order { graph.add(nodes[id]!) }
        graph.relations = edges
        graph.events = linkOrder.map { key in
            var l = links[key]!
            let total = l.count
            l.recount()
            l.count = total
            return l
        }
        return graph
    }

    /// When a text relation holds: from its first statement until the dictionary's end of the same
    /// relation, or, for leadership, until a later leader of the same actor takes over.
    func textPeriod(_ t: RelationEdge, dictionary edges: [RelationEdge]) -> Period {
        guard let from = t.periods.first?.from else { return .always }
        var until: Day?
        for e in edges where e.source == t.source && e.target == t.target && e.relation == t.relation {
            for p in e.periods where p.contains(from) { if let u = p.until { until = min(until ?? u, u) } }
        }
        if t.relation == .leads {
            let successors =
                edges.filter { $0.relation == .leads && $0.target == t.target && $0.source != t.source }.flatMap(\.periods).compactMap(
                    \.from)
                + textRelations.values.filter { $0.relation == .leads && $0.target == t.target && $0.source != t.source }.compactMap {
                    $0.periods.first?.from
                }
            if let next = successors.filter({ $0 > from }).min() { until = min(until ?? next, next) }
        }
        return Period(from: from, until: until)
    }
}
