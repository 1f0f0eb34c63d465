/// One news article (or one sentence record of a PETRARCH file) as it came in.
///
/// `text` is the body as read from the input, before cleaning; every span Annals reports is a UTF-8
/// byte offset range into this text, or, when the reader repaired bad bytes (see ``ByteRepair``),
/// into the text as it was before the repair (``repairs`` maps between the two).
public struct Document: Sendable, Hashable {
    /// Identifier from the input (JSONL/CSV/XML `id`), else the file name.
    public var id: String
    /// The body text, as read.
    public var text: String
    /// Headline, when the input names one separately from the body.
    public var title: String?
    /// Publication date.
    public var date: Day?
    /// Publisher or feed name (`source` field, dateline source such as "Reuters").
    public var source: String?
    public var url: String?
    /// Place named by a dateline ("BEIRUT (Reuters) -").
    public var dateline: String?
    /// Where the document was read from (file path or `-`), for error messages.
    public var origin: String
    /// Maps offsets of `text` back to the input's bytes where invalid UTF-8 or NUL bytes were
    /// replaced by U+FFFD; empty when nothing was repaired.
    public var repairs = OffsetMap()

    public init(
        id: String, text: String, title: String? = nil, date: Day? = nil, source: String? = nil,
        url: String? = nil, dateline: String? = nil, origin: String = "-"
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.dateline = dateline
        self.origin = origin
    }
}
