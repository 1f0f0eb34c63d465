import Testing

@testable import AnnalsCore

/// The clause mechanisms of the coder, one behaviour per test.
@Suite struct CoderMechanismTests {
    func codes(_ text: String, date: String = "2024-03-12") -> [String] { CoderTestSupport.triples(text, date: date) }

    @Test func negatedEventsAreLeftOutAndKeptOnRequest() {
        #expect(codes("Israel did not attack Hezbollah.").filter { $0.contains(":19") || $0.contains(":18") }.isEmpty)
        let negated = CoderTestSupport.code("Israel did not attack Hezbollah.", includeNegated: true)
        #expect(negated.contains { $0.polarity == .negated && $0.source?.code == "ISR" })
    }

    @Test func passiveVoiceTakesTheByAgentAsSource() {
        #expect(codes("Hezbollah was attacked by Israel.").contains { $0.hasPrefix("ISR>LBNREB:") })
    }

    @Test func compoundSubjectsAreEachCoded() {
        let got = codes("Iran and Syria condemned Israel.")
        #expect(got.contains { $0.hasPrefix("IRN>ISR:11") })
        #expect(got.contains { $0.hasPrefix("SYR>ISR:11") })
    }

    @Test func reciprocalMeetingsAreCodedBothWays() {
        let got = codes("Turkey met Greece in Ankara.")
        #expect(got.contains { $0.hasPrefix("TUR>GRC:04") })
        #expect(got.contains { $0.hasPrefix("GRC>TUR:04") })
    }

    @Test func capitalsStandForTheirGovernments() {
        #expect(codes("Tehran accused Washington of lying.").contains { $0.hasPrefix("IRNGOV>USAGOV:11") })
    }

    @Test func relativeClausesDoNotStealTheSubject() {
        let got = codes("Hamas, which controls Gaza, accused Israel of aggression.")
        #expect(got.contains { $0.hasPrefix("PSEREB>ISR:11") })
    }

    @Test func vowsAreIntentNotAction() {
        let events = CoderTestSupport.code("Iran vowed to attack Israel.")
        #expect(!events.contains { $0.root == "19" })
        #expect(events.contains { $0.root == "13" && $0.modality == .intended })
    }

    @Test func appealsAreNotTheActionTheyAskFor() {
        let events = CoderTestSupport.code("Egypt urged Israel to withdraw its troops.")
        #expect(events.contains { $0.root == "02" || $0.root == "10" })
        #expect(!events.contains { $0.root == "08" })
    }

    @Test func refusalsAreRejectionsAndNegateTheirComplement() {
        let events = CoderTestSupport.code("Russia refused to attack Ukraine.")
        #expect(events.contains { $0.root == "12" })
        #expect(!events.contains { $0.root == "19" || $0.root == "18" })
    }

    @Test func datedRolesFollowTheEventDate() {
        let before = codes("Joe Biden criticized China.", date: "2023-06-01")
        let after = codes("Joe Biden criticized China.", date: "2025-06-01")
        #expect(before.contains { $0.hasPrefix("USAGOV>CHN") })
        #expect(after.contains { $0.hasPrefix("USAELI>CHN") })
    }

    @Test func pronounsResolveToEarlierActors() {
        let events = CoderTestSupport.code("Hezbollah fired rockets at Israel on Monday. It later accused Israel of war crimes.")
        #expect(events.contains { $0.source?.code == "LBNREB" && $0.root == "11" })
    }

    @Test func datesResolveAgainstTheDocumentDate() {
        let events = CoderTestSupport.code("Hamas attacked Israel on October 7.", date: "2023-11-20")
        #expect(events.contains { $0.date == "2023-10-07" })
    }

    @Test func monthAndYearDateAnEvent() {
        let events = CoderTestSupport.code("Erdogan visited Cairo in September 2011.", date: "2024-03-12")
        #expect(events.contains { $0.root == "04" && $0.date == "2011-09-01" })
    }

