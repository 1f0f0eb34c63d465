/// The country a generic agent belongs to when the text names none for it.
///
/// "Police arrested five protesters in Cairo": neither "police" nor "protesters" carries a country, but
/// the text supports one. As ICEWS and GDELT do, the country comes from, in order: a place the sentence
/// says the event happened in ("in Cairo", "near Kharkiv"), the dateline ("PESHAWAR, Pakistan
/// (Reuters) -"), else the document's dominant country so far. Each record says which
/// (``ActorRef/countryFrom``); with none, the agent keeps its bare role code (`COP`), as CAMEO allows.
struct ContextCountry {
    enum Source: String {
        case place, dateline, document
    }

    /// Country codes of the resolved named mentions seen so far in the document, with counts.
    private var counts: [String: Int] = [:]
    private var order: [String] = []
    /// The dateline's country, when it names one.
    let dateline: String?

    init(dateline: String?) { self.dateline = dateline }

    /// Counts the countries named in an analysed sentence.
    mutating func observe(_ mentions: [Mention], countries: Set<String>) {
        for m in mentions where m.isResolved && m.kind == .named {
            guard let c = Self.countryCode(m.code), countries.contains(c) else { continue }
            if counts[c] == nil { order.append(c) }
            counts[c, default: 0] += 1
        }
    }

    /// The most often named country (the first named on ties).
    var dominant: String? {
        var best: String?
        for c in order where best == nil || counts[c]! > counts[best!]! { best = c }
        return best
    }

    /// The country for a generic agent in a sentence whose event is at `placeCountry` (if stated);
    /// the document's dominant country only when it is not one of `excluded` (the other party's).
    func country(place placeCountry: String?, excludingFromDocument excluded: Set<String> = []) -> (String, Source)? {
        if let p = placeCountry { return (p, .place) }
        if let d = dateline { return (d, .dateline) }
        if let d = dominant, !excluded.contains(d) { return (d, .document) }
        return nil
    }

    static func countryCode(_ code: String) -> String? {
        let u = Array(code.utf8.prefix(3))
        guard u.count == 3, u.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        return String(decoding: u, as: UTF8.self)
    }
}

extension SentenceCoder {
    /// The country of a place the sentence locates an event in: a country or place mention right
    /// after "in", "near", "at", "across", "inside" or "outside", in the clause of the trigger at
    /// `trigger` (no other verb between them): "the defence minister said it would be wrong to send them
    /// to Guantánamo Bay in Cuba" places the sending, not the minister.
    func placeCountry(_ a: Analysis, trigger: Range<Int>? = nil) -> String? {
        for m in a.mentions where m.isResolved && m.start > 0 {
            if let t = trigger {
                let between =
                    m.start >= t.upperBound ? t.upperBound..<m.start : m.end <= t.lowerBound ? m.end..<t.lowerBound : 0..<0
                if a.groups.contains(where: { between.contains($0.head) }) { continue }
            }
            let before = a.tokens[m.start - 1]
            guard ClosedClass.locativePrepositions.contains(before.key) else { continue }
            let isPlace = m.isPlace || m.actor.map { lexicon.actors[$0].type == .country || lexicon.actors[$0].type == .place } == true
            guard isPlace, let c = ContextCountry.countryCode(m.code), countryCodes.contains(c) else { continue }
            return c
        }
        return nil
    }
}

extension SentenceCoder {
    /// The country a short place text names ("PESHAWAR, Pakistan", "Cairo"): its first country, or
    /// the country of its first place.
    func country(namedIn text: String) -> String? {
        let tokens = Tokenizer.tokens(of: text)
        for p in recognizer.pieces(tokens) {
            switch p.meaning {
            case .name(let a), .adjective(let a), .seat(let a), .people(let a):
                let entry = lexicon.actors[a]
                guard entry.type == .country || entry.type == .place, let c = ContextCountry.countryCode(entry.code(on: nil)),
                    countryCodes.contains(c)
                else { continue }
                return c
            case .agent: continue
            }
        }
        return nil
    }
}
