import Foundation

/// Subjects and objects of verb groups read from the dependency parse.
///
/// The parse gives the grammatical relation directly: the `nsubj` (or `nsubj:pass`) child of the verb,
/// inherited through `conj` ("arrested X and charged him") and `xcomp` ("agreed to build"), and the
/// antecedent of a relative clause ("the militants who attacked"). A relation's token is mapped to the
/// actor mention covering it, or to the nearest mention inside its nominal phrase ("leaders of the
/// Musavat alliance" → the alliance). The closed-class heuristics remain for where the parse is silent.
extension SentenceCoder {
    /// Relations that stay inside one nominal phrase when looking for its actor mention.
    static let nominalRelations: Set<UDRelation> = [.compound, .flat, .appos, .nmod, .amod, .fixed]

    /// The mention a nominal token stands for: the one covering it, else the closest in its phrase.
    func treeMention(_ t: Int, _ a: Analysis) -> Int? {
        if let m = mentionCovering(a, t) { return m }
        var frontier = [t]
        var depth = 0
        while !frontier.isEmpty && depth < 3 {
            var next: [Int] = []
            for h in frontier {
                for c in a.tree.children(h) where Self.nominalRelations.contains(a.tree.relations[c]) {
                    if let m = mentionCovering(a, c) {
                        // "intensified its bombardment": a possessive pronoun is the owner, not the actor.
                        if a.mentions[m].kind == .pronoun, a.tokens[c].is(.possessivePronouns) { continue }
                        return m
                    }
                    next.append(c)
                }
            }
            frontier = next
            depth += 1
        }
        return nil
    }

    /// The mentions of a nominal token and of the nominals coordinated with it ("Egypt and Qatar").
    func treeMentions(_ t: Int, _ a: Analysis) -> [Int] {
        guard let m = treeMention(t, a) else { return [] }
        var out = [m]
        for c in a.tree.children(t, .conj) where a.tree.upos[c].isNominal {
            if let other = treeMention(c, a), !out.contains(other) { out.append(other) }
        }
        return out
    }

    /// The subject of group `g` according to the parse, or [] when the parse names none that is an actor.
    func treeSubject(of g: Int, in a: Analysis) -> [Int] {
        guard a.tree.count == a.tokens.count else { return [] }
        var h = a.groups[g].head
        for _ in 0..<4 {
            if let s = a.tree.children(h).first(where: { a.tree.relations[$0] == .nsubj }) {
                // "the militants who attacked": a relative pronoun stands for the noun the clause modifies.
                if a.tokens[s].is(.relativePronouns), a.tree.relations[h] == .acl, let n = a.tree.head(h) {
                    return treeMentions(n, a)
                }
                return treeMentions(s, a)
            }
            guard let up = a.tree.head(h) else { return [] }
            switch a.tree.relations[h] {
            case .conj where a.tree.upos[up] == .VERB || a.tree.upos[up] == .AUX:
                h = up
            case .xcomp:
                // Object control ("urged Iran to stop") gives the object; subject control the subject.
                if let o = a.tree.children(up).first(where: { a.tree.relations[$0] == .obj }) { return treeMentions(o, a) }
                h = up
            case .acl:
                // "fighters captured by Isis", "the group, backed by Iran, attacked": a participle modifying a
                // noun has that noun as its (passive) subject.
                return treeMentions(up, a)
            default:
                return []
            }
        }
        return []
    }

    /// The object of group `g` according to the parse: the indirect object when there is one (the
    /// recipient of "gave Hamas weapons"), else the direct object.
    func treeObject(of g: Int, in a: Analysis) -> [Int] {
        guard a.tree.count == a.tokens.count else { return [] }
        let h = a.groups[g].head
        let children = a.tree.children(h)
        if let i = children.first(where: { a.tree.relations[$0] == .iobj }), case let m = treeMentions(i, a), !m.isEmpty { return m }
        if let o = children.first(where: { a.tree.relations[$0] == .obj }) { return treeMentions(o, a) }
        return []
    }
}

/// How parse-based and heuristic roles combine (an experiment switch while the coder moves onto the parse).
enum RoleMode: String {
    case tree, heuristic, fallback

    func choose(_ tree: [Int], _ heuristic: [Int]) -> [Int] {
        switch self {
        // The parse wins, unless the heuristics found the same actors and more ("Armenian and Azerbaijani
        // troops": two mentions in one noun phrase).
        case .tree: return tree.isEmpty || Set(tree).isSubset(of: heuristic) ? heuristic : tree
        case .heuristic: return heuristic
        case .fallback: return heuristic.isEmpty ? tree : heuristic
        }
    }
}

extension SentenceCoder {
    static let roleMode: RoleMode = {
        if let v = getenv("ANNALS_ROLES").map({ String(cString: $0) }), let m = RoleMode(rawValue: v) { return m }
        return .tree
    }()
}
