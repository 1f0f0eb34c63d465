/// An action stated in the future is an intention, coded as CAMEO codes intentions: "the rebels said they
/// will release two hostages" is 0353 (express intent to release), "Britain will send troops to help"
/// 0332, "Turkey will launch an operation against the YPG" 138 — the 03x family for a cooperative
/// action, 13x for a conflictual one (``CodeDerivations``), not the action itself, which has not happened.
///
/// Only affirmed intentions of a material or diplomatic action change (roots 04-08 and 14-20):
/// statements, appeals, intents and threats already are what they say; a negated intention is a
/// refusal (``Refusal``).
enum StatedIntent {
    /// `candidate` as the intention to do its action, else unchanged.
    static func apply(_ candidate: EventCandidate) -> EventCandidate {
        guard candidate.modality == .intended, candidate.polarity == .affirmed, candidate.action == nil,
            Self.actionRoots.contains(candidate.code.prefix(2)),
            let intent = IntentCode.forAction(candidate.code), intent != candidate.code
        else { return candidate }
        var c = candidate
        c.action = candidate.code
        c.code = intent
        c.notes.append("intent to \(candidate.code)")
        return c
    }

    /// Roots whose codes name an action that can be intended.
    static let actionRoots: Set<Substring> = ["04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"]
}
