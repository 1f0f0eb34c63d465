import Foundation
import Testing

@testable import AnnalsCore

/// The shared material beside the package (`<package root>/../shared`), or nil when absent.
func sharedDirectory() -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
}

/// An independent, String-level version of the normalisations, used to check offsets.
func referenceNormalised(_ s: Substring) -> String {
    var out = ""
    for u in s.unicodeScalars {
        switch u.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035: out += "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: out += "\""
        case 0x2010...0x2013, 0x2212: out += "-"
        case 0x2014, 0x2015: out += " - "
        case 0x2026: out += "..."
        case 0x2022: out += "*"
        case 0x200B...0x200D, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF, 0xAD: break
        case 0...32, 127, 0x80...0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: out += " "
        default: out.unicodeScalars.append(u)
        }
    }
    var collapsed = ""
    var lastSpace = true
    for ch in out {
        if ch == " " {
            if !lastSpace { collapsed.append(" ") }
            lastSpace = true
        } else {
            collapsed.append(ch)
            lastSpace = false
        }
    }
    while collapsed.last == " " { collapsed.removeLast() }
    return collapsed
}

/// Checks the offsets contract of every sentence against the original text; returns problems.
func offsetProblems(_ document: Document, _ sentences: [Sentence]) -> [String] {
    var problems: [String] = []
    let original = Array(document.text.utf8)
    for s in sentences where !s.isFromTitle {
        let bytes = Array(s.text.utf8)
        guard s.offsets.count == bytes.count + 1 else { problems.append("\(s.index): offsets count"); continue }
        guard s.span.start >= 0, s.span.end <= original.count, s.span.start < s.span.end else {
            problems.append("\(s.index): span \(s.span) out of range"); continue
        }
        #expect(Int(s.offsets[0]) == s.span.start)
        #expect(Int(s.offsets[bytes.count]) == s.span.end)
        var previous = Int32.min
        for (i, b) in bytes.enumerated() {
            let o = s.offsets[i]
            if o < previous || Int(o) < s.span.start || Int(o) >= s.span.end {
                problems.append("\(s.index): offset \(i) = \(o) not monotonic or outside \(s.span)")
                break
            }
            previous = o
            // Unchanged ASCII bytes map to the same byte.
            if b > 32 && b < 128 && b != 39 && b != 34 && b != 45 && b != 46 && b != 42 && original[Int(o)] != b {
                problems.append("\(s.index): byte \(i) '\(UnicodeScalar(b))' maps to '\(UnicodeScalar(original[Int(o)]))'")
                break
            }
        }
        let slice = String(decoding: original[s.span.start..<s.span.end], as: UTF8.self)
        let expected = referenceNormalised(Substring(slice))
        if expected != s.text { problems.append("\(s.index): span text '\(expected)' != '\(s.text)'") }
    }
    return problems
}

@Suite struct TextCleaningTests {
    func sentences(_ text: String, title: String? = nil, source: String? = nil) -> (Document, [Sentence]) {
        var doc = Document(id: "t", text: text, title: title, source: source)
        let s = Preprocessor().sentences(in: &doc)
        return (doc, s)
    }

    @Test func seedArticleHasTenSentences() throws {
        guard let shared = sharedDirectory() else {
            print("skipped: ../shared is absent (seed article not available)")
            return
        }
        let url = shared.appendingPathComponent("seed/seed-article.txt")
        var got: [Document] = []
        DocumentReader().read(paths: [url.path], onError: { Issue.record("unexpected error \($0)") }) { got.append($0) }
        #expect(got.count == 1)
        var doc = try #require(got.first)
        let s = Preprocessor().sentences(in: &doc)
        #expect(s.count == 10)
        #expect(s.first?.isHeadline == true)
        #expect(s.first?.text == "Iran's elite military branch vows to help Hamas 'whatever it takes'")
        #expect(s.filter(\.isHeadline).count == 1)
        #expect(s.filter { $0.text.contains("elite military branch vows") }.count == 1)
        #expect(!s.contains { $0.text.contains("Follow SMNI") })
        #expect(s.last?.text.hasPrefix("Iran denied involvement") == true)
        #expect(s.map(\.index) == Array(0..<s.count))
        #expect(offsetProblems(doc, s) == [])
        // The headline's span is real: it points at the first line.
        #expect(s[0].span == Span(0, "Iran’s elite military branch vows to help Hamas ‘whatever it takes’".utf8.count))
    }

