/// A statement that says what another party must or should do is an appeal or a demand, not a
/// statement: "Russia says Israel must end attacks on Syria" is a demand (CAMEO 10) of Israel,
/// "Ronalds said Australia should be concerned" an appeal (CAMEO 02) to Australia. The codebook
/// codes the speaker's act; the action asked for did not happen and is no event of its own, but it
/// narrows the code ("must end attacks" 1056 through ``CodeRefiner/request(_:asking:)``).
///
/// The deontic modal is read off the complement's verb group: "must" demands, "should" and "ought"
/// appeal. The addressee is the complement's subject, when it is an actor other than the speaker
/// (a pronoun is usually the speaker itself: "Iran said it must defend itself").
enum ReportedAppeal {
    /// The force of a deontic modal.
    enum Force {
        case demand
        case appeal

        /// The CAMEO code of the speaker's act before narrowing.
        var code: String {
            switch self {
            case .demand: return "100"
            case .appeal: return "020"
            }
        }
    }

    static let demandModals = ClosedClass.keys(["must"])
    static let appealModals = ClosedClass.keys(["should", "ought"])

    /// The deontic force of the verb group starting at `start` with its main verb at `head`, if any.
    static func force(start: Int, head: Int, tokens: [Token]) -> Force? {
        guard start < head else { return nil }
        for p in start..<head {
            if demandModals.contains(tokens[p].key) { return .demand }
            if appealModals.contains(tokens[p].key) { return .appeal }
        }
        return nil
    }
}
