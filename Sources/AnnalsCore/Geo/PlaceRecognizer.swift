/// A place name found in a sentence, with its gazetteer candidates and how the sentence uses it.
public struct PlaceMention: Sendable, Hashable {
    /// How the sentence uses the name.
    public enum Cue: String, Sendable, Hashable {
        /// After a locative word: "in Hebron", "near the northern city of Kharkiv".
        case locative
        /// Before an event noun: "the Paris attacks".
        case event
        /// After "from" or "to": a scene only inside an event's trigger ("aid deliveries to Gaza").
        case directional
        /// Neither: "Syria's president", "talks with Iran".
        case none
    }
    /// Token range of the name, with place nouns that follow it ("Idlib province").
    public var start: Int
    public var end: Int
    /// Gazetteer indices of the places the name can be, best first once resolved.
    public var candidates: [Int32]
    public var cue: Cue
    /// The mention that names the place containing this one ("Paris, Texas", "Pakistan's Swat valley").
    public var container: Int?
    /// True when this mention only says where another is (the "Texas" of "Paris, Texas").
    public var isContainer = false
    /// The chosen candidate, set by ``PlaceResolver``.
    public var place: Int32?
}

/// Finds place names in a sentence's tokens: the longest gazetteer name at each capitalised token,
/// skipping names that are parts of other names ("the Washington Post", "President Jackson").
public struct PlaceRecognizer: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public func mentions(_ tokens: [Token], text: String) -> [PlaceMention] {
        var copy = text
        return copy.withUTF8 { mentions(tokens, bytes: $0) }
    }

    func mentions(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> [PlaceMention] {
        let cues = gazetteer.cues
        var out: [PlaceMention] = []
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            // Most tokens are lower-case words that start no name: two flag tests rule them out.
            let capitalised = t.flags.contains(.capitalized) || t.flags.contains(.allCaps)
            guard capitalised || gazetteer.mayStartLowercaseName(t.key), !t.flags.contains(.punctuation),
                gazetteer.mayStartName(t.key), let m = gazetteer.longestMatch(tokens, from: i)
            else {
                i += 1
                continue
            }
            guard capitalised || m.lowerStart, accept(tokens, bytes, i, m.end, cues) else {
                i += 1
                continue
            }
            var end = m.end
            while end < n, cues.after.contains(tokens[end].key), !tokens[end].flags.contains(.capitalized) { end += 1 }
            var mention = PlaceMention(start: i, end: end, candidates: m.places, cue: .none)
            mention.cue = cue(tokens, bytes, mention, &out, cues)
            out.append(mention)
            i = end
        }
        linkContainers(tokens, &out, cues)
        return out
    }

    /// Rejects a name that is part of a person's, a storm's or an organisation's name. (Names that are
    /// common English words, "Bath", "Reading", are left out of the gazetteer by its build script.)
    private func accept(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ cues: GeoCues) -> Bool {
        if start > 0 {
            let p = tokens[start - 1]
            if cues.title.contains(p.key) { return false }
            // "the Kurdish Aleppo district": a nationality adjective is no first name.
            if cues.isDemonym(ArraySlice(bytes[Int(p.start)..<Int(p.end)].map(TokenKey.lowerASCII))) { return true }
            // "Michael Jordan", "Paris Hilton"'s first name: a capitalised word before that is no place.
            if p.flags.contains(.capitalized), !p.flags.contains(.sentenceInitial), !p.flags.contains(.allCaps),
                !gazetteer.mayStartName(p.key) || gazetteer.longestMatch(tokens, from: start - 1) == nil
            {
                return false
            }
        }
        if end < tokens.count, tokens[end].flags.contains(.capitalized), cues.notName.contains(tokens[end].key) { return false }
        return true
    }

    /// The cue of a mention: a locative word to its left (through skip words and a genitive
    /// container, "in Pakistan's Swat valley"), else an event noun to its right.
    private func cue(
        _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ mention: PlaceMention, _ earlier: inout [PlaceMention], _ cues: GeoCues
    ) -> PlaceMention.Cue {
        var j = mention.start - 1
        var steps = 0
        while j >= 0, steps < 10 {
            let t = tokens[j]
            if cues.locative.contains(t.key) { return .locative }
            if cues.directional.contains(t.key) { return .directional }
            if t.flags.contains(.possessive), let last = earlier.indices.last, earlier[last].end == j {
                // "Pakistan's Swat valley": the genitive names the container; go on left of it.
                j = earlier[last].start - 1
                steps += 1
                continue
            }
            let word = ArraySlice(bytes[Int(t.start)..<Int(t.end)].map(TokenKey.lowerASCII))
            if cues.skip.contains(t.key) || t.flags.contains(.numeric) || cues.hasSkipSuffix(word)
                || (t.flags.contains(.capitalized) && cues.isDemonym(word) && !gazetteer.mayStartName(t.key))
            {
                j -= 1
                steps += 1
                continue
            }
            break
        }
        // "the Paris attacks", "after the Christchurch mosque shootings": a determiner before, an event
        // noun right after or after one more word.
        guard mention.start > 0, cues.eventDeterminers.contains(tokens[mention.start - 1].key) else { return .none }
        var k = mention.end
        while k < tokens.count, k < mention.end + 2 {
            let t = tokens[k]
            if t.flags.contains(.punctuation) { break }
            if cues.event.contains(t.key) { return .event }
            k += 1
        }
        return .none
    }

    /// Links "Paris, Texas", "Hebron in the West Bank" and "Pakistan's Swat valley" to their
    /// containers, where some candidate of the container can contain some candidate of the place.
    private func linkContainers(_ tokens: [Token], _ mentions: inout [PlaceMention], _ cues: GeoCues) {
        guard mentions.count > 1 else { return }
        for a in 0..<(mentions.count - 1) {
            let b = a + 1
            let gap = mentions[a].end
            var link: (inner: Int, outer: Int)?
            if mentions[b].start == gap + 1, tokens[gap].key == GeoCues.commaKey {
                link = (a, b)
            } else if mentions[b].start > gap, cues.container.contains(tokens[gap].key),
                mentions[b].start == gap + 1 || (mentions[b].start == gap + 2 && tokens[gap + 1].key == GeoCues.theKey)
            {
                link = (a, b)
            } else if mentions[b].start > gap, tokens[gap].flags.contains(.possessive),
                (gap + 1..<mentions[b].start).allSatisfy({ cues.skip.contains(tokens[$0].key) })
            {
                // "Pakistan's Swat valley", "Lebanon's northern city of Tripoli".
                link = (b, a)
            }
            guard let (inner, outer) = link, mentions[inner].container == nil,
                contains(mentions[outer].candidates, mentions[inner].candidates)
            else { continue }
            mentions[inner].container = outer
            mentions[outer].isContainer = true
        }
    }

    private func contains(_ outer: [Int32], _ inner: [Int32]) -> Bool {
        for o in outer {
            for i in inner where i != o && Self.contains(gazetteer.places[Int(o)], gazetteer.places[Int(i)]) { return true }
        }
        return false
    }

    /// Can `outer` contain `inner`? A country its places, a division its country's places with the same
    /// admin1 code, a region its country's cities.
    static func contains(_ outer: Place, _ inner: Place) -> Bool {
        guard outer.country == inner.country, !outer.country.isEmpty else { return false }
        switch outer.feature {
        case .country: return inner.feature != .country
        case .adm1: return (inner.feature == .city && inner.adm1 == outer.adm1) || inner.feature == .region
        case .region: return inner.feature == .city || inner.feature == .region
        case .city: return false
        }
    }
}
