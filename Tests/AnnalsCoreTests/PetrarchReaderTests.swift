import Foundation
import Testing

@testable import AnnalsCore

/// The PETRARCH/TABARI dictionary readers, one syntax feature at a time, on small inline files.
@Suite struct PetrarchReaderTests {
    static let verbs = """
        <!-- VALIDATION VERBS -->
        <!-- a comment block
             over two lines -->
        &CURRENCY
        +DOLLAR
        +SWISS FRANC
        +GOLDEN_GOBLIN_GALLEONS_

        &NEG_   # no plurals for any member
        +DID N'T
        +WILL NOT

        &NESTED
        +&CURRENCY
        +EURO

        --- ABANDON  [345]  ---
        ABANDON    # pas 15 Jul 2003
        KLM_NOP_+RST [002]
        - * DIPLOMATIC TIES [901]
        - * &CURRENCY_RATES [902]
        - IN_*  [075A]
        - &NEG * EFFORT [---]
        - + * FROM $ [066]
        - $ ^ FOR * [164]
        - % * [030:030]
        - * AT ^ + [:173]
        - *SCEPTICAL [012]

        --- BREAK [1717] ---
        BREAK { BROKE BROKEN  }
        +BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
        WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }
        - * (FOR {FINANCIAL AID}) [070]
        """

    @Test func synsetsGeneratePluralsUnlessUnderscored() throws {
        let v = try PetrarchVerbDictionary(text: Self.verbs, file: "v.txt")
        let cur = try #require(v.synsets.first { $0.name == "CURRENCY" })
        #expect(cur.members == ["DOLLAR", "SWISS FRANC", "GOLDEN GOBLIN GALLEONS"])
        #expect(cur.phrases.contains(PetrarchLines.keys("DOLLARS")))
        #expect(cur.phrases.contains(PetrarchLines.keys("SWISS FRANCS")))
        #expect(!cur.phrases.contains(PetrarchLines.keys("GOLDEN GOBLIN GALLEONSS")))
        let neg = try #require(v.synsets.first { $0.name == "NEG" })
        #expect(neg.phrases.count == 2)  // label ends with _: no plurals
        #expect(neg.phrases[0] == PetrarchLines.keys("did n't"))
        let nested = try #require(v.synsets.first { $0.name == "NESTED" })
        #expect(nested.members.contains("DOLLAR") && nested.members.contains("EURO"))
    }

    @Test func blocksFormsAndCodes() throws {
        let v = try PetrarchVerbDictionary(text: Self.verbs, file: "v.txt")
        #expect(v.blocks.map(\.name) == ["ABANDON", "BREAK"])
        #expect(v.blocks[0].code.forward == "345")
        // regular forms of ABANDON
        for f in ["abandon", "abandons", "abandoned", "abandoning"] {
            #expect(v.formsByKey[TokenKey.hash(f)] != nil, "\(f)")
        }
        // irregular forms replace the regular ones
        #expect(v.formsByKey[TokenKey.hash("broke")] != nil)
        #expect(v.formsByKey[TokenKey.hash("breaks")]?.allSatisfy { !v.forms[Int($0)].post.isEmpty } == true)  // only BREAKS DOWN
        // a multiword verb keeps its particle and its own code
        let rst = try #require(v.formsByKey[TokenKey.hash("rst")]?.first.map { v.forms[Int($0)] })
        #expect(rst.pre == PetrarchLines.keys("KLM NOP"))
        #expect(rst.code.forward == "002")
        let tapped = try #require(v.formsByKey[TokenKey.hash("tapped")]?.first.map { v.forms[Int($0)] })
        #expect(tapped.pre == [TokenKey.hash("wire")])
        let brokenDown = try #require(v.formsByKey[TokenKey.hash("broken")]?.map { v.forms[Int($0)] }.first { !$0.post.isEmpty })
        #expect(brokenDown.post == [TokenKey.hash("down")])
    }

