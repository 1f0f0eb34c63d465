/// The country context of a point in a document, for the coder's country-from-context of generic
/// actors ("police", "the army", "protesters"): the one place mechanism both the coder and the event
/// locations use.
///
/// ```swift
/// let geo = Geolocator.bundled!
/// let analysis = geo.analyse(document, sentences: sentences)           // once per document
/// let context = analysis.context(sentence: 3, trigger: verbSpan, geolocator: geo)
/// let country = context.country                                       // "PAK", or nil
/// ```
/// `country` is, in order: the country of the place where the event happened (its sentence's locative
/// or event-noun place: "police in Peshawar" → PAK), else of the dateline ("PESHAWAR, Pakistan
/// (Reuters) -"), else the document's dominant country (most place mentions, scenes counted double),
/// else nil. The parts are there too for a coder that weighs them itself.
public struct PlaceContext: Sendable, Hashable {
    /// Country of the sentence's scene nearest the trigger (ISO alpha-3), nil when none.
    public var eventCountry: String?
    /// Country of the dateline's place.
    public var datelineCountry: String?
    /// The document's dominant country.
    public var documentCountry: String?
    /// Countries of every resolved place the sentence names, in text order, without repeats.
    public var sentenceCountries: [String]

    /// The best single guess: event, else dateline, else document.
    public var country: String? { eventCountry ?? datelineCountry ?? documentCountry }
}

extension GeoAnalysis {
    /// The place context of sentence `sentence` (``Sentence/index``) around a trigger span of the
    /// original text (nil: the sentence as a whole, nearest its start).
    public func context(sentence: Int, trigger: Span?, geolocator: Geolocator) -> PlaceContext {
        var result = PlaceContext(
            eventCountry: nil, datelineCountry: dateline?.country, documentCountry: dominantCountry, sentenceCountries: [])
        guard let s = sentenceIndex[sentence] else { return result }
        let places = sentences[s]
        for m in places.mentions {
            guard let p = m.place else { continue }
            let c = geolocator.gazetteer.places[Int(p)].country
            if !c.isEmpty && !result.sentenceCountries.contains(c) { result.sentenceCountries.append(c) }
        }
        let range = trigger.flatMap { places.tokenRange($0) } ?? 0..<0
        let spans = EventLocator.EventSpans(trigger: range, source: nil, target: nil, quad: 0, code: "")
        if let m = geolocator.locator.scene(of: spans, mentions: places.mentions, tokens: places.tokens, gazetteer: geolocator.gazetteer),
            let p = places.mentions[m].place
        {
            let c = geolocator.gazetteer.places[Int(p)].country
            result.eventCountry = c.isEmpty ? nil : c
        }
        return result
    }
}
