import Testing

@testable import AnnalsCore

/// Table-driven sentence-splitting cases: each input with the exact sentence list expected.
@Suite struct TextSplittingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: [String]
        var testDescription: String { String(input.prefix(60)) }
        init(_ input: String, _ expected: [String]) {
            self.input = input
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // Basics.
        Case("The army attacked. The rebels fled.", ["The army attacked.", "The rebels fled."]),
        Case("Did they attack? Nobody knows! It is unclear.", ["Did they attack?", "Nobody knows!", "It is unclear."]),
        Case("One sentence without a final period", ["One sentence without a final period"]),
        Case("Is it over?! Yes.", ["Is it over?!", "Yes."]),
        Case("  Leading   and    inner   spaces.   Collapse  here.  ", ["Leading and inner spaces.", "Collapse here."]),
        // Abbreviations before names.
        Case("Mr. Smith met Mrs. Jones and Ms. Lee.", ["Mr. Smith met Mrs. Jones and Ms. Lee."]),
        Case("Dr. Ahmed and Prof. Brown spoke. They agreed.", ["Dr. Ahmed and Prof. Brown spoke.", "They agreed."]),
        Case("Gen. Mark Milley visited Kabul. He left on Friday.", ["Gen. Mark Milley visited Kabul.", "He left on Friday."]),
        Case("Lt. Col. John Doe commanded the unit.", ["Lt. Col. John Doe commanded the unit."]),
        Case(
            "Col. Ali and Maj. Hassan were arrested. Sgt. Omar escaped.", ["Col. Ali and Maj. Hassan were arrested.", "Sgt. Omar escaped."]),
        Case("Sen. Warren and Rep. Ocasio-Cortez objected.", ["Sen. Warren and Rep. Ocasio-Cortez objected."]),
        Case("Gov. Newsom met Pres. Biden.", ["Gov. Newsom met Pres. Biden."]),
        Case("They prayed at St. Peter's Basilica. Then they left.", ["They prayed at St. Peter's Basilica.", "Then they left."]),
        // Months, numbers, corporate abbreviations.
        Case("The talks began on Jan. 5 in Geneva. They ended Feb. 10.", ["The talks began on Jan. 5 in Geneva.", "They ended Feb. 10."]),
        Case(
            "Troops arrived on Sept. 11 and Oct. 3. Fighting followed.", ["Troops arrived on Sept. 11 and Oct. 3.", "Fighting followed."]),
        Case("The vote is set for Dec. 12. Polls are close.", ["The vote is set for Dec. 12.", "Polls are close."]),
        Case("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        Case("Apple Inc. said profits rose. Shares fell.", ["Apple Inc. said profits rose.", "Shares fell."]),
        Case("He works for Acme Ltd. The firm is small.", ["He works for Acme Ltd.", "The firm is small."]),
        Case("Shares of Boeing Corp. fell 3.5 percent.", ["Shares of Boeing Corp. fell 3.5 percent."]),
        Case("Smith & Co. announced layoffs.", ["Smith & Co. announced layoffs."]),
        Case("It was Brazil vs. Germany in the final.", ["It was Brazil vs. Germany in the final."]),
        Case("They seized guns, ammunition, etc. and fled.", ["They seized guns, ammunition, etc. and fled."]),
        Case("They seized guns, ammunition, etc. The police followed.", ["They seized guns, ammunition, etc.", "The police followed."]),
        Case("Some groups, e.g. Hamas, refused.", ["Some groups, e.g. Hamas, refused."]),
        Case("Some groups, e.g., Hamas, refused.", ["Some groups, e.g., Hamas, refused."]),
        Case("The main actor, i.e. the army, withdrew.", ["The main actor, i.e. the army, withdrew."]),
        // Times.
        Case("The blast hit at 5 a.m. on Monday.", ["The blast hit at 5 a.m. on Monday."]),
        Case("The blast hit at 5 p.m. Officials said ten died.", ["The blast hit at 5 p.m.", "Officials said ten died."]),
        Case("Curfew starts at 9 p.m. GMT and ends at dawn.", ["Curfew starts at 9 p.m. GMT and ends at dawn."]),
        Case("It ended at 11 a.m. Monday after talks.", ["It ended at 11 a.m. Monday after talks."]),
        // U.S., U.K., U.N.
        Case("The U.S. military struck targets.", ["The U.S. military struck targets."]),
        Case("The U.S. President spoke.", ["The U.S. President spoke."]),
        Case(
            "Sanctions were imposed by the U.S. The move angered Tehran.",
            ["Sanctions were imposed by the U.S.", "The move angered Tehran."]),
        Case("He returned to the U.K. He was arrested there.", ["He returned to the U.K.", "He was arrested there."]),
        Case("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        Case("Aid flows from the U.N. But it is not enough.", ["Aid flows from the U.N.", "But it is not enough."]),
        Case("The U.S.-led coalition struck Mosul.", ["The U.S.-led coalition struck Mosul."]),
        Case("He visited Washington, D.C. last week.", ["He visited Washington, D.C. last week."]),
        // Initials.
        Case("George W. Bush met Tony Blair.", ["George W. Bush met Tony Blair."]),
        Case("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
        Case("John F. Kennedy was shot in 1963.", ["John F. Kennedy was shot in 1963."]),
        Case("The letter was signed by A. B. Smith.", ["The letter was signed by A. B. Smith."]),
        // Decimals and numbers.
        Case("Growth was 3.5 percent. Inflation hit 2.1 percent.", ["Growth was 3.5 percent.", "Inflation hit 2.1 percent."]),
        Case("The deal is worth $1.5bn. It was signed in 2019.", ["The deal is worth $1.5bn.", "It was signed in 2019."]),
        Case("The attack happened in 2019. 15 people died.", ["The attack happened in 2019.", "15 people died."]),
        Case("Version 2.0.1 was released.", ["Version 2.0.1 was released."]),
        Case("See example.com for details.", ["See example.com for details."]),
        // Ellipses.
        Case("We waited... and waited.", ["We waited... and waited."]),
        Case("We waited... Then the troops came.", ["We waited...", "Then the troops came."]),
        Case("He paused \u{2026} then spoke.", ["He paused ... then spoke."]),
        // Quotes and brackets.
        Case("He said \"no.\" Then he left.", ["He said \"no.\"", "Then he left."]),
        Case("\"We will fight,\" he said. \"We will win.\"", ["\"We will fight,\" he said.", "\"We will win.\""]),
        Case("\"Why?\" he asked. Nobody answered.", ["\"Why?\" he asked.", "Nobody answered."]),
        Case("She said: \u{201C}It is over.\u{201D} The crowd cheered.", ["She said: \"It is over.\"", "The crowd cheered."]),
        Case("(The figure is disputed.) Officials insist on it.", ["(The figure is disputed.)", "Officials insist on it."]),
        Case("The army [which denies it.] Fighting went on.", ["The army [which denies it.]", "Fighting went on."]),
        Case("He called it 'a crime.' Others disagreed.", ["He called it 'a crime.'", "Others disagreed."]),
        Case("They left. \"It's over,\" one said.", ["They left.", "\"It's over,\" one said."]),
        // Lowercase continuations.
        Case("The group known as al-Qaeda. in Iraq was weakened.", ["The group known as al-Qaeda. in Iraq was weakened."]),
        Case("\"Stop!\" shouted the officer.", ["\"Stop!\" shouted the officer."]),
        // Paragraphs and line breaks.
        Case("First paragraph ends here.\n\nSecond paragraph here.", ["First paragraph ends here.", "Second paragraph here."]),
        Case("A paragraph without a period\n\nAnother one", ["A paragraph without a period", "Another one"]),
        Case(
            "The government condemned an attack by soldiers\nin the south on Thursday.",
            ["The government condemned an attack by soldiers in the south on Thursday."]),
        Case(
            "This is a long wrapped line of text that goes on and on about the\nGovernment of the country and what it did.",
            ["This is a long wrapped line of text that goes on and on about the Government of the country and what it did."]),
        Case(
            "Key points\nThe army advanced into the city and took the airport today.",
            ["Key points", "The army advanced into the city and took the airport today."]),
        Case("Troops withdrew.\nThe city fell.", ["Troops withdrew.", "The city fell."]),
        Case("Casualties:\n- 12 soldiers\n- 3 civilians", ["Casualties:", "- 12 soldiers", "- 3 civilians"]),
        Case("Line one.\r\n\r\nLine two.", ["Line one.", "Line two."]),
        // Unicode normalisation inside sentences.
        Case("Iran\u{2019}s army \u{2014} the IRGC \u{2014} vowed revenge.", ["Iran's army - the IRGC - vowed revenge."]),
        Case("The 2019\u{2013}2020 season\u{00A0}ended.", ["The 2019-2020 season ended."]),
        Case("Zero\u{200B}width and soft\u{00AD}hyphen.", ["Zerowidth and softhyphen."]),
        Case("It was an attack\u{2014}the worst yet.", ["It was an attack - the worst yet."]),
    ]

    @Test(arguments: cases)
    func splits(_ c: Case) {
        var doc = Document(id: "t", text: c.input)
        let got = Preprocessor().sentences(in: &doc).map(\.text)
        #expect(got == c.expected)
    }

    @Test func hasAtLeastSixtyCases() {
        #expect(Self.cases.count >= 60)
    }

    /// The boilerplate check's needle search answers like the plain byte-by-byte search.
    @Test func needleSearchMatchesContains() {
        let alphabet = Array("all rights reserved ALL RIGHTS RESERVEDxq.".utf8)
        let search = NeedleSearch("all rights reserved")
        var state: UInt64 = 3
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var found = 0
        for _ in 0..<2000 {
            var bytes = (0..<next(60)).map { _ in alphabet[next(alphabet.count)] }
            if next(3) == 0 {
                let at = next(bytes.count + 1)
                bytes.insert(contentsOf: Array((next(2) == 0 ? "All Rights reserved" : "all rights reserved").utf8), at: at)
            }
            bytes.withUnsafeBufferPointer { b in
                for from in [0, 1, 5] where from <= b.count {
                    let expected = ByteClass.contains(b, from, b.count, "all rights reserved")
                    if expected { found += 1 }
                    #expect(search.occurs(in: b, from, b.count) == expected)
                }
            }
        }
        #expect(found > 100)
    }

    /// The splitter's word sets answer like a `Set` of the same keys, for members and others.
    @Test func wordSetMatchesSet() {
        var keys = Set<UInt64>()
        var state: UInt64 = 0x1234_5678
        while keys.count < 200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            keys.insert(state >> 20)
        }
        for size in [0, 1, 2, 3, 7, 64, 200] {
            let members = Set(keys.prefix(size))
            let set = WordSet(members)
            for key in keys { #expect(set.contains(key) == members.contains(key)) }
            #expect(!set.contains(0))
        }
        func key(_ word: String) -> UInt64 { Array(word.utf8).withUnsafeBufferPointer { Abbreviations.key($0, 0, $0.count) } }
        #expect(Abbreviations.continuing.contains(key("Gen")))
        #expect(!Abbreviations.continuing.contains(key("The")))
        #expect(Abbreviations.starters.contains(key("The")))
    }
}
