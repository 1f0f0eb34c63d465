import Foundation
import Testing

@testable import AnnalsCore

/// A coder that returns the events it is given for each text: the scoring is tested apart from the
/// dictionaries, whose accuracy changes as they improve.
private struct ScriptedCoder: EventCoder {
    /// Text → (source code, target code, CAMEO code) of the events to return.
    var answers: [String: [(String?, String?, String)]]

    func code(_ document: Document, sentences: [Sentence], options: CodingOptions) -> CodedDocument {
        var out = CodedDocument(document: document, sentences: sentences)
        for (n, (s, t, c)) in (answers[document.text] ?? []).enumerated() {
            func actor(_ code: String?) -> ActorRef? { code.map { ActorRef(text: $0, name: $0, code: $0, span: Span(0, 1)) } }
            out.events.append(
                EventRecord(
                    id: "\(n)", doc: document.id, sentence: 0, text: document.text, date: "", source: actor(s), target: actor(t),
                    code: CameoTable.shared[c]!, polarity: .affirmed, modality: .asserted, mentions: 1,
                    evidence: Evidence(verb: "v", span: Span(0, 1), rule: "test")))
        }
        return out
    }
}

private func evaluate(_ gold: String, _ answers: [String: [(String?, String?, String)]]) throws -> EventEvaluation {
    Evaluator(pipeline: Pipeline(coder: ScriptedCoder(answers: answers))).evaluate(try GoldFile.parse(gold, file: "gold.jsonl"))
}

private let fixtures = SharedFixtures.packageRoot.appendingPathComponent("Tests/AnnalsCoreTests/Fixtures")
private let conflibertDev = SharedFixtures.shared.appendingPathComponent("corpora/conflibert-pentaclass-dev.jsonl")
private let petrarchConfig = SharedFixtures.shared.appendingPathComponent("petrarch/PETR_config.ini")

@Suite struct EvaluationScoringTests {
    @Test func rootsArePerSentenceSets() throws {
        let gold = """
            {"id":"a","text":"Iran attacked Israel.","events":[{"source":"IRNMIL","target":"ISRGOV","cameo":"190"},{"source":"IRNMIL","target":"ISRGOV","cameo":"195"}]}
            {"id":"b","text":"Israel said nothing new.","events":[]}
            {"id":"c","text":"Turkey met Russia.","events":[{"source":"TURGOV","target":"RUSGOV","cameo":"042"}]}
            """
        let e = try evaluate(
            gold,
            [
                "Iran attacked Israel.": [("IRNGOV", "ISRMIL", "190"), ("IRNGOV", nil, "010")],
                "Israel said nothing new.": [("ISRGOV", nil, "010")],
            ])
        // Two gold events of root 19 in one sentence count once; 01 is a false positive; 04 is missed.
        #expect(e.roots["19"] == Tally(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(e.roots["01"] == Tally(truePositives: 0, falsePositives: 2, falseNegatives: 0))
        #expect(e.roots["04"] == Tally(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(e.roots.total.recall == 0.5)
        #expect(abs(e.roots.total.precision - 1.0 / 3.0) < 1e-9)
        #expect(e.falseAlarms == Share(count: 1, of: 1))
        // PLOVER leaves 01 out: only ASSAULT / CONSULT are scored.
        #expect(e.plover.total.falsePositives == 0)
        #expect(e.plover.total.truePositives == 1 && e.plover.total.falseNegatives == 1)
        // Country right on both sides, codes not.
        #expect(e.dyadCountry == Share(count: 2, of: 2))
        #expect(e.dyadCode == Share(count: 0, of: 2))
        #expect(e.misses.map(\.id) == ["c"])
        #expect(Set(e.falsePositives.map(\.id)) == ["a", "b"])
    }

