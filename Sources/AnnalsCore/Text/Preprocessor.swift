#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Text stage: cleans a document and splits it into sentences with offsets into the original.
///
/// Steps, all on the UTF-8 bytes of `Document.text` (which is never modified):
/// 1. Lines and paragraphs: blank lines separate paragraphs. Inside a paragraph, a line break is a
///    soft wrap (a space) unless the line before it has no terminal punctuation and is short compared
///    with the paragraph's longest line while the next line starts with a capital, or the next line
///    starts with a bullet; then it ends the sentence.
/// 2. Headline: when `title` is set and equals the first line of the text (after normalisation), that
///    line is the headline (sentence 0, real offsets). When `title` is set but not repeated in the
///    text, sentence 0 is made from the title itself (see ``Sentence/isFromTitle``). Repeats of the
///    headline at the top of the text are dropped (also without a title when the first two lines are
///    the same).
/// 3. Dateline at the start of the body ("BEIRUT (Reuters) -"): sets `document.dateline` (place) and
///    `document.source` (agency, when `source` is empty) and is left out of the sentence.
/// 4. Boilerplate lines and sentences (``Boilerplate``) are dropped.
/// 5. Normalisation (``NormalizedBuffer``) and sentence splitting (``SentenceSplitter``).
public struct Preprocessor: Sendable {
    public init() {}

    /// Cleans `document.text` and returns its sentences. Sets `document.dateline` and
    /// `document.source` when a dateline ("BEIRUT (Reuters) -") opens the text.
    public func sentences(in document: inout Document) -> [Sentence] {
        var text = document.text
        let sentences = text.withUTF8 { process($0, &document) }
        guard !document.repairs.isEmpty else { return sentences }
        // Offsets into the repaired text become offsets into the input's bytes.
        let map = document.repairs
        return sentences.map { sentence in
            guard !sentence.isFromTitle else { return sentence }
            var s = sentence
            s.offsets = s.offsets.map { Int32(truncatingIfNeeded: map.original(Int($0))) }
            s.span = Span(map.original(sentence.span.start), map.original(sentence.span.end))
            return s
        }
    }

    private struct Line {
        var start: Int
        var end: Int
        var blank: Bool
        var dropped = false
    }