    @Test func pronounsDoNotReachPastUnknownNames() {
        // "she" is the unknown Begum, not a known person mentioned earlier: no event rather than a wrong one.
        let events = CoderTestSupport.code("Angela Merkel spoke on Monday. Begum said she attacked the convoy.", date: "2019-03-12")
        #expect(!events.contains { $0.source?.code.hasPrefix("DEU") == true && $0.root == "19" })
    }

    @Test func restatementsAreOneEventWithMentions() {
        let events = CoderTestSupport.code("Iran accused Israel of aggression.\n\nIran accused Israel of aggression again on Monday.")
        #expect(events.filter { $0.root == "11" }.count == 1)
        #expect(events.first { $0.root == "11" }?.mentions == 2)
    }

    /// A negated intention to cooperate is a refusal (CAMEO 12) of the one side; a past negation stays
    /// a negated event, and a negated threat of force is no refusal.
    @Test func negatedIntentionsAreRefusals() {
        let meet = CoderTestSupport.code("Iran will not meet US officials.")
        #expect(meet.map(\.cameo) == ["125"])
        #expect(meet.first?.source?.code == "IRN" && meet.first?.polarity == .affirmed)
        #expect(CoderTestSupport.code("Russia will not allow inspectors into the site.").map(\.cameo) == ["1245"])
        let past = CoderTestSupport.code("Israel did not release the prisoners.", includeNegated: true)
        #expect(!past.contains { $0.root == "12" })
        #expect(!CoderTestSupport.code("Israel will not attack Gaza.", includeNegated: true).contains { $0.root == "12" })
    }

    /// "its borders": a target that is the source itself leaves the event without a target.
    @Test func aTargetThatIsTheSourceIsDropped() {
        let events = CoderTestSupport.code("Uzbekistan agreed to open its borders.")
        #expect(events.contains { $0.source?.code == "UZB" && $0.target == nil && $0.root == "03" })
    }

    /// Aid named by what was given: money, weapons, relief goods (CAMEO 071-073), and joint exercises (062).
    @Test func aidIsCodedByWhatWasGiven() {
        #expect(CoderTestSupport.code("Germany provided 6.3 million euros to Jordan.").contains { $0.cameo == "071" })
        #expect(CoderTestSupport.code("The United States gave 600 rifles to the Philippine Marines.").contains { $0.cameo == "072" })
        #expect(CoderTestSupport.code("Turkey sent tents and blankets to Syria.").contains { $0.cameo == "073" })
        #expect(CoderTestSupport.code("Russia and China began a joint naval exercise.").contains { $0.cameo == "062" })
    }

    /// An organisation the dictionaries lack takes the sector its head noun gives, and the country of
    /// its context: "the Kenya National Union of Nurses" is KENLAB.
    @Test func unknownOrganisationsAreCodedByTheirHeadNoun() {
        let strike = CoderTestSupport.code("The Kenya National Union of Nurses called a strike.")
        #expect(strike.contains { $0.root == "14" && $0.source?.code == "KENLAB" })
        let court = CoderTestSupport.code("The Kampala High Court ordered the release of the opposition leader.")
        #expect(court.contains { $0.source?.code.hasSuffix("JUD") == true })
        // A person's unknown name has no head noun to give a sector: no event rather than a guess.
        #expect(CoderTestSupport.code("Bobi Wine condemned the arrests.").isEmpty)
    }

    /// Military operations named by a light verb and their noun: begun, stepped up, carried out.
    @Test func operationsNamedByTheirNounAreForce() {
        #expect(CoderTestSupport.code("The Iraqi air force carried out at least three air strikes.").contains { $0.cameo == "195" })
        let bombardment = CoderTestSupport.code("The Syrian army intensified its bombardment of a besieged neighbourhood.")
        #expect(bombardment.contains { $0.root == "19" && $0.source?.code == "SYRMIL" })
        // "its" is the army's own bombardment, not its target.
        #expect(!bombardment.contains { $0.target?.code == "SYR" })
    }

