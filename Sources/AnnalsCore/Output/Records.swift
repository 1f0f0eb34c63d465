/// An actor as it appears in a record: what the text said and how it was coded.
public struct ActorRef: Hashable, Sendable, Codable {
    /// The words of the mention ("Iran's Quds Force commander Esmail Qaani").
    public var text: String
    /// Canonical name of the resolved actor ("Esmail Qaani"), or the mention text when unknown.
    public var name: String
    /// Full CAMEO actor code, e.g. `IRNMIL`.
    public var code: String
    /// Three-letter country or international code (`IRN`, `IGO`).
    public var country: String
    /// First role code after the country (`MIL`), empty when none.
    public var sector: String
    /// Byte range of the mention in the original document text.
    public var span: [Int]
    /// For a generic agent whose country the text does not attach to it ("police"), where the
    /// country came from: `other_party` (the source's, for a domestic institution), `place` (the event's place), `dateline`, `document` (its dominant
    /// country), or `none` (the code is the bare role, `COP`). Nil for actors that carry their own.
    public var countryFrom: String?
    /// The place the mention's own words name ("Kharkiv governor"), set by the Geo stage.
    public var place: Location?

    public init(text: String, name: String, code: String, span: Span, countryFrom: String? = nil) {
        self.text = text
        self.name = name
        self.code = code
        if countryFrom == "none" {
            self.country = ""
            self.sector = String(code.prefix(3))
        } else {
            self.country = ActorCode.country(of: code)
            self.sector = ActorCode.sector(of: code)
        }
        self.span = [span.start, span.end]
        self.countryFrom = countryFrom
    }
}

/// Whether the text asserts that the event happened or that it did not.
public enum Polarity: String, Sendable, Codable, Hashable {
    case affirmed, negated
}

/// How the text commits to the event.
public enum Modality: String, Sendable, Codable, Hashable, CaseIterable {
    /// Stated as fact by the text.
    case asserted
    /// Attributed to someone else ("reportedly", "X said that ...").
    case reported
    /// A plan, vow, pledge or threat ("vowed to help").
    case intended
    /// Conditional or possible ("would", "could", "if").
    case hypothetical
    /// Asked or called for ("urged X to").
    case requested
}

/// Where a record came from in the text.
public struct Evidence: Hashable, Sendable, Codable {
    /// The verb or noun that triggered the record.
    public var verb: String
    /// Byte range of the trigger in the original text.
    public var span: [Int]
    /// The dictionary pattern or extraction rule, `FILE:LINE pattern`.
    public var rule: String

    public init(verb: String, span: Span, rule: String) {
        self.verb = verb
        self.span = [span.start, span.end]
        self.rule = rule
    }
}

/// A coded event: who did what to whom, when.
public struct EventRecord: Hashable, Sendable, Codable {
    public var kind: String = "event"
    public var id: String
    public var doc: String
    public var sentence: Int
    public var text: String
    public var date: String
    public var source: ActorRef?
    public var target: ActorRef?
    public var cameo: String
    public var root: String
    public var plover: String?
    public var quad: Int
    public var goldstein: Double
    public var polarity: Polarity
    public var modality: Modality
    public var mentions: Int
    public var evidence: Evidence
    /// Present with `--explain`: the spans of source, verb and target and the pattern.
    public var explain: Explanation?
    /// Where the event happened, set by the Geo stage (``Geolocator``); nil when the text does not say.
    public var location: Location?

    public init(
        id: String, doc: String, sentence: Int, text: String, date: String, source: ActorRef?,
        target: ActorRef?, code: CameoCode, polarity: Polarity, modality: Modality, mentions: Int,
        evidence: Evidence, explain: Explanation? = nil
    ) {
        self.id = id
        self.doc = doc
        self.sentence = sentence
        self.text = text
        self.date = date
        self.source = source
        self.target = target
        self.cameo = code.code
        self.root = code.root
        self.plover = code.plover
        self.quad = code.quadClass
        self.goldstein = code.goldstein
        self.polarity = polarity
        self.modality = modality
        self.mentions = mentions
        self.evidence = evidence
        self.explain = explain
    }

    /// An event whose CAMEO fields are given as stored (an event read back from a database).
    public init(
        id: String, doc: String, sentence: Int, text: String, date: String, source: ActorRef?, target: ActorRef?,
        cameo: String, root: String, plover: String?, quad: Int, goldstein: Double, polarity: Polarity,
        modality: Modality, mentions: Int, evidence: Evidence
    ) {
        self.id = id
        self.doc = doc
        self.sentence = sentence
        self.text = text
        self.date = date
        self.source = source
        self.target = target
        self.cameo = cameo
        self.root = root
        self.plover = plover
        self.quad = quad
        self.goldstein = goldstein
        self.polarity = polarity
        self.modality = modality
        self.mentions = mentions
        self.evidence = evidence
    }
}

/// Debugging detail attached to an event under `--explain`.
public struct Explanation: Hashable, Sendable, Codable {
    public var pattern: String
    public var source: [Int]?
    public var verb: [Int]
    public var target: [Int]?
    public var notes: [String]
    public init(pattern: String, source: Span?, verb: Span, target: Span?, notes: [String]) {
        self.pattern = pattern
        self.source = source.map { [$0.start, $0.end] }
        self.verb = [verb.start, verb.end]
        self.target = target.map { [$0.start, $0.end] }
        self.notes = notes
    }
}

/// The kinds of affiliation between actors.
public enum RelationKind: String, Sendable, Codable, Hashable, CaseIterable {
    case partOf = "part_of"
    case memberOf = "member_of"
    case leads
    case alliedWith = "allied_with"
    case controls
    case basedIn = "based_in"
}

/// An affiliation stated in the text: subject —relation→ object.
public struct RelationRecord: Hashable, Sendable, Codable {
    public var kind: String = "relation"
    public var id: String
    public var doc: String
    public var sentence: Int
    public var text: String
    public var subject: ActorRef
    public var relation: RelationKind
    public var label: String?
    public var object: ActorRef
    public var date: String
    public var evidence: Evidence

    public init(
        id: String, doc: String, sentence: Int, text: String, subject: ActorRef, relation: RelationKind,
        label: String?, object: ActorRef, date: String, evidence: Evidence
    ) {
        self.id = id
        self.doc = doc
        self.sentence = sentence
        self.text = text
        self.subject = subject
        self.relation = relation
        self.label = label
        self.object = object
        self.date = date
        self.evidence = evidence
    }
}

/// One line of `annals code` output.
public enum Record: Hashable, Sendable {
    case event(EventRecord)
    case relation(RelationRecord)
}

/// Helpers on CAMEO actor codes (`IRNMIL` → country `IRN`, sector `MIL`).
public enum ActorCode {
    public static func country(of code: String) -> String { String(code.prefix(3)) }
    public static func sector(of code: String) -> String {
        let u = Array(code.utf8)
        guard u.count >= 6 else { return "" }
        return String(decoding: u[3..<6], as: UTF8.self)
    }
}
