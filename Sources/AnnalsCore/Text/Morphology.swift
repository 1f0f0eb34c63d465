/// English inflection for dictionary compilation: verb forms and noun plurals are generated
/// from lemmas at load time so that dictionaries list each word once.
public enum Morphology {
    /// Irregular verbs: base → (past, past participle). Third person and -ing forms are regular.
    static let irregular: [String: (String, String)] = [
        "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "go": ("went", "gone"),
        "say": ("said", "said"), "make": ("made", "made"), "take": ("took", "taken"), "give": ("gave", "given"),
        "get": ("got", "gotten"), "come": ("came", "come"), "see": ("saw", "seen"), "know": ("knew", "known"),
        "tell": ("told", "told"), "send": ("sent", "sent"), "meet": ("met", "met"), "hold": ("held", "held"),
        "lead": ("led", "led"), "leave": ("left", "left"), "keep": ("kept", "kept"), "put": ("put", "put"),
        "set": ("set", "set"), "cut": ("cut", "cut"), "hit": ("hit", "hit"), "let": ("let", "let"),
        "shut": ("shut", "shut"), "quit": ("quit", "quit"), "spread": ("spread", "spread"), "bid": ("bid", "bid"),
        "forecast": ("forecast", "forecast"), "broadcast": ("broadcast", "broadcast"), "cast": ("cast", "cast"),
        "hurt": ("hurt", "hurt"), "burst": ("burst", "burst"), "shoot": ("shot", "shot"), "fight": ("fought", "fought"),
        "buy": ("bought", "bought"), "bring": ("brought", "brought"), "think": ("thought", "thought"),
        "seek": ("sought", "sought"), "teach": ("taught", "taught"), "catch": ("caught", "caught"),
        "strike": ("struck", "struck"), "stick": ("stuck", "stuck"), "win": ("won", "won"), "lose": ("lost", "lost"),
        "find": ("found", "found"), "build": ("built", "built"), "spend": ("spent", "spent"), "lend": ("lent", "lent"),
        "bend": ("bent", "bent"), "feel": ("felt", "felt"), "deal": ("dealt", "dealt"), "mean": ("meant", "meant"),
        "sell": ("sold", "sold"), "pay": ("paid", "paid"), "lay": ("laid", "laid"), "flee": ("fled", "fled"),
        "feed": ("fed", "fed"), "speak": ("spoke", "spoken"), "break": ("broke", "broken"), "choose": ("chose", "chosen"),
        "freeze": ("froze", "frozen"), "steal": ("stole", "stolen"), "wake": ("woke", "woken"), "write": ("wrote", "written"),
        "drive": ("drove", "driven"), "ride": ("rode", "ridden"), "rise": ("rose", "risen"), "arise": ("arose", "arisen"),
        "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"), "give up": ("gave up", "given up"),
        "begin": ("began", "begun"), "run": ("ran", "run"), "sing": ("sang", "sung"), "sink": ("sank", "sunk"),
        "swear": ("swore", "sworn"), "tear": ("tore", "torn"), "wear": ("wore", "worn"), "bear": ("bore", "borne"),
        "beat": ("beat", "beaten"), "bite": ("bit", "bitten"), "hide": ("hid", "hidden"), "blow": ("blew", "blown"),
        "throw": ("threw", "thrown"), "grow": ("grew", "grown"), "draw": ("drew", "drawn"), "withdraw": ("withdrew", "withdrawn"),
        "show": ("showed", "shown"), "fly": ("flew", "flown"), "fall": ("fell", "fallen"), "eat": ("ate", "eaten"),
        "overthrow": ("overthrew", "overthrown"), "undertake": ("undertook", "undertaken"), "overtake": ("overtook", "overtaken"),
        "withhold": ("withheld", "withheld"), "uphold": ("upheld", "upheld"), "mislead": ("misled", "misled"),
        "understand": ("understood", "understood"), "stand": ("stood", "stood"), "withstand": ("withstood", "withstood"),
        "sit": ("sat", "sat"), "slay": ("slew", "slain"), "stride": ("strode", "stridden"), "shake": ("shook", "shaken"),
        "forsake": ("forsook", "forsaken"), "hang": ("hanged", "hanged"), "light": ("lit", "lit"), "read": ("read", "read"),
        "lie": ("lied", "lied"), "mistake": ("mistook", "mistaken"), "oversee": ("oversaw", "overseen"),
        "foresee": ("foresaw", "foreseen"), "reread": ("reread", "reread"), "rebuild": ("rebuilt", "rebuilt"),
        "resend": ("resent", "resent"), "upset": ("upset", "upset"), "offset": ("offset", "offset"), "bind": ("bound", "bound"),
        "grind": ("ground", "ground"), "wind": ("wound", "wound"), "dig": ("dug", "dug"), "swing": ("swung", "swung"),
        "spin": ("spun", "spun"), "sting": ("stung", "stung"), "hear": ("heard", "heard"), "sweep": ("swept", "swept"),
        "weep": ("wept", "wept"), "sleep": ("slept", "slept"), "creep": ("crept", "crept"), "flee from": ("fled from", "fled from"),
        "shed": ("shed", "shed"), "split": ("split", "split"), "thrust": ("thrust", "thrust"), "slit": ("slit", "slit"),
        "outbid": ("outbid", "outbid"), "partake": ("partook", "partaken"), "retake": ("retook", "retaken"),
        "repay": ("repaid", "repaid"), "outlay": ("outlaid", "outlaid"), "waylay": ("waylaid", "waylaid"),
    ]

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Third person singular: "vow" → "vows", "pass" → "passes", "deny" → "denies".
    /// British and American spellings of a dictionary word, the word itself first: our dictionaries
    /// write one ("defense", "normalize", "honor") and the news uses both ("defence", "normalise",
    /// "honour"). Only regular, unambiguous endings are varied.
    ///
    /// ```swift
    /// Morphology.spellingVariants("defense")  // ["defense", "defence"]
    /// Morphology.spellingVariants("organize")  // ["organize", "organise"]
    /// ```
    public static func spellingVariants(_ word: String) -> [String] {
        var out = [word]
        func swap(_ a: String, _ b: String) {
            for w in out where w.hasSuffix(a) { out.append(String(w.dropLast(a.count)) + b) }
        }
        if ["defense", "offense", "pretense", "license"].contains(where: { word.hasSuffix($0) }) { swap("ense", "ence") }
        if ["defence", "offence", "pretence", "licence"].contains(where: { word.hasSuffix($0) }) { swap("ence", "ense") }
        if word.count > 5, !["size", "seize", "prize", "capsize"].contains(where: { word.hasSuffix($0) }) {
            if word.hasSuffix("ize") { swap("ize", "ise") } else if word.hasSuffix("ization") { swap("ization", "isation") }
        }
        if ["honor", "favor", "labor", "neighbor", "behavior", "armor", "endeavor", "rumor", "harbor", "vigor"].contains(where: {
            word.hasSuffix($0)
        }) {
            swap("or", "our")
        }
        if word.hasSuffix("center") { swap("center", "centre") }
        // Closed compounds news also hyphenates: "ceasefire" / "cease-fire".
        for (closed, hyphenated) in hyphenatedCompounds {
            let (from, to) = word.hasPrefix(closed) ? (closed, hyphenated) : (hyphenated, closed)
            for w in out where w.hasPrefix(from) { out.append(to + w.dropFirst(from.count)) }
        }
        return out
    }

    /// Compounds written closed and hyphenated in news text, closed form first.
    static let hyphenatedCompounds: [(String, String)] = [
        ("ceasefire", "cease-fire"), ("airstrike", "air-strike"), ("peacekeep", "peace-keep"), ("wargame", "war-game"),
        ("counterterror", "counter-terror"), ("counteroffensive", "counter-offensive"), ("counterattack", "counter-attack"),
        ("crackdown", "crack-down"), ("walkout", "walk-out"),
    ]

    public static func thirdPerson(_ verb: String) -> String {
        if verb == "be" { return "is" }
        if verb == "have" { return "has" }
        if verb == "do" { return "does" }
        if verb == "go" { return "goes" }
        return sibilantPlural(verb)
    }

    /// Past tense: "vow" → "vowed", "deny" → "denied", "stop" → "stopped".
    public static func past(_ verb: String) -> [String] {
        if let irr = irregular[verb] { return verb == "be" ? ["was", "were"] : [irr.0] }
        return [regularEd(verb)]
    }

    public static func pastParticiple(_ verb: String) -> String {
        if let irr = irregular[verb] { return irr.1 }
        return regularEd(verb)
    }

    public static func gerund(_ verb: String) -> String {
        if verb.hasSuffix("ie") { return String(verb.dropLast(2)) + "ying" }
        if verb.hasSuffix("ee") || verb.hasSuffix("ye") || verb.hasSuffix("oe") { return verb + "ing" }
        if verb.hasSuffix("e") && verb.count > 2 { return String(verb.dropLast()) + "ing" }
        if doublesFinalConsonant(verb) { return verb + String(verb.last!) + "ing" }
        return verb + "ing"
    }

    /// Every form of a verb: base, third person, past, past participle, gerund.
    public static func verbForms(_ verb: String) -> [(form: String, kind: VerbFormKind)] {
        var out: [(String, VerbFormKind)] = [(verb, .base), (thirdPerson(verb), .thirdPerson)]
        for p in past(verb) { out.append((p, .past)) }
        out.append((pastParticiple(verb), .participle))
        out.append((gerund(verb), .gerund))
        if verb == "be" { out += [("am", .base), ("are", .base), ("were", .past)] }
        // British spelling doubles a final -l after a single vowel: "cancelled", "travelling", "signalled".
        if doublesFinalLInBritishSpelling(verb) {
            let doubled = verb + "l"
            out += [(doubled + "ed", .past), (doubled + "ed", .participle), (doubled + "ing", .gerund)]
        }
        return out
    }

    /// "cancel", "travel", "signal", "label", "fulfil": a final -l after one vowel that American
    /// spelling keeps single ("canceled") and British spelling doubles ("cancelled").
    static func doublesFinalLInBritishSpelling(_ verb: String) -> Bool {
        let chars = Array(verb)
        guard chars.count >= 4, chars[chars.count - 1] == "l", irregular[verb] == nil, !doublesFinalConsonant(verb) else {
            return false
        }
        return vowels.contains(chars[chars.count - 2]) && !vowels.contains(chars[chars.count - 3])
    }

    /// Plural of a noun: "militia" → "militias", "party" → "parties", "policeman" → "policemen".
    public static func plural(_ noun: String) -> String {
        if noun.hasSuffix("man") && noun.count > 3 { return String(noun.dropLast(3)) + "men" }
        if noun.hasSuffix("person") { return String(noun.dropLast(6)) + "people" }
        if noun.hasSuffix("child") { return noun + "ren" }
        return sibilantPlural(noun)
    }

    static func sibilantPlural(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") {
            return w + "es"
        }
        if w.hasSuffix("y"), w.count > 1, !vowels.contains(w[w.index(before: w.index(before: w.endIndex))]) {
            return String(w.dropLast()) + "ies"
        }
        return w + "s"
    }

    static func regularEd(_ verb: String) -> String {
        if verb.hasSuffix("e") { return verb + "d" }
        if verb.hasSuffix("y"), verb.count > 1, !vowels.contains(verb[verb.index(before: verb.index(before: verb.endIndex))]) {
            return String(verb.dropLast()) + "ied"
        }
        if doublesFinalConsonant(verb) { return verb + String(verb.last!) + "ed" }
        return verb + "ed"
    }

    /// Consonant-vowel-consonant monosyllables and a few stressed-final verbs double their last consonant.
    static func doublesFinalConsonant(_ verb: String) -> Bool {
        if verb == "veto" { return false }
        if doubledConsonantVerbs.contains(verb) { return true }
        let chars = Array(verb)
        guard chars.count == 3 else { return false }
        let (a, b, c) = (chars[0], chars[1], chars[2])
        return !vowels.contains(a) && vowels.contains(b) && !vowels.contains(c) && !"wxy".contains(c)
    }

    static let doubledConsonantVerbs: Set<String> = [
        "admit", "commit", "submit", "permit", "omit", "transmit", "regret", "occur", "refer", "prefer", "confer",
        "deter", "control", "patrol", "compel", "expel", "propel", "repel", "rebel", "abet", "equip", "forbid",
        "kidnap", "outstrip", "embed", "ship", "shop", "drop", "stop", "plan", "ban", "bar", "beg",
        "rob", "tap", "trap", "grab", "jam", "nab", "rip", "slam", "snub", "stab", "step", "strip", "tip", "top",
        "wrap", "chat", "pin", "plot", "scrap", "sip", "skip", "slip", "spot", "stir", "tug", "veto",
    ]
}

/// Which inflected form of a verb a word is.
public enum VerbFormKind: UInt8, Sendable {
    case base, thirdPerson, past, participle, gerund
}
