/// True positives, false positives and false negatives of one category, with the usual ratios.
public struct Tally: Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Gold items: found plus missed.
    public var gold: Int { truePositives + falseNegatives }
    /// Predicted items: right plus wrong.
    public var predicted: Int { truePositives + falsePositives }

    /// Found / gold (0 when there is no gold).
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    /// Right / predicted (0 when nothing was predicted).
    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    /// Harmonic mean of recall and precision.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: Tally, b: Tally) -> Tally {
        Tally(
            truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
            falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    /// Scores one record's predicted labels against its gold labels (each a set): right, wrong, missed.
    public mutating func add<T: Hashable>(gold: Set<T>, predicted: Set<T>) {
        truePositives += gold.intersection(predicted).count
        falsePositives += predicted.subtracting(gold).count
        falseNegatives += gold.subtracting(predicted).count
    }
}

/// Per-label tallies (by CAMEO root, PLOVER category, ...) and their micro-averaged total.
public struct LabelTallies: Sendable, Hashable {
    public private(set) var byLabel: [String: Tally] = [:]

    public init() {}

    /// All labels summed (micro average).
    public var total: Tally { byLabel.values.reduce(Tally(), +) }

    /// Labels in order.
    public var labels: [String] { byLabel.keys.sorted() }

    public subscript(label: String) -> Tally { byLabel[label] ?? Tally() }

    /// Replaces one label's tally.
    public mutating func set(_ label: String, _ tally: Tally) { byLabel[label] = tally }

    /// Scores one record: each label is counted once per record.
    public mutating func add(gold: Set<String>, predicted: Set<String>) {
        for label in gold.union(predicted) {
            var t = byLabel[label] ?? Tally()
            t.add(gold: gold.contains(label) ? [label] : [], predicted: predicted.contains(label) ? [label] : [])
            byLabel[label] = t
        }
    }
}

/// A share: how many of how many.
public struct Share: Sendable, Hashable {
    public var count = 0
    public var of = 0
    public init(count: Int = 0, of: Int = 0) {
        self.count = count
        self.of = of
    }
    public var rate: Double { of == 0 ? 0 : Double(count) / Double(of) }
    public mutating func add(_ yes: Bool) {
        of += 1
        if yes { count += 1 }
    }
}
