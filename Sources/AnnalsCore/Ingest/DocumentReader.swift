import Foundation

/// Reads documents from files, directories (recursively, sorted, hidden files skipped) and standard
/// input (`-`), in any ``InputFormat``.
///
/// Documents are streamed: `body` is called for each as soon as it is read, and JSON Lines and CSV
/// inputs are read in chunks, so memory stays bounded by ``maxDocumentBytes`` plus a buffer whatever
/// the input size. Whole-document formats (text, HTML, RSS/Atom, PETRARCH XML) are read at once, up
/// to ``maxFileBytes``.
///
/// Every problem with an input is reported once through `onError` (naming the file, and the line
/// where it applies) and reading goes on with the next record or input:
/// missing or unreadable files, empty files, binary files, over-long lines or documents, malformed
/// JSON lines and CSV records, a CSV header without a text column.
///
/// Bad bytes inside a readable document are repaired, not fatal (unless ``strictUTF8``): invalid
/// UTF-8 and NUL bytes become U+FFFD and other control characters spaces (``ByteRepair``), with one
/// warning per document naming the file, line and byte offset of the first; the document is still
/// coded and its spans still point into the original bytes (``Document/repairs``).
///
/// Document ids come from the input (`id` field, CSV id column or first unnamed column, RSS `guid`,
/// Atom `id`, PETRARCH `id`); otherwise the file name (`stdin` for standard input) for single-document
/// inputs and `name#N` (1-based record number) for the records of multi-document inputs.
public struct DocumentReader: Sendable {
    public var format: InputFormat
    public var defaultDate: Day?
    /// The longest line or record (JSONL, CSV) and the largest single document accepted, in bytes.
    public var maxDocumentBytes: Int = 16 << 20
    /// The largest whole file read at once (RSS/Atom, PETRARCH XML).
    public var maxFileBytes: Int = 512 << 20
    /// Skip a file or record with invalid UTF-8 or a NUL byte (one error) instead of repairing it.
    public var strictUTF8 = false

    public init(format: InputFormat = .auto, defaultDate: Day? = nil) {
        self.format = format
        self.defaultDate = defaultDate
    }

