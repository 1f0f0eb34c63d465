/// The seventeen Universal POS tags.
public enum UPOS: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X

    public init(name: some StringProtocol) {
        self = Self.allCases.first { "\($0)" == name } ?? .X
    }

    public var description: String {
        switch self {
        case .ADJ: "ADJ"
        case .ADP: "ADP"
        case .ADV: "ADV"
        case .AUX: "AUX"
        case .CCONJ: "CCONJ"
        case .DET: "DET"
        case .INTJ: "INTJ"
        case .NOUN: "NOUN"
        case .NUM: "NUM"
        case .PART: "PART"
        case .PRON: "PRON"
        case .PROPN: "PROPN"
        case .PUNCT: "PUNCT"
        case .SCONJ: "SCONJ"
        case .SYM: "SYM"
        case .VERB: "VERB"
        case .X: "X"
        }
    }

    /// Nouns, proper nouns, pronouns and numbers: what can head a nominal.
    public var isNominal: Bool { self == .NOUN || self == .PROPN || self == .PRON || self == .NUM }
}

/// The universal dependency relations (the part of a `DEPREL` before any `:subtype`).
public enum UDRelation: UInt8, Sendable, CaseIterable {
    case acl, advcl, advmod, amod, appos, aux, `case`, cc, ccomp, clf, compound, conj, cop, csubj, dep, det, discourse,
        dislocated, expl, fixed, flat, goeswith, iobj, list, mark, nmod, nsubj, nummod, obj, obl, orphan, parataxis,
        punct, reparandum, root, vocative, xcomp

    /// The relation of a full label: "nsubj:pass" → `.nsubj`; unknown labels are `.dep`.
    public init(label: some StringProtocol) {
        let text = String(label)
        let base = text.firstIndex(of: ":").map { String(text[..<$0]) } ?? text
        self = Self.allCases.first { $0.name == base } ?? .dep
    }

    public var name: String { "\(self)".replacingOccurrences(of: "`", with: "") }
}