    /// Every token of every sentence maps to a span of the original that starts and ends on
    /// character boundaries and reads as the token, whatever cleaning replaced (curly quotes and
    /// apostrophes, dashes, no-break spaces, an ellipsis, a soft hyphen).
    @Test func tokenSpansCoverWholeOriginalCharacters() {
        let text =
            "\u{201C}We will respond,\u{201D} said Iran\u{2019}s envoy\u{00A0}\u{2014} the \u{2018}Axis\u{2019} grew\u{2026}\n\n"
            + "Hezbollah\u{2019}s fighters  fired at\u{00A0}Israel \u{2013} again.\u{00AD} Talks resumed \u{201C}quickly\u{201D}."
        let (doc, s) = sentences(text)
        let original = Array(doc.text.utf8)
        func isBoundary(_ i: Int) -> Bool { i == original.count || original[i] & 0xC0 != 0x80 }
        var checked = 0
        for sentence in s {
            for t in Tokenizer.tokens(of: sentence.text) {
                let span = sentence.originalSpan(Int(t.start), Int(t.end))
                #expect(isBoundary(span.start) && isBoundary(span.end), "\(sentence.text) \(t)")
                let slice = String(decoding: original[span.start..<span.end], as: UTF8.self)
                let token = String(decoding: Array(sentence.text.utf8)[Int(t.start)..<Int(t.end)], as: UTF8.self)
                #expect(!slice.contains("\u{FFFD}"), "\(token) -> \(slice)")
                if token.allSatisfy({ $0.isLetter }) { #expect(slice == token) }
                checked += 1
            }
        }
        #expect(checked > 30)
        // The closing curly quote is covered whole.
        let first = s.first { $0.text.hasPrefix("\"We will") }!
        let quote = Array(first.text.utf8).firstIndex(of: 44)! + 1  // the quote after "respond,"
        #expect(first.originalSpan(quote, quote + 1).end - first.originalSpan(quote, quote + 1).start == 3)
    }

    @Test func headlineRepeatedAtTopKeptOnce() {
        let (_, s) = sentences("Rebels seize town\n\nRebels seize town\n\nRebels seized the town on Monday.")
        #expect(s.map(\.text) == ["Rebels seize town", "Rebels seized the town on Monday."])
        #expect(s.map(\.isHeadline) == [true, false])
    }

    @Test func titleRepeatedAsFirstLineKeptOnceWithRealOffsets() {
        let (_, s) = sentences("Rebels seize town\nRebels seized the town on Monday.", title: "Rebels seize town")
        #expect(s.map(\.text) == ["Rebels seize town", "Rebels seized the town on Monday."])
        #expect(s[0].isHeadline && !s[0].isFromTitle)
        #expect(s[0].span == Span(0, 17))
    }

    @Test func separateTitleIsSentenceZeroWithEmptySpan() {
        let (_, s) = sentences("Rebels seized the town on Monday. Troops fled.", title: "Rebels \u{2018}seize\u{2019} town")
        #expect(s.map(\.text) == ["Rebels 'seize' town", "Rebels seized the town on Monday.", "Troops fled."])
        #expect(s[0].isFromTitle)
        #expect(s[0].span == Span(0, 0))
        #expect(s[0].offsets.allSatisfy { $0 == 0 })
        #expect(!s[1].isHeadline)
        #expect(s[1].span == Span(0, 33))
    }

    @Test func datelines() {
        var (doc, s) = sentences("BEIRUT (Reuters) - Israeli jets struck targets in Lebanon. Hezbollah vowed revenge.")
        #expect(doc.dateline == "BEIRUT")
        #expect(doc.source == "Reuters")
        #expect(s.first?.text == "Israeli jets struck targets in Lebanon.")
        #expect(s.first?.span.start == 19)

        (doc, s) = sentences("WASHINGTON, Nov 20 (AP) \u{2014} The Senate voted on Monday.")
        #expect(doc.dateline == "WASHINGTON")
        #expect(doc.source == "AP")
        #expect(s.map(\.text) == ["The Senate voted on Monday."])

        (doc, s) = sentences("GAZA CITY \u{2014} Israeli troops advanced.", source: "The Times")
        #expect(doc.dateline == "GAZA CITY")
        #expect(doc.source == "The Times")
        #expect(s.map(\.text) == ["Israeli troops advanced."])

        (doc, s) = sentences("Headline here\n\nKYIV, Ukraine (AP) -- Russian drones hit the capital.")
        #expect(doc.dateline == "KYIV")
        #expect(s.map(\.text) == ["Headline here", "Russian drones hit the capital."])

        (doc, s) = sentences("THE commander of the force sent a letter.")
        #expect(doc.dateline == nil)
        #expect(s.map(\.text) == ["THE commander of the force sent a letter."])

        (doc, s) = sentences("NATO allies met - and agreed.")
        #expect(doc.dateline == nil)
    }

    @Test func boilerplateDropped() {
        let text = """
            Troops entered the city on Monday.

            Follow us on Twitter
            Follow SMNI News on Rumble
            Share this article
            Click here to subscribe.
            Read more: Why the war goes on
            Sign up for our daily newsletter
            Subscribe to our channel
            Advertisement
            © 2024 Example News. All rights reserved.
            Copyright 2023 Reuters
            Follow the story on X

            The fighting continued into the night.
            Follow-up talks are planned for Friday.
            Subscribers were told on Tuesday.
            """
        let (doc, s) = sentences(text)
        #expect(
            s.map(\.text) == [
                "Troops entered the city on Monday.", "The fighting continued into the night.",
                "Follow-up talks are planned for Friday.", "Subscribers were told on Tuesday.",
            ])
        #expect(offsetProblems(doc, s) == [])
    }

