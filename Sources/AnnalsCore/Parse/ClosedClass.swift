/// Closed-class English words the clause analysis needs: determiners, pronouns, auxiliaries,
/// modals, negators, prepositions, conjunctions, subordinators and the verbs that govern
/// other verbs (speech, intent, request, refusal). Grammar, not dictionary data.
enum ClosedClass {
    static func keys<S: Sequence>(_ words: S) -> KeySet where S.Element == String { KeySet(words.map { TokenKey.hash($0) }) }

    static let determiners = keys([
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
        "some", "any", "each", "every", "all", "both", "several", "many", "few", "other", "another", "such",
        "no", "whose", "two", "three", "four", "five", "dozens", "hundreds", "thousands", "more", "most",
    ])
    static let articles = keys(["a", "an", "the"])
    /// Verbs of plain statement: with no pattern of their own, their codable subject makes a statement (010).
    static let statementVerbs = keys(
        Morphology.allForms([
            "say", "tell", "state", "add", "declare", "insist", "remark", "note", "comment", "write", "explain", "suggest",
            "argue", "stress", "emphasize", "emphasise", "reiterate", "assert", "claim", "acknowledge", "predict", "describe",
        ]))
    static let tellVerbs = keys(["tell", "tells", "told", "telling"])
    /// Prepositions that locate an event: "in Cairo", "near Kharkiv".
    static let locativePrepositions = keys(["in", "near", "at", "across", "inside", "outside", "throughout", "around"])
    /// "I", "We", "You": capitalised, but never names.
    static let speakerPronouns = keys(["i", "we", "you", "our", "my", "your", "us", "me", "mr", "mrs", "ms", "dr"])
    /// Prepositions that introduce the other party of an event ("talks with", "offer from", "war against").
    static let partyPrepositions = keys([
        "with", "to", "against", "on", "from", "at", "toward", "towards", "into", "between", "near", "upon",
    ])
    static let possessivePronouns = keys(["its", "their", "his", "her"])
    static let pronouns = keys(["it", "they", "he", "she", "them", "him", "its", "their", "his", "her"])
    static let personalPronouns = keys(["he", "she", "him", "his", "her"])
    static let pluralPronouns = keys(["they", "them", "their"])
    static let relativePronouns = keys(["which", "who", "whom", "whose", "that"])
    static let be = keys(["be", "is", "are", "was", "were", "been", "being", "am"])
    static let have = keys(["have", "has", "had", "having"])
    static let doAux = keys(["do", "does", "did"])
    static let hypotheticalModals = keys(["would", "could", "may", "might", "should", "can", "ca"])
    static let would = TokenKey.hash("would")
    /// Modals that, before "have", speculate about the past ("may have launched").
    static let epistemicModals = keys(["may", "might"])
    static let futureModals = keys(["will", "shall", "wo"])
    static let mustModals = keys(["must"])
    static let negators = keys(["not", "n't", "never"])
    static let adverbs = keys([
        "also", "reportedly", "allegedly", "directly", "further", "already", "still", "again", "repeatedly", "recently",
        "previously", "later", "then", "now", "just", "formally", "officially", "publicly", "jointly", "reluctantly",
        "strongly", "firmly", "swiftly", "quickly", "immediately", "subsequently", "apparently", "reluctantly",
        "once", "twice", "even", "only", "yet", "finally", "openly", "secretly", "effectively", "largely", "fully",
        "simply", "reportedly", "purportedly", "seemingly", "personally", "briefly", "separately", "overnight",
        "sharply", "harshly", "heavily", "vehemently", "angrily", "bitterly", "flatly", "categorically", "quietly",
        // Frequency, manner and degree adverbs that stand between an auxiliary and its verb ("were
        // always shot", "was brutally beaten", "have systematically targeted").
        "always", "often", "frequently", "regularly", "routinely", "usually", "sometimes", "occasionally", "constantly",
        "deliberately", "systematically", "brutally", "badly", "severely", "seriously", "fatally", "critically", "mortally",
        "widely", "partly", "partially", "mostly", "initially", "eventually", "originally", "newly", "increasingly",
        "successfully", "unlawfully", "illegally", "arbitrarily", "forcibly", "indiscriminately", "reportedly", "unanimously",
        "overwhelmingly", "narrowly", "temporarily", "permanently", "allegedly", "mistakenly", "wrongly", "falsely",
        "actively", "directly", "explicitly", "implicitly", "privately", "expressly", "specifically", "officially",
    ])
    static let reportingAdverbs = keys(["reportedly", "allegedly", "purportedly", "apparently", "seemingly"])
    static let norNeither = keys(["nor", "neither"])
    static let readiness = keys(["ready", "willing", "prepared", "determined", "eager", "keen", "poised", "set"])
    static let threatVerbs = keys(Morphology.allForms(["warn", "threaten", "vow"]))
    static let pluralSubjectPronouns = keys(["they", "we", "you", "i", "them"])
    /// Nouns that take a plural verb without a plural ending: "police say", "people fear".
    static let collectivePlurals = keys(["police", "people", "personnel", "militia", "clergy"])
    /// Verbs whose subject and object do the same thing to each other ("exchanged prisoners", "restored ties").
    static let reciprocalVerbs = keys([
        "exchange", "swap", "trade", "meet", "talk", "negotiate", "clash", "cooperate", "restore",
        "normalize", "normalise", "reconcile", "resume", "establish", "sign",
    ])
    static let conjunctions = keys(["and", "but", "or", "while", "whereas", "yet"])
    static let subordinators = keys([
        "that", "because", "after", "before", "when", "while", "although", "though", "since", "if", "unless", "until",
        "as", "whether", "where", "once",
    ])
    static let conditional = keys(["if", "unless", "whether"])
    /// Nouns, verbs and adjectives in -ly: every other lower-case word in -ly is an adverb.
    static let lyNonAdverbs = keys([
        "family", "families", "ally", "rally", "rallies", "supply", "supplies", "apply", "applies", "reply", "replies",
        "comply", "complies", "rely", "relies", "imply", "implies", "multiply", "tally", "sully", "bully", "belly", "jelly",
        "assembly", "assemblies", "anomaly", "monopoly", "homily", "italy", "july", "lily", "folly", "fly", "butterfly",
        "deadly", "costly", "friendly", "unfriendly", "elderly", "lonely", "lovely", "ugly", "holy", "silly", "likely",
        "unlikely", "early", "daily", "weekly", "monthly", "yearly", "quarterly", "hourly", "only", "bodily", "orderly",
        "disorderly", "cowardly", "scholarly", "kindly", "manly", "worldly", "timely", "untimely", "lively", "smelly",
        "chilly", "hilly", "woolly", "oily", "wily", "burly", "curly", "surly", "jolly", "wobbly", "reply", "bully",
        "rely", "tally", "sly", "shapely", "heavenly", "ghostly", "leisurely", "stately", "northerly", "southerly",
        "easterly", "westerly", "motherly", "fatherly", "brotherly", "sisterly", "neighbourly", "neighborly", "nightly",
        "beastly", "courtly", "gentlemanly", "princely", "saintly", "miserly", "homely", "comely", "unruly", "deathly",
    ])
    static let prepositions = keys([
        "of", "in", "on", "at", "by", "for", "with", "to", "from", "into", "onto", "against", "toward", "towards",
        "over", "under", "about", "between", "among", "amid", "across", "through", "during", "after", "before",
        "within", "without", "near", "upon", "despite", "behind", "beyond", "along", "around", "inside", "outside",
    ])
    static let to: UInt64 = 0x08c8_3907_b56a_c0a4  // TokenKey.hash("to")
    static let by: UInt64 = 0x08a6_4b07_b54d_f8d4  // TokenKey.hash("by")
    static let of: UInt64 = 0x08b0_6007_b556_7108  // TokenKey.hash("of")
    static let and: UInt64 = 0xe6f7_9719_051f_f286  // TokenKey.hash("and")
    static let comma: UInt64 = 0xaf63_a14c_8601_884b  // TokenKey.hash(",")
    static let that: UInt64 = 0x256c_adef_3232_570c  // TokenKey.hash("that")
    static let the: UInt64 = 0x56f5_c919_4461_d57c  // TokenKey.hash("the")

