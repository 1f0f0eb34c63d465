/// The words around a place name that say how a sentence uses it, read from
/// `Resources/Gazetteer/cues.tsv` (one list per line: name, then space-separated words).
public struct GeoCues: Sendable {
    /// "in", "near", "at": a place after them (through `skip` words) is a scene.
    public var locative = KeySet([])
    /// "the", "northern", "city", "of", "km": words between a locative word and the place.
    public var skip = KeySet([])
    /// "province", "valley": place nouns that belong to a name they follow.
    public var after = KeySet([])
    /// "attacks", "bombing", "talks": event nouns a place before them locates ("the Paris attacks").
    public var event = KeySet([])
    /// "Post", "Times", "University": a following capitalised word that makes the name another's.
    public var notName = KeySet([])
    /// "Mr", "President", "Hurricane": a preceding word that makes the name a person's or a storm's.
    public var title = KeySet([])
    /// "in" between two places: the second contains the first ("Hebron in the West Bank").
    public var container = KeySet([])
    /// "from", "to": a place after them inside an event's trigger words is its scene.
    public var directional = KeySet([])
    /// "-held", "-controlled": endings of words skipped like `skip` words.
    public var skipSuffixes: [[UInt8]] = []
    /// "ish", "ian": endings of capitalised nationality adjectives skipped like `skip` words.
    public var demonymSuffixes: [[UInt8]] = []
    /// "the", "after": words before a place that an event noun follows ("the Paris attacks").
    public var eventDeterminers = KeySet([])
    /// "on", "against": case words of a scene code's argument that make a place its scene ("attacks on Afrin").
    public var attackCase = KeySet([])
    /// CAMEO code prefixes whose place target is the scene ("shelled Aleppo").
    public var sceneCodes: [String] = []
    /// "speech", "visit", "interview": nouns of an occasion whose place is that of the statement or act
    /// they frame ("said during a televised speech in Ankara").
    public var occasion = KeySet([])
    /// "was", "arrived", "travelled": verbs of being or coming somewhere; a purpose clause under them
    /// happens where they are ("was in London in part to discuss").
    public var presence = KeySet([])
    /// "during", "at": case words that put a statement at its occasion ("during a speech"), not "ahead of".
    public var occasionCase = KeySet([])
    /// "visit", "trip": occasion nouns whose "to" place is where they happen ("during a visit to Berlin").
    public var journey = KeySet([])

    /// Does a capitalised word end like a nationality adjective ("Kurdish", "Iraqi")?
    func isDemonym(_ bytes: ArraySlice<UInt8>) -> Bool {
        demonymSuffixes.contains { s in bytes.count > s.count + 2 && bytes.suffix(s.count).elementsEqual(s) }
    }

    /// Does the token's text end in one of `skipSuffixes`?
    func hasSkipSuffix(_ bytes: ArraySlice<UInt8>) -> Bool {
        skipSuffixes.contains { s in bytes.count > s.count && bytes.suffix(s.count).elementsEqual(s) }
    }

    static let theKey = TokenKey.hash("the")
    static let ofKey = TokenKey.hash("of")
    static let commaKey = TokenKey.hash(",")

    public init(parsing text: String, origin: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == "#" { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else {
                throw DictionaryError(file: origin, line: lineNumber, message: "expected a list name, a tab and words")
            }
            let keys = KeySet(parts[1].split(separator: " ").map { TokenKey.hash($0) })
            switch parts[0] {
            case "locative": locative = keys
            case "skip": skip = keys
            case "after": after = keys
            case "event": event = keys
            case "notname": notName = keys
            case "title": title = keys
            case "container": container = keys
            case "skipsuffix": skipSuffixes = parts[1].split(separator: " ").map { Array($0.lowercased().utf8) }
            case "eventdet": eventDeterminers = keys
            case "demonymsuffix": demonymSuffixes = parts[1].split(separator: " ").map { Array($0.lowercased().utf8) }
            case "directional": directional = keys
            case "attackcase": attackCase = keys
            case "occasion": occasion = keys
            case "presence": presence = keys
            case "occasioncase": occasionCase = keys
            case "journey": journey = keys
            case "scene": sceneCodes = parts[1].split(separator: " ").map(String.init)
            default:
                throw DictionaryError(file: origin, line: lineNumber, message: "unknown list '\(parts[0])'")
            }
        }
    }
}