    @Test func inlineBoilerplateSentenceDropped() {
        let (_, s) = sentences("The talks failed. Sign up for the daily briefing here. Both sides walked out.")
        #expect(s.map(\.text) == ["The talks failed.", "Both sides walked out."])
    }

    @Test func offsetsPropertyOnUnicodeText() {
        let texts = [
            "Iran\u{2019}s \u{201C}elite\u{201D} force\u{00A0}\u{00A0}vowed \u{2014} again\u{2026} to fight.\n\nIt\u{200B}s over. Mr. Qaani said so.",
            "  BEIRUT (Reuters) \u{2013} Jets struck.\r\nThe army\u{2014}led by Gen. X\u{2014}withdrew.  ",
            "Caf\u{00E9} owners in K\u{00F6}ln said \u{00AB}non\u{00BB}. \u{4E2D}\u{6587} text. Emoji \u{1F600} ok.",
            "Line one\nline two wraps here.\n\n\n• bullet one\n• bullet two",
        ]
        for text in texts {
            let (doc, s) = sentences(text)
            #expect(!s.isEmpty)
            #expect(offsetProblems(doc, s) == [], "\(text)")
            for sentence in s {
                // originalSpan of the whole sentence is the sentence span.
                let whole = sentence.originalSpan(0, sentence.text.utf8.count)
                #expect(whole.start == sentence.span.start)
            }
        }
    }

    /// Random mixes of every normalised character, spacing and control byte keep the offsets
    /// contract (the byte-level normaliser agrees with ``referenceNormalised(_:)``).
    @Test func offsetsPropertyOnRandomText() {
        let pieces = [
            "word", "Mr.", "U.S.", "e.g.,", "3.5", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2015}", "\u{2013}",
            "\u{2212}", "\u{2026}", "\u{2022}", "\u{00A0}", "\u{00AD}", "\u{00AB}", "\u{00BB}", "\u{0085}", "\u{200B}", "\u{200E}",
            "\u{2028}", "\u{2032}", "\u{2033}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{FEFF}", "\u{00E9}", "\u{00B0}", "\u{4E2D}",
            "\u{1F600}", "\t", "\u{7F}", "\u{01}", "  ", " ", " ", "!", "?", "\"", "'", ")", "(", "-", "*",
        ]
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + next(60)) {
                text += pieces[next(pieces.count)]
                text += ["", " ", " ", " ", "\n", "\n\n", "\r\n"][next(7)]
            }
            let (doc, s) = sentences(text)
            #expect(offsetProblems(doc, s) == [], "\(text.debugDescription)")
        }
    }

    @Test func offsetsPropertyOnGuardianCorpus() throws {
        guard let shared = sharedDirectory() else {
            print("skipped: ../shared is absent (Guardian corpus not available)")
            return
        }
        let path = shared.appendingPathComponent("corpora/guardian-2019-sample.csv").path
        var checked = 0
        var problems: [String] = []
        DocumentReader().read(paths: [path], onError: { Issue.record("unexpected error \($0)") }) { document in
            var doc = document
            let s = Preprocessor().sentences(in: &doc)
            checked += s.count
            problems += offsetProblems(doc, s).map { "\(doc.id): \($0)" }
        }
        #expect(checked > 5000)
        #expect(problems.prefix(5) == [])
    }

    @Test func longSingleLineIsLinear() {
        // 4 MB on one line without any sentence end: must not be quadratic.
        let text = String(repeating: "word ", count: 800_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let (_, s) = sentences(text)
            #expect(s.count == 1)
        }
        #expect(elapsed < .seconds(10))
    }

    @Test func emptyAndBlankDocuments() {
        #expect(sentences("").1.isEmpty)
        #expect(sentences(" \n\n \u{00A0}\n").1.isEmpty)
        #expect(sentences("\u{200B}").1.isEmpty)
    }
}
