/// Training the tagger and the parser from a treebank, reproducibly from a seed.
///
/// The tagger is an averaged perceptron trained left to right on its own predictions. The parser is
/// trained on tags the tagger predicts for sentences it did not see (k-fold jackknifing), with the
/// arc-hybrid dynamic oracle and error exploration: after the first epoch the parser follows its own
/// (possibly wrong) prediction 90% of the time, so it learns to recover from its mistakes.
public enum ParserTraining {
    public struct Options: Sendable {
        public var taggerEpochs = 8
        public var parserEpochs = 12
        public var folds = 4
        public var seed: UInt64 = 2024
        /// Averaged weights below this magnitude are dropped from the shipped model.
        public var threshold = 0.02
        public var explore = 0.9
        public init() {}
    }

    /// Trains a model; `log` receives one line per epoch (with dev scores when `dev` is given).
    public static func train(
        _ train: [CoNLLU.Sentence], dev: [CoNLLU.Sentence] = [], options: Options = Options(), log: (String) -> Void = { _ in }
    ) -> ParserModel {
        let classes = Array(Set(train.flatMap { $0.words.map { "\($0.upos) \($0.xpos)" } })).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let labels = Array(Set(train.flatMap { $0.words.map(\.deprel) })).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let data = train.map { s in
            Example(
                words: s.words.enumerated().map { SyntaxWord($1.form, sentenceInitial: $0 == 0) },
                tags: s.words.map { UInt16(classIndex["\($0.upos) \($0.xpos)"]!) },
                heads: [0] + s.words.map { Int32($0.head) },
                labels: s.words.map { UInt8(labelIndex[$0.deprel]!) })
        }
        var rng = SplitMix64(seed: options.seed)

        // Jackknifed tags for the parser's training data.
        var predicted = [[UInt16]](repeating: [], count: data.count)
        let folds = max(options.folds, 1)
        for fold in 0..<folds where folds > 1 {
            let trainPart = data.indices.filter { $0 % folds != fold }.map { data[$0] }
            var foldRng = SplitMix64(seed: options.seed &+ UInt64(fold) &+ 1)
            let t = trainTagger(trainPart, classes: classes, epochs: options.taggerEpochs, threshold: options.threshold, rng: &foldRng)
            for i in data.indices where i % folds == fold { predicted[i] = t.tagTrained(data[i].words) }
            log("tagger fold \(fold + 1)/\(folds) done")
        }
        let tagger = trainTagger(data, classes: classes, epochs: options.taggerEpochs, threshold: options.threshold, rng: &rng) {
            epoch, t in
            if !dev.isEmpty {
                let m = ParserModel(tagger: t, parser: DependencyParser(labels: labels, transitions: emptyModel(3), labeller: emptyModel(labels.count)))
                log("tagger epoch \(epoch): dev UPOS \(percent(ParseScore.score(model: m, gold: dev, parse: false).upos))")
            }
        }
        if folds <= 1 { predicted = data.map { tagger.tagTrained($0.words) } }

        let coarse = classes.map { UPOS(name: $0.split(separator: " ").first ?? "X").rawValue }
        let parser = trainParser(data, tags: predicted, coarse: coarse, labels: labels, options: options, rng: &rng) { epoch, p in
            if !dev.isEmpty {
                let s = ParseScore.score(model: ParserModel(tagger: tagger, parser: p), gold: dev)
                log("parser epoch \(epoch): dev UAS \(percent(s.uas)) LAS \(percent(s.las))")
            } else {
                log("parser epoch \(epoch)")
            }
        }
        return ParserModel(tagger: tagger, parser: parser)
    }

    struct Example {
        var words: [SyntaxWord]
        var tags: [UInt16]
        /// Gold heads with a leading 0 for the root position (1-based like the state).
        var heads: [Int32]
        var labels: [UInt8]
    }

    static func emptyModel(_ classes: Int) -> LinearModel {
        LinearModel(classCount: classes, keys: [], starts: [0], classes: [], weights: [])
    }

    static func percent(_ x: Double) -> String {
        let v = (x * 10000).rounded() / 100
        return "\(v)"
    }

    // MARK: Tagger