    @Test func patternSyntax() throws {
        let v = try PetrarchVerbDictionary(text: Self.verbs, file: "v.txt")
        func pattern(_ code: String) throws -> PetrarchPattern { try #require(v.patterns.first { $0.code.raw == code }) }
        let ties = try pattern("901")
        #expect(ties.lower.isEmpty)
        #expect(ties.upper.map(\.element) == [.words([TokenKey.hash("diplomatic")]), .words([TokenKey.hash("ties")])])
        let rates = try pattern("902")
        #expect(rates.upper.count == 2 && rates.upper[1].adjacent)  // &CURRENCY_RATES
        let inn = try pattern("075A")
        #expect(inn.lower.count == 1 && inn.lower[0].adjacent)  // IN_*
        let null = try pattern("---")
        #expect(null.code.isNull)
        let free = try pattern("066")
        #expect(free.lower.map(\.element) == [.target])
        #expect(free.upper.map(\.element) == [.words([TokenKey.hash("from")]), .source])
        let skip = try pattern("164")
        #expect(skip.lower.map(\.element) == [.words([TokenKey.hash("for")]), .skip, .source])
        let compound = try pattern("030:030")
        #expect(compound.lower.map(\.element) == [.compound])
        #expect(compound.code.forward == "030" && compound.code.reverse == "030")
        let reverse = try pattern(":173")
        #expect(reverse.code.forward == nil && reverse.code.reverse == "173")
        let sceptical = try pattern("012")
        #expect(sceptical.upper.map(\.element) == [.words([TokenKey.hash("sceptical")])])
        // PETRARCH2 grouping: (FOR {FINANCIAL AID}) is the word sequence FOR FINANCIAL AID
        let aid = try pattern("070")
        #expect(aid.upper.count == 3)
        // more specific patterns are tried first
        let order = v.blocks[0].patterns.map { v.patterns[Int($0)].specificity }
        #expect(order == order.sorted(by: >))
    }

    @Test func undefinedSynsetIgnoresThePatternWithAWarning() throws {
        let v = try PetrarchVerbDictionary(text: "--- A [010] ---\nA\n- * &NOPE [011]\n", file: "v.txt")
        #expect(v.patterns.isEmpty)
        #expect(v.warnings.first?.hasPrefix("v.txt:3:") == true)
    }

    static let actors = """
        <!-- ACTORS -->
        ARNOR_  [ARN]
        +ARNORIAN # adjective
        GOLLUM  # pas 27 Apr 03
        +SMEAGOL
        \t[HOB < 950601]
        \t[HOBGOV 19950601 - 19990815]
        \t[HOBREB > 990816]
        SAM_GAMGEE [HOB]
        \t[ORCHOB 20100109-20100112]
        \t[HOBMIL 20080120-20121109]
        LORIEN  [ELR/GAL]
        JAMES_BYRNES_  ; CountryInfo.txt
        \t[USAELI 18970101-450703]
        \t[USAGOV 450703-470121]
        PALESTINIAN [pse]
        """

    @Test func actorsWithSynonymsCodesAndDates() throws {
        let a = try PetrarchActorReader.read(text: Self.actors, file: "a.txt")
        #expect(a.map(\.name) == ["ARNOR", "GOLLUM", "SAM GAMGEE", "LORIEN", "JAMES BYRNES", "PALESTINIAN"])
        #expect(a[0].synonyms == ["ARNORIAN"])
        #expect(a[0].codes(on: nil) == ["ARN"])
        let g = a[1]
        #expect(g.synonyms == ["SMEAGOL"])
        #expect(g.codes(on: 19950101) == ["HOB"])
        #expect(g.codes(on: 19950601) == ["HOB"])  // limits are inclusive; first match wins
        #expect(g.codes(on: 19950602) == ["HOBGOV"])
        #expect(g.codes(on: 19990815) == ["HOBGOV"])
        #expect(g.codes(on: 20010101) == ["HOBREB"])
        #expect(a[2].codes(on: 20100110) == ["ORCHOB"])  // earlier restriction overrides
        #expect(a[2].codes(on: 20100106) == ["HOBMIL"])
        #expect(a[2].codes(on: 19900101) == ["HOB"])  // default
        #expect(a[3].codes(on: nil) == ["ELR", "GAL"])
        #expect(a[4].codes(on: 19460101) == ["USAGOV"])  // YYMMDD: 45 is 1945
        #expect(a[4].restrictions[0].from == 18970101)
        #expect(a[5].codes(on: nil) == ["PSE"])
    }

    static let agents = """
        !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
        CONGRESS!PERSON! [~LEG] # substitution
        SOLDIER [~MIL]
        POLICE {} [ ~COP]
        GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
        AUTHORITY [~GOV]
        HUMAN_RIGHTS_BODY  [NGO~]
        DEPARMENT_OF_ENVIRONMENT [~ENV}
        """

    @Test func agentsWithSubstitutionsPluralsAndPrefixes() throws {
        let g = try PetrarchAgentReader.read(text: Self.agents, file: "g.txt")
        #expect(
            g.filter { $0.code == "LEG" }.map(\.phrase) == [
                "CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON",
            ])
        #expect(g.first { $0.phrase == "SOLDIER" }?.plurals == ["SOLDIERS"])
        #expect(g.first { $0.phrase == "POLICE" }?.plurals == [])
        #expect(g.first { $0.phrase == "GOLDEN GOOSE" }?.plurals == ["GOLDEN GEESE"])
        #expect(g.first { $0.phrase == "AUTHORITY" }?.plurals == ["AUTHORITIES"])
        let body = try #require(g.first { $0.phrase == "HUMAN RIGHTS BODY" })
        #expect(body.isPrefix && body.code == "NGO")
        #expect(g.first { $0.phrase == "DEPARMENT OF ENVIRONMENT" }?.code == "ENV")
    }

    @Test func discardsSentenceStoryStemAndExact() throws {
        let d = try PetrarchDiscards(text: "+TYPHOON   # story\nBASEBALL\nWORLD CUP_\n", file: "d.txt")
        func check(_ s: String) -> PetrarchDiscards.Entry? {
            var t = s
            return t.withUTF8 { d.match(tokens: Tokenizer.tokens(bytes: $0), bytes: $0) }
        }
        #expect(check("A typhoon trashed its embassy")?.story == true)
        #expect(check("They restored baseballs games")?.story == false)  // stem
        #expect(check("the World Cup final") != nil)
        #expect(check("the World Cups final") == nil)  // exact word with a final _
        #expect(check("Arnor restored ties") == nil)
    }

