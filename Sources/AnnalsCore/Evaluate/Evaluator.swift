/// Codes gold records with a pipeline and scores what it finds (`annals eval`). See `docs/evaluation.md`
/// for the formats and how each number is counted.
///
/// ```swift
/// let gold = try GoldFile.load("gold.jsonl")
/// let scores = Evaluator(pipeline: Pipeline(coder: coder)).evaluate(gold)
/// print(scores.roots.total.f1)
/// ```
public struct Evaluator: Sendable {
    public var pipeline: Pipeline

    public init(pipeline: Pipeline) {
        var p = pipeline
        p.options.emitRelations = false
        p.options.emitEvents = true
        p.options.includeNegated = false
        self.pipeline = p
    }

    /// The events the pipeline codes from one gold record's text.
    public func code(_ record: GoldRecord) -> [EventRecord] {
        pipeline.run(Document(id: record.id, text: record.text, date: record.date, origin: "gold:\(record.line)")).events
    }

    /// Codes and scores every record.
    public func evaluate(_ records: [GoldRecord]) -> EventEvaluation {
        var e = EventEvaluation()
        for r in records { Self.score(r, got: code(r), into: &e) }
        return e
    }

    static func describe(_ ev: EventRecord) -> String {
        "\(ev.source?.code ?? "---") \(ev.target?.code ?? "---") \(ev.cameo) (\(ev.evidence.verb))"
    }

    /// Adds one record's comparison to the scores.
    public static func score(_ record: GoldRecord, got: [EventRecord], into e: inout EventEvaluation) {
        e.records += 1
        let gotRoots = Set(got.map(\.root))
        let gotClasses = Set(got.compactMap { CameoClasses.pentaclass(root: $0.root) }.map(String.init))
        let gotText = got.map(describe)
        switch record.answer {
        case .events(let gold):
            e.eventRecords += 1
            let goldRoots = Set(gold.map(\.root))
            e.roots.add(gold: goldRoots, predicted: gotRoots)
            e.plover.add(gold: Set(gold.compactMap { CameoClasses.plover($0.cameo) }), predicted: Set(got.compactMap(\.plover)))
            e.quad.add(
                gold: Set(gold.compactMap { CameoClasses.quad($0.cameo) }.map(String.init)), predicted: Set(got.map { String($0.quad) }))
            e.pentaclass.add(gold: Set(gold.compactMap { CameoClasses.pentaclass(root: $0.root) }.map(String.init)), predicted: gotClasses)
            if gold.isEmpty { e.falseAlarms.add(!got.isEmpty) }
            for g in gold where gotRoots.contains(g.root) {
                let same = got.filter { $0.root == g.root }
                e.dyadCountry.add(same.contains { sideMatches(g.source, $0.source?.code, country: true) && sideMatches(g.target, $0.target?.code, country: true) })
                e.dyadCode.add(same.contains { sideMatches(g.source, $0.source?.code, country: false) && sideMatches(g.target, $0.target?.code, country: false) })
            }
            let strictGold = Set(gold.map { "\($0.source ?? "---") \($0.target ?? "---") \($0.root)" })
            let strictGot = Set(got.map { "\($0.source?.code ?? "---") \($0.target?.code ?? "---") \($0.root)" })
            e.strictEvents.add(gold: strictGold, predicted: strictGot)
            let goldText = gold.isEmpty ? ["no event"] : gold.map { "\($0.source ?? "---") \($0.target ?? "---") \($0.cameo)" }
            let missed = goldRoots.subtracting(gotRoots).sorted()
            let extra = gotRoots.subtracting(goldRoots).sorted()
            if !missed.isEmpty {
                e.misses.append(Discrepancy(id: record.id, text: record.text, gold: goldText, got: gotText, labels: missed))
            }
            if !extra.isEmpty {
                e.falsePositives.append(Discrepancy(id: record.id, text: record.text, gold: goldText, got: gotText, labels: extra))
            }
        case .pentaclass(let c, let sources, _):
            let label = String(c)
            e.pentaclass.add(gold: [label], predicted: gotClasses)
            e.anyEvent.add(!got.isEmpty)
            e.rightClass.add(gotClasses.contains(label))
            if gotClasses.contains(label) && !sources.isEmpty {
                let texts = got.filter { CameoClasses.pentaclass(root: $0.root) == c }.compactMap { $0.source?.text.lowercased() }
                e.sourceMention.add(texts.contains { t in sources.contains { overlaps(t, $0.lowercased()) } })
            }
            let goldText = ["class \(c) (\(CameoClasses.pentaclassNames[c] ?? ""))"]
            if !gotClasses.contains(label) {
                e.misses.append(Discrepancy(id: record.id, text: record.text, gold: goldText, got: gotText, labels: [label]))
            }
            let extra = gotClasses.subtracting([label]).sorted()
            if !extra.isEmpty {
                e.falsePositives.append(Discrepancy(id: record.id, text: record.text, gold: goldText, got: gotText, labels: extra))
            }
        }
    }

    /// A gold side with no code is not checked; otherwise the country (first three letters) or the
    /// whole code must agree.
    static func sideMatches(_ gold: String?, _ got: String?, country: Bool) -> Bool {
        guard let gold else { return true }
        guard let got else { return false }
        return country ? ActorCode.country(of: gold) == ActorCode.country(of: got) : gold == got
    }

    /// Mention strings overlap when either contains the other (ConfliBERT's spans are loose).
    static func overlaps(_ a: String, _ b: String) -> Bool {
        !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
    }
}