    static func trainTagger(
        _ data: [Example], classes: [String], epochs: Int, threshold: Double, rng: inout SplitMix64,
        report: (Int, Tagger) -> Void = { _, _ in }
    ) -> Tagger {
        // Tag dictionary: frequent words (20+ times) with one tag at least 99% of the time.
        var counts: [UInt64: [UInt16: Int]] = [:]
        for e in data { for (w, t) in zip(e.words, e.tags) { counts[w.norm, default: [:]][t, default: 0] += 1 } }
        var fixed: [(UInt64, UInt16)] = []
        for (k, byTag) in counts {
            let total = byTag.values.reduce(0, +)
            guard total >= 20, let best = byTag.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { continue }
            if Double(best.value) / Double(total) >= 0.99 { fixed.append((k, best.key)) }
        }
        fixed.sort { $0.0 < $1.0 }
        let fixedMap = Dictionary(uniqueKeysWithValues: fixed)
        // Ambiguity classes: words seen 3+ times, with the classes that make 5% or more of their uses.
        var ambiguity: [(UInt64, UInt64)] = []
        for (k, byTag) in counts {
            let total = byTag.values.reduce(0, +)
            guard total >= 3 else { continue }
            var h: UInt64 = 0x414D_42
            for t in byTag.keys.sorted() where Double(byTag[t]!) / Double(total) >= 0.05 { h = FeatureHash.key(29, h, UInt64(t)) }
            ambiguity.append((k, h))
        }
        ambiguity.sort { $0.0 < $1.0 }
        let ambiguityMap = Dictionary(uniqueKeysWithValues: ambiguity)
        let trainer = PerceptronTrainer(classCount: classes.count)
        var order = Array(data.indices)
        var f = [UInt64](repeating: 0, count: Tagger.featureCount)
        var scores = [Double](repeating: 0, count: classes.count)
        var result = Tagger(classes: classes, model: trainer.model(threshold: threshold), fixed: fixed, ambiguity: ambiguity)
        for epoch in 1...max(epochs, 1) {
            rng.shuffle(&order)
            for i in order {
                let e = data[i]
                var p1 = Tagger.start
                var p2 = Tagger.start
                let amb = e.words.map { ambiguityMap[$0.norm] ?? 0x554E_4B }
                amb.withUnsafeBufferPointer { a in
                e.words.withUnsafeBufferPointer { w in
                    for k in 0..<w.count {
                        var guess: Int
                        if let known = fixedMap[w[k].norm] {
                            guess = Int(known)
                        } else {
                            f.withUnsafeMutableBufferPointer { Tagger.features(w, a, k, p1, p2, into: $0.baseAddress!) }
                            trainer.scores(f, into: &scores)
                            guess = 0
                            for c in 1..<scores.count where scores[c] > scores[guess] { guess = c }
                            trainer.tick()
                            trainer.update(f, truth: Int(e.tags[k]), guess: guess)
                        }
                        p2 = p1
                        p1 = UInt64(guess)
                    }
                }
                }
            }
            result = Tagger(classes: classes, model: trainer.model(threshold: threshold), fixed: fixed, ambiguity: ambiguity)
            report(epoch, result)
        }
        return result
    }

    // MARK: Parser

    static func trainParser(
        _ data: [Example], tags: [[UInt16]], coarse: [UInt8], labels: [String], options: Options, rng: inout SplitMix64,
        report: (Int, DependencyParser) -> Void
    ) -> DependencyParser {
        let transitions = PerceptronTrainer(classCount: 3)
        let labeller = PerceptronTrainer(classCount: labels.count)
        var order = Array(data.indices)
        var f = [UInt64](repeating: 0, count: ParserFeatures.transitionCount)
        var lf = [UInt64](repeating: 0, count: ParserFeatures.labelCount)
        var scores = [Double](repeating: 0, count: 3)
        var labelScores = [Double](repeating: 0, count: labels.count)
        var result = DependencyParser(labels: labels, transitions: emptyModel(3), labeller: emptyModel(labels.count))
        for epoch in 1...max(options.parserEpochs, 1) {
            rng.shuffle(&order)
            for i in order {
                let e = data[i]
                let x = ParserFeatures.Sentence(words: e.words, tags: tags[i], coarse: coarse)
                var s = ArcHybridState(words: e.words.count)
                var onStack = [Bool](repeating: false, count: e.words.count + 1)
                onStack[0] = true
                while !s.isTerminal {
                    f.withUnsafeMutableBufferPointer { ParserFeatures.transition(s, x, into: $0.baseAddress!) }
                    transitions.scores(f, into: &scores)
                    var best: ArcHybridState.Action? = nil
                    var bestGold: ArcHybridState.Action? = nil
                    var costs = [Int](repeating: Int.max, count: 3)
                    for a in ArcHybridState.Action.allCases where s.isValid(a) {
                        costs[a.rawValue] = s.cost(a, gold: e.heads, onStack: onStack)
                        if best == nil || scores[a.rawValue] > scores[best!.rawValue] { best = a }
                    }
                    let minCost = costs.min()!
                    for a in ArcHybridState.Action.allCases where costs[a.rawValue] == minCost {
                        if bestGold == nil || scores[a.rawValue] > scores[bestGold!.rawValue] { bestGold = a }
                    }
                    guard let guess = best, let gold = bestGold else { break }
                    transitions.tick()
                    var next = gold
                    if costs[guess.rawValue] > minCost {
                        transitions.update(f, truth: gold.rawValue, guess: guess.rawValue)
                        if epoch > 1 && Double(rng.next() % 1_000_000) / 1_000_000 < options.explore { next = guess }
                    }
                    var label: UInt8 = 0
                    if next != .shift {
                        let (d, h) = s.arc(next)
                        lf.withUnsafeMutableBufferPointer { ParserFeatures.label(s, x, dep: d, head: h, into: $0.baseAddress!) }
                        labeller.scores(lf, into: &labelScores)
                        var lg = 0
                        for c in 1..<labelScores.count where labelScores[c] > labelScores[lg] { lg = c }
                        label = UInt8(lg)
                        if e.heads[d] == Int32(h) {
                            labeller.tick()
                            labeller.update(lf, truth: Int(e.labels[d - 1]), guess: lg)
                            label = e.labels[d - 1]
                        }
                    }
                    if next == .shift { onStack[s.b] = true } else { onStack[s.s0] = false }
                    s.apply(next, label: label)
                }
            }
            result = DependencyParser(
                labels: labels, transitions: transitions.model(threshold: options.threshold),
                labeller: labeller.model(threshold: options.threshold))
            report(epoch, result)
        }
        return result
    }
}
