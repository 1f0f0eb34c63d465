/// A negated intention to cooperate is a refusal: "Hungary will not accept returned asylum seekers",
/// "the government will not lift the ban", "Iran vowed not to meet" are CAMEO 12 (REJECT), as the
/// codebook codes "refuse to" and "decline to", not a cooperative event that did not happen.
///
/// Only intentions (``Modality/intended``: "will not", "vowed not to") become refusals; a past
/// negation ("did not attack") stays a negated event. Negated conflict ("will not attack") and
/// negated statements are not refusals.
enum Refusal {
    /// `candidate` as a refusal when it is a negated intention to cooperate, else unchanged.
    static func apply(_ candidate: EventCandidate) -> EventCandidate {
        guard candidate.polarity == .negated, candidate.modality == .intended, let refusal = code(refusing: candidate.code)
        else { return candidate }
        var c = candidate
        c.notes.append("refusal: negated intention to \(candidate.code)")
        c.code = refusal
        c.polarity = .affirmed
        c.modality = .asserted
        return c
    }

    /// The CAMEO 12 code for refusing the cooperative event `code`, nil when it has none
    /// (``CodeDerivations``).
    static func code(refusing code: String) -> String? { CodeDerivations.shared.code(.refusal, of: code) }
}
