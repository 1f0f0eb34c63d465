/// Token keys of the grammar words the relation rules test.
///
/// A token's key is the hash of its lower-cased text (``TokenKey``), so `tokens[p].key == RelationWord.among`
/// says the same as "the word at `p` is `among`" without making a string. Keys are literals (no lazy
/// initialisation in the rules' loops), checked by `WordClassTests`; words the clause analysis tests
/// too (`of`, `and`, `by`, `with`, `,` ...) are in ``ClosedClass``. The word lists themselves are data,
/// `Resources/Grammar/en/relations.tsv` (``RelationWordLists``, keys computed at load); the key sets
/// below are taken from there.
enum RelationWord {
    static let `in`: UInt64 = 0x08b7_3807_b55c_4bbe  // TokenKey.hash("in")
    static let over: UInt64 = 0xc2a3_8db4_4454_a06f  // TokenKey.hash("over")
    static let such: UInt64 = 0xb6cd_6919_21c5_3a5e  // TokenKey.hash("such")
    static let `as`: UInt64 = 0x089c_5507_b545_b54d  // TokenKey.hash("as")
    static let among: UInt64 = 0xc3b9_22c2_7fc5_d78b  // TokenKey.hash("among")
    static let longer: UInt64 = 0x9da6_6b73_8ed7_1cf0  // TokenKey.hash("longer")
    static let a: UInt64 = 0xaf63_dc4c_8601_ec8c  // TokenKey.hash("a")
    static let an: UInt64 = 0x089c_3807_b545_8406  // TokenKey.hash("an")
    static let who: UInt64 = 0x5ec5_fc19_4891_690f  // TokenKey.hash("who")
    static let led: UInt64 = 0x1272_7419_1dcc_3c4a  // TokenKey.hash("led")
    static let control: UInt64 = 0x084e_1cb5_96b7_e53e  // TokenKey.hash("control")
    static let controls: UInt64 = 0xd4a0_158f_1a7a_a1d7  // TokenKey.hash("controls")
    static let controlled: UInt64 = 0x18b8_d05b_56f6_b857  // TokenKey.hash("controlled")
    static let command: UInt64 = 0x6665_5dca_2c3e_8a12  // TokenKey.hash("command")
}

