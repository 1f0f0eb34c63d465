/// An averaged multi-class perceptron over hashed features, for training.
///
/// Weights are kept sparse per feature (only classes that were ever updated) and averaged lazily:
/// each weight remembers when it last changed, so an update costs the same whatever the number of
/// instances seen (Collins 2002; Daumé's timestamp trick). ``model(threshold:)`` freezes the averages
/// into a ``LinearModel``.
final class PerceptronTrainer {
    let classCount: Int

    struct Entry {
        var cls: UInt16
        var weight: Double
        var total: Double
        var stamp: Int
    }

    private var index = KeyMap<Int>(capacity: 1 << 16)
    private var rows: [[Entry]] = []
    private var keys: [UInt64] = []
    /// Instances seen so far (the averaging clock).
    private(set) var clock = 0

    init(classCount: Int) { self.classCount = classCount }

    /// Current (not averaged) scores of every class.
    func scores(_ features: [UInt64], into scores: inout [Double]) {
        for i in 0..<scores.count { scores[i] = 0 }
        for f in features {
            guard let r = index[f] else { continue }
            for e in rows[r] { scores[Int(e.cls)] += e.weight }
        }
    }

    /// Marks one training instance as seen, whether or not it needed an update.
    func tick() { clock += 1 }

    /// Moves weight from `guess` to `truth` for every feature.
    func update(_ features: [UInt64], truth: Int, guess: Int) {
        guard truth != guess else { return }
        for f in features {
            let r: Int
            if let found = index[f] {
                r = found
            } else {
                r = rows.count
                index[f] = r
                rows.append([])
                keys.append(f)
            }
            bump(r, truth, 1)
            bump(r, guess, -1)
        }
    }

    private func bump(_ r: Int, _ cls: Int, _ delta: Double) {
        if let i = rows[r].firstIndex(where: { Int($0.cls) == cls }) {
            rows[r][i].total += Double(clock - rows[r][i].stamp) * rows[r][i].weight
            rows[r][i].stamp = clock
            rows[r][i].weight += delta
        } else {
            rows[r].append(Entry(cls: UInt16(cls), weight: delta, total: 0, stamp: clock))
        }
    }

    /// The averaged model; averaged weights smaller than `threshold` in magnitude are dropped.
    func model(threshold: Double) -> LinearModel {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var outKeys: [UInt64] = []
        var starts: [UInt32] = [0]
        var classes: [UInt16] = []
        var weights: [Float] = []
        let now = Double(max(clock, 1))
        for r in order {
            var kept = rows[r].compactMap { e -> (UInt16, Float)? in
                let avg = (e.total + Double(clock - e.stamp) * e.weight) / now
                return abs(avg) >= threshold ? (e.cls, Float(avg)) : nil
            }
            guard !kept.isEmpty else { continue }
            kept.sort { $0.0 < $1.0 }
            outKeys.append(keys[r])
            for (c, w) in kept {
                classes.append(c)
                weights.append(w)
            }
            starts.append(UInt32(weights.count))
        }
        return LinearModel(classCount: classCount, keys: outKeys, starts: starts, classes: classes, weights: weights)
    }
}

/// A small deterministic random number generator (SplitMix64) for shuffling and exploration, so
/// training is reproducible bit for bit from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Fisher–Yates with this generator (the standard library's shuffle may change between releases).
    mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, below(i + 1)) }
    }
}
