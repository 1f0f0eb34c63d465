import Foundation

/// JSON Lines: one object per line with `id`, `date`, `source`, `url`, `title`, `text` (aliases:
/// `body`/`content`/`article` for text, `headline` for title, `published`/`pubDate` for date,
/// `link` for url, `doc_id`/`guid` for id). A bad line is reported with its number and skipped; a
/// line with invalid UTF-8 or control bytes is repaired (one warning) unless `strictUTF8`.
enum JSONLinesReader {
    static func read(
        _ stream: ByteStream, _ context: inout ReadContext, onError: (IngestError) -> Void,
        body: (Document) throws -> Void
    ) rethrows {
        var lineNumber = 0
        var documents = 0
        var reported = 0
        loop: while true {
            switch stream.nextLine(maxLine: context.maxDocumentBytes) {
            case .eof:
                break loop
            case .tooLong(let length):
                lineNumber += 1
                reported += 1
                onError(context.error(line: lineNumber, "line of \(length) bytes is longer than \(context.maxDocumentBytes), skipped"))
            case .line(let range):
                lineNumber += 1
                var warning: IngestError?
                let parsed: Result<Document, IngestError>? = stream.buffer.withUnsafeBufferPointer { b in
                    var s = range.lowerBound, e = range.upperBound
                    while s < e, ByteClass.isSpace(b[s]) { s += 1 }
                    while e > s, ByteClass.isSpace(b[e - 1]) { e -= 1 }
                    if s == e { return nil }
                    let line = UnsafeBufferPointer(rebasing: b[s..<e])
                    if context.strictUTF8 {
                        if let bad = ByteChecks.firstInvalidUTF8(line) {
                            return .failure(context.error(line: lineNumber, "invalid UTF-8 at column \(bad + 1)"))
                        }
                    } else if let fixed = ByteRepair.repair(line) {
                        // Offsets of a JSON string's text are into the decoded text, not the line,
                        // so only the column is reported.
                        let summary = fixed.report.summary { "column \(s - range.lowerBound + $0 + 1)" }
                        warning = IngestError(file: context.origin, line: lineNumber, message: summary + "; the rest is coded", isWarning: true)
                        return fixed.bytes.withUnsafeBufferPointer { parse($0, lineNumber: lineNumber, index: documents + 1, context) }
                    }
                    return parse(line, lineNumber: lineNumber, index: documents + 1, context)
                }
                if let warning { onError(warning) }
                switch parsed {
                case nil: continue
                case .failure(let error)?:
                    reported += 1
                    onError(error)
                case .success(let document)?:
                    documents += 1
                    try body(document)
                }
            }
        }
        if stream.readError != 0 {
            onError(context.error(line: lineNumber, "read error: \(String(cString: strerror(stream.readError)))"))
        } else if documents == 0 && reported == 0 {
            onError(context.error("empty file"))
        }
    }

    static func parse(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, index: Int, _ context: ReadContext) -> Result<
        Document, IngestError
    > {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: line), options: [])
        } catch {
            return .failure(context.error(line: lineNumber, "invalid JSON"))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(context.error(line: lineNumber, "not a JSON object"))
        }
        func field(_ names: String...) -> String? {
            for name in names {
                guard let value = dict[name] else { continue }
                if let s = value as? String { return s }
                if let n = value as? NSNumber { return n.stringValue }
                if let d = value as? [String: Any], let s = d["name"] as? String { return s }
            }
            return nil
        }
        guard let text = field("text", "body", "content", "article", "story") else {
            return .failure(context.error(line: lineNumber, "no text field"))
        }
        var date = context.defaultDate
        if let d = field("date", "published", "pubDate", "pubdate", "publish_date", "datetime") {
            // An unrecognised date falls back to the default date rather than losing the document.
            date = DateParsing.day(d) ?? context.defaultDate
        }
        let id = field("id", "doc_id", "docid", "guid", "_id").flatMap { $0.isEmpty ? nil : $0 } ?? context.recordID(index)
        let title = field("title", "headline").flatMap { $0.isEmpty ? nil : $0 }
        return .success(
            Document(
                id: id, text: text, title: title, date: date, source: field("source", "publisher", "outlet"),
                url: field("url", "link"), origin: context.origin))
    }
}
