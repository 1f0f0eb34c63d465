/// Lemmas and UD morphological features from a word and its Penn Treebank tag.
///
/// English inflection is regular enough that the tag plus a handful of rules and the irregular verbs
/// (shared with ``Morphology``) give the lemma; features come from the tag (`VBD` → past tense,
/// `NNS` → plural) and, for the passive voice, from the parse.
public enum Lemmatizer {
    static let irregularPast: [String: String] = {
        var out: [String: String] = [:]
        for (base, forms) in Morphology.irregular where !base.contains(" ") {
            out[forms.0] = base
            out[forms.1] = base
        }
        for (form, base) in [
            ("is", "be"), ("are", "be"), ("am", "be"), ("was", "be"), ("were", "be"), ("been", "be"), ("being", "be"),
            ("'s", "be"), ("'re", "be"), ("'m", "be"), ("has", "have"), ("'ve", "have"), ("'d", "would"), ("does", "do"),
            ("did", "do"), ("n't", "not"), ("ca", "can"), ("wo", "will"), ("'ll", "will"), ("men", "man"),
            ("women", "woman"), ("children", "child"), ("people", "person"), ("feet", "foot"), ("teeth", "tooth"),
            ("mice", "mouse"), ("better", "good"), ("best", "good"), ("worse", "bad"), ("worst", "bad"),
        ] {
            out[form] = base
        }
        return out
    }()

    static let pronouns: [String: String] = [
        "me": "I", "i": "I", "my": "my", "him": "he", "us": "we", "them": "they", "her": "she",
    ]

    /// The lemma of `form` tagged `xpos`.
    public static func lemma(_ form: String, xpos: String) -> String {
        let lower = form.lowercased()
        if xpos == "NNP" || xpos == "NNPS" { return xpos == "NNPS" && form.hasSuffix("s") ? String(form.dropLast()) : form }
        if xpos == "PRP" { return pronouns[lower] ?? lower }
        if let known = irregularPast[lower], xpos.hasPrefix("V") || xpos == "MD" || xpos == "RB" || xpos == "NNS" || xpos.hasPrefix("JJ") {
            if xpos == "RB" && lower != "n't" { return lower }
            return known
        }
        switch xpos {
        case "NNS": return singular(lower)
        case "VBZ": return lower.hasSuffix("ies") ? String(lower.dropLast(3)) + "y" : stripS(lower)
        case "VBG": return stem(lower, "ing")
        case "VBD", "VBN": return lower.hasSuffix("ied") ? String(lower.dropLast(3)) + "y" : stem(lower, "ed")
        case "JJR": return lower.hasSuffix("er") && lower.count > 4 ? stem(lower, "er") : lower
        case "JJS": return lower.hasSuffix("est") && lower.count > 5 ? stem(lower, "est") : lower
        default: return lower
        }
    }

    static func singular(_ w: String) -> String {
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        for e in ["sses", "shes", "ches", "xes", "zes"] where w.hasSuffix(e) { return String(w.dropLast(2)) }
        if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") { return w }
        return w.hasSuffix("s") ? String(w.dropLast()) : w
    }

    static func stripS(_ w: String) -> String {
        for e in ["sses", "shes", "ches", "xes", "zes", "oes"] where w.hasSuffix(e) { return String(w.dropLast(2)) }
        return w.hasSuffix("s") ? String(w.dropLast()) : w
    }

    /// Removes a verb ending, undoing a doubled consonant ("stopped" → "stop") and restoring a silent
    /// e where the stem needs one ("agreed" → "agree", "making" → "make").
    static func stem(_ w: String, _ ending: String) -> String {
        guard w.hasSuffix(ending), w.count > ending.count + 1 else { return w }
        var s = String(w.dropLast(ending.count))
        let chars = Array(s)
        let n = chars.count
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if n >= 3, chars[n - 1] == chars[n - 2], !vowels.contains(chars[n - 1]), !"lsz".contains(chars[n - 1]) {
            s.removeLast()
            return s
        }
        if ending == "ed" && s.hasSuffix("e") { return s }
        if n >= 2 {
            let last = chars[n - 1]
            let before = chars[n - 2]
            let eEndings: Set<String> = ["at", "iz", "is", "ut", "ak", "ag", "ot", "ov", "ur", "id", "ir", "ud", "uc", "ac", "rc", "rg", "ng", "lv", "rv"]
            if eEndings.contains(String([before, last])) && !(before == "n" && last == "g" && n <= 3) {
                if String([before, last]) == "ng" && !s.hasSuffix("lleng") && !s.hasSuffix("chang") && !s.hasSuffix("arrang") { return s }
                return s + "e"
            }
            if last == "c" || last == "v" || (last == "s" && before == "u") { return s + "e" }
        }
        return s
    }

    /// UD features of a word from its tag; `passive` marks a participle with a passive auxiliary.
    public static func feats(xpos: String, passive: Bool = false) -> String {
        switch xpos {
        case "NN", "NNP": return "Number=Sing"
        case "NNS", "NNPS": return "Number=Plur"
        case "VB": return "VerbForm=Inf"
        case "VBD": return "Mood=Ind|Tense=Past|VerbForm=Fin"
        case "VBZ": return "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
        case "VBP": return "Mood=Ind|Tense=Pres|VerbForm=Fin"
        case "VBG": return "VerbForm=Ger"
        case "VBN": return passive ? "Tense=Past|VerbForm=Part|Voice=Pass" : "Tense=Past|VerbForm=Part"
        case "JJ": return "Degree=Pos"
        case "JJR", "RBR": return "Degree=Cmp"
        case "JJS", "RBS": return "Degree=Sup"
        case "CD": return "NumType=Card"
        case "MD": return "VerbForm=Fin"
        default: return "_"
        }
    }
}
