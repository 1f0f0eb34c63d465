/// An event found in a sentence before actors are finalised and records written.
struct EventCandidate {
    var code: String
    /// Mention indices; empty when the role is unknown.
    var sources: [Int]
    var targets: [Int]
    /// Token range of the trigger (verb or noun).
    var triggerStart: Int
    var triggerEnd: Int
    var pattern: Int?
    var polarity: Polarity
    var modality: Modality
    var day: Day?
    var notes: [String] = []
    /// For an intention coded by what is intended (``StatedIntent``): the action's own code.
    var action: String? = nil
}

/// Maps an embedded action to the intent it expresses: "vowed to attack" is a threat (13x),
/// "pledged to send aid" an intent to cooperate (03x).
enum IntentCode {
    /// The 03x/13x code expressing the intent to do `code`, from ``CodeDerivations``.
    static func forAction(_ code: String) -> String? { CodeDerivations.shared.code(.intent, of: code) }
}
