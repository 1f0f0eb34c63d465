#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// CSV (RFC 4180) with a header row, streamed record by record.
///
/// Columns by header name (case-insensitive): `id` (also `doc_id`, `guid`, or an unnamed first
/// column), `date` (`published`, `pubdate`), `source`, `url` (`link`), `title` (`headline`), `text`
/// (`body`, `content`, `article`). Quoted fields may hold delimiters, doubled quotes and newlines.
/// A record longer than `maxDocumentBytes` or with an unterminated quote is reported with its
/// starting line and skipped; a header without a text column is one error for the file. Invalid
/// UTF-8 and control bytes in a record are repaired with one warning naming the line (the text's
/// spans map back to the field's bytes), or, with `strictUTF8`, the record is skipped.
enum CSVReader {
    struct Columns {
        var id: Int?
        var date: Int?
        var source: Int?
        var url: Int?
        var title: Int?
        var text: Int?
    }

    static func read(
        _ stream: ByteStream, _ context: inout ReadContext, delimiter: UInt8, onError: (IngestError) -> Void,
        body: (Document) throws -> Void
    ) rethrows {
        var parser = RecordParser(stream: stream, delimiter: delimiter, limit: context.maxDocumentBytes)
        // Header.
        var columns = Columns()
        var headerNames: [String] = []
        switch parser.next() {
        case .eof:
            onError(context.error("empty file"))
            return
        case .tooLong, .unterminated:
            onError(context.error(line: 1, "malformed CSV header"))
            return
        case .record:
            for k in 0..<parser.fieldCount {
                let name = trimmingSpaces(String(decoding: parser.field(k), as: UTF8.self)).lowercased()
                headerNames.append(name)
                switch name {
                case "id", "doc_id", "docid", "guid", "_id", "index": if columns.id == nil { columns.id = k }
                case "": if k == 0 && columns.id == nil { columns.id = k }
                case "date", "published", "pubdate", "publish_date", "datetime": if columns.date == nil { columns.date = k }
                case "source", "publisher", "outlet": if columns.source == nil { columns.source = k }
                case "url", "link": if columns.url == nil { columns.url = k }
                case "title", "headline": if columns.title == nil { columns.title = k }
                case "text", "body", "content", "article", "story": if columns.text == nil { columns.text = k }
                default: break
                }
            }
        }
        guard let textColumn = columns.text else {
            onError(
                context.error(
                    line: 1, "CSV header has no text column (columns: \(headerNames.map { "\"\($0)\"" }.joined(separator: ", ")))"))
            return
        }
        var records = 0
        while true {
            let result = parser.next()
            let line = parser.recordLine
            switch result {
            case .eof:
                return
            case .tooLong(let length):
                onError(context.error(line: line, "record of \(length) bytes is longer than \(context.maxDocumentBytes), skipped"))
                continue
            case .unterminated:
                onError(context.error(line: line, "unterminated quoted field, record skipped"))
                continue
            case .record:
                break
            }
            records += 1
            if parser.fieldCount == 1 && parser.field(0).isEmpty { continue }  // blank line
            let strict = context.strictUTF8
            let bad = parser.recordBytes.withUnsafeBufferPointer { b in
                strict ? ByteChecks.firstInvalidUTF8(b) : ByteRepair.needsRepair(b) ? ByteRepair.repair(b)?.report.firstOffset : nil
            }
            if let bad {
                // Line of the bad byte within the record.
                let extra = parser.recordBytes[..<bad].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
                if strict {
                    onError(context.error(line: line + extra, "invalid UTF-8, record skipped"))
                    continue
                }
                let report = parser.recordBytes.withUnsafeBufferPointer { ByteRepair.repair($0)!.report }
                onError(context.repairWarning(report, line: line + extra, rest: "; the record is coded"))
            }
            // Fields other than the text: Swift's decoding replaces invalid UTF-8 by U+FFFD.
            func value(_ column: Int?) -> String? {
                guard let column, column < parser.fieldCount else { return nil }
                let f = parser.field(column)
                return f.isEmpty ? nil : String(decoding: f, as: UTF8.self)
            }
            guard textColumn < parser.fieldCount, !parser.field(textColumn).isEmpty else { continue }  // a row without text is no document
            let textField = parser.field(textColumn)
            var text = String(decoding: textField, as: UTF8.self)
            var repairs = OffsetMap()
            if bad != nil, let fixed = textField.withUnsafeBufferPointer({ ByteRepair.repair($0) }) {
                text = String(decoding: fixed.bytes, as: UTF8.self)
                repairs = fixed.map
            }
            let date = value(columns.date).flatMap { DateParsing.day($0) } ?? context.defaultDate
            var document = Document(
                id: value(columns.id) ?? context.recordID(records), text: text, title: value(columns.title), date: date,
                source: value(columns.source), url: value(columns.url), origin: context.origin)
            document.repairs = repairs
            try body(document)
        }
    }

    /// A byte-level RFC 4180 record parser over a ``ByteStream``.
    struct RecordParser {
        enum Result {
            case record
            case tooLong(Int)
            case unterminated
            case eof
        }

        let stream: ByteStream
        let delimiter: UInt8
        let limit: Int
        /// The current record's field bytes, concatenated; `fieldEnds[k]` ends field k.
        private(set) var recordBytes: [UInt8] = []
        private(set) var fieldEnds: [Int] = []
        /// 1-based line on which the current record starts.
        private(set) var recordLine = 1
        private var line = 1

        init(stream: ByteStream, delimiter: UInt8, limit: Int) {
            self.stream = stream
            self.delimiter = delimiter
            self.limit = limit
        }

        var fieldCount: Int { fieldEnds.count }

        func field(_ k: Int) -> ArraySlice<UInt8> {
            let s = k == 0 ? 0 : fieldEnds[k - 1]
            return recordBytes[s..<fieldEnds[k]]
        }

        /// The parser's position inside a record, carried from one buffered chunk to the next.
        private struct State {
            var inQuotes = false
            /// Just after the closing quote of a quoted field (a quote now is an escaped `""`).
            var afterQuote = false
            var fieldStart = true
            /// Bytes of field content seen so far, kept or not.
            var length = 0
            /// The record is longer than `limit`; bytes past the limit are not kept.
            var overflow = false
            var sawAnything = false
            var done = false
        }

        mutating func next() -> Result {
            recordBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            recordLine = line
            var state = State()
            while true {
                if stream.available == 0 && !stream.fill() {
                    // End of input.
                    if !state.sawAnything { return .eof }
                    if state.inQuotes { return .unterminated }
                    fieldEnds.append(recordBytes.count)
                    return state.overflow ? .tooLong(state.length) : .record
                }
                let consumed = stream.buffer.withUnsafeBufferPointer { b in
                    scan(b, from: stream.start, to: stream.end, &state) - stream.start
                }
                stream.consume(consumed)
                if state.done { return state.overflow ? .tooLong(state.length) : .record }
            }
        }

        /// Parses `b[from..<to]` until the record ends (`state.done`) or the bytes run out; returns
        /// the offset after the last byte consumed.
        ///
        /// Field content between structural bytes (quotes, delimiters, newlines) is found with a
        /// tight loop and appended in one go rather than byte by byte.
        private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, _ state: inout State) -> Int {
            var i = from
            if i < end { state.sawAnything = true }
            var line = self.line
            defer { self.line = line }
            while i < end {
                if state.inQuotes {
                    // Quoted content runs to the next quote; newlines in it are kept.
                    let runStart = i
                    i = Self.firstQuote(b, from: i, to: end)
                    line += Self.newlines(b, from: runStart, to: i)
                    keep(b, runStart, i, &state)
                    if i < end {
                        i += 1  // the closing quote (or the first of a doubled one)
                        state.inQuotes = false
                        state.afterQuote = true
                    }
                    continue
                }
                let c = b[i]
                if c == 34 {
                    i += 1
                    if state.afterQuote {
                        // "" inside a quoted field: one quote is kept and the field goes on.
                        state.inQuotes = true
                        state.afterQuote = false
                    } else if state.fieldStart {
                        state.inQuotes = true
                        state.fieldStart = false
                        continue
                    }
                    // (A stray quote inside an unquoted field is kept.)
                    state.fieldStart = false
                    keep(b, i - 1, i, &state)
                    continue
                }
                state.afterQuote = false
                if c == delimiter {
                    i += 1
                    fieldEnds.append(recordBytes.count)
                    state.fieldStart = true
                    continue
                }
                if c == 10 {
                    i += 1
                    line += 1
                    // Drop a CR before the newline.
                    if recordBytes.last == 13, fieldEnds.last ?? 0 < recordBytes.count {
                        recordBytes.removeLast()
                    }
                    fieldEnds.append(recordBytes.count)
                    state.done = true
                    break
                }
                // Unquoted content runs to the next quote, delimiter or newline.
                let runStart = i
                while i < end {
                    let c = b[i]
                    if c == 34 || c == delimiter || c == 10 { break }
                    i += 1
                }
                state.fieldStart = false
                keep(b, runStart, i, &state)
            }
            return i
        }

        /// The offset of the first `byte` in `b[from..<to]`, or `to`.
        private static func first(_ byte: UInt8, _ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
            guard from < to, let base = b.baseAddress, let p = memchr(base + from, Int32(byte), to - from) else { return to }
            return UnsafeRawPointer(p) - UnsafeRawPointer(base)
        }

        /// The offset of the first `"` in `b[from..<to]`, or `to`.
        private static func firstQuote(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
            first(34, b, from: from, to: to)
        }

        /// The number of newlines in `b[from..<to]` (found with `memchr`: they are far apart).
        private static func newlines(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
            var n = 0
            var i = first(10, b, from: from, to: to)
            while i < to {
                n += 1
                i = first(10, b, from: i + 1, to: to)
            }
            return n
        }

        /// Appends the field content `b[from..<to]` to `recordBytes`, up to `limit` bytes in all.
        @inline(__always)
        private mutating func keep(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ state: inout State) {
            let n = to - from
            guard n > 0 else { return }
            // Bytes whose running length stays within the limit are kept (none once over it).
            let kept = min(n, max(0, limit - state.length))
            if kept > 0 { recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<(from + kept)])) }
            state.length += n
            if state.length > limit { state.overflow = true }
        }
    }
}

/// Trims whitespace and a BOM from both ends of a header name.
private func trimmingSpaces(_ string: String) -> String {
    var s = Substring(string)
    while let f = s.first, f.isWhitespace || f == "\u{FEFF}" { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
}
