/// The Geo stage: finds and resolves the place mentions of a coded document and attaches to each
/// event where it happened (``EventRecord/location``) and to its actors the places their words name
/// (``ActorRef/place``).
///
/// A pure post-coding stage: it reads the document, its sentences and the events' spans, and changes
/// nothing but the location fields.
///
/// ```swift
/// let geo = Geolocator(gazetteer: try Gazetteer.loadBundled())
/// var coded = DictionaryCoder(lexicon: lexicon).code(doc, sentences: sentences, options: options)
/// geo.locate(&coded)
/// ```
public struct Geolocator: Sendable {
    public let gazetteer: Gazetteer
    let recognizer: PlaceRecognizer
    let resolver: PlaceResolver
    let locator = EventLocator()

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.recognizer = PlaceRecognizer(gazetteer: gazetteer)
        self.resolver = PlaceResolver(gazetteer: gazetteer)
    }

    /// The bundled gazetteer's geolocator, nil (and geolocation off) if its resources cannot be read.
    public static let bundled: Geolocator? = (try? Gazetteer.loadBundled()).map { Geolocator(gazetteer: $0) }

    /// Sentences at the top of a document that count as its context besides the events' own.
    static let leadSentences = SentenceSyntax.leadSentences

    /// Attaches locations to the events of `coded`.
    public func locate(_ coded: inout CodedDocument) {
        guard !coded.events.isEmpty else { return }
        var countries: [Int: Set<String>] = [:]
        for e in coded.events {
            // Only the countries actors carry themselves: one taken from context (``ActorRef/countryFrom``)
            // is no evidence of where the event happened.
            let own = [e.source, e.target].compactMap { $0 }.filter { $0.countryFrom == nil }.map(\.country)
            for c in own where gazetteer.countryIndex[c] != nil {
                countries[e.sentence, default: []].insert(c)
            }
        }
        // The sentences that state events and the lead (headline and first sentences, which set the
        // scene): the document context, without tokenising every sentence a second time.
        let wanted = Set(coded.events.map(\.sentence))
        let sentences = coded.sentences.enumerated().filter { $0.offset < Self.leadSentences || wanted.contains($0.element.index) }
            .map(\.element)
        let analysis = analyse(coded.document, sentences: sentences, actorCountries: countries, syntax: coded.syntax)
        for e in coded.events.indices {
            let event = coded.events[e]
            guard let s = analysis.sentenceIndex[event.sentence] else { continue }
            let sentence = analysis.sentences[s]
            let spans = EventLocator.EventSpans(
                trigger: sentence.tokenRange(Span(event.evidence.span[0], event.evidence.span[1])) ?? 0..<0,
                source: event.source.flatMap { sentence.tokenRange(Span($0.span[0], $0.span[1])) },
                target: event.target.flatMap { sentence.tokenRange(Span($0.span[0], $0.span[1])) },
                quad: event.quad, code: event.cameo, targetCountry: event.target.map { ActorCode.country(of: $0.code) })
            if let m = locator.scene(
                of: spans, mentions: sentence.mentions, tokens: sentence.tokens, tree: sentence.tree, gazetteer: gazetteer)
            {
                coded.events[e].location = sentence.location(m, gazetteer, from: .sentence)
            } else if let dateline = analysis.dateline {
                coded.events[e].location = dateline
            }
            if let location = coded.events[e].location {
                coded.events[e].source?.adopt(location)
                coded.events[e].target?.adopt(location)
            }
            if let r = spans.source, let m = actorPlace(r, sentence) {
                coded.events[e].source?.place = sentence.location(m, gazetteer, from: .actor)
            }
            if let r = spans.target, let m = actorPlace(r, sentence) {
                coded.events[e].target?.place = sentence.location(m, gazetteer, from: .actor)
            }
        }
    }

    /// The place an actor's words name ("Kharkiv governor"), else the one its phrase is located at in
    /// the parse ("Syrian rebels in Idlib").
    private func actorPlace(_ r: Range<Int>, _ sentence: GeoAnalysis.SentencePlaces) -> Int? {
        locator.actorPlace(r, in: sentence.mentions)
            ?? locator.finder.actorPlace(r, mentions: sentence.mentions, tokens: sentence.tokens, tree: sentence.tree, cues: gazetteer.cues)
    }

    /// Place mentions of every sentence, resolved in the document's context, and the dateline's place.
    ///
    /// `actorCountries`: by sentence index, the countries of the actors coded there, which count as
    /// that sentence's context ("Lebanese troops clashed with militants in Tripoli"). `syntax`: by
    /// sentence index, the coder's tokens and parse (``CodedDocument/syntax``); a sentence without
    /// them is tokenised here and located without a parse.
    public func analyse(
        _ document: Document, sentences: [Sentence], actorCountries: [Int: Set<String>] = [:], syntax: [Int: SentenceSyntax] = [:]
    ) -> GeoAnalysis {
        var out = GeoAnalysis()
        out.sentences.reserveCapacity(sentences.count)
        var document_ = PlaceResolver.Context()
        for sentence in sentences {
            let parsed = syntax[sentence.index]
            let tokens = parsed?.tokens ?? Tokenizer.tokens(of: sentence.text)
            let mentions = recognizer.mentions(tokens, text: sentence.text)
            out.sentenceIndex[sentence.index] = out.sentences.count
            out.sentences.append(
                GeoAnalysis.SentencePlaces(sentence: sentence, tokens: tokens, mentions: mentions, tree: parsed?.tree ?? .empty))
            if mentions.isEmpty { continue }
            for c in resolver.unambiguousCountries(mentions) { document_.document[c, default: 0] += 1 }
        }
        for c in actorCountries.values.joined() where gazetteer.countryIndex[c] != nil { document_.document[c, default: 0] += 0.5 }
        if let d = datelineLocation(document, context: document_) {
            out.dateline = d
            document_.document[d.country, default: 0] += 2
        }
        for i in out.sentences.indices where !out.sentences[i].mentions.isEmpty {
            var context = document_
            context.sentence = resolver.unambiguousCountries(out.sentences[i].mentions)
                .union(actorCountries[out.sentences[i].sentence.index] ?? [])
            resolver.resolve(&out.sentences[i].mentions, context: context)
            for m in out.sentences[i].mentions {
                guard let p = m.place else { continue }
                out.countryWeights[gazetteer.places[Int(p)].country, default: 0] += m.cue == .none ? 1 : 2
            }
        }
        if let d = out.dateline { out.countryWeights[d.country, default: 0] += 3 }
        return out
    }

    /// The dateline's place: `Document.dateline` ("PESHAWAR"), with the country the original text
    /// gives after a comma ("PESHAWAR, Pakistan (Reuters) -") when it gives one.
    func datelineLocation(_ document: Document, context: PlaceResolver.Context) -> Location? {
        guard let place = document.dateline, !place.isEmpty else { return nil }
        var countryHint: String?
        var span = Span(0, 0)
        if let r = document.text.range(of: place) {
            let start = document.text.utf8.distance(from: document.text.startIndex, to: r.lowerBound)
            span = Span(start, start + place.utf8.count)
            let after = document.text[r.upperBound...].prefix(60)
            if after.first == ",", let stop = after.firstIndex(where: { $0 == "(" || $0 == "-" || $0 == "—" || $0 == "–" }) {
                let words = after[after.index(after: after.startIndex)..<stop].trimmingCharacters(in: .whitespaces)
                countryHint = gazetteer.places(named: words).first { $0.feature == .country }?.country
            }
        }
        let tokens = Tokenizer.tokens(of: place)
        guard let m = gazetteer.longestMatch(tokens, from: 0), m.end == tokens.count else { return nil }
        var mention = [PlaceMention(start: 0, end: m.end, candidates: m.places, cue: .locative)]
        resolver.resolve(&mention, context: PlaceResolver.Context(sentence: countryHint.map { [$0] } ?? [], document: context.document))
        guard let p = mention[0].place else { return nil }
        return Location(place: gazetteer.places[Int(p)], text: place, from: .dateline, span: span)
    }
}