    @Test func issuesExpandNounVerbAndHyphenForms() throws {
        let text = """
            <ISSUE CATEGORY="EU" TYPE="ALL">
            n:atrocity [ID_ATROCITY]
            v:massacre [ID_ATROCITY]
            pre+k [EARLY]
            european central bank
            ~Saturday Night massacre
            </ISSUE>
            """
        let i = try PetrarchIssues(text: text, file: "i.txt")
        func issues(_ s: String) -> [String] {
            let k = Tokenizer.tokens(of: s).map(\.key)
            return k.withUnsafeBufferPointer { i.issues(in: $0) }.map { "\($0.code) \($0.count)" }
        }
        #expect(issues("two atrocities and they massacred") == ["ID_ATROCITY 2"])
        #expect(issues("pre-k and pre k") == ["EARLY 2"])
        #expect(issues("the European Central Bank said") == ["EU 1"])
        #expect(issues("the Saturday Night massacre atrocity").isEmpty)
    }

    @Test func malformedInputNamesFileAndLine() {
        func error(_ body: () throws -> Void) -> String {
            do { try body() } catch let e as DictionaryError { return e.description } catch { return "\(error)" }
            return "no error"
        }
        #expect(
            error { _ = try PetrarchVerbDictionary(text: "--- A [010] ---\nA\n- * TIES\n", file: "v.txt") }
                == "v.txt:3: pattern without a [code]")
        #expect(
            error { _ = try PetrarchVerbDictionary(text: "--- A [010] ---\nA\n- TIES [011]\n", file: "v.txt") }.hasPrefix(
                "v.txt:3: pattern has no '*'"))
        #expect(
            error { _ = try PetrarchVerbDictionary(text: "- * TIES [011]\n", file: "v.txt") }.hasPrefix(
                "v.txt:1: pattern outside a verb block"))
        #expect(error { _ = try PetrarchVerbDictionary(text: "&A\n+&B\n", file: "v.txt") }.hasPrefix("v.txt:2: synset &B is used before"))
        #expect(
            error { _ = try PetrarchVerbDictionary(text: "--- A [010] ---\nBREAK {BROKE\n", file: "v.txt") }.hasPrefix(
                "v.txt:2: unclosed '{'"))
        #expect(
            error { _ = try PetrarchActorReader.read(text: "\n\t[ARN]\n", file: "a.txt") }.hasPrefix(
                "a.txt:2: date restriction before any actor"))
        #expect(
            error { _ = try PetrarchActorReader.read(text: "X\n\t[HOB 9008223-911221]\n", file: "a.txt") }.hasPrefix("a.txt:2: bad date"))
        #expect(error { _ = try PetrarchActorReader.read(text: "# c\nX [ARN\n", file: "a.txt") }.hasPrefix("a.txt:2: unclosed '['"))
        #expect(
            error { _ = try PetrarchAgentReader.read(text: "\n\nSOLDIER\n", file: "g.txt") }.hasPrefix("g.txt:3: agent without a [~CODE]"))
        #expect(
            error { _ = try PetrarchAgentReader.read(text: "SOLDIER [MIL]\n", file: "g.txt") }.hasPrefix(
                "g.txt:1: agent code [MIL] must start or end with '~'"))
        #expect(
            error { _ = try PetrarchAgentReader.read(text: "!MAN!_OF_WAR [~MIL]\n", file: "g.txt") }.hasPrefix(
                "g.txt:1: substitution set !MAN! is not defined"))
    }

    @Test func lenientLoadingSkipsBadLinesWithWarnings() throws {
        var w: [String] = []
        let a = try PetrarchActorReader.read(text: "X [ARN]\n\t[ARMUNR 9008223-911221]\n", file: "a.txt", warnings: &w)
        #expect(a.count == 1 && w.count == 1 && w[0].hasPrefix("a.txt:2:"))
        let g = try PetrarchAgentReader.read(text: "ISLAMIC_EXTREMIST\nSOLDIER [~MIL]\n", file: "g.txt", strict: false, warnings: &w)
        #expect(g.count == 1 && w.count == 2)
    }

    @Test func configNamesTheFilesRelativeToItsDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("petr-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ini = """
            [Dictionaries]
            verbfile_name    = V.txt
            actorfile_list   = A1.txt, A2.txt
            agentfile_name   = G.txt
            #[Dictionaries]
            #verbfile_name    = other.txt
            [Options]
            comma_max = 5
            require_dyad = False
            """
        try ini.write(to: dir.appendingPathComponent("PETR_config.ini"), atomically: true, encoding: .utf8)
        let set = try PetrarchFileSet.locate(dir.path)
        #expect(set.verbs == dir.appendingPathComponent("V.txt").path)
        #expect(set.actors.map { ($0 as NSString).lastPathComponent } == ["A1.txt", "A2.txt"])
        #expect(set.options.commaMax == 5 && !set.options.requireDyad)
    }
}