    /// Calls `body` for every document, in input order. A problem with one input is passed to
    /// `onError` and reading continues with the next.
    public func read(paths: [String], onError: (IngestError) -> Void, body: (Document) throws -> Void) rethrows {
        for path in paths {
            if path == "-" {
                try readStream(ByteStream(fd: 0, ownsFD: false), origin: "-", name: "stdin", onError: onError, body: body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                onError(IngestError(file: path, message: "no such file"))
                continue
            }
            if isDirectory.boolValue {
                var files: [String] = []
                collect(directory: path, into: &files, depth: 0, onError: onError)
                for file in files { try readFile(file, onError: onError, body: body) }
            } else {
                try readFile(path, onError: onError, body: body)
            }
        }
    }

    /// Reads the documents of one input held in memory, as if it were a file called `name` (whose
    /// extension, with the content, picks the format under ``InputFormat/auto``).
    public func read(bytes: [UInt8], name: String, onError: (IngestError) -> Void, body: (Document) throws -> Void) rethrows {
        try readStream(ByteStream(bytes: bytes), origin: name, name: name, onError: onError, body: body)
    }

    /// Files under `directory`, recursively, sorted by name; hidden entries are skipped.
    private func collect(directory: String, into files: inout [String], depth: Int, onError: (IngestError) -> Void) {
        guard depth < 64 else { return }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            onError(IngestError(file: directory, message: "cannot read directory"))
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(directory: path, into: &files, depth: depth + 1, onError: onError)
            } else {
                files.append(path)
            }
        }
    }

    private func readFile(_ path: String, onError: (IngestError) -> Void, body: (Document) throws -> Void) rethrows {
        switch ByteStream.open(path: path) {
        case .failure(let error):
            onError(error)
        case .success(let stream):
            let name = (path as NSString).lastPathComponent
            try readStream(stream, origin: path, name: name, onError: onError, body: body)
        }
    }

    private func readStream(
        _ stream: ByteStream, origin: String, name: String, onError: (IngestError) -> Void,
        body: (Document) throws -> Void
    ) rethrows {
        let sample = stream.peek(8192)
        if stream.readError != 0 {
            onError(IngestError(file: origin, message: "cannot read: \(String(cString: strerror(stream.readError)))"))
            return
        }
        if sample.isEmpty || (stream.atEOF && ByteChecks.isBlank(sample[...])) {
            onError(IngestError(file: origin, message: "empty file"))
            return
        }
        if ByteChecks.looksBinary(sample[...], strict: strictUTF8) {
            onError(IngestError(file: origin, message: "binary file, skipped"))
            return
        }
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { stream.consume(3) }
        let ext = (name as NSString).pathExtension.lowercased()
        let format = self.format == .auto ? Self.detect(extension: ext, sample: sample[...]) : self.format
        var context = ReadContext(
            origin: origin, name: name, defaultDate: defaultDate, maxDocumentBytes: maxDocumentBytes, strictUTF8: strictUTF8)
        // Every document passes through here: text that still holds NUL or control characters
        // (from JSON or XML escapes) is repaired too.
        let escapes = context
        func deliver(_ document: Document) throws {
            try body(escapes.repairingEscapes(document, onError: onError))
        }
        switch format {
        case .jsonl:
            try JSONLinesReader.read(stream, &context, onError: onError, body: deliver)
        case .csv:
            try CSVReader.read(stream, &context, delimiter: ext == "tsv" ? 9 : 44, onError: onError, body: deliver)
        case .text, .html, .auto:
            guard let (bytes, repairs) = readWhole(stream, limit: maxDocumentBytes, context, onError: onError) else { return }
            guard var document = (format == .html ? HTMLDocument.read(bytes, context) : PlainText.read(bytes, context)) else {
                onError(IngestError(file: origin, message: "empty file"))
                return
            }
            // Plain text is the file itself, so its spans map back to the file's bytes; HTML text is
            // extracted, and its spans are into the extracted text.
            if format != .html { document.repairs = repairs }
            try deliver(document)
        case .rss:
            guard let (bytes, _) = readWhole(stream, limit: maxFileBytes, context, onError: onError) else { return }
            try FeedReader.read(bytes, &context, onError: onError, body: deliver)
        case .petrarch:
            guard let (bytes, _) = readWhole(stream, limit: maxFileBytes, context, onError: onError) else { return }
            try PetrarchXMLReader.read(bytes, &context, onError: onError, body: deliver)
        }
    }

    /// Reads the rest of the stream; reports too-large and unreadable input, repairs bad bytes (or,
    /// with ``strictUTF8``, skips the file).
    private func readWhole(
        _ stream: ByteStream, limit: Int, _ context: ReadContext, onError: (IngestError) -> Void
    ) -> ([UInt8], OffsetMap)? {
        guard var bytes = stream.readAll(limit: limit) else {
            let flag = limit == maxDocumentBytes ? "--max-document-bytes" : "--max-file-bytes"
            onError(IngestError(file: context.origin, message: "document larger than \(limit) bytes (\(flag)), skipped"))
            return nil
        }
        if stream.readError != 0 {
            onError(IngestError(file: context.origin, message: "cannot read: \(String(cString: strerror(stream.readError)))"))
            return nil
        }
        var repairs = OffsetMap()
        if strictUTF8 {
            let bad = bytes.withUnsafeBufferPointer { b in ByteChecks.firstInvalidUTF8(b).map { ($0, ByteChecks.lineNumber(b, at: $0)) } }
            if let (offset, line) = bad {
                onError(IngestError(file: context.origin, line: line, message: "invalid UTF-8 (byte \(offset)), file skipped"))
                return nil
            }
        } else if let fixed = bytes.withUnsafeBufferPointer({ ByteRepair.repair($0) }) {
            let line = bytes.withUnsafeBufferPointer { ByteChecks.lineNumber($0, at: fixed.report.firstOffset ?? 0) }
            onError(context.repairWarning(fixed.report, line: line))
            bytes = fixed.bytes
            repairs = fixed.map
        }
        if ByteChecks.isBlank(bytes[...]) {
            onError(IngestError(file: context.origin, message: "empty file"))
            return nil
        }
        return (bytes, repairs)
    }

    /// The format of an input from its file extension, else from its first bytes.
    public static func detect(extension ext: String, sample: ArraySlice<UInt8>) -> InputFormat {
        switch ext {
        case "txt", "text": return .text
        case "html", "htm", "xhtml", "shtml": return .html
        case "jsonl", "ndjson", "json": return .jsonl
        case "csv", "tsv": return .csv
        case "rss", "atom": return .rss
        default: break
        }
        var i = sample.startIndex
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        while i < sample.endIndex, ByteClass.isSpace(sample[i]) { i += 1 }
        guard i < sample.endIndex else { return .text }
        if sample[i] == UInt8(ascii: "{") { return .jsonl }
        if sample[i] == UInt8(ascii: "<") {
            let head = sample[i...]
            if contains(head, "<rss") || contains(head, "<feed") || contains(head, "<rdf:rdf") { return .rss }
            if contains(head, "<sentences") || contains(head, "<sentence ") || contains(head, "<validation") { return .petrarch }
            if ext == "xml" && !contains(head, "<html") { return .petrarch }
            return .html
        }
        return .text
    }

    private static func contains(_ hay: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        hay.withUnsafeBufferPointer { ByteClass.contains($0, 0, $0.count, needle) }
    }
}