    private func process(_ bytes: UnsafeBufferPointer<UInt8>, _ document: inout Document) -> [Sentence] {
        let n = bytes.count
        // 1. Lines.
        var lines: [Line] = []
        lines.reserveCapacity(n / 60 + 2)
        var s = 0
        while s <= n {
            let e = lineEnd(bytes, from: s)
            var le = e
            if le > s, bytes[le - 1] == 13 { le -= 1 }
            lines.append(Line(start: s, end: le, blank: isBlank(bytes, s, le)))
            s = e + 1
        }
        let content = lines.indices.filter { !lines[$0].blank }

        // 2. Headline.
        var out: [Sentence] = []
        var headlineLine: Int?
        var titleKey: [UInt8]?
        if let title = document.title, !title.isEmpty {
            var t = title
            let key = t.withUTF8 { comparisonKey($0, 0, $0.count) }
            if !key.isEmpty { titleKey = key }
        }
        // The key that repeats of the headline at the top of the text match.
        var headlineKey: [UInt8] = []
        if let first = content.first {
            if let titleKey {
                if keyMatches(bytes, lines[first], titleKey) { headlineLine = first }
                headlineKey = titleKey
            } else if content.count > 1 {
                let firstKey = comparisonKey(bytes, lines[first].start, lines[first].end)
                if !firstKey.isEmpty && keyMatches(bytes, lines[content[1]], firstKey) { headlineLine = first }
                headlineKey = firstKey
            }
        }
        // (When the title is set and the first line matches it, that line is the headline; so a
        // sentence made from the title never has a copy of itself in the text.)
        if headlineLine == nil, let title = document.title, titleKey != nil {
            out.append(Self.titleSentence(title))
        }
        var bodyFrom = 0  // index into `content`
        if let h = headlineLine {
            lines[h].dropped = true
            bodyFrom = 1
            while bodyFrom < content.count, keyMatches(bytes, lines[content[bodyFrom]], headlineKey) {
                lines[content[bodyFrom]].dropped = true
                bodyFrom += 1
            }
        }

        // 4. Boilerplate lines.
        for i in content where !lines[i].dropped && lines[i].end - lines[i].start <= Boilerplate.maxLength {
            if Boilerplate.matches(bytes, lines[i].start, lines[i].end) { lines[i].dropped = true }
        }

        // 3. Dateline on the first body line (or the second, when the first is a short heading
        //    without terminal punctuation, e.g. an undetected headline).
        let candidates = content[bodyFrom...].lazy.filter { !lines[$0].dropped }.prefix(2)
        for (k, line) in candidates.enumerated() {
            if let d = Dateline.parse(bytes, from: lines[line].start, to: lines[line].end) {
                document.dateline = d.place
                if let agency = d.agency, document.source?.isEmpty ?? true { document.source = agency }
                lines[line].start = d.end
                break
            }
            if k == 0 && !isHeading(bytes, lines[line]) { break }
        }

        // 5. Normalise: headline first, then paragraphs separated by hard breaks.
        var buf = NormalizedBuffer()
        buf.reserve(n + 16)
        var headlineRange: Range<Int>?
        if let h = headlineLine {
            buf.append(bytes, from: lines[h].start, to: lines[h].end)
            headlineRange = 0..<buf.count
            buf.hardBreak(lines[h].end)
        }
        let bodyStart = buf.count
        var i = 0
        while i < lines.count {
            if lines[i].blank || lines[i].dropped { i += 1; continue }
            // A paragraph: consecutive non-blank, non-dropped lines.
            var j = i
            var maxLen = 0
            while j < lines.count, !lines[j].blank, !lines[j].dropped {
                maxLen = max(maxLen, lines[j].end - lines[j].start)
                j += 1
            }
            for k in i..<j {
                if k > i {
                    if isHardBreak(bytes, prev: lines[k - 1], next: lines[k], maxLen: maxLen) {
                        buf.hardBreak(lines[k].start)
                    } else {
                        buf.space(lines[k].start - 1)
                    }
                }
                buf.append(bytes, from: lines[k].start, to: lines[k].end)
            }
            buf.hardBreak(lines[j - 1].end)
            i = j
        }

        // Split and build sentences.
        var ranges: [Range<Int>] = []
        buf.withBytes { nb, map in
            if let headlineRange {
                var r: [Range<Int>] = []
                SentenceSplitter.emitWhole(nb, headlineRange, into: &r)
                for range in r { out.append(makeSentence(nb, map, range, bytes, index: out.count, headline: true)) }
            }
            SentenceSplitter.split(nb, from: bodyStart, to: nb.count, into: &ranges)
            for r in ranges where !(r.count <= Boilerplate.maxLength && Boilerplate.matches(nb, r.lowerBound, r.upperBound)) {
                out.append(makeSentence(nb, map, r, bytes, index: out.count, headline: false))
            }
        }
        return out
    }

    private func makeSentence(
        _ nb: UnsafeBufferPointer<UInt8>, _ map: UnsafeBufferPointer<Int32>, _ r: Range<Int>, _ original: UnsafeBufferPointer<UInt8>,
        index: Int, headline: Bool
    ) -> Sentence {
        let text = String(decoding: UnsafeBufferPointer(rebasing: nb[r]), as: UTF8.self)
        var offsets = [Int32]()
        offsets.reserveCapacity(r.count + 1)
        offsets.append(contentsOf: UnsafeBufferPointer(rebasing: map[r]))
        let last = Int(map[r.upperBound - 1])
        let lead = original[last]
        let end = last + (lead >= 0xC0 ? utf8SequenceLength(lead) : 1)
        offsets.append(Int32(end))
        return Sentence(index: index, text: text, span: Span(Int(map[r.lowerBound]), end), offsets: offsets, isHeadline: headline)
    }

    /// The headline made from `Document.title` when the text does not repeat it.
    ///
    /// Its offsets cannot point into `Document.text`: the sentence has `span == Span(0, 0)` and every
    /// offset is 0, so any range of it maps to an empty span at the start of the text. Recognise it
    /// with ``Sentence/isFromTitle``.
    static func titleSentence(_ title: String) -> Sentence {
        var t = title
        var buf = NormalizedBuffer()
        t.withUTF8 { buf.append($0, from: 0, to: $0.count) }
        var bytes = buf.bytes
        while bytes.last == 32 || bytes.last == 10 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 32 { start += 1 }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        return Sentence(
            index: 0, text: text, span: Span(0, 0), offsets: Array(repeating: 0, count: text.utf8.count + 1), isHeadline: true)
    }