    /// Clause-ending punctuation.
    static let clauseBreaks = keys([";", ":", "(", ")", "\"", "--"])

    /// Verbs of saying: their subject says, the complement clause is what happened.
    static let speechVerbs = keys(
        Morphology.allForms([
            "say", "tell", "state", "announce", "claim", "report", "add", "note", "insist", "confirm", "declare", "argue",
            "explain", "write", "assert", "reveal", "disclose", "acknowledge", "believe", "think", "suggest", "indicate",
            "inform", "assure", "warn", "allege", "stress", "emphasize", "emphasise", "reiterate", "recall", "hope",
        ]))
    /// Verbs whose infinitival complement is only intended: "vow to help" (an intent event, 03x/13x).
    static let intentVerbs = keys(
        Morphology.allForms([
            "vow", "pledge", "promise", "plan", "intend", "threaten", "want", "seek", "aim", "prepare", "offer", "agree",
            "hope", "expect", "wish", "resolve", "swear", "undertake", "commit", "propose", "mean", "try",
            "attempt", "vote",
        ]))
    /// Intent verbs whose complement is cooperative whatever it is: "agreed to resign", "offered to help".
    static let cooperativeIntentVerbs = keys(Morphology.allForms(["agree", "offer"]))
    /// Verbs that assert their complement happened: "continued to fire", "began to withdraw".
    static let aspectVerbs = keys(
        Morphology.allForms([
            "continue", "begin", "start", "resume", "keep", "go on", "proceed", "move", "manage", "dare", "help",
            // A decision is the act in news ("Japan decided to ease sanctions"), as the codebook codes it.
            "decide",
        ]))
    /// Verbs of weighing an action: "is considering sending aid" considers a policy option (CAMEO 014),
    /// it neither does nor intends it.
    static let considerVerbs = keys(Morphology.allForms(["consider", "mull", "weigh", "contemplate", "ponder"]))
    /// Verbs that negate their complement: "refused to wage war", "failed to notify".
    static let negatingVerbs = keys(
        Morphology.allForms(["refuse", "decline", "fail", "reject", "deny", "neglect", "stop", "cease", "forgo", "abandon"]))
    /// Verbs that request their complement: "urged X to", "called for X to".
    static let requestVerbs = keys(
        Morphology.allForms([
            "urge", "call", "ask", "demand", "appeal", "request", "press", "pressure", "push", "encourage", "invite",
            "implore", "beg", "order", "instruct", "direct", "command", "tell", "advise", "persuade", "lobby",
            "allow", "permit", "authorize", "authorise", "let", "enable", "invite",
        ]))
    /// Verbs of demanding: their "that"-clause is what is demanded, not what happened.
    static let demandVerbs = keys(Morphology.allForms(["demand", "insist", "require", "propose", "suggest", "recommend", "warn"]))
    /// Verbs whose object noun names their own event: "launched an attack", "held talks", "signed an agreement".
    static let supportVerbs = keys(
        Morphology.allForms([
            "launch", "carry", "conduct", "stage", "mount", "hold", "make", "give", "announce", "order", "begin", "start", "continue",
            "resume", "step", "escalate", "intensify", "sign", "reach", "conclude", "issue", "deliver", "pledge", "offer", "provide",
            "extend", "express", "voice", "declare", "host", "attend", "join", "lead", "organize", "organise", "perform", "commit",
            "claim", "plan", "prepare", "unleash", "wage", "undertake", "initiate", "open", "impose", "lift", "approve", "seek",
        ]))

