/// Narrows a generic CAMEO code to the subcode the clause's words justify, the way CAMEO splits its
/// categories: aid and appeals by kind of aid (economic, military, humanitarian), fighting by weapon
/// (small arms, artillery, aircraft), bombings by kind.
///
/// Only generic codes are refined; a dictionary pattern that already names a subcode wins.
enum CodeRefiner {
    enum AidKind: Int { case economic = 1, military = 2, humanitarian = 3 }

    static let economicWords = ClosedClass.keys([
        "economic", "financial", "loan", "loans", "funds", "funding", "money", "budget", "investment", "credit", "grant", "grants",
        "euros", "dollars", "billion", "million", "debt", "bailout", "trade",
    ])
    static let militaryWords = ClosedClass.keys([
        "military", "weapons", "weapon", "arms", "ammunition", "missiles", "missile", "tanks", "tank", "artillery", "jets",
        "aircraft", "defence", "defense", "air-defence", "air-defense", "munitions", "shells", "drones",
    ])
    static let humanitarianWords = ClosedClass.keys([
        "humanitarian", "medical", "medicine", "medicines", "food", "shelter", "relief", "supplies", "water", "vaccines", "tents",
    ])
    static let airWords = ClosedClass.keys([
        "air", "airstrike", "airstrikes", "air-strike", "warplanes", "warplane", "jets", "jet", "aircraft", "drone", "drones",
        "helicopter", "helicopters", "bombers", "bombed", "bombing", "bombings", "bombs", "bomb",
    ])
    static let artilleryWords = ClosedClass.keys([
        "artillery", "shell", "shells", "shelled", "shelling", "tank", "tanks", "rocket", "rockets", "missile", "missiles", "mortar",
        "mortars", "howitzer", "howitzers",
    ])
    static let smallArmsWords = ClosedClass.keys([
        "gun", "guns", "gunfire", "rifle", "rifles", "shot", "shooting", "shootings", "sniper", "snipers", "gunmen", "gunman",
    ])
    static let mediationWords = ClosedClass.keys(["mediation", "mediate", "mediator", "mediators"])
    static let talksWords = ClosedClass.keys(["talks", "negotiations", "meeting", "dialogue", "summit"])
    static let settlementWords = ClosedClass.keys(["peace", "settlement", "ceasefire", "truce", "deal", "agreement", "plan"])
    static let massWords = ClosedClass.keys(["thousands", "hundreds", "millions", "tens"])
    static let nuclearWords = ClosedClass.keys(["nuclear", "atomic", "chemical", "biological"])
    static let forceWords = ClosedClass.keys([
        "attack", "attacks", "war", "invasion", "invade", "strike", "strikes", "offensive", "force", "retaliation", "military",
    ])
    static let suicideWords = ClosedClass.keys(["suicide"])

    static let peacekeepingWords = ClosedClass.keys([
        "peacekeeper", "peacekeepers", "peacekeeping", "peace-keeper", "peace-keepers", "peace-keeping",
    ])

    /// "Chinese peacekeepers arrived in South Sudan", "British troops have arrived in Mali to join the UN
    /// peacekeeping mission": forces arriving for peacekeeping provide it (074); no visit is paid.
    static func arrivalOfForces(_ code: String, sources: [Mention], sentence: [Token]) -> String {
        guard code == "042", !sources.isEmpty else { return code }
        guard sentence.contains(where: { peacekeepingWords.contains($0.key) }) else { return code }
        let armed = sources.allSatisfy { m in
            m.code.hasSuffix("MIL") || m.code.hasSuffix("PKO") || sentence[m.start..<m.end].contains { peacekeepingWords.contains($0.key) }
        }
        return armed ? "074" : code
    }

    static let aidBases: [String: String] = ["023": "023", "020": "023", "033": "033", "030": "033", "070": "07", "07": "07", "031": "031"]

    /// The refined code for `code` given the keys of the words around the event.
    static func refine(_ code: String, words: ArraySlice<Token>, table: CameoTable = .shared) -> String {
        if let base = aidBases[code], let kind = aidKind(words) {
            let refined = base == "07" ? "07\(kind.rawValue)" : "\(base)\(kind.rawValue)"
            if table[refined] != nil { return refined }
        }
        // Threats by what is threatened: "threatened X with a nuclear attack" 1385, "with war" 138.
        if code == "130" || code == "138" {
            if words.contains(where: { nuclearWords.contains($0.key) }) { return "1385" }
            if code == "130", words.contains(where: { forceWords.contains($0.key) }) { return "138" }
        }
        // Rejections by what is rejected: talks 125, mediation 126, a settlement 127.
        if code == "120" {
            if words.contains(where: { mediationWords.contains($0.key) }) { return "126" }
            if words.contains(where: { talksWords.contains($0.key) }) { return "125" }
            if words.contains(where: { settlementWords.contains($0.key) }) { return "127" }
        }
        // Expelling or deporting masses of people is mass violence (201).
        if code.hasPrefix("166") || code.hasPrefix("174"), words.contains(where: { massWords.contains($0.key) }) { return "201" }
        // Cooperation by domain: "expanded trade ties" 061, "military cooperation" 062.
        if code == "050" || code == "060" {
            if words.contains(where: { militaryWords.contains($0.key) }) { return "062" }
            if words.contains(where: { economicWords.contains($0.key) }) { return "061" }
        }
        if code == "190" || code == "180" || code == "19" || code == "18" {
            if words.contains(where: { suicideWords.contains($0.key) }) { return table["1831"] != nil ? "1831" : code }
            if code.hasPrefix("19") {
                if words.contains(where: { airWords.contains($0.key) }) { return "195" }
                if words.contains(where: { artilleryWords.contains($0.key) }) { return "194" }
                if words.contains(where: { smallArmsWords.contains($0.key) }) { return "193" }
            }
        }
        return code
    }

    /// An appeal (02) or demand (10) narrowed by the code of the action it asks for.
    static func request(_ code: String, asking action: String, table: CameoTable = .shared) -> String {
        let root = code.prefix(2)
        guard (code == "020" || code == "100" || code == "02" || code == "10"), root == "02" || root == "10" else { return code }
        let refined = CodeDerivations.shared.code(root == "02" ? .appeal : .demand, of: action) ?? code
        return table[refined] != nil ? refined : code
    }

    static func aidKind(_ words: ArraySlice<Token>) -> AidKind? {
        if words.contains(where: { humanitarianWords.contains($0.key) }) { return .humanitarian }
        if words.contains(where: { militaryWords.contains($0.key) }) { return .military }
        if words.contains(where: { economicWords.contains($0.key) }) { return .economic }
        return nil
    }
}