/// The places of one document: per sentence its tokens and resolved mentions, the dateline's place and
/// the weight of each country. Made by ``Geolocator/analyse(_:sentences:actorCountries:)``.
public struct GeoAnalysis: Sendable {
    public struct SentencePlaces: Sendable {
        public var sentence: Sentence
        public var tokens: [Token]
        public var mentions: [PlaceMention]
        /// The sentence's dependency parse, ``DependencyTree/empty`` when the coder did not parse it.
        public var tree: DependencyTree = .empty

        /// The tokens covering a span of the original text.
        func tokenRange(_ span: Span) -> Range<Int>? {
            var first: Int?
            var last = 0
            for (i, t) in tokens.enumerated() {
                let s = Int(sentence.offsets[Int(t.start)])
                let e = Int(sentence.offsets[Int(t.end) - 1]) + 1
                if e > span.start && s < span.end {
                    if first == nil { first = i }
                    last = i + 1
                } else if s >= span.end {
                    break
                }
            }
            return first.map { $0..<last }
        }

        func location(_ m: Int, _ gazetteer: Gazetteer, from: Location.Origin) -> Location? {
            guard let p = mentions[m].place else { return nil }
            let mention = mentions[m]
            let s = Int(tokens[mention.start].start)
            let e = Int(tokens[mention.end - 1].end)
            return Location(
                place: gazetteer.places[Int(p)], text: sentence.text.utf8Slice(s, e), from: from,
                span: sentence.originalSpan(s, e))
        }
    }
    public var sentences: [SentencePlaces] = []
    /// Sentence index (``Sentence/index``) → position in `sentences`.
    public var sentenceIndex: [Int: Int] = [:]
    public var dateline: Location?
    /// Country → weight of its mentions (locative and event-noun mentions count double, the dateline 3).
    public var countryWeights: [String: Double] = [:]

    /// The document's dominant country, nil when it names none.
    public var dominantCountry: String? {
        countryWeights.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

extension ActorRef {
    /// A generic agent placed by the event's place (``countryFrom`` `place`) takes the country the
    /// gazetteer resolved for that place: "militants in Tripoli" are Lebanese when the sentence makes
    /// Tripoli Lebanon's.
    mutating func adopt(_ location: Location) {
        guard countryFrom == "place", location.from == .sentence, location.country.utf8.count == 3,
            location.country != country, code.hasPrefix(country)
        else { return }
        let recoded = location.country + code.dropFirst(country.utf8.count)
        self = ActorRef(text: text, name: name, code: recoded, span: Span(span[0], span[1]), countryFrom: countryFrom)
    }
}
