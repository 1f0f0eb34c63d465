/// Publication date, publisher and address of an HTML article, from the metadata news sites write
/// for search engines and social networks.
///
/// The date comes from the most reliable source present, in this order:
/// 1. `<meta property="article:published_time">` (Open Graph), `<meta itemprop="datePublished">`;
/// 2. `"datePublished"` in a JSON-LD script (`<script type="application/ld+json">`);
/// 3. other date metas (`pubdate`, `publish-date`, `date`, `dc.date`, `dcterms.created`, ...);
/// 4. the first `<time datetime="...">`, preferring one marked `pubdate` or `itemprop="datePublished"`.
///
/// The publisher is `og:site_name` (else `application-name`); the address `<link rel="canonical">`,
/// else `og:url`.
///
/// ```swift
/// // <meta property="article:published_time" content="2024-03-12T08:00:00Z">
/// metadata.published  // Day("2024-03-12")
/// ```
struct HTMLMetadata {
    private(set) var published: Day?
    private(set) var siteName: String?
    private(set) var url: String?
    /// Rank of the source of `published` (lower is better; see the type's documentation).
    private var publishedRank = Int.max

    private static let articleDates: Set<String> = ["article:published_time", "og:published_time", "datepublished"]
    private static let otherDates: Set<String> = [
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
        "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
    ]

    private mutating func offer(date text: String?, rank: Int) {
        guard rank < publishedRank, let text, let day = DateParsing.day(text) else { return }
        published = day
        publishedRank = rank
    }

    /// Reads a `meta`, `time` or `link` tag.
    mutating func read(_ tag: MarkupScanner.Tag, named name: String, in scanner: MarkupScanner) {
        guard !tag.isClose else { return }
        switch name {
        case "meta":
            guard let content = scanner.attribute(tag, "content") else { return }
            let key = (scanner.attribute(tag, "property") ?? scanner.attribute(tag, "name") ?? scanner.attribute(tag, "itemprop"))?
                .lowercased()
            guard let key else { return }
            if Self.articleDates.contains(key) {
                offer(date: content, rank: 1)
            } else if Self.otherDates.contains(key) {
                offer(date: content, rank: 3)
            } else if key == "og:site_name" || (key == "application-name" && siteName == nil) {
                if !content.isEmpty { siteName = content }
            } else if key == "og:url", url == nil, !content.isEmpty {
                url = content
            }
        case "time":
            let marked = scanner.attribute(tag, "pubdate") != nil || scanner.attribute(tag, "itemprop")?.lowercased() == "datepublished"
            offer(date: scanner.attribute(tag, "datetime"), rank: marked ? 4 : 5)
        case "link":
            if scanner.attribute(tag, "rel")?.lowercased() == "canonical", let href = scanner.attribute(tag, "href"), !href.isEmpty {
                url = href
            }
        default:
            break
        }
    }

    /// Reads the `datePublished` of a JSON-LD script's raw bytes.
    mutating func readJSONLD(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard publishedRank > 2 else { return }
        let key = Array("\"datePublished\"".utf8)
        var p = range.lowerBound
        while p + key.count <= range.upperBound {
            if b[p] == key[0], (0..<key.count).allSatisfy({ b[p + $0] == key[$0] }) {
                var q = p + key.count
                while q < range.upperBound, b[q] == 32 || b[q] == 9 || b[q] == 10 || b[q] == 13 || b[q] == 58 { q += 1 }
                guard q < range.upperBound, b[q] == 34 else { return }
                let start = q + 1
                var end = start
                while end < range.upperBound, b[end] != 34 { end += 1 }
                offer(date: String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self), rank: 2)
                return
            }
            p += 1
        }
    }
}
