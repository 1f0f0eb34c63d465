/// Token keys of the grammar words the relation rules test.
///
/// A token's key is the hash of its lower-cased text (``TokenKey``), so `tokens[p].key == RelationWord.of`
/// says the same as "the word at `p` is `of`" without making a string. The word lists themselves
/// stay in ``RelationReader`` (as strings, for readers and for the few places that need text); the
/// key sets here are made from them once.
enum RelationWord {
    static let comma = TokenKey.hash(",")
    static let and = TokenKey.hash("and")
    static let or = TokenKey.hash("or")
    static let of = TokenKey.hash("of")
    static let by = TokenKey.hash("by")
    static let with = TokenKey.hash("with")
    static let to = TokenKey.hash("to")
    static let `in` = TokenKey.hash("in")
    static let over = TokenKey.hash("over")
    static let such = TokenKey.hash("such")
    static let `as` = TokenKey.hash("as")
    static let among = TokenKey.hash("among")
    static let no = TokenKey.hash("no")
    static let longer = TokenKey.hash("longer")
    static let a = TokenKey.hash("a")
    static let an = TokenKey.hash("an")
    static let who = TokenKey.hash("who")
    static let led = TokenKey.hash("led")
    static let control = TokenKey.hash("control")
    static let controls = TokenKey.hash("controls")
    static let controlled = TokenKey.hash("controlled")
    static let command = TokenKey.hash("command")

    static func keys<S: Sequence>(_ words: S) -> KeySet where S.Element == String { KeySet(words.map { TokenKey.hash($0) }) }
}

extension RelationReader {
    static let partNounKeys = RelationWord.keys(partNouns)
    static let allyNounKeys = RelationWord.keys(allyNouns)
    static let proxyNounKeys = RelationWord.keys(proxyNouns)
    static let memberNounKeys = RelationWord.keys(memberNouns)
    static let leadParticipleKeys = RelationWord.keys(leadParticiples)
    static let backParticipleKeys = RelationWord.keys(backParticiples)
    static let controlParticipleKeys = RelationWord.keys(controlParticiples)
    static let takeVerbKeys = RelationWord.keys(takeVerbs)
    static let copulaKeys = RelationWord.keys(copulas)
    static let glueKeys = RelationWord.keys(glue)
    static let namingWordKeys = RelationWord.keys(namingWords)
    static let inclusionWordKeys = RelationWord.keys(inclusionWords)
    static let gapStopKeys = RelationWord.keys(gapStops)
    static let nameParticleKeys = RelationWord.keys(nameParticles)
    static let locativeKeys = RelationWord.keys(locativePrepositions)
    /// "based in", "headquartered in" ...
    static let placeParticipleKeys = RelationWord.keys(["based", "headquartered", "located", "stationed"])
    /// "allied with", "aligned to".
    static let alignParticipleKeys = RelationWord.keys(["allied", "aligned"])
    /// Adverbs that may stand between a participle and its antecedent ("heavily backed by").
    static let byAdverbKeys = RelationWord.keys(["heavily", "directly", "jointly", "closely", "largely", "partly"])
    static let joinVerbKeys = RelationWord.keys(["joined", "joins", "rejoined", "join"])
    static let leadVerbKeys = RelationWord.keys(["leads", "heads", "commands", "led", "headed", "commanded", "chairs", "chaired"])
    /// Every suffix a hyphenated compound can relate by ("Iran-backed", "US-led", "Houthi-controlled").
    static let compoundSuffixKeys = RelationWord.keys(
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
