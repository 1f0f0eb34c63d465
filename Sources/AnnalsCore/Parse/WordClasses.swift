/// The closed classes a word belongs to, one bit per class of ``ClosedClass`` (plus month and
/// weekday names), looked up once per token by the ``Tokenizer``.
///
/// The clause analysis asks "is this word a determiner, a preposition, a modal?" many times per
/// token. A token carries the answer as ``Token/classes``, so the question is one AND instead of a
/// hash probe into a lazily initialised global set:
///
/// ```swift
/// let tokens = Tokenizer.tokens(of: "They would not attack.")
/// tokens[1].is(.hypotheticalModals)  // true
/// tokens[2].is(.negators)  // true
/// ```
public struct WordClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    static let determiners = WordClasses(rawValue: 1 << 0)
    static let articles = WordClasses(rawValue: 1 << 1)
    static let speakerPronouns = WordClasses(rawValue: 1 << 2)
    static let partyPrepositions = WordClasses(rawValue: 1 << 3)
    static let possessivePronouns = WordClasses(rawValue: 1 << 4)
    static let pronouns = WordClasses(rawValue: 1 << 5)
    static let personalPronouns = WordClasses(rawValue: 1 << 6)
    static let pluralPronouns = WordClasses(rawValue: 1 << 7)
    static let relativePronouns = WordClasses(rawValue: 1 << 8)
    static let be = WordClasses(rawValue: 1 << 9)
    static let have = WordClasses(rawValue: 1 << 10)
    static let doAux = WordClasses(rawValue: 1 << 11)
    static let hypotheticalModals = WordClasses(rawValue: 1 << 12)
    static let futureModals = WordClasses(rawValue: 1 << 13)
    static let mustModals = WordClasses(rawValue: 1 << 14)
    static let negators = WordClasses(rawValue: 1 << 15)
    static let adverbs = WordClasses(rawValue: 1 << 16)
    static let reportingAdverbs = WordClasses(rawValue: 1 << 17)
    static let norNeither = WordClasses(rawValue: 1 << 18)
    static let readiness = WordClasses(rawValue: 1 << 19)
    static let threatVerbs = WordClasses(rawValue: 1 << 20)
    static let pluralSubjectPronouns = WordClasses(rawValue: 1 << 21)
    static let reciprocalVerbs = WordClasses(rawValue: 1 << 22)
    static let conjunctions = WordClasses(rawValue: 1 << 23)
    static let subordinators = WordClasses(rawValue: 1 << 24)
    static let conditional = WordClasses(rawValue: 1 << 25)
    static let prepositions = WordClasses(rawValue: 1 << 26)
    static let clauseBreaks = WordClasses(rawValue: 1 << 27)
    static let speechVerbs = WordClasses(rawValue: 1 << 28)
    static let intentVerbs = WordClasses(rawValue: 1 << 29)
    static let aspectVerbs = WordClasses(rawValue: 1 << 30)
    static let negatingVerbs = WordClasses(rawValue: 1 << 31)
    static let requestVerbs = WordClasses(rawValue: 1 << 32)
    static let demandVerbs = WordClasses(rawValue: 1 << 33)
    static let supportVerbs = WordClasses(rawValue: 1 << 34)
    static let directional = WordClasses(rawValue: 1 << 35)
    static let quantities = WordClasses(rawValue: 1 << 36)
    static let months = WordClasses(rawValue: 1 << 37)
    static let weekdays = WordClasses(rawValue: 1 << 38)
    /// Words in -ly that are not adverbs ("family", "supply", "deadly"): the tokenizer classes other
    /// lower-case words in -ly as `.adverbs`.
    static let lyNonAdverbs = WordClasses(rawValue: 1 << 39)

    /// Every class of every closed-class word, by token key.
    static let table: KeyMap<WordClasses> = {
        var table = KeyMap<WordClasses>(capacity: 1024)
        let lists: [(WordClasses, [UInt64])] = [
            (.determiners, ClosedClass.determiners.members),
            (.articles, ClosedClass.articles.members),
            (.speakerPronouns, ClosedClass.speakerPronouns.members),
            (.partyPrepositions, ClosedClass.partyPrepositions.members),
            (.possessivePronouns, ClosedClass.possessivePronouns.members),
            (.pronouns, ClosedClass.pronouns.members),
            (.personalPronouns, ClosedClass.personalPronouns.members),
            (.pluralPronouns, ClosedClass.pluralPronouns.members),
            (.relativePronouns, ClosedClass.relativePronouns.members),
            (.be, ClosedClass.be.members),
            (.have, ClosedClass.have.members),
            (.doAux, ClosedClass.doAux.members),
            (.hypotheticalModals, ClosedClass.hypotheticalModals.members),
            (.futureModals, ClosedClass.futureModals.members),
            (.mustModals, ClosedClass.mustModals.members),
            (.negators, ClosedClass.negators.members),
            (.adverbs, ClosedClass.adverbs.members),
            (.reportingAdverbs, ClosedClass.reportingAdverbs.members),
            (.norNeither, ClosedClass.norNeither.members),
            (.readiness, ClosedClass.readiness.members),
            (.threatVerbs, ClosedClass.threatVerbs.members),
            (.pluralSubjectPronouns, ClosedClass.pluralSubjectPronouns.members),
            (.reciprocalVerbs, ClosedClass.reciprocalVerbs.members),
            (.conjunctions, ClosedClass.conjunctions.members),
            (.subordinators, ClosedClass.subordinators.members),
            (.conditional, ClosedClass.conditional.members),
            (.prepositions, ClosedClass.prepositions.members),
            (.clauseBreaks, ClosedClass.clauseBreaks.members),
            (.speechVerbs, ClosedClass.speechVerbs.members),
            (.intentVerbs, ClosedClass.intentVerbs.members),
            (.aspectVerbs, ClosedClass.aspectVerbs.members),
            (.negatingVerbs, ClosedClass.negatingVerbs.members),
            (.requestVerbs, ClosedClass.requestVerbs.members),
            (.demandVerbs, ClosedClass.demandVerbs.members),
            (.supportVerbs, ClosedClass.supportVerbs.members),
            (.directional, ClosedClass.directional.members),
            (.quantities, ClosedClass.quantities.members),
            (.months, Array(DateWords.months.keys)),
            (.weekdays, Array(DateWords.weekdays.keys)),
            (.lyNonAdverbs, ClosedClass.lyNonAdverbs.members),
        ]
        for (c, keys) in lists {
            for k in keys { table[k] = (table[k] ?? []).union(c) }
        }
        return table
    }()
}

extension Token {
    /// Does the word belong to any of `classes`?
    @inline(__always)
    public func `is`(_ classes: WordClasses) -> Bool { !self.classes.isDisjoint(with: classes) }
}