    // MARK: - Line helpers

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            let b = bytes[i]
            if b <= 32 { i += 1; continue }
            if b == 0xC2, i + 1 < e, bytes[i + 1] == 0xA0 { i += 2; continue }
            if b == 0xE2, i + 2 < e, bytes[i + 1] == 0x80, bytes[i + 2] <= 0x8B || bytes[i + 2] == 0xAF { i += 3; continue }
            if b == 0xEF, i + 2 < e, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { i += 3; continue }
            return false
        }
        return true
    }

    /// Lowercased letters and digits of the normalised line (quotes, dashes, spaces dropped), for
    /// comparing headlines (see ``HeadlineKey``); only the first 1024 bytes of the line count.
    private func comparisonKey(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8] {
        Array(HeadlineKey(bytes, from: s, to: min(e, s + 1024)))
    }

    /// Does the ``comparisonKey(_:_:_:)`` of `line` equal `key`? Stops at the first difference.
    private func keyMatches(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line, _ key: [UInt8]) -> Bool {
        HeadlineKey(bytes, from: line.start, to: min(line.end, line.start + 1024)).elementsEqual(key)
    }

    /// The offset of the first newline at or after `from`, or `bytes.count`.
    private func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let p = memchr(base + from, 10, bytes.count - from) else { return bytes.count }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
    }

    /// A short line (at most 120 bytes) without terminal punctuation.
    private func isHeading(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        var e = line.end
        while e > line.start, ByteClass.isSpace(bytes[e - 1]) { e -= 1 }
        guard e > line.start, e - line.start <= 120 else { return false }
        let b = bytes[e - 1]
        return b != 46 && b != 33 && b != 63 && b != 34 && b != 0x9D
    }

    /// Does the line break between `prev` and `next` (same paragraph) end a sentence?
    private func isHardBreak(_ bytes: UnsafeBufferPointer<UInt8>, prev: Line, next: Line, maxLen: Int) -> Bool {
        var ns = next.start
        while ns < next.end, bytes[ns] == 32 || bytes[ns] == 9 { ns += 1 }
        guard ns < next.end else { return false }
        let first = bytes[ns]
        // Bullets: "- ", "* ", "• ".
        if (first == 45 || first == 42) && ns + 1 < next.end && bytes[ns + 1] == 32 { return true }
        if first == 0xE2, ns + 2 < next.end, bytes[ns + 1] == 0x80, bytes[ns + 2] == 0xA2 { return true }
        if ByteClass.isLower(first) || ByteClass.isDigit(first) { return false }
        // Terminal punctuation at the end of the previous line: let the splitter decide.
        var pe = prev.end
        while pe > prev.start, bytes[pe - 1] == 32 || bytes[pe - 1] == 9 { pe -= 1 }
        while pe > prev.start {
            let b = bytes[pe - 1]
            if b == 34 || b == 39 || b == 41 || b == 93 { pe -= 1; continue }
            if pe - 3 >= prev.start, bytes[pe - 3] == 0xE2, bytes[pe - 2] == 0x80, bytes[pe - 1] == 0x9D || bytes[pe - 1] == 0x99 {
                pe -= 3
                continue
            }
            break
        }
        if pe > prev.start {
            let b = bytes[pe - 1]
            if b == 46 || b == 33 || b == 63 { return false }
            if b == 0xA6, pe - 3 >= prev.start, bytes[pe - 3] == 0xE2 { return false }
            if b == 44 || b == 59 { return false }  // , ; continue the sentence
        }
        // A short line followed by a capitalised line: a heading or a list item.
        return (pe - prev.start) * 10 < maxLen * 6
    }
}

extension Sentence {
    /// True for a headline taken from `Document.title` that is not part of `Document.text`; its
    /// `span` is `Span(0, 0)` and all its offsets are 0.
    public var isFromTitle: Bool { isHeadline && span.isEmpty }
}

extension SentenceSplitter {
    /// Appends `range` trimmed as one sentence (hard breaks inside become boundaries).
    static func emitWhole(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [Range<Int>]) {
        var s = range.lowerBound
        var i = s
        while i < range.upperBound {
            if bytes[i] == 10 {
                if i > s { out.append(s..<i) }
                s = i + 1
            }
            i += 1
        }
        var e = range.upperBound
        while e > s, bytes[e - 1] == 32 { e -= 1 }
        while s < e, bytes[s] == 32 { s += 1 }
        if s < e { out.append(s..<e) }
    }
}