    /// An unknown name takes the code its title gives, before it or in apposition, and keeps its own
    /// name; a title resolved to its dated holder does not lend that holder's name.
    @Test func unknownNamesTakeTheirTitlesCode() {
        let before = CoderTestSupport.code("Afghan President Ashraf Ghani rejected the proposal.", date: nil)
        #expect(before.contains { $0.source?.code == "AFGGOV" && $0.source?.name == "Ashraf Ghani" })
        let apposition = CoderTestSupport.code("Mohammad Radmanish, an Afghan defence spokesperson, condemned the attack.")
        #expect(apposition.contains { $0.source?.code.hasPrefix("AFG") == true && $0.source?.name == "Mohammad Radmanish" })
        // A list is not an apposition: the unknown name stays uncoded, so it is no source.
        let list = CoderTestSupport.code("Bobi Wine, the Ugandan army and the police condemned the arrests.")
        #expect(!list.contains { $0.source?.name == "Bobi Wine" })
    }

    /// "The Swedish government said they hoped ...": an institution is the antecedent of "they".
    @Test func institutionsAreTheAntecedentsOfThey() {
        let events = CoderTestSupport.code("The Swedish government said they would send aid to Yemen.")
        #expect(events.contains { $0.source?.code == "SWEGOV" && $0.root != "01" })
    }

    /// "X says Y must ...": a demand (10) of Y; "should": an appeal (02); the action asked for is no event.
    @Test func whatAnotherMustDoIsADemandOfIt() {
        let demand = CoderTestSupport.code("Russia says Israel must end attacks on Syria.")
        #expect(demand.contains { $0.root == "10" && $0.source?.code == "RUS" && $0.target?.code == "ISR" })
        #expect(!demand.contains { $0.root == "19" })
        let appeal = CoderTestSupport.code("The French foreign minister said Iran should release the prisoners.")
        #expect(appeal.contains { $0.root == "02" && $0.source?.code == "FRAGOV" && $0.target?.code == "IRN" })
        // The speaker's own obligation is no appeal to anybody.
        let own = CoderTestSupport.code("Iran said it must defend its borders.")
        #expect(!own.contains { $0.root == "10" || $0.root == "02" })
    }

    /// "Peru's interim president, Manuel Merino, ...": a title, a comma and an unknown name in
    /// apposition; the name takes the title's code. "Gov. Andrew Cuomo": the abbreviated title
    /// neither ends the sentence nor is lost.
    @Test func titlesInFrontOfAnAppositionOrAbbreviatedGiveTheirCode() {
        let apposed = CoderTestSupport.code("Peru's interim president, Manuel Merino, met Chilean officials.")
        #expect(apposed.contains { $0.source?.code == "PERGOV" && $0.source?.name == "Manuel Merino" })
        let abbreviated = CoderTestSupport.code("Gov. Andrew Cuomo criticized Russia.")
        #expect(abbreviated.contains { $0.root == "11" && $0.source?.code == "GOV" && $0.target?.code == "RUS" })
        #expect(Set(abbreviated.map(\.sentence)) == [0])
    }

    /// A statement that judges is coded by its judgement: unacceptable is criticism (111), disturbing
    /// is pessimism (012); a plain statement stays 010.
    @Test func judgingStatementsAreCodedByTheirJudgement() {
        let criticism = CoderTestSupport.code("A Pentagon spokesman said that any such move would be unacceptable.")
        #expect(criticism.contains { $0.cameo == "111" && $0.source?.code == "USAMIL" })
        let pessimism = CoderTestSupport.code("British officials described the outcome as deeply disturbing.")
        #expect(pessimism.contains { $0.cameo == "012" && $0.source?.code == "GBRGOV" })
        let plain = CoderTestSupport.code("A Pentagon spokesman said that the talks would resume on Monday.")
        #expect(!plain.contains { $0.cameo == "111" || $0.cameo == "012" })
    }
}
