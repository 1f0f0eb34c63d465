/// Extracts affiliations stated in text (part of, member of, leads, allied with, controls, based in)
/// as ``RelationRecord``s dated by the document, each with the words that triggered it.
///
/// It reads the same analysis the event coder uses (mentions with their `parts` and `scope`, verb
/// groups, subjects) plus the dictionary phrase pieces inside each mention, and applies a handful of
/// general mechanisms (see docs/network.md):
///
/// - **inside a mention chunk**: `Iran's Quds Force commander Esmail Qaani` (Qaani leads the Quds
///   Force; the Quds Force is part of Iran, because the dictionaries put it inside the IRGC inside
///   Iran), `the IRGC elite Quds Force` (part of, label "elite unit"), `Hamas chief Ismail Haniyeh`,
///   `Iran's Supreme Leader` (the dictionaries' leader of Iran), `the military wing of Hamas` (a
///   labelled part);
/// - **copulas, relative clauses and appositives** linking an actor to a role-bearing mention:
///   `X, which serves as the military wing of Y`, `X, the commander of Y`;
/// - **relation nouns**: `X forms part of Y`, `X is an ally of Y`, `Y and its proxy X`, `members of Y`;
/// - **participles with `by`** and hyphenated compounds: `headed by`, `led by`, `backed by`,
///   `controlled by`, `Iran-backed X`, `US-led X`;
/// - **control and place**: `taking control of X, including A, B and C`, `based in Y`;
/// - **membership lists** under an alliance: `the Axis of Resistance, including A, B and C`.
///
/// Lists ("A, B, and C which are all part of Y") distribute the relation over their members.
struct RelationExtractor {
    let lexicon: Lexicon

    /// Relations of a document whose sentences the event coder has already analysed and resolved
    /// (`analyses[i]` belongs to `sentences[i]`), so nothing is analysed twice.
    func relations(_ document: Document, sentences: [Sentence], analyses: [SentenceCoder.Analysis], coder: SentenceCoder)
        -> [RelationRecord]
    {
        relations(document, sentences: sentences, coder: coder, reuse: analyses)
    }

    func relations(_ document: Document, sentences: [Sentence], coder: SentenceCoder, reuse: [SentenceCoder.Analysis]? = nil)
        -> [RelationRecord]
    {
        var coref = Coreference(lexicon: lexicon)
        let recognizer = MentionRecognizer(lexicon: lexicon)
        var out: [RelationRecord] = []
        var seen = Set<String>()
        // Actors named so far in the document (keyed by actor index; see `KeyMap`).
        var named = KeyMap<Bool>(capacity: 64)
        let day = document.date
        for (index, sentence) in sentences.enumerated() {
            var a: SentenceCoder.Analysis
            if let reuse, index < reuse.count {
                a = reuse[index]
            } else {
                a = coder.analyse(sentence, day: day)
                // The same coreference pass the event coder runs, so "the Palestinian militant group" is Hamas.
                let groups = a.groups
                let subjects = a.subjects
                let objects = a.objects
                let tokens = a.tokens
                let starts = a.mentions.map(\.start)
                coref.resolve(
                    &a.mentions, tokens: tokens, subjects: Set(subjects.joined()),
                    governor: { n in
                        guard let g = groups.indices.last(where: { groups[$0].head < starts[n] && !groups[$0].infinitival }) else {
                            return nil
                        }
                        return Coreference.Governor(subject: subjects[g], object: objects[g], verb: tokens[groups[g].head].key)
                    }, day: day)
            }
            takeNamedOrganisations(&a, named: named, day: day)
            var parties = 0
            for n in a.mentions.indices {
                // Fields are read in place: copying a `Mention` retains its strings and arrays.
                for x in a.mentions[n].parts { named[UInt64(x)] = true }
                if let x = a.mentions[n].actor { named[UInt64(x)] = true }
                if a.mentions[n].isResolved || a.mentions[n].kind == .unknown { parties += max(1, a.mentions[n].parts.count) }
            }
            // A relation needs two parties: two actors, or two inside one phrase ("Iran's Quds Force").
            // One mention can still hold a person and the role that relates them ("Hezbollah commander
            // Karim Nasser"): agents are read for descriptions alone.
            // One mention can also name the second party in its own words: a compound ("US-led",
            // "Paris-based") or a name that opens with its parent's ("the UN refugee agency").
            let full = parties >= 2 || a.mentions.contains { m in statesSecondParty(m, a.tokens, sentence) }
            guard full || a.mentions.contains(where: { $0.kind == .agent && $0.isPerson }) else { continue }
            let reader = RelationReader(
                lexicon: lexicon, a: a, coder: coder, sentence: sentence, day: day,
                pieces: a.pieces.isEmpty ? recognizer.pieces(a.tokens) : a.pieces)
            for found in full ? reader.read() : reader.descriptions().filter({ !$0.subject.isSame(as: $0.object) }) {
                guard let record = reader.record(found, document: document) else { continue }
                let key =
                    "\(record.subject.name)|\(record.subject.code)|\(record.relation.rawValue)|\(record.object.name)|\(record.object.code)"
                if seen.insert(key).inserted { out.append(record) }
            }
        }
        return out
    }

