/// A greedy arc-hybrid dependency parser: one linear classifier picks the transition, a second the
/// label of each arc as it is made (so later decisions can read the labels).
public struct DependencyParser: Sendable {
    /// Dependency relation names (UD `DEPREL`, with subtypes such as `nsubj:pass`).
    public let labels: [String]
    let transitions: LinearModel
    let labeller: LinearModel

    init(labels: [String], transitions: LinearModel, labeller: LinearModel) {
        self.labels = labels
        self.transitions = transitions
        self.labeller = labeller
    }

    /// Heads (0 = root, else the 1-based head position) and label indices of the words.
    public func parse(_ words: [SyntaxWord], tags: [UInt16], coarse: [UInt8]) -> (heads: [Int32], labels: [UInt8]) {
        let x = ParserFeatures.Sentence(words: words, tags: tags, coarse: coarse)
        var s = ArcHybridState(words: words.count)
        let labelCount = labels.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ParserFeatures.transitionCount) { f in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(labelCount, 3)) { scores in
                while !s.isTerminal {
                    var best: ArcHybridState.Action? = nil
                    if let forced = s.onlyValidAction {
                        // Only one move is possible (shift onto the bare root, right arcs once the
                        // buffer is empty): the classifier would pick it anyway, so it is not asked.
                        best = forced
                    } else {
                        ParserFeatures.transition(s, x, into: f.baseAddress!)
                        scores[0] = 0
                        scores[1] = 0
                        scores[2] = 0
                        transitions.score(UnsafeBufferPointer(f), into: scores.baseAddress!)
                        for a in ArcHybridState.Action.allCases where s.isValid(a) {
                            if best == nil || scores[a.rawValue] > scores[best!.rawValue] { best = a }
                        }
                    }
                    guard let action = best else { break }
                    var label: UInt8 = 0
                    if action != .shift {
                        let (d, h) = s.arc(action)
                        label = bestLabel(s, x, dep: d, head: h, f, scores)
                    }
                    s.apply(action, label: label)
                }
            }
        }
        return (s.nodes.dropFirst().map { max($0.head, 0) }, s.nodes.dropFirst().map(\.label))
    }

    @inline(__always)
    func bestLabel(
        _ s: ArcHybridState, _ x: ParserFeatures.Sentence, dep: Int, head: Int, _ f: UnsafeMutableBufferPointer<UInt64>,
        _ scores: UnsafeMutableBufferPointer<Int32>
    ) -> UInt8 {
        ParserFeatures.label(s, x, dep: dep, head: head, into: f.baseAddress!)
        for k in 0..<labels.count { scores[k] = 0 }
        labeller.score(UnsafeBufferPointer(start: f.baseAddress, count: ParserFeatures.labelCount), into: scores.baseAddress!)
        var best = 0
        for k in 1..<labels.count where scores[k] > scores[best] { best = k }
        return UInt8(best)
    }

    func write(to out: inout BinaryWriter) {
        out.strings(labels)
        transitions.write(to: &out)
        labeller.write(to: &out)
    }

    init(from r: inout BinaryReader) throws {
        let labels = try r.strings()
        let transitions = try LinearModel(from: &r)
        let labeller = try LinearModel(from: &r)
        guard transitions.classCount == 3, labeller.classCount == labels.count, labels.count <= 64, !labels.isEmpty else {
            throw BinaryReader.Error.malformed("parser classes")
        }
        self.init(labels: labels, transitions: transitions, labeller: labeller)
    }
}