    /// Verbs that must be recognised as verbs even when no pattern names them.
    static let commonVerbs = [
        "say", "tell", "state", "announce", "claim", "report", "add", "note", "insist", "confirm", "declare", "argue",
        "explain", "write", "assert", "reveal", "believe", "think", "suggest", "indicate", "inform", "assure", "want",
        "plan", "intend", "seek", "aim", "prepare", "decide", "hope", "expect", "continue", "begin", "start", "try",
        "be", "have", "do", "go", "get", "make", "take", "give", "come", "see", "know", "become", "remain", "seem",
        "fail", "refuse", "decline", "urge", "call", "ask", "demand", "serve", "form", "include", "describe", "known",
        "name", "appoint", "head", "lead", "use", "show", "face", "need", "allow", "help", "keep", "let", "put",
        "want", "wish", "stress", "recall", "reiterate", "emphasize", "allege", "deny", "accuse", "kill", "die", "live",
        "work", "run", "stand", "sit", "win", "lose", "hold", "bring", "look", "find", "leave", "move", "pay", "play",
    ]
}

extension Morphology {
    /// Every inflected form of each verb.
    static func allForms(_ lemmas: [String]) -> [String] {
        lemmas.flatMap { verbForms($0).map(\.form) }
    }
}

/// Words the event rules of ``SentenceCoder`` test: passives, causatives, denials, modality of event
/// nouns. Single word keys are literals (checked against ``TokenKey/hash(_:)`` by `WordClassTests`).
extension ClosedClass {
    static let butKey: UInt64 = 0x0061_1e19_135a_72cc  // TokenKey.hash("but")
    static let directional = keys(["against", "on", "at", "upon", "into", "toward", "towards"])
    static let quantities = keys([
        "dozens", "hundreds", "thousands", "millions", "scores", "number", "some", "many", "several", "most", "all", "group",
        "groups", "members", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred", "thousand",
    ])
    /// Verbs whose active use names what they act on right after them ("killed three soldiers"): followed
    /// straight by a preposition they are passive participles ("soldiers killed in the attack").
    static let objectVerbs = keys(
        Morphology.allForms([
            "kill", "wound", "injure", "jail", "imprison", "detain", "arrest", "capture", "abduct", "kidnap", "execute",
            "behead", "torture", "deport", "expel", "displace", "evacuate", "sentence", "convict", "slaughter", "massacre",
        ]))
    /// Nouns that deny what follows them after "no": "no evidence that", "no sign of".
    static let evidenceNouns = keys(["evidence", "sign", "signs", "proof", "indication", "suggestion"])
    static let no: UInt64 = 0x08b3_5907_b558_9afa  // TokenKey.hash("no")
    /// "deny": denying a clause is CAMEO 016 even when no pattern names it.
    static let denyVerbs = keys(Morphology.allForms(["deny"]))
    static let from: UInt64 = 0x7f84_5078_d7a5_c0b5  // TokenKey.hash("from")
    static let or: UInt64 = 0x08b0_5407_b556_5ca4  // TokenKey.hash("or")
    static let it: UInt64 = 0x08b7_3e07_b55c_55f0  // TokenKey.hash("it")
    /// Verbs that make their object do what the to-complement says: "forced Israel to withdraw".
    static let causativeVerbs = keys(Morphology.allForms(["force", "compel", "oblige", "lead", "prompt", "cause", "drive", "push"]))
    /// Modifiers of an event noun that say it is not asserted: "an alleged attack", "a possible invasion".
    static let nounModality: [UInt64: Modality] = {
        var out: [UInt64: Modality] = [:]
        for w in ["alleged", "suspected", "reported", "purported", "apparent", "claimed"] { out[TokenKey.hash(w)] = .reported }
        for w in ["possible", "potential", "threatened", "feared", "expected", "likely", "imminent", "looming"] {
            out[TokenKey.hash(w)] = .hypothetical
        }
        for w in ["planned", "proposed", "promised", "intended"] { out[TokenKey.hash(w)] = .intended }
        return out
    }()
    /// Passive verbs that report a complement's subject: "is expected to", "is known to", "is understood to".
    static let expectVerbs = keys(Morphology.allForms(["expect", "know", "understand", "consider", "suspect", "rumour", "rumor"]))
    /// Verbs of clashing, fighting with words when the parties are individual people.
    static let verbalClashVerbs = keys(Morphology.allForms(["clash", "spar", "quarrel", "tussle", "feud"]))
    static let with: UInt64 = 0xa66b_06f6_55a0_c2e9  // TokenKey.hash("with")
    static let against: UInt64 = 0x3ef0_bdad_da0c_0a00  // TokenKey.hash("against")
    /// Verbs of wanting: an event noun they govern is not asserted ("Turkey wants Russia's backing").
    static let desireVerbs = keys(Morphology.allForms(["want", "wish", "need", "seek", "hope", "desire", "crave", "covet"]))
    static let after: UInt64 = 0xbf82_010f_6f71_eae9  // TokenKey.hash("after")
}