    @Test func pentaclassCountsTheRightClassAndPrecisionOverPredictedClasses() throws {
        let gold = """
            {"id":"1","text":"A car bomb killed five.","pentaclass":4,"sources":["a car bomb"],"targets":["five"]}
            {"id":"2","text":"They agreed to talk.","pentaclass":1}
            {"id":"3","text":"Nothing found here.","pentaclass":0}
            {"id":"4","text":"Britain cut its aid.","pentaclass":3}
            """
        let e = try evaluate(
            gold,
            [
                "A car bomb killed five.": [("a car bomb", nil, "183"), (nil, nil, "010")],
                "They agreed to talk.": [(nil, nil, "120")],
                "Britain cut its aid.": [("GBR", nil, "162")],  // reducing relations is verbal conflict in ConfliBERT
            ])
        #expect(e.rightClass == Share(count: 2, of: 4))
        #expect(e.anyEvent == Share(count: 3, of: 4))
        #expect(e.pentaclass.total.precision == 2.0 / 4.0)  // classes 4, 0, 3 and 3 predicted; 4 and the second 3 right
        #expect(e.sentencePrecision == 2.0 / 3.0)  // three sentences with events, two have the right class
        #expect(e.sourceMention == Share(count: 1, of: 1))
        #expect(e.misses.count == 2)
        let table = EvaluationReport.table(e, misses: 5)
        #expect(table.contains("right class found (recall)"))
        #expect(table.contains("[3] 0: Nothing found here."))
        let json = try JSONSerialization.jsonObject(with: Data(EvaluationReport.json(e).utf8)) as? [String: Any]
        #expect((json?["right_class"] as? [String: Any])?["count"] as? Int == 2)
    }

