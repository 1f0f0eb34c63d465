import Testing

@testable import AnnalsCore

/// The annotation guide's conventions (docs/annotation-guide.md) for statements, relationships and
/// generic groups, one behaviour per test.
@Suite struct CoderConventionTests {
    func codes(_ text: String) -> [String] { CoderTestSupport.triples(text) }

    @Test func aStatementReportingAnotherPartysActIsTwoEvents() {
        let got = codes("The Pentagon said Houthi rebels had fired a missile at a US destroyer.")
        #expect(got.contains { $0.hasPrefix("YEMREB>USAMIL:19") })
        #expect(got.contains { $0.hasPrefix("USAMIL>-:010") })
    }

    @Test func aSpeakersOwnIntentIsOneEventWithTheSpeakerAsSource() {
        let got = codes("Saudi Arabia said it was ready to normalize relations with Israel.")
        #expect(got == ["SAU>ISR:032"])
    }

    @Test func thePressAndPrivatePeopleMakeNoStatement() {
        #expect(codes("The baby could not feed, AFP said.").isEmpty)
        #expect(codes("Lyndon, a nurse, said her son went into a house in Raqqa.").isEmpty)
        #expect(codes("Turkey's foreign minister said the talks were useful.").contains { $0.hasPrefix("TURGOV>-:010") })
    }

    @Test func pluralAgentsAreSubjectsOfABareVerb() {
        #expect(codes("Russian officials say the attack was illegal.").contains { $0.hasPrefix("RUSGOV>-:01") })
        let events = CoderTestSupport.code("Police say they arrested five protesters in Cairo.")
        #expect(events.contains { $0.root == "17" })
    }

    @Test func backingThatHoldsIsARelationNotAnEvent() {
        #expect(codes("Russia is backing the Syrian government.").isEmpty)
        #expect(codes("The United States supports some opposition forces.").isEmpty)
        #expect(codes("Britain has supported the Kurds since 2014.").isEmpty)
        #expect(codes("Russia backed the Syrian government's proposal on Monday.").contains { $0.hasPrefix("RUS>SYRGOV:05") })
    }

    @Test func religiousCommunitiesTakeTheirReligionCode() {
        #expect(codes("The Islamic State group released 19 Christians on Sunday.").contains { $0.hasPrefix("IMGMOSISI>CHR:084") })
    }

    @Test func aCoordinatedModifierDoesNotBreakAPattern() {
        #expect(codes("The UAE lifted the trade and travel restrictions on Israel.").contains { $0.hasPrefix("ARE>ISR:08") })
    }

    @Test func britishSpellingDoublesAFinalL() {
        let forms = Morphology.verbForms("cancel").map(\.form)
        #expect(forms.contains("cancelled") && forms.contains("canceled") && forms.contains("travelling") == false)
        #expect(Morphology.verbForms("travel").map(\.form).contains("travelling"))
        #expect(!Morphology.verbForms("appeal").map(\.form).contains("appealled"))
        #expect(codes("The UK prime minister has cancelled a planned visit to Washington.").contains { $0.hasPrefix("GBRGOV>USAGOV:16") })
    }

    @Test func aPronounSubjectIsNoAbsentSource() {
        #expect(codes("So we travelled to the town of Kobani.").isEmpty)
        #expect(codes("An unknown gunman attacked a police station in Kabul.").contains { $0.contains(":18") || $0.contains(":19") })
    }

    @Test func anArmedSubjectStrikingIsAnAttack() {
        #expect(
            codes("Earlier, Israeli military struck a target in the Gaza Strip with artillery.").contains {
                $0.hasPrefix("ISRMIL>") && $0.contains(":19")
            })
        #expect(codes("Syrian government missiles have struck a rebel-held area near the frontier.").contains { $0.contains(":19") })
        // Not a labour strike or a storm.
        #expect(codes("French teachers will strike on Monday.").allSatisfy { !$0.contains(":19") })
        #expect(codes("The storm hit Florida on Monday.").isEmpty)
    }

    @Test func aTitleOfNoCountryGivesItsSectorToAnUnknownName() {
        let events = CoderTestSupport.code("Gul Rahman, a suspected militant, was killed in a secret prison.")
        #expect(events.contains { $0.root == "19" && $0.target?.code == "REB" })
        // A title whose group is unknown gives nothing ("leader" would be a government).
        let arrests = CoderTestSupport.code("Victoire Ingabire, leader of the FDU-Inkingi party, was arrested on Monday.")
        #expect(!arrests.contains { $0.target?.code == "GOV" })
    }

    @Test func aTimeWordAfterANounEndsItsPhrase() {
        #expect(CoderTestSupport.code("The Supreme Court today refused to lift the ban.").contains { $0.source?.code == "JUD" })
    }

    @Test func afterAQuotationTheSpeakerFollowsTheVerb() {
        let got = codes("\"The only winner so far is Iran,\" said the Syrian foreign minister.")
        #expect(got.contains { $0.hasPrefix("SYRGOV>-:010") })
        #expect(!got.contains { $0.hasPrefix("IRN>") })
    }

    @Test func aParticipleListedAfterAPassiveIsPassive() {
        let events = CoderTestSupport.code("Syrian civilians have been battered, brutalised, killed and displaced.")
        #expect(events.contains { $0.root == "19" && $0.source == nil && $0.target?.code.hasSuffix("CVL") == true })
        // A conjunct with its own subject keeps it.
        #expect(
            CoderTestSupport.code("Six soldiers were killed when Boko Haram fighters ambushed a convoy.").contains {
                $0.source?.code.hasSuffix("REB") == true || $0.source?.code.hasSuffix("INS") == true
                    || $0.source?.code.hasPrefix("NGA") == true
            })
    }

    @Test func aPreventedEventDidNotHappen() {
        #expect(codes("The hotline is used to prevent a direct clash between US and Russian troops.").isEmpty)
        #expect(!codes("A direct clash between US and Russian troops killed two soldiers.").isEmpty)
    }

    @Test func anIngVerbAfterANounIsNoPartOfItsPhrase() {
        // "Kurdish fighters attacking Isis" is not one actor coded as Isis.
        let events = CoderTestSupport.code("Kurdish fighters attacking Isis were killed on Monday.")
        #expect(events.contains { $0.root == "19" && $0.target?.code == "KURREB" })
        #expect(!events.contains { $0.target?.code == "IMGMOSISI" })
    }
}
