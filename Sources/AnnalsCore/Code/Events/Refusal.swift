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

    /// The CAMEO 12 code for refusing the cooperative event `code`, nil when it has none.
    static func code(refusing code: String) -> String? {
        let root = code.prefix(2)
        switch root {
        case "04": return "125"  // refuse to meet, negotiate or discuss
        case "05": return code.hasPrefix("057") ? "127" : "120"  // reject an agreement; otherwise reject
        case "06": return code.hasPrefix("061") ? "1211" : code.hasPrefix("062") ? "1212" : "121"
        case "07": return "121"  // withhold material aid
        case "03": return "120"
        case "08":
            // Refuse to yield, by what would have been yielded.
            switch code.prefix(3) {
            case "081": return "1241"  // ease administrative sanctions
            case "082", "083": return "1242"  // ease popular dissent / accede to demands
            case "084": return "1243"  // release persons or property
            case "085": return "1244"  // ease economic sanctions
            case "086": return "1245"  // allow international involvement
            case "087": return "1246"  // de-escalate
            default: return "124"
            }
        default: return nil
        }
    }
}