    @Test func badGoldNamesFileAndLine() {
        let cases: [(String, String)] = [
            ("{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\nnot json\n", "gold.jsonl:2: not a JSON object"),
            ("{\"id\":\"a\",\"events\":[]}\n", "gold.jsonl:1: missing or empty \"text\""),
            ("{\"id\":\"a\",\"text\":\"x\",\"events\":[{\"cameo\":\"999\"}]}\n", "gold.jsonl:1: an event needs \"cameo\": a CAMEO event code from the ontology table"),
            ("{\"id\":\"a\",\"text\":\"x\",\"pentaclass\":7}\n", "gold.jsonl:1: \"pentaclass\" must be 0-4"),
            ("{\"id\":\"a\",\"text\":\"x\",\"events\":[{\"cameo\":\"190\",\"source\":\"Iran\"}]}\n", "gold.jsonl:1: 'Iran' is not a CAMEO actor code (three-letter groups)"),
            ("{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\n\n{\"id\":\"a\",\"text\":\"y\",\"events\":[]}\n", "gold.jsonl:3: duplicate id 'a' (first on line 1)"),
            ("{\"id\":\"a\",\"text\":\"x\"}\n", "gold.jsonl:1: a record needs \"events\" (our event gold) or \"pentaclass\" (ConfliBERT)"),
        ]
        for (text, message) in cases {
            #expect(throws: GoldFileError.self) { try GoldFile.parse(text, file: "gold.jsonl") }
            do {
                _ = try GoldFile.parse(text, file: "gold.jsonl")
            } catch let e as GoldFileError {
                #expect(e.description == message)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}

@Suite struct RelationEvaluationTests {
    private func relation(_ s: String, _ k: RelationKind, _ o: String) -> RelationRecord {
        RelationRecord(
            id: "r", doc: "d", sentence: 0, text: "t", subject: ActorRef(text: s, name: s, code: "SYRREB", span: Span(0, 1)), relation: k,
            label: nil, object: ActorRef(text: o, name: o, code: "USA", span: Span(0, 1)), date: "",
            evidence: Evidence(verb: "v", span: Span(0, 1), rule: "test"))
    }

    @Test func goldRelationsMatchByNameKindAndSymmetry() throws {
        let gold = try RelationGoldFile.parse(
            """
            {"id":"g","text":"The US-backed SDF, led by Mazloum Abdi, holds Raqqa.","split":"dev","relations":[
              {"subject":"Syrian Democratic Forces|SDF","relation":"allied_with","object":"United States|US"},
              {"subject":"Mazloum Abdi","relation":"leads|member_of","object":"Syrian Democratic Forces|SDF"},
              {"subject":"SDF","relation":"controls","object":"Raqqa"}]}
            """.replacingOccurrences(of: "\n  ", with: ""), file: "aff.jsonl")
        #expect(gold.count == 1 && gold[0].relations.count == 3 && gold[0].split == "dev")
        var e = RelationEvaluation()
        e.add(
            gold[0], text: gold[0].text!,
            got: [
                relation("United States", .alliedWith, "Syrian Democratic Forces"),  // reversed: allied_with is symmetric
                relation("Mazloum Abdi", .memberOf, "Syrian Democratic Forces"),  // an allowed alternative
                relation("SDF", .controls, "Raqqa"), relation("SDF", .controls, "Raqqa"),  // stated twice: one record
                relation("SDF", .partOf, "United States"),  // wrong
            ])
        #expect(e.tally == Tally(truePositives: 3, falsePositives: 1, falseNegatives: 0))
        #expect(e.falsePositives.map(\.got) == [["SDF part_of United States"]])
        #expect(throws: GoldFileError.self) {
            try RelationGoldFile.parse("{\"id\":\"g\",\"text\":\"x\",\"relations\":[{\"subject\":\"A\",\"relation\":\"likes\",\"object\":\"B\"}]}")
        }
    }
}

@Suite struct GoldFixtureTests {
    @Test func guardianEventSetsAreWellFormedAndDisjoint() throws {
        let dev = try GoldFile.load(fixtures.appendingPathComponent("guardian-events-dev.jsonl").path)
        let reserved = try GoldFile.load(fixtures.appendingPathComponent("guardian-events-reserved.jsonl").path)
        #expect(dev.count == 200 && reserved.count == 100)
        #expect(dev.allSatisfy { $0.split == "dev" && $0.date != nil } && reserved.allSatisfy { $0.split == "reserved" })
        #expect(Set(dev.map(\.id)).isDisjoint(with: reserved.map(\.id)))
        func noEvent(_ r: GoldRecord) -> Bool { if case .events(let e) = r.answer { e.isEmpty } else { false } }
        // Most Guardian sentences hold no event: that is what the set measures false alarms on.
        #expect(dev.filter(noEvent).count > 100 && reserved.filter(noEvent).count > 50)
    }

    @Test func guardianAffiliationsAreWellFormed() throws {
        let gold = try RelationGoldFile.load(fixtures.appendingPathComponent("guardian-affiliations.jsonl").path)
        #expect(gold.filter { $0.split == "dev" }.count == 7)
        #expect(gold.filter { $0.split == "reserved" }.count == 3)
        #expect(gold.allSatisfy { $0.doc != nil && !$0.relations.isEmpty })
    }

    /// Only the dev split is scored here, and only against a floor well under today's numbers: the
    /// reserved split is scored at the end of a change, by hand (`annals eval --split reserved`).
    @Test func guardianDevScoresWithTheBundledCoder() throws {
        let dev = try GoldFile.load(fixtures.appendingPathComponent("guardian-events-dev.jsonl").path)
        let e = Evaluator(pipeline: Pipeline(coder: CoderTestSupport.coder)).evaluate(dev)
        #expect(e.eventRecords == 200 && e.falseAlarms.of == 129)
        #expect(e.falseAlarms.rate <= 0.30)
        #expect(e.roots.total.truePositives > 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: conflibertDev.path), "needs ../shared/corpora (GPL data, not in the repository)"))
    func conflibertDevScoresWithTheBundledCoder() throws {
        let gold = try GoldFile.load(conflibertDev.path)
        #expect(gold.count == 1349)
        let e = Evaluator(pipeline: Pipeline(coder: CoderTestSupport.coder)).evaluate(gold)
        #expect(e.rightClass.of == 1349 && e.pentaclass.total.gold == 1349)
        // A floor under today's 0.41 / 0.79, so that a regression shows; raise it as the coder improves.
        #expect(e.rightClass.rate >= 0.35)
        #expect(e.sentencePrecision >= 0.75)
    }
}

@Suite struct LayeredDictionaryTests {
    static let underlay = ActorLayer(files: [
        (
            "actors-old.txt",
            """
            actor: Zorblat Freedom Front
              code: ZZZREB
              alias: ZFF
            actor: Hezbollah Impostor
              alias: Hezbollah
              code: USAGOV
            actor: Duplicate of Ours
              id: usa
              code: GBRGOV
              alias: Qwertyland Republic
            """
        )
    ])

    func codes(_ lexicon: Lexicon, _ phrase: String) -> [String] {
        let tokens = Tokenizer.tokens(of: phrase)
        guard let m = lexicon.phrases.longestMatch(tokens, from: 0), m.end == tokens.count else { return [] }
        return m.meanings.compactMap { meaning -> String? in
            if case .name(let i) = meaning { return lexicon.actors[i].roles[0].code }
            return nil
        }
    }

    @Test func underlayAddsActorsAndLosesConflicts() throws {
        let plain = CoderTestSupport.lexicon
        let layered = try LexiconLoader.loadBundled(underlays: [Self.underlay])
        #expect(codes(plain, "Zorblat Freedom Front").isEmpty)
        #expect(codes(layered, "Zorblat Freedom Front") == ["ZZZREB"])
        #expect(codes(layered, "ZFF") == ["ZZZREB"])
        // Ours win: the name keeps our meaning only, the duplicate id is dropped with its aliases.
        #expect(codes(layered, "Hezbollah") == codes(plain, "Hezbollah"))
        #expect(codes(layered, "Hezbollah") == ["LBNREB"])
        #expect(codes(layered, "Qwertyland Republic").isEmpty)
        #expect(layered.actor(id: "usa")?.roles[0].code == "USA")
        #expect(layered.actors.count == plain.actors.count + 2)
    }

    @Test func factoryReadsLayerSpecs() throws {
        #expect(throws: DictionaryError.self) { try CoderFactory.make(layers: ["annals", "nonsense:here"]) }
        #expect(throws: DictionaryError.self) { try CoderFactory.make(layers: ["petrarch:x", "petrarch-actors:y"]) }
        #expect(throws: DictionaryError.self) { try CoderFactory.make(layers: ["annals", "actors:/no/such/file"]) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("annals-layer-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.underlay.files[0].1.utf8).write(to: dir.appendingPathComponent("actors-old.txt"))
        let coder = try CoderFactory.make(layers: ["annals", "actors:\(dir.path)"])
        let lexicon = try #require((coder as? DictionaryCoder)?.lexicon)
        #expect(codes(lexicon, "Zorblat Freedom Front") == ["ZZZREB"])
        // One value with a comma means the same (for `annals bench`, where repeating compares sets).
        let joined = try #require((try CoderFactory.make("annals,actors:\(dir.path)") as? DictionaryCoder)?.lexicon)
        #expect(codes(joined, "Zorblat Freedom Front") == ["ZZZREB"])
        let plain = try #require((try CoderFactory.make(layers: []) as? DictionaryCoder)?.lexicon)
        #expect(codes(plain, "Zorblat Freedom Front").isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: petrarchConfig.path), "needs ../shared/petrarch"))
    func petrarchActorsGoUnderOurs() throws {
        let plain = CoderTestSupport.lexicon
        let layered = try LexiconLoader.loadBundled(underlays: [try ActorLayer.petrarchActors(petrarchConfig.path)])
        #expect(layered.actors.count > plain.actors.count + 1000)
        // A name both define keeps our code.
        #expect(codes(layered, "Hezbollah") == codes(plain, "Hezbollah"))
        #expect(codes(layered, "Islamic State") == codes(plain, "Islamic State"))
    }
}
