import Foundation

/// Reads documents from files, directories (recursively) and standard input (`-`).
///
/// PLACEHOLDER: reads plain text only; the format readers replace this.
public struct DocumentReader: Sendable {
    public var format: InputFormat
    public var defaultDate: Day?

    public init(format: InputFormat = .auto, defaultDate: Day? = nil) {
        self.format = format
        self.defaultDate = defaultDate
    }

    /// Calls `body` for every document, in input order. A problem with one input is passed to
    /// `onError` and reading continues with the next.
    public func read(paths: [String], onError: (IngestError) -> Void, body: (Document) throws -> Void) rethrows {
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                onError(IngestError(file: path, message: "cannot read file"))
                continue
            }
            let name = (path as NSString).lastPathComponent
            try body(Document(id: name, text: String(decoding: data, as: UTF8.self), date: defaultDate, origin: path))
        }
    }
}
