/// RSS 2.0 (also RSS 1.0/RDF) and Atom feeds: each `item`/`entry` is a document.
///
/// - title: `title`; url: `link` (RSS text, Atom `href` of the `alternate` or first link);
/// - date: `pubDate`, `published`, `dc:date`, else `updated`;
/// - text: `content:encoded` or Atom `content`, else `description`/`summary`, with HTML stripped;
/// - id: `guid` / Atom `id`, else `file#N` (1-based item index);
/// - source: the item's `source`, else the feed's own title.
enum FeedReader {
    static func read(
        _ bytes: [UInt8], _ context: inout ReadContext, onError: (IngestError) -> Void,
        body: (Document) throws -> Void
    ) rethrows {
        var items: [Document] = []
        bytes.withUnsafeBufferPointer { b in
            items = parse(b, context)
        }
        if items.isEmpty {
            onError(context.error("no items in feed"))
            return
        }
        for item in items { try body(item) }
    }

    private struct Item {
        var fields: [String: [UInt8]] = [:]
        var link: String?
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ context: ReadContext) -> [Document] {
        var scanner = MarkupScanner(b)
        var out: [Document] = []
        var feedTitle: String?
        var item: Item?
        var itemIndex = 0
        // The child element being captured: its name, where its content starts, nesting depth.
        var capture: (name: String, start: Int, depth: Int)?
        var depthInItem = 0
        var channelTitleStart: Int?

        while let event = scanner.next() {
            guard case .tag(let tag) = event else { continue }
            let local = scanner.localName(tag)
            if item == nil {
                if (local == "item" || local == "entry") && !tag.isClose && !tag.selfClosing {
                    item = Item()
                    itemIndex += 1
                    depthInItem = 0
                    capture = nil
                    continue
                }
                // The feed's title (first title outside items).
                if local == "title" && feedTitle == nil {
                    if !tag.isClose && !tag.selfClosing {
                        channelTitleStart = tag.end
                    } else if tag.isClose, let s = channelTitleStart {
                        let t = HTMLText.trimmed(HTMLText.xmlText(b, s..<tag.start))
                        feedTitle = t.isEmpty ? nil : String(decoding: HTMLText.extract(Array(t)).text.utf8, as: UTF8.self)
                        channelTitleStart = nil
                    }
                }
                continue
            }
            // Inside an item.
            if var c = capture {
                if !tag.isClose && !tag.selfClosing && local == c.name { c.depth += 1; capture = c; continue }
                if tag.isClose && local == c.name {
                    if c.depth > 0 { c.depth -= 1; capture = c; continue }
                    let full = scanner.fullName(tag)
                    let key = full == "content:encoded" ? "encoded" : local
                    if item!.fields[key] == nil {
                        item!.fields[key] = Array(HTMLText.trimmed(HTMLText.xmlText(b, c.start..<tag.start)))
                    }
                    capture = nil
                }
                continue
            }
            if tag.isClose && (local == "item" || local == "entry") && depthInItem == 0 {
                if let doc = document(item!, index: itemIndex, feedTitle: feedTitle, context) { out.append(doc) }
                item = nil
                continue
            }
            if local == "link" && (tag.selfClosing || scanner.attribute(tag, "href") != nil) && !tag.isClose {
                let rel = scanner.attribute(tag, "rel") ?? "alternate"
                if let href = scanner.attribute(tag, "href"), rel == "alternate" || item!.link == nil {
                    if item!.link == nil || rel == "alternate" { item!.link = href }
                }
                if tag.selfClosing { continue }
            }
            if !tag.isClose && !tag.selfClosing {
                capture = (local, tag.end, 0)
            }
        }
        return out
    }

    private static func document(_ item: Item, index: Int, feedTitle: String?, _ context: ReadContext) -> Document? {
        func text(_ key: String) -> String? {
            guard let v = item.fields[key], !v.isEmpty else { return nil }
            return String(decoding: v, as: UTF8.self)
        }
        func stripped(_ key: String) -> String? {
            guard let v = item.fields[key], !v.isEmpty else { return nil }
            let t = HTMLText.extract(v).text
            return t.isEmpty ? nil : t
        }
        let body = stripped("encoded") ?? stripped("content") ?? stripped("description") ?? stripped("summary") ?? ""
        let title = stripped("title")
        if body.isEmpty && title == nil { return nil }
        let dateText = text("pubdate") ?? text("published") ?? text("date") ?? text("issued") ?? text("updated")
        let date = dateText.flatMap { DateParsing.day($0) } ?? context.defaultDate
        let url = item.link ?? text("link")
        let id = text("guid") ?? text("id") ?? context.recordID(index)
        let source = stripped("source") ?? feedTitle
        return Document(id: id, text: body, title: title, date: date, source: source, url: url, origin: context.origin)
    }
}

/// PETRARCH XML: each `<Sentence date="YYYYMMDD" id="..." source="...">` with a `<Text>` is a
/// document; `<Parse>` trees and other elements are ignored. The text is the content of `<Text>`
/// with character references decoded and surrounding whitespace trimmed.
enum PetrarchXMLReader {
    static func read(
        _ bytes: [UInt8], _ context: inout ReadContext, onError: (IngestError) -> Void,
        body: (Document) throws -> Void
    ) rethrows {
        var docs: [(Document?, Int)] = []
        bytes.withUnsafeBufferPointer { b in docs = parse(b, context) }
        if docs.isEmpty {
            onError(context.error("no <Sentence> records"))
            return
        }
        for (doc, line) in docs {
            if let doc { try body(doc) } else { onError(context.error(line: line, "<Sentence> without <Text>, skipped")) }
        }
    }

    /// Documents in order; nil with the record's line for a Sentence without Text.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ context: ReadContext) -> [(Document?, Int)] {
        var scanner = MarkupScanner(b)
        var out: [(Document?, Int)] = []
        var current: (id: String?, date: Day?, source: String?, start: Int)?
        var text: String?
        var textStart: Int?
        var index = 0
        while let event = scanner.next() {
            guard case .tag(let tag) = event else { continue }
            if scanner.nameIs(tag, "sentence") {
                if !tag.isClose {
                    index += 1
                    let date = scanner.attribute(tag, "date").flatMap { DateParsing.day($0) } ?? context.defaultDate
                    current = (scanner.attribute(tag, "id"), date, scanner.attribute(tag, "source"), tag.start)
                    text = nil
                    if tag.selfClosing {
                        out.append((nil, ByteChecks.lineNumber(b, at: tag.start)))
                        current = nil
                    }
                } else if let c = current {
                    if let text {
                        let id = c.id.flatMap { $0.isEmpty ? nil : $0 } ?? context.recordID(index)
                        out.append((Document(id: id, text: text, date: c.date, source: c.source, origin: context.origin), 0))
                    } else {
                        out.append((nil, ByteChecks.lineNumber(b, at: c.start)))
                    }
                    current = nil
                }
            } else if current != nil, scanner.nameIs(tag, "text") {
                if !tag.isClose && !tag.selfClosing {
                    textStart = tag.end
                } else if tag.isClose, let s = textStart {
                    let raw = HTMLText.xmlText(b, s..<tag.start)
                    text = String(decoding: HTMLText.trimmed(raw), as: UTF8.self)
                    textStart = nil
                }
            }
        }
        return out
    }
}
