/// A half-open range of UTF-8 byte offsets into a document's original text.
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
    public var isEmpty: Bool { end <= start }
    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
