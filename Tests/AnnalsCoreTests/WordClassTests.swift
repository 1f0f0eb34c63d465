import Testing

@testable import AnnalsCore

/// Tokens carry their closed classes, and the word keys written as literals (so that reading them
/// costs no lazy initialisation) are the hashes of their words.
@Suite struct WordClassTests {
    @Test func tokensCarryTheirClosedClasses() {
        let tokens = Tokenizer.tokens(of: "They would not attack the base in May, but Iran's allies will.")
        func token(_ word: String) -> Token { tokens.first { $0.key == TokenKey.hash(word) }! }
        #expect(token("They").is(.pronouns) && token("They").is(.pluralPronouns))
        #expect(token("would").is(.hypotheticalModals) && !token("would").is(.futureModals))
        #expect(token("not").is(.negators))
        #expect(token("the").is([.determiners, .articles]))
        #expect(token("in").is(.prepositions))
        #expect(token("May").is(.months) && token("May").is(.hypotheticalModals))
        #expect(token("but").is(.conjunctions))
        #expect(token("will").is(.futureModals))
        #expect(!token("attack").is(.prepositions) && token("attack").classes.isEmpty)
        #expect(!token("Iran").is([.pronouns, .determiners, .months]))
    }

    @Test func lowerCaseWordsInLyAreAdverbsExceptKnownOthers() {
        let tokens = Tokenizer.tokens(
            of: "Turkey would shortly mount a deadly assault, its ally Russia reluctantly said; Italy and the family reply")
        func token(_ word: String) -> Token { tokens.first { $0.key == TokenKey.hash(word) }! }
        #expect(token("shortly").is(.adverbs) && token("reluctantly").is(.adverbs))
        for word in ["deadly", "ally", "family", "reply", "Italy"] { #expect(!token(word).is(.adverbs), "\(word)") }
    }

    @Test func everyClosedClassWordIsClassified() {
        let sets: [(WordClasses, KeySet)] = [
            (.determiners, ClosedClass.determiners), (.prepositions, ClosedClass.prepositions), (.be, ClosedClass.be),
            (.speechVerbs, ClosedClass.speechVerbs), (.requestVerbs, ClosedClass.requestVerbs), (.quantities, ClosedClass.quantities),
        ]
        for (c, set) in sets {
            #expect(!set.members.isEmpty)
            for k in set.members { #expect(WordClasses.table[k]?.contains(c) == true) }
        }
    }

    @Test func literalWordKeysAreTheHashesOfTheirWords() {
        let literals: [(UInt64, String)] = [
            (ClosedClass.to, "to"), (ClosedClass.by, "by"), (ClosedClass.of, "of"), (ClosedClass.and, "and"),
            (ClosedClass.comma, ","), (ClosedClass.that, "that"), (ClosedClass.the, "the"), (ClosedClass.butKey, "but"),
            (ClosedClass.after, "after"), (ClosedClass.negatorNot, "not"), (DateWords.yesterday, "yesterday"),
            (DateWords.today, "today"), (DateWords.last, "last"), (DateWords.ago, "ago"), (DateWords.week, "week"),
            (DateWords.month, "month"), (DateWords.year, "year"), (DateWords.weeks, "weeks"), (DateWords.days, "days"),
            (DateWords.day, "day"), (ClosedClass.no, "no"), (ClosedClass.or, "or"), (ClosedClass.it, "it"), (ClosedClass.with, "with"),
            (ClosedClass.against, "against"), (ClosedClass.from, "from"), (PetrarchWords.comma, ","),
            (RelationWord.in, "in"), (RelationWord.over, "over"), (RelationWord.such, "such"), (RelationWord.as, "as"),
            (RelationWord.among, "among"), (RelationWord.longer, "longer"), (RelationWord.a, "a"), (RelationWord.an, "an"),
            (RelationWord.who, "who"), (RelationWord.led, "led"), (RelationWord.control, "control"),
            (RelationWord.controls, "controls"), (RelationWord.controlled, "controlled"), (RelationWord.command, "command"),
            (PetrarchWords.by, "by"), (PetrarchWords.to, "to"),
        ]
        for (literal, word) in literals { #expect(literal == TokenKey.hash(word), "\(word)") }
    }

    @Test func dictionaryWordsMatchBothSpellings() {
        #expect(Morphology.spellingVariants("defense") == ["defense", "defence"])
        #expect(Morphology.spellingVariants("organize") == ["organize", "organise"])
        #expect(Morphology.spellingVariants("neighbor") == ["neighbor", "neighbour"])
        #expect(Morphology.spellingVariants("ceasefire") == ["ceasefire", "cease-fire"])
        #expect(Morphology.spellingVariants("cease-fires") == ["cease-fires", "ceasefires"])
        #expect(Morphology.spellingVariants("peacekeeper") == ["peacekeeper", "peace-keeper"])
        #expect(Morphology.spellingVariants("size") == ["size"] && Morphology.spellingVariants("attack") == ["attack"])
        let keys = Set(LexiconBuilder.wordKeys("defense"))
        #expect(keys.contains(TokenKey.hash("defence")) && keys.contains(TokenKey.hash("defenses")))
    }
}
