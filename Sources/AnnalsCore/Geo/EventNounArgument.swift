/// The `of` argument of an event noun that is the trigger of a scene code: what is invaded, besieged,
/// bombed or captured is where it happens ("the Turkish invasion of northern Syria", "the siege of
/// eastern Ghouta", "the bombing of the town of Douma").
///
/// Only for the codes whose target is their scene (`scene` in cues.tsv) and only for a noun trigger:
/// "the expulsion of Russia" (not a scene code) and "criticism of Iran" (a statement) place nothing.
extension LocativeFinder.Walk {
    /// Whether the place phrase headed at `p` is the `of` modifier of the trigger's event noun.
    func isEventNounArgument(_ p: Int) -> Bool {
        guard sceneCode, !verbal, tree.relations[p] == .nmod, let up = tree.head(p), event.trigger.contains(up),
            tree.upos[up] == .NOUN
        else { return false }
        return up < p && (up..<p).contains { tree.heads[$0] == Int32(p) && tree.relations[$0] == .case && tokens[$0].key == GeoCues.ofKey }
    }
}
