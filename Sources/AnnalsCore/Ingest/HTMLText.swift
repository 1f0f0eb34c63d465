/// Extracts readable text from HTML: the title and the paragraphs of the body.
///
/// Dropped with their content: `script`, `style`, `noscript`, `template`, `svg`, `nav`, `aside`,
/// `footer`, `header`, `form`, `button`, `select`, `iframe`, `figure`, `menu`, `dialog`. An `h1` is
/// kept even inside a `header` (it is usually the article headline). Block elements (`p`, `div`,
/// `h1`...`h6`, `li`, `blockquote`, `tr`, ...) end a paragraph; paragraphs are joined by a blank line,
/// `<br>` becomes a line break. Character references are decoded and whitespace collapsed.
///
/// The extracted text becomes `Document.text`, so spans of HTML documents are offsets into it.
enum HTMLText {
    struct Result {
        var text: String
        /// The first `h1`, else `<title>`.
        var title: String?
        /// Publication date, publisher and address from the page's metadata.
        var metadata = HTMLMetadata()
    }

    static func extract(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var scanner = MarkupScanner(b)
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 2)
        var para: [UInt8] = []
        var titleBytes: [UInt8] = []
        var h1Bytes: [UInt8] = []
        var inTitle = false
        var inH1 = false
        var h1Done = false
        var skipDepth = 0
        var headerDepth = 0
        var metadata = HTMLMetadata()

        func flush() {
            while para.last == 32 || para.last == 10 { para.removeLast() }
            if !para.isEmpty {
                if !out.isEmpty { out.append(10); out.append(10) }
                out.append(contentsOf: para)
                para.removeAll(keepingCapacity: true)
            }
        }

        func appendText(_ decoded: [UInt8], to buffer: inout [UInt8]) {
            for c in decoded {
                if ByteClass.isSpace(c) {
                    if let last = buffer.last, last != 32, last != 10 { buffer.append(32) }
                } else {
                    buffer.append(c)
                }
            }
        }

        var decoded: [UInt8] = []
        while let event = scanner.next() {
            switch event {
            case .text(let r), .cdata(let r):
                let visible = skipDepth == 0 || (inH1 && skipDepth == headerDepth)
                guard visible || inTitle else { continue }
                decoded.removeAll(keepingCapacity: true)
                if case .cdata = event {
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: b[r]))
                } else {
                    Entities.decode(b, r, into: &decoded)
                }
                if inTitle { appendText(decoded, to: &titleBytes); continue }
                if para.isEmpty || para.last == 10 {
                    // Drop leading whitespace of a paragraph or line.
                    var k = 0
                    while k < decoded.count, ByteClass.isSpace(decoded[k]) { k += 1 }
                    if k > 0 { decoded.removeFirst(k) }
                }
                appendText(decoded, to: &para)
                if inH1 { appendText(decoded, to: &h1Bytes) }
            case .tag(let tag):
                let name = scanner.localName(tag)
                switch name {
                case "script", "style", "noscript", "template", "textarea":
                    if !tag.isClose && !tag.selfClosing {
                        switch name {
                        case "script":
                            let start = scanner.i
                            scanner.skipRaw(until: "script")
                            if scanner.attribute(tag, "type")?.lowercased().contains("ld+json") == true {
                                metadata.readJSONLD(b, start..<scanner.i)
                            }
                        case "style": scanner.skipRaw(until: "style")
                        case "noscript": scanner.skipRaw(until: "noscript")
                        case "textarea": scanner.skipRaw(until: "textarea")
                        default: scanner.skipRaw(until: "template")
                        }
                    }
                case "nav", "aside", "footer", "header", "form", "button", "select", "iframe", "svg", "figure",
                    "menu", "dialog":
                    if tag.selfClosing { break }
                    if tag.isClose {
                        if skipDepth > 0 { skipDepth -= 1 }
                        if name == "header", headerDepth > 0 { headerDepth -= 1 }
                    } else {
                        flush()
                        skipDepth += 1
                        if name == "header" { headerDepth += 1 }
                    }
                case "meta", "time", "link":
                    metadata.read(tag, named: name, in: scanner)
                case "title":
                    if skipDepth == 0 || inTitle { inTitle = !tag.isClose && !tag.selfClosing }
                case "br":
                    if skipDepth == 0 || (inH1 && skipDepth == headerDepth) {
                        while para.last == 32 { para.removeLast() }
                        if !para.isEmpty && para.last != 10 { para.append(10) }
                    }
                case "h1":
                    flush()
                    if tag.isClose {
                        if inH1 { h1Done = true }
                        inH1 = false
                        flush()
                    } else if !h1Done && !tag.selfClosing && (skipDepth == 0 || skipDepth == headerDepth) {
                        inH1 = true
                        // Text inside a header's h1 is shown although the header is skipped.
                    }
                case "p", "div", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th",
                    "table", "blockquote", "section", "article", "main", "pre", "figcaption", "hr", "body", "html",
                    "head", "caption", "address", "center", "summary", "details":
                    flush()
                default:
                    break
                }
            }
        }
        flush()
        while titleBytes.last == 32 { titleBytes.removeLast() }
        while h1Bytes.last == 32 { h1Bytes.removeLast() }
        let title = !h1Bytes.isEmpty ? h1Bytes : titleBytes
        return Result(
            text: String(decoding: out, as: UTF8.self),
            title: title.isEmpty ? nil : String(decoding: title, as: UTF8.self), metadata: metadata)
    }

    static func extract(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBufferPointer { extract($0) }
    }

    /// The text content of an XML element's raw inner bytes: CDATA kept literally, character
    /// references decoded, tags kept as they are (callers strip HTML afterwards when it is markup).
    static func xmlText(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var scanner = MarkupScanner(b, from: range.lowerBound, to: range.upperBound)
        while let event = scanner.next() {
            switch event {
            case .text(let r): Entities.decode(b, r, into: &out)
            case .cdata(let r): out.append(contentsOf: UnsafeBufferPointer(rebasing: b[r]))
            case .tag(let t): out.append(contentsOf: UnsafeBufferPointer(rebasing: b[t.start..<t.end]))
            }
        }
        return out
    }

    /// Trims ASCII whitespace from both ends.
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var s = 0, e = bytes.count
        while s < e, ByteClass.isSpace(bytes[s]) { s += 1 }
        while e > s, ByteClass.isSpace(bytes[e - 1]) { e -= 1 }
        return bytes[s..<e]
    }
}