extension RelationReader {
    static let partNounKeys = RelationWordLists.bundled["part-nouns"].keys
    static let allyNounKeys = RelationWordLists.bundled["ally-nouns"].keys
    static let proxyNounKeys = RelationWordLists.bundled["proxy-nouns"].keys
    static let memberNounKeys = RelationWordLists.bundled["member-nouns"].keys
    static let leadParticipleKeys = RelationWordLists.bundled["lead-participles"].keys
    static let backParticipleKeys = RelationWordLists.bundled["back-participles"].keys
    static let controlParticipleKeys = RelationWordLists.bundled["control-participles"].keys
    static let takeVerbKeys = RelationWordLists.bundled["take-verbs"].keys
    static let copulaKeys = RelationWordLists.bundled["copulas"].keys
    static let glueKeys = RelationWordLists.bundled["glue"].keys
    static let namingWordKeys = RelationWordLists.bundled["naming-words"].keys
    static let inclusionWordKeys = RelationWordLists.bundled["inclusion-words"].keys
    static let gapStopKeys = RelationWordLists.bundled["gap-stops"].keys
    static let nameParticleKeys = RelationWordLists.bundled["name-particles"].keys
    static let locativeKeys = RelationWordLists.bundled["locative-prepositions"].keys
    /// "based in", "headquartered in" ...
    static let placeParticipleKeys = ClosedClass.keys(["based", "headquartered", "located", "stationed"])
    /// "operates inside Turkey", "operating from Syria".
    static let operateVerbKeys = ClosedClass.keys(["operates", "operate", "operating", "operated"])
    static let operatePrepositionKeys = ClosedClass.keys(["in", "inside", "from", "within"])
    /// "allied with", "aligned to".
    static let alignParticipleKeys = ClosedClass.keys(["allied", "aligned"])
    /// Adverbs that may stand between a participle and its antecedent ("heavily backed by").
    static let byAdverbKeys = ClosedClass.keys(["heavily", "directly", "jointly", "closely", "largely", "partly"])
    static let joinVerbKeys = ClosedClass.keys(["joined", "joins", "rejoined", "join"])
    /// "arms the SDF", "backs Assad", "funds the rebels".
    static let backVerbKeys = ClosedClass.keys([
        "backs", "backed", "back", "supports", "supported", "support", "arms", "armed", "arm", "funds", "funded", "fund",
        "sponsors", "sponsored", "sponsor", "finances", "financed", "bankrolls", "bankrolled",
    ])
    /// What one joins as a member: alliances, IGOs, armed groups, parties, organisations.
    static let joinableTypes: Set<ActorType> = [.alliance, .igo, .armedGroup, .party, .organization, .ngo, .criminal]
    /// Verbs whose "to" clause did not happen: "wanted to join", "refused to join".
    static let intentionVerbKeys = ClosedClass.keys([
        "want", "wants", "wanted", "plan", "plans", "planned", "hope", "hopes", "hoped", "refuse", "refuses", "refused", "decline",
        "declines", "declined", "fail", "fails", "failed", "try", "tries", "tried", "seek", "seeks", "sought", "intend", "intends",
        "intended", "aim", "aims", "aimed", "threaten", "threatens", "threatened", "urge", "urged", "urges", "ask", "asked", "asks",
        "invite", "invited", "invites", "expect", "expected", "expects", "agree", "agreed", "agrees", "offer", "offered", "offers",
    ])
    static let leadVerbKeys = ClosedClass.keys(["leads", "heads", "commands", "led", "headed", "commanded", "chairs", "chaired"])
    /// Every suffix a hyphenated compound can relate by ("Iran-backed", "US-led", "Houthi-controlled").
    static let compoundSuffixKeys = ClosedClass.keys(
        backParticiples.union(controlParticiples).union(["led", "aligned", "allied", "based"]))
    /// Byte length of the longest compound suffix: a hyphen further from a token's end cannot start one.
    static let longestCompoundSuffix =
        backParticiples.union(controlParticiples).union(["led", "aligned", "allied", "based"])
        .map(\.utf8.count).max() ?? 0
}

/// The kinds of cue word a sentence has, found in one pass over its tokens: a rule that starts
/// at a cue word is skipped when its cue is missing, as it is in most sentences.
struct RelationCues: OptionSet {
    let rawValue: UInt8

    /// A relation noun: "part of", "ally of", "its proxy".
    static let relationNoun = RelationCues(rawValue: 1)
    /// "by" after a participle: "backed by".
    static let by = RelationCues(rawValue: 2)
    /// "control of", "based in", "allied with".
    static let controlPlace = RelationCues(rawValue: 4)
    /// "including", "such as".
    static let inclusion = RelationCues(rawValue: 8)

    /// The cues each word gives, by token key.
    private static let table: KeyMap<UInt8> = {
        var table = KeyMap<UInt8>(capacity: 128)
        func add<S: Sequence>(_ words: S, _ cue: RelationCues) where S.Element == String {
            for w in words {
                let k = TokenKey.hash(w)
                table[k] = (table[k] ?? 0) | cue.rawValue
            }
        }
        add(RelationReader.relationNounWords, .relationNoun)
        add(["by"], .by)
        add(RelationReader.controlPlaceWords, .controlPlace)
        add(RelationReader.inclusionWords.union(["such"]), .inclusion)
        return table
    }()

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ tokens: [Token]) {
        let table = Self.table
        var bits: UInt8 = 0
        for t in tokens { bits |= table[t.key] ?? 0 }
        self.init(rawValue: bits)
    }
}
