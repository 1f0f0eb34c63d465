import Foundation
import Testing

@testable import AnnalsCore

/// `../shared/petrarch`, or nil after printing why the test is skipped.
enum PetrarchShared {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/petrarch")

    static func path(_ name: String) -> String? {
        let p = dir.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: p) { return p }
        print("skipping: \(p) is absent (../shared is only on development and CI machines)")
        return nil
    }
}

/// The PETRARCH coder on raw text with small dictionaries.
@Suite struct PetrarchCoderTests {
    static let coder: PetrarchCoder = {
        let verbs = try! PetrarchVerbDictionary(
            text: """
                &NEG_
                +DID N'T
                --- ATTACK [190] ---
                ATTACK
                --- FREE [066] ---
                FREE
                - + * FROM $ [066]
                --- MEET [031:031] ---
                MEET {MET MEETS MEETING}
                - % * [036:036]
                --- CLASH [190] ---
                CLASH
                - &NEG * [904]
                --- SAID [010] ---
                SAID
                """, file: "v.txt")
        let actors = try! PetrarchActorReader.read(
            text: """
                ISRAEL [ISR]
                +ISRAELI
                GAZA [PSE]
                HAMAS [PSEREB]
                EGYPT [EGY]
                GOLLUM
                \t[HOB < 950601]
                \t[HOBGOV > 950602]
                """, file: "a.txt")
        let agents = try! PetrarchAgentReader.read(text: "TROOPS {} [~MIL]\nGOVERNMENT [~GOV]\nMSF {} [NGO~]\n", file: "g.txt")
        let discards = try! PetrarchDiscards(text: "BASEBALL\n", file: "d.txt")
        return PetrarchCoder(dictionaries: PetrarchDictionaries(verbs: verbs, actors: actors, agents: agents, discards: discards))
    }()

    func triples(_ s: String, date: Int? = 20200101) -> [String] {
        Self.coder.codeSentence(s, date: date).events.map { "\($0.source) \($0.target) \($0.code)" }.sorted()
    }

    @Test func actorsAgentsAndDefaultVerbCode() {
        #expect(triples("Israeli troops attacked Hamas.") == ["ISRMIL PSEREB 190"])
        #expect(triples("The troops of Israel attacked the government of Egypt.") == ["ISRMIL EGYGOV 190"])
        #expect(triples("MSF Israel attacked Gaza.") == ["NGOISR PSE 190"])
    }

    @Test func compoundsAreEachCoded() {
        #expect(triples("Israel and Egypt attacked Hamas.") == ["EGY PSEREB 190", "ISR PSEREB 190"])
        #expect(triples("Hamas attacked Israel, Egypt and Gaza.") == ["PSEREB EGY 190", "PSEREB ISR 190", "PSEREB PSE 190"])
    }

    @Test func patternsSlotsAndPairedCodes() {
        // + before the verb is the target, $ after FROM the source
        #expect(triples("Gaza was freed from Israel on Monday.") == ["ISR PSE 066"])
        // [031:031]: the paired event in the other direction
        #expect(triples("Israel will meet Egypt.") == ["EGY ISR 031", "ISR EGY 031"])
        // % : a compound is both source and target
        #expect(triples("Israel and Egypt met.") == ["EGY ISR 036", "ISR EGY 036"])
        // a synset in the lower part
        #expect(triples("Israel didn't clash with Hamas.") == ["ISR PSEREB 904"])
    }

    @Test func passiveWithBySwaps() {
        #expect(triples("Gaza was attacked by Israel.") == ["ISR PSE 190"])
    }

    @Test func nounsAfterDeterminersAreNotVerbs() {
        #expect(triples("Israel condemned an attack on Gaza.").isEmpty)
    }

    @Test func datedActorCodes() {
        #expect(triples("Gollum attacked Israel.", date: 19940101) == ["HOB ISR 190"])
        #expect(triples("Gollum attacked Israel.", date: 19990101) == ["HOBGOV ISR 190"])
    }

    @Test func discardsAndNegation() {
        #expect(triples("Israel attacked Gaza after the baseball game.").isEmpty)
        let r = Self.coder.codeSentence("Israel did not attack Gaza.", date: nil)
        #expect(r.events.count == 1 && r.events[0].negated)
    }