/// What a format reader needs to know about its input.
struct ReadContext {
    var origin: String
    var name: String
    var defaultDate: Day?
    var maxDocumentBytes: Int
    var strictUTF8 = false

    /// `name#n`, the id of the n-th record (1-based) of a multi-document input without ids.
    func recordID(_ n: Int) -> String { "\(name)#\(n)" }

    func error(line: Int? = nil, _ message: String) -> IngestError {
        IngestError(file: origin, line: line, message: message)
    }

    /// The one warning for a repaired document or record.
    func repairWarning(_ report: ByteRepair.Report, line: Int?, rest: String = "; the rest is coded") -> IngestError {
        IngestError(file: origin, line: line, message: report.summary() + rest, isWarning: true)
    }

    /// `document` with NUL and control characters that escapes (`\u0000`, `&#1;`) put in its text
    /// replaced, with a warning naming the document; unchanged when there are none.
    func repairingEscapes(_ document: Document, onError: (IngestError) -> Void) -> Document {
        var text = document.text
        guard let fixed = text.withUTF8({ ByteRepair.repair($0) }) else { return document }
        var out = document
        out.text = String(decoding: fixed.bytes, as: UTF8.self)
        out.repairs = fixed.map
        onError(IngestError(file: origin, message: "document \(document.id): " + fixed.report.summary(), isWarning: true))
        return out
    }
}

/// Plain text: the whole file is one document; the first non-empty line is the headline.
enum PlainText {
    static func read(_ bytes: [UInt8], _ context: ReadContext) -> Document? {
        let text = String(decoding: bytes, as: UTF8.self)
        let title = bytes.withUnsafeBufferPointer { headline($0) }
        return Document(id: context.name, text: text, title: title, date: context.defaultDate, origin: context.origin)
    }

    /// The first non-empty line, when it looks like a headline: at most 300 bytes, more text after
    /// it, not continued by a lowercase line (wrapped text), and not ending in a period unless a
    /// blank line follows.
    static func headline(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        var s = 0
        // First non-blank line.
        while true {
            var e = s
            while e < n, b[e] != 10 { e += 1 }
            var ts = s, te = e
            while ts < te, ByteClass.isSpace(b[ts]) { ts += 1 }
            while te > ts, ByteClass.isSpace(b[te - 1]) { te -= 1 }
            if ts < te {
                guard te - ts <= 300, e < n else { return nil }
                // The next line.
                let ns = e + 1
                var ne = ns
                while ne < n, b[ne] != 10 { ne += 1 }
                var k = ns
                while k < ne, ByteClass.isSpace(b[k]) { k += 1 }
                let blankFollows = k == ne
                if !blankFollows && ByteClass.isLower(b[k]) { return nil }
                if !blankFollows && b[te - 1] == 46 { return nil }
                // Something after it?
                var rest = ns
                while rest < n, ByteClass.isSpace(b[rest]) { rest += 1 }
                guard rest < n else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: b[ts..<te]), as: UTF8.self)
            }
            if e >= n { return nil }
            s = e + 1
        }
    }
}

/// HTML: one document; `Document.text` is the extracted text (see ``HTMLText``).
enum HTMLDocument {
    static func read(_ bytes: [UInt8], _ context: ReadContext) -> Document? {
        let result = HTMLText.extract(bytes)
        if result.text.isEmpty && result.title == nil { return nil }
        return Document(
            id: context.name, text: result.text, title: result.title, date: result.metadata.published ?? context.defaultDate,
            source: result.metadata.siteName, url: result.metadata.url, origin: context.origin)
    }
}