    /// Whether mention `m` holds a relation's second party in its own words: an unknown
    /// capitalised name with a hyphenated compound in or just before it ("US-led", "Paris-based
    /// photographer X"), or a dictionary organisation
    /// of two or more words that belongs to another organisation ("the UN high commissioner").
    private func statesSecondParty(_ m: Mention, _ tokens: [Token], _ sentence: Sentence) -> Bool {
        switch m.kind {
        case .unknown:
            // The compound may stand before the name, outside the mention ("Paris-based photographer X").
            let s = Int(tokens[max(0, m.start - 3)].start), e = Int(tokens[m.end - 1].end)
            return sentence.text.utf8.dropFirst(s).prefix(e - s).contains(UInt8(ascii: "-"))
        case .named:
            guard m.end - m.start >= 2, let x = m.actor else { return false }
            return lexicon.actors[x].affiliations.contains { aff in
                aff.relation == .partOf && lexicon.actorIndex[aff.target].map { lexicon.actors[$0].type != .country } == true
            }
        default:
            return false
        }
    }

    /// "the militant group" names a whole organisation: when coreference lands on a wing and the
    /// organisation it belongs to was named, take the organisation.
    private func takeNamedOrganisations(_ a: inout SentenceCoder.Analysis, named: KeyMap<Bool>, day: Day?) {
        for n in a.mentions.indices
        where a.mentions[n].kind == .pronoun && Coreference.groupNouns.contains(a.tokens[a.mentions[n].head].key) {
            guard let x = a.mentions[n].actor,
                let parent = lexicon.actors[x].affiliations.first(where: { $0.relation == .partOf }).flatMap({
                    lexicon.actorIndex[$0.target]
                }),
                lexicon.actors[parent].type != .country, named.contains(UInt64(parent))
            else { continue }
            retarget(&a.mentions, n, to: parent, day: day)
        }
    }

    /// Points mention `n` at `actor`. Kept out of line on purpose: with the write inside the loop
    /// above, the compiler copies the (shared) mentions array before every loop, even when nothing
    /// is written; here it is copied only when a mention changes.
    @inline(never)
    private func retarget(_ mentions: inout [Mention], _ n: Int, to actor: Int, day: Day?) {
        let e = lexicon.actors[actor]
        mentions[n].actor = actor
        mentions[n].name = e.name
        mentions[n].code = e.code(on: day)
    }
}

/// One side of a relation found in a sentence.
struct RelationParty: Hashable {
    /// Dictionary actor index, nil for a name the dictionaries do not know.
    var actor: Int?
    var name: String
    var code: String
    /// Token range in the sentence.
    var start: Int
    var end: Int
    var isPerson: Bool

    var key: String { actor.map { "#\($0)" } ?? "~" + name.lowercased() }

    /// Same as `key == other.key`, without building the keys.
    func isSame(as other: RelationParty) -> Bool {
        switch (actor, other.actor) {
        case (let x?, let y?): x == y
        case (nil, nil): name.lowercased() == other.name.lowercased()
        default: false
        }
    }
}

/// A relation before it becomes a record.
struct FoundRelation {
    var subject: RelationParty
    var relation: RelationKind
    var label: String?
    var object: RelationParty
    /// Token range of the trigger words.
    var trigger: Range<Int>
    var rule: String
}