    @Test func recordsCarryCameoFacts() {
        let doc = Document(id: "d", text: "Israeli troops attacked Hamas.", date: Day("2020-01-01"))
        var opts = CodingOptions()
        opts.explain = true
        let coded = Self.coder.code(doc, sentences: [Sentence(index: 0, text: doc.text)], options: opts)
        let e = try! #require(coded.events.first)
        #expect(e.cameo == "190" && e.root == "19" && e.quad == 4)
        #expect(e.source?.code == "ISRMIL" && e.source?.text == "Israeli troops")
        #expect(e.evidence.verb == "attacked")
        // a code outside CAMEO keeps its root and gets quad class 0
        let weis = PetrarchCoder.cameo("903")
        #expect(weis.root == "90" && weis.quadClass == 0 && weis.goldstein == 0)
    }

    @Test func factoryBuildsThePetrarchCoder() throws {
        guard let dir = PetrarchShared.path("PETR_config.ini") else { return }
        let coder = try CoderFactory.make("petrarch:" + dir)
        #expect(coder is PetrarchCoder)
    }
}

/// PETRARCH's own unit-test records and sample, coded from the text alone.
@Suite struct PetrarchSharedDataTests {
    @Test func unitTestRecordsPassRateFloor() throws {
        guard let records = PetrarchShared.path("PETR.UnitTest.records.visible.xml") else { return }
        let suite = try PetrarchValidationSuite(path: records)
        #expect(suite.records.count == 181)
        let coder = PetrarchCoder(dictionaries: try PetrarchDictionaries(files: suite.files))
        let outcomes = coder.validate(suite)
        let rate = Double(outcomes.filter(\.passed).count) / Double(outcomes.count)
        print("PETRARCH unit-test records: \(outcomes.filter(\.passed).count)/\(outcomes.count) = \(rate)")
        #expect(rate >= 0.85)
        // whole categories that must stay perfect
        for cat in ["SYNSET", "VERB", "PATTERN", "ERROR"] {
            let c = outcomes.filter { $0.record.category == cat }
            let failed = c.filter { !$0.passed }.map(\.record.id)
            #expect(failed.isEmpty, "\(cat): \(failed)")
        }
    }

    @Test func productionSetLoadsAndCodesTheGigaWordSample() throws {
        guard let config = PetrarchShared.path("PETR_config.ini"), let giga = PetrarchShared.path("GigaWord.sample.PETR.xml") else {
            return
        }
        let dicts = try PetrarchDictionaries.load(config)
        #expect(dicts.actors.count > 20000 && dicts.agents.count > 2000 && dicts.verbs.patterns.count > 4000)
        #expect(dicts.issues != nil)
        let suite = try PetrarchValidationSuite(path: giga)
        #expect(suite.records.count >= 75)
        let coder = PetrarchCoder(dictionaries: dicts)
        let events = coder.validate(suite).reduce(0) { $0 + $1.got.count }
        #expect(events > 30)
    }

    @Test func importRoundTripLoadsWithTheAnnalsLoader() throws {
        guard let config = PetrarchShared.path("PETR_config.ini") else { return }
        for dicts in [try PetrarchDictionaries.load(config), try Self.validationSet()].compactMap({ $0 }) {
            let result = PetrarchExporter(dictionaries: dicts).export()
            #expect(result.files.map(\.0) == ["countries.txt", "actors.txt", "agents.txt", "verbs.txt"])
            #expect(!result.report.isEmpty)
            // well-formed per docs/dictionary-format.md: headers at column 0, attributes indented
            for (name, text) in result.files {
                var line = 0
                for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    line += 1
                    if l.isEmpty || l.hasPrefix("#") { continue }
                    if name == "countries.txt" || name == "actors.txt" {
                        let ok = l.hasPrefix("country: ") || l.hasPrefix("actor: ") || (l.hasPrefix("  ") && l.contains(": "))
                        #expect(ok, "\(name):\(line): \(l)")
                    } else if name == "agents.txt" {
                        #expect(l.contains(" = "), "\(name):\(line): \(l)")
                    } else {
                        #expect(l.hasPrefix("code: ") || l.hasPrefix("  "), "\(name):\(line): \(l)")
                    }
                }
            }
            // and the Annals loader compiles them
            _ = try LexiconLoader.load(texts: result.files.map { (file: $0.0, text: $0.1) })
        }
    }

    static func validationSet() throws -> PetrarchDictionaries? {
        guard let records = PetrarchShared.path("PETR.UnitTest.records.visible.xml") else { return nil }
        return try PetrarchDictionaries(files: PetrarchValidationSuite(path: records).files)
    }
}
