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
}

/// Maps an embedded action to the intent it expresses: "vowed to attack" is a threat (13x),
/// "pledged to send aid" an intent to cooperate (03x).
enum IntentCode {
    static func forAction(_ code: String) -> String? {
        let root = code.prefix(2)
        switch root {
        case "04": return "036"
        case "05": return "032"
        case "06": return "031"
        case "07": return code.hasPrefix("071") ? "0331" : code.hasPrefix("072") ? "0332" : code.hasPrefix("073") ? "0333" : "033"
        case "08": return "035"
        case "03", "13": return code
        case "14": return "133"
        case "16": return "1312"
        case "17": return "137"
        case "18", "19": return "138"
        case "20": return "1383"
        default: return nil
        }
    }
}
