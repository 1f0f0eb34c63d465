/// The input formats Annals reads.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Detect from extension and content.
    case auto
    /// Plain text; the first non-empty line is the headline.
    case text
    case html
    /// JSON Lines with fields `id`, `date`, `source`, `url`, `title`, `text`.
    case jsonl
    /// CSV with a header row (`id`, `date`, `source`, `url`, `title`, `text`/`body`).
    case csv
    /// RSS 2.0 or Atom; each item is a document.
    case rss
    /// PETRARCH XML (`<Sentence>` records with `<Text>`).
    case petrarch
}

/// A problem reading input, reported as one line naming the file (and line where it applies).
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String
    /// A warning: the input was repaired or cut and the rest of it was still read and coded.
    /// Warnings do not make a command's exit status non-zero.
    public var isWarning: Bool
    public init(file: String, line: Int? = nil, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.message = message
        self.isWarning = isWarning
    }
    public var description: String {
        let text = isWarning ? "warning: " + message : message
        if let line { return "\(file):\(line): \(text)" }
        return "\(file): \(text)"
    }
}
