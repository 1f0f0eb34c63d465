import Testing

@testable import AnnalsCore

/// CAMEO's conventions for what is intended, decided, considered and asked (issue 16, item 3), and the
/// code table they are derived from.
@Suite struct IntentionConventionTests {
    func codes(_ text: String) -> [String] { CoderTestSupport.triples(text) }

    @Test func anActionStatedInTheFutureIsTheIntentToDoIt() {
        // Cooperative: 03x by what is intended; conflictual: 13x.
        #expect(codes("Sri Lankan Tamil rebels have said that they will release two soldiers.").contains { $0.contains(":0353") })
        #expect(codes("Turkey said it would shortly launch an assault on Afrin.").contains { $0.hasPrefix("TUR>SYR:138") })
        // Not the action itself, which has not happened.
        #expect(!codes("Sri Lankan Tamil rebels have said that they will release two soldiers.").contains { $0.contains(":084") })
        // A negated intention stays a refusal.
        #expect(codes("Hungary says it will not accept returned asylum seekers.").allSatisfy { !$0.contains(":03") })
    }

    @Test func aDecisionIsTheActItDecides() {
        let got = codes("Japan decided on Thursday to ease some sanctions on North Korea.")
        #expect(got.contains { $0.hasPrefix("JPN>PRK:085") })
        #expect(!got.contains { $0.contains(":035") })
    }

    @Test func consideringAnActionIsAPolicyOption() {
        let got = codes("The South Korean government is considering sending aid to North Korea.")
        #expect(got.contains { $0.hasPrefix("KORGOV>") && $0.contains(":014") })
        #expect(!got.contains { $0.contains(":07") || $0.contains(":033") })
    }

    @Test func forcesArrivingForPeacekeepingProvideIt() {
        #expect(
            codes("Hundreds of British troops have arrived in Mali to join the United Nations peacekeeping mission.").contains {
                $0.contains(":074")
            })
        // Officials arriving pay a visit.
        #expect(codes("Sergei Lavrov arrived in Ankara on Wednesday.").contains { $0.contains(":042") })
    }

    @Test func aQuantifierIsReadThroughLikeItsNumber() {
        #expect(codes("Islamic State released at least 19 Christians.").contains { $0.hasPrefix("IMGMOSISI>CHR:0841") })
        #expect(codes("Islamic State released more than 19 Christians.").contains { $0.hasPrefix("IMGMOSISI>CHR:0841") })
    }

    @Test func aFinitePassiveSubjectFillsThePatternsObject() {
        #expect(
            codes("The detained American vessels were released by Iranian Revolutionary Guards.").contains {
                $0.hasPrefix("IRNMIL>USA:0842")
            })
        // A reduced relative is a modifier of the sentence's news, not an event of its own.
        #expect(codes("Figures released by the UN refugee agency showed a sharp rise in arrivals.").isEmpty)
    }

    @Test func derivedCodesComeFromTheTableByLongestPrefix() throws {
        let t = CodeDerivations.shared
        #expect(t.code(.intent, of: "0841") == "0353")
        #expect(t.code(.intent, of: "190") == "138")
        #expect(t.code(.intent, of: "191") == "1381")
        #expect(t.code(.intent, of: "138") == "138")
        #expect(t.code(.intent, of: "111") == nil)
        #expect(t.code(.refusal, of: "0841") == "1243")
        #expect(t.code(.appeal, of: "0871") == "0256")
        #expect(t.code(.demand, of: "0871") == "107")
        #expect(t.code(.demand, of: "037") == "102")
        #expect(t.lists(.joint, "0402") && !t.lists(.joint, "111") && t.lists(.between, "110"))
        #expect(throws: DictionaryError.self) { try CodeDerivations(parsing: "intent\t08\tabc\n", origin: "x.tsv") }
        let e = try #require(throws: DictionaryError.self) { try CodeDerivations(parsing: "# c\nbogus\t08\t035\n", origin: "x.tsv") }
        #expect(e.line == 2 && e.file == "x.tsv")
    }

    @Test func whatAnotherMustDoIsADemandEvenWithAnUnknownVerb() {
        let got = codes("Human Rights Watch said that Sudanese authorities must ensure security in Darfur.")
        #expect(got.contains { $0.hasPrefix("NGOHRW>SDNGOV:10") })
        // The statement is the demand, not also a statement.
        #expect(!got.contains { $0.contains(":010") })
    }

    @Test func offeringAnUnnamedActionIsAnIntentToCooperate() {
        #expect(codes("Iran offered to explain its position to the inspectors.").contains { $0.hasPrefix("IRN>") && $0.contains(":030") })
        // A pledge may be hostile: no intent to cooperate is guessed for it.
        #expect(!codes("Turkey has pledged to destroy the YPG.").contains { $0.contains(":030") })
    }

    @Test func aDisputeBetweenTwoPartiesIsTheirDisapprovalOfEachOther() {
        let got = codes("Talks have stalled in an open dispute between Turkey and Russia.")
        #expect(got.contains { $0.hasPrefix("TUR>RUS:110") } && got.contains { $0.hasPrefix("RUS>TUR:110") })
    }
}
