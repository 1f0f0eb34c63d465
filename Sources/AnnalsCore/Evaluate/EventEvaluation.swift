/// One record where the coder and the gold disagree, for the list of misses and false positives.
public struct Discrepancy: Sendable, Hashable {
    public var id: String
    public var text: String
    /// What the gold says (`"IRNGOV ISRGOV 190"`, `"class 4"`, `"no event"`).
    public var gold: [String]
    /// What the coder wrote (`"IRNGOV ISRGOV 190 (attacked)"`), empty for nothing.
    public var got: [String]
    /// The labels in question: missed roots or classes (misses), wrong ones (false positives).
    public var labels: [String]
}

/// Scores of a coder on a gold file: the numbers `annals eval` prints.
public struct EventEvaluation: Sendable {
    /// Gold records read.
    public var records = 0

    // Event gold (our format).
    /// Records of our event gold format.
    public var eventRecords = 0
    /// Per record, distinct CAMEO roots: gold against predicted.
    public var roots = LabelTallies()
    /// Per record, distinct PLOVER categories (roots 01 and 02 have none and are left out).
    public var plover = LabelTallies()
    /// Per record, distinct GDELT quad classes.
    public var quad = LabelTallies()
    /// Gold events whose root was found: was there an event of that root with source and target country right?
    public var dyadCountry = Share()
    /// The same with the full actor codes right.
    public var dyadCode = Share()
    /// Gold events with source, target and root all right (strict event recall) …
    public var strictEvents = Tally()
    /// Records whose gold says "no event": how many got at least one event.
    public var falseAlarms = Share()

    // Both formats.
    /// Per record, distinct pentaclasses (from the event gold's roots, or the ConfliBERT class).
    public var pentaclass = LabelTallies()

    // ConfliBERT gold.
    /// ConfliBERT records: how many got any event at all.
    public var anyEvent = Share()
    /// ConfliBERT records: the right class among the events coded from the sentence.
    public var rightClass = Share()
    /// ConfliBERT records with the right class and gold source mentions: was an event of that class's
    /// source text overlapping a gold source mention?
    public var sourceMention = Share()

    /// ConfliBERT precision as issue 16 counts it: of the sentences where the coder found an event,
    /// the share whose events include the right class.
    public var sentencePrecision: Double { anyEvent.count == 0 ? 0 : Double(rightClass.count) / Double(anyEvent.count) }
    /// F1 of ``rightClass`` (recall) and ``sentencePrecision``.
    public var sentenceF1: Double {
        let p = sentencePrecision, r = rightClass.rate
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Gold labels the coder did not find, per record.
    public var misses: [Discrepancy] = []
    /// Labels the coder wrote that the gold does not have, per record.
    public var falsePositives: [Discrepancy] = []

    public init() {}

    /// Did the file have records of our event format / ConfliBERT's?
    public var hasEventGold: Bool { eventRecords > 0 }
    public var hasPentaclassGold: Bool { anyEvent.of > 0 }
}
