/// A cleaned sentence of a document.
///
/// `text` is normalised (straight quotes and apostrophes, plain spaces and hyphens, boilerplate
/// removed); `offsets` maps every UTF-8 byte of `text` back to its byte offset in the document's
/// original text, so any range of the sentence can be reported as a ``Span`` of the original.
public struct Sentence: Sendable, Hashable {
    /// 0-based position in the document (the headline, when present, is sentence 0).
    public var index: Int
    /// Normalised sentence text.
    public var text: String
    /// Byte range of the sentence in the original document text.
    public var span: Span
    /// `offsets[i]` is the original byte offset of byte `i` of `text`; one extra entry holds the end.
    public var offsets: [Int32]
    /// True for the headline.
    public var isHeadline: Bool

    public init(index: Int, text: String, span: Span, offsets: [Int32], isHeadline: Bool = false) {
        self.index = index
        self.text = text
        self.span = span
        self.offsets = offsets
        self.isHeadline = isHeadline
    }

    /// A sentence whose text is its own original (offsets are the identity plus `base`).
    public init(index: Int, text: String, base: Int = 0, isHeadline: Bool = false) {
        let count = text.utf8.count
        self.index = index
        self.text = text
        self.span = Span(base, base + count)
        self.offsets = (0...count).map { Int32(base + $0) }
        self.isHeadline = isHeadline
    }

    /// Maps a byte range of `text` to the original document.
    ///
    /// The span ends where the original character of the range's last byte ends. Cleaning may have
    /// turned a multi-byte character into one byte (a curly quote into `"`), so the end is the
    /// original offset of the next byte of `text` when that is at most four bytes on (a UTF-8
    /// character's length); otherwise the last byte stood for one original byte.
    public func originalSpan(_ start: Int, _ end: Int) -> Span {
        let s = Int(offsets[min(max(start, 0), offsets.count - 1)])
        guard end > start else { return Span(s, s) }
        let last = Int(offsets[min(end - 1, offsets.count - 1)])
        let next = Int(offsets[min(end, offsets.count - 1)])
        let e = next > last && next - last <= 4 ? next : last + 1
        return Span(s, max(s, e))
    }
}
