/// The clause above a statement that says where it was made: a purpose or manner clause of a verb of
/// being or coming somewhere, or of a copular place.
///
/// - "Yıldırım was in London in part to discuss ...": `discuss` is an `advcl` of the copular
///   predicate `London` (`was` is its `cop`), so the discussion is in London;
/// - "arrived in Sochi to attend talks": `attend` is an `xcomp`/`advcl` of `arrived` (`presence` in
///   cues.tsv), whose locative oblique is the place.
///
/// The clause must share the governor's subject (no nominal subject of its own): "Turkey was in
/// talks while Iran discussed" is two events.
extension LocativeFinder {
    /// The governing head of a statement's trigger that places it, nil when none.
    static func presenceGovernor(of trigger: Range<Int>, _ tokens: [Token], _ tree: DependencyTree, _ cues: GeoCues) -> Int? {
        guard let top = top(of: trigger, tree), let h = tree.head(top), !trigger.contains(h),
            [.advcl, .xcomp, .acl].contains(tree.relations[top]), !hasNominalSubject(top, tree)
        else { return nil }
        // The parser may attach the purpose clause of "was in London to discuss" as an `acl` of London.
        let copular = !tree.children(h, .cop).isEmpty && tree.upos[h] != .VERB
        let presenceVerb = tree.upos[h] == .VERB && tree.relations[top] != .acl && cues.presence.contains(tokens[h].key)
        return copular || presenceVerb ? h : nil
    }
}

extension LocativeFinder.Walk {
    /// Arcs from the place phrase headed at `p` to the statement through its ``presence`` governor:
    /// the copular place itself (2) or the governing verb's oblique (3); nil otherwise.
    func presenceDepth(_ p: Int) -> Int? {
        guard let g = presence else { return nil }
        if p == g { return 2 }
        if tree.head(p) == g, tree.relations[p] == .obl { return 3 }
        return nil
    }
}
