import Testing

@testable import AnnalsCore

@Suite struct LexiconTests {
    @Test func bundledDictionariesAreLargeEnough() {
        let l = CoderTestSupport.lexicon
        let countries = l.actors.filter { $0.type == .country }.count
        #expect(countries >= 195)
        #expect(l.actors.count - countries >= 400)
        #expect(l.agents.count >= 250)
        #expect(l.patterns.count >= 1500)
        let roots = Set(l.patterns.map { String($0.code.prefix(2)) })
        #expect(roots.count == 20)
    }

    @Test func errorsNameFileAndLine() {
        #expect(throws: DictionaryError.self) { try LexiconLoader.load(texts: [("actors-x.txt", "actor: X\n  code: not a code\n")]) }
        do {
            _ = try LexiconLoader.load(texts: [("verbs-x.txt", "code: 999\n  attack\n")])
            Issue.record("an unknown CAMEO code must be rejected")
        } catch let error as DictionaryError {
            #expect(error.file == "verbs-x.txt" && error.line == 1)
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try LexiconLoader.load(texts: [("actors-x.txt", "actor: A\n  code: IRN\n  part_of: nowhere\n")])
            Issue.record("an unknown affiliation target must be rejected")
        } catch let error as DictionaryError {
            #expect(error.description == "actors-x.txt:3: unknown actor id 'nowhere'")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func datedRolesPickTheCodeValidOnTheDay() throws {
        let l = try LexiconLoader.load(texts: [
            (
                "actors-t.txt",
                """
                actor: Some Leader
                  role: ABCGOV 2020-01-01..2022-01-01 President of Abc
                  role: ABCELI 2022-01-01..
                """
            )
        ])
        let a = try #require(l.actor(id: "some-leader"))
        #expect(a.code(on: Day("2021-05-05")) == "ABCGOV")
        #expect(a.code(on: Day("2023-05-05")) == "ABCELI")
    }

    @Test func inflectionsAreGenerated() {
        #expect(Morphology.past("deny") == ["denied"])
        #expect(Morphology.past("meet") == ["met"])
        #expect(Morphology.thirdPerson("vow") == "vows")
        #expect(Morphology.gerund("stop") == "stopping")
        #expect(Morphology.plural("militia") == "militias")
        #expect(Morphology.plural("party") == "parties")
        #expect(Morphology.plural("policeman") == "policemen")
    }

    @Test func dayArithmetic() throws {
        let d = try #require(Day("2023-11-20"))
        #expect(d.adding(days: -44).description == "2023-10-07")
        #expect(d.weekday == 1)  // a Monday
        #expect(Day("2024-02-30") == nil)
        #expect(Period(parsing: "2021-01-20..")?.contains(d) == true)
    }
}
