/// A reference to an actor in a sentence: a named actor, a country with an agent ("Iranian
/// troops"), a description ("the supreme leader") or a pronoun, with the code it resolves to.
public struct Mention: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A dictionary actor or country by name.
        case named
        /// A generic agent, possibly scoped by a country or group ("Iranian troops").
        case agent
        /// A pronoun (`it`, `they`, `he`, ...), resolved by coreference.
        case pronoun
        /// A capitalised name the dictionaries do not know.
        case unknown
    }

    /// Token range in the sentence.
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// The resolved dictionary actor, when known.
    public var actor: Int?
    /// The CAMEO actor code.
    public var code: String
    /// The canonical name (or the mention text for generic and unknown mentions).
    public var name: String
    /// Agent index of the head noun, when the head is an agent ("commander").
    public var agent: Int?
    /// The actor that scopes this one ("Quds Force" in "Quds Force commander Esmail Qaani").
    public var scope: Int?
    /// Every dictionary actor named inside the mention, in order (for relations).
    public var parts: [Int]
    public var plural: Bool
    /// True for people (persons, or singular agent nouns such as "commander").
    public var isPerson: Bool
    /// Head token index.
    public var head: Int
    /// A possessor modifying a following noun ("Syria's" in "Syria's Kurds"): it can own a nominal
    /// event ("Iran's attack") but is not the subject or object of a verb.
    public var isPossessor = false
    /// Made of adjectives only ("the Israeli" in "the Israeli strike"): the next word is a noun.
    public var isAdjectival = false
    /// Names a place: a capital used by name ("Paris") or a city or region coded as its country
    /// ("Aleppo"). Before an event noun it says where, not who: "the Paris attacks".
    public var isPlace = false
    /// Set when the coder gave a generic agent a country from context (see ``ActorRef/countryFrom``).
    public var countryFrom: String?
    /// The head is a name the dictionaries do not know, coded by its title ("Chadian leader Idriss Deby");
    /// `--unknown-actors` lists it.
    public var hasUnknownName = false

    public var isResolved: Bool { !code.isEmpty }
}
