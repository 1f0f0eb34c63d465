/// Reads the relations of one analysed sentence.
struct RelationReader {
    let lexicon: Lexicon
    let a: SentenceCoder.Analysis
    let coder: SentenceCoder
    let sentence: Sentence
    let day: Day?
    let pieces: [MentionRecognizer.Piece]
    /// Lower-cased token texts.
    let words: LowercasedWords
    /// Lists of coordinated mentions: items and the token where the list (with trailing locatives) ends.
    private(set) var lists: [(items: [Int], end: Int)] = []

    init(
        lexicon: Lexicon, a: SentenceCoder.Analysis, coder: SentenceCoder, sentence: Sentence, day: Day?, pieces: [MentionRecognizer.Piece]
    ) {
        self.lexicon = lexicon
        self.a = a
        self.coder = coder
        self.sentence = sentence
        self.day = day
        self.pieces = pieces
        self.words = LowercasedWords(text: sentence.text, tokens: a.tokens)
        self.lists = findLists()
    }

    var count: Int { a.tokens.count }

    static let pastRoles = RelationWordLists.bundled["past-roles"].words

    /// "former Israeli prime minister Ehud Barak": a role that no longer holds on the document's date.
    func pastRole(_ range: Range<Int>) -> Bool {
        let from = max(0, range.lowerBound - 2)
        return (from..<min(count, range.upperBound)).contains {
            Self.pastRoleKeys.contains(a.tokens[$0].key) || words.hasPrefix($0, "ex-")
        }
    }

    /// The key of token `p`: the hash of its lower-cased text, compared instead of strings.
    @inline(__always)
    func key(_ p: Int) -> UInt64 { a.tokens[p].key }

    /// Whether there is a token `p` and it is the word with key `k`.
    @inline(__always)
    func isWord(_ p: Int, _ k: UInt64) -> Bool { p >= 0 && p < count && a.tokens[p].key == k }

    func read() -> [FoundRelation] {
        var out: [FoundRelation] = []
        for m in a.mentions.indices { out += chunkRelations(m) }
        out += roleLinks()
        // The rules below start at a cue word; one pass finds which cues the sentence has at all.
        let cues = RelationCues(a.tokens)
        if cues.contains(.relationNoun) { out += relationNouns() }
        if cues.contains(.by) { out += byPhrases() }
        out += compounds()
        if cues.contains(.controlPlace) { out += controlAndPlace() }
        if cues.contains(.inclusion) { out += inclusionLists() }
        out += verbRelations()
        out += namedParts()
        out += appositiveDescriptions()
        out += governmentsByLeader()
        let described = descriptions()
        if !described.isEmpty {
            // A description naming its person overrides the dictionaries' guess of who holds the
            // role ("Adnan Afrini, the SDF commander" is not the SDF's leader of record).
            out.removeAll { f in
                f.rule == "described person"
                    && described.contains {
                        $0.trigger.overlaps(f.trigger) || $0.object.start < f.trigger.upperBound && f.trigger.lowerBound < $0.object.end
                    }
            }
            out += described
        }
        out.removeAll { $0.subject.isSame(as: $0.object) }
        return out
    }

    // MARK: records

    func actorRef(_ p: RelationParty) -> ActorRef {
        let s = Int(a.tokens[p.start].start)
        let e = Int(a.tokens[p.end - 1].end)
        return ActorRef(text: sentence.text.utf8Slice(s, e), name: p.name, code: p.code, span: sentence.originalSpan(s, e))
    }

    func record(_ f: FoundRelation, document: Document) -> RelationRecord? {
        var subject = actorRef(f.subject)
        var object = actorRef(f.object)
        // A name the dictionaries do not know takes a provisional code from what it belongs to.
        if subject.code.isEmpty, !object.code.isEmpty {
            let code =
                f.relation == .basedIn
                ? ActorCode.country(of: object.code) : f.relation == .alliedWith || f.relation == .controls ? "" : object.code
            subject = ActorRef(text: subject.text, name: subject.name, code: code, span: Span(subject.span[0], subject.span[1]))
        }
        if object.code.isEmpty, !subject.code.isEmpty, f.relation == .controls || f.relation == .leads {
            object = ActorRef(text: object.text, name: object.name, code: subject.code, span: Span(object.span[0], object.span[1]))
        }
        let ts = Int(a.tokens[f.trigger.lowerBound].start)
        let te = Int(a.tokens[f.trigger.upperBound - 1].end)
        let span = sentence.originalSpan(ts, te)
        let evidence = Evidence(verb: sentence.text.utf8Slice(ts, te), span: span, rule: "relations: \(f.rule)")
        let date = document.date?.description ?? ""
        let key = "\(document.id)|\(sentence.index)|\(subject.name)|\(f.relation.rawValue)|\(object.name)|\(span.start)"
        return RelationRecord(
            id: StableID.make(key), doc: document.id, sentence: sentence.index, text: sentence.text, subject: subject,
            relation: f.relation, label: f.label, object: object, date: date, evidence: evidence)
    }
}
