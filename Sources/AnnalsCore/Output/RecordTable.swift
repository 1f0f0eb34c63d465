import Foundation

/// One event as a flat table row: the unit of the CSV and TSV encodings, of `annals code --format
/// csv|tsv` (one row per coded statement) and of `annals events` (one row per deduplicated event of
/// the store).
///
/// For a row made from a single ``EventRecord`` the counts are those of one article:
/// `numMentions` = the record's `mentions`, `numSources` = `numArticles` = 1, `id` = the record id.
public struct EventRow: Hashable, Sendable {
    /// GlobalEventID: the store's integer event id, or the record id for `annals code`.
    public var id: String
    /// `YYYY-MM-DD`, empty when unknown.
    public var date: String
    public var sourceCode: String
    public var sourceName: String
    public var sourceCountry: String
    public var sourceSector: String
    public var targetCode: String
    public var targetName: String
    public var targetCountry: String
    public var targetSector: String
    /// Full CAMEO code (`0331`).
    public var cameo: String
    /// Two-digit root (`03`).
    public var root: String
    /// PLOVER category, empty where PLOVER has none.
    public var plover: String
    /// GDELT quad class 1–4.
    public var quad: Int
    public var goldstein: Double
    /// Whether a statement of the event is in the headline or lead sentence (GDELT `IsRootEvent`).
    public var isRoot: Bool
    /// Statements of the event (GDELT `NumMentions`).
    public var numMentions: Int
    /// Distinct publishers (GDELT `NumSources`).
    public var numSources: Int
    /// Distinct documents (GDELT `NumArticles`).
    public var numArticles: Int
    public var polarity: String
    public var modality: String
    /// Document id of the first statement.
    public var doc: String
    /// Sentence index of the first statement in that document.
    public var sentence: Int
    /// URL of the first statement's document, else its document id (GDELT `SOURCEURL`).
    public var url: String
    /// When the store first recorded the event, `YYYYMMDDHHMMSS` UTC (GDELT `DATEADDED`); empty for
    /// `annals code`.
    public var dateAdded: String
    /// Text of the first statement.
    public var text: String
    /// Where the event happened (GDELT ActionGeo), and the places its actors' words name (Actor1Geo,
    /// Actor2Geo); nil when the text does not say.
    public var actionGeo: Location?
    public var actor1Geo: Location?
    public var actor2Geo: Location?

    public init(
        id: String, date: String, sourceCode: String = "", sourceName: String = "", sourceCountry: String = "",
        sourceSector: String = "", targetCode: String = "", targetName: String = "", targetCountry: String = "",
        targetSector: String = "", cameo: String, root: String, plover: String, quad: Int, goldstein: Double,
        isRoot: Bool, numMentions: Int, numSources: Int, numArticles: Int, polarity: String, modality: String,
        doc: String, sentence: Int, url: String, dateAdded: String, text: String
    ) {
        self.id = id
        self.date = date
        self.sourceCode = sourceCode
        self.sourceName = sourceName
        self.sourceCountry = sourceCountry
        self.sourceSector = sourceSector
        self.targetCode = targetCode
        self.targetName = targetName
        self.targetCountry = targetCountry
        self.targetSector = targetSector
        self.cameo = cameo
        self.root = root
        self.plover = plover
        self.quad = quad
        self.goldstein = goldstein
        self.isRoot = isRoot
        self.numMentions = numMentions
        self.numSources = numSources
        self.numArticles = numArticles
        self.polarity = polarity
        self.modality = modality
        self.doc = doc
        self.sentence = sentence
        self.url = url
        self.dateAdded = dateAdded
        self.text = text
    }

    /// The row of one coded statement (`annals code`).
    public init(_ e: EventRecord) {
        self.init(
            id: e.id, date: e.date,
            sourceCode: e.source?.code ?? "", sourceName: e.source?.name ?? "",
            sourceCountry: e.source?.country ?? "", sourceSector: e.source?.sector ?? "",
            targetCode: e.target?.code ?? "", targetName: e.target?.name ?? "",
            targetCountry: e.target?.country ?? "", targetSector: e.target?.sector ?? "",
            cameo: e.cameo, root: e.root, plover: e.plover ?? "", quad: e.quad, goldstein: e.goldstein,
            isRoot: e.sentence <= 1, numMentions: e.mentions, numSources: 1, numArticles: 1,
            polarity: e.polarity.rawValue, modality: e.modality.rawValue, doc: e.doc, sentence: e.sentence,
            url: e.doc, dateAdded: "", text: e.text)
        actionGeo = e.location
        actor1Geo = e.source?.place
        actor2Geo = e.target?.place
    }

    /// CAMEO base code: the first three digits (`033` for `0331`), the code itself when shorter.
    public var baseCode: String { String(cameo.prefix(3)) }
}

/// Flat tabular encodings of event rows: a CSV of our own columns and a GDELT 2.0-style TSV.
///
/// Both carry events only (relations are written as JSON Lines). Both start with a header line.
///
/// **CSV** (RFC 4180: fields containing `,` `"` CR or LF are quoted, `"` doubled), columns in order:
/// `id, date, source_code, source_name, source_country, source_sector, target_code, target_name,
/// target_country, target_sector, cameo, base, root, plover, quad, goldstein, is_root, num_mentions,
/// num_sources, num_articles, polarity, modality, doc, sentence, url, date_added, text` — see
/// ``EventRow`` for the meaning of each; `is_root` is `1`/`0`.
///
/// **TSV** — the 61 columns of a GDELT 2.0 event file in GDELT's order, then 6 Annals columns.
/// A field never contains a raw tab or newline: `\` `TAB` `LF` `CR` are written `\\` `\t` `\n` `\r`.
///
/// | # | GDELT column | Annals value |
/// |---|---|---|
/// | 1 | GlobalEventID | event id |
/// | 2–4 | Day, MonthYear, Year | date as `YYYYMMDD`, `YYYYMM`, `YYYY` |
/// | 5 | FractionDate | year + (day of year − 1)/365, 4 decimals |
/// | 6, 7 | Actor1Code, Actor1Name | source code, source canonical name |
/// | 8 | Actor1CountryCode | first three letters of the source code |
/// | 9–12 | Actor1KnownGroupCode, EthnicCode, Religion1Code, Religion2Code | empty |
/// | 13–15 | Actor1Type1Code … Type3Code | 2nd, 3rd, 4th three-letter group of the code |
/// | 16–25 | Actor2… | the same for the target |
/// | 26 | IsRootEvent | 1 if stated in the headline or lead sentence |
/// | 27–29 | EventCode, EventBaseCode, EventRootCode | CAMEO code, first 3 digits, root |
/// | 30, 31 | QuadClass, GoldsteinScale | from the CAMEO table |
/// | 32–34 | NumMentions, NumSources, NumArticles | statements, publishers, documents |
/// | 35 | AvgTone | empty (Annals does not score tone) |
/// | 36–59 | Actor1Geo_*, Actor2Geo_*, ActionGeo_* (8 each) | the actors' stated places and the event's (``GDELTGeo``), empty where none |
/// | 60 | DATEADDED | `YYYYMMDDHHMMSS` UTC of first storage; empty for `annals code` |
/// | 61 | SOURCEURL | URL of the first article, else its document id |
/// | 62–67 | Plover, Polarity, Modality, DocID, Sentence, Text | Annals extensions |
public enum RecordTable {
    /// CSV column names, in order.
    public static let csvColumns = [
        "id", "date", "source_code", "source_name", "source_country", "source_sector",
        "target_code", "target_name", "target_country", "target_sector",
        "cameo", "base", "root", "plover", "quad", "goldstein", "is_root",
        "num_mentions", "num_sources", "num_articles", "polarity", "modality",
        "doc", "sentence", "url", "date_added", "text",
    ]

    /// TSV column names, in order: GDELT 2.0's 61, then the Annals extensions.
    public static let tsvColumns: [String] = {
        func actor(_ n: String) -> [String] {
            [
                "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code",
            ].map { "Actor\(n)\($0)" }
        }
        func geo(_ prefix: String) -> [String] {
            ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"].map { "\(prefix)_\($0)" }
        }
        return ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"] + actor("1") + actor("2")
            + [
                "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                "NumMentions", "NumSources", "NumArticles", "AvgTone",
            ]
            + geo("Actor1Geo") + geo("Actor2Geo") + geo("ActionGeo") + ["DATEADDED", "SOURCEURL"]
            + ["Plover", "Polarity", "Modality", "DocID", "Sentence", "Text"]
    }()

    /// Number of GDELT 2.0 columns at the start of each TSV line.
    public static let gdeltColumnCount = 61

    public static let csvHeader = csvColumns.joined(separator: ",")
    public static let tsvHeader = tsvColumns.joined(separator: "\t")

    // MARK: Records (annals code)

    /// The CSV line of a record (without newline); `nil` for relations.
    public static func csvLine(_ record: Record) -> String? {
        guard case .event(let e) = record else { return nil }
        return csvLine(EventRow(e))
    }

    /// The TSV line of a record (without newline); `nil` for relations.
    public static func tsvLine(_ record: Record) -> String? {
        guard case .event(let e) = record else { return nil }
        return tsvLine(EventRow(e))
    }

    // MARK: Rows

    public static func csvFields(_ r: EventRow) -> [String] {
        [
            r.id, r.date, r.sourceCode, r.sourceName, r.sourceCountry, r.sourceSector,
            r.targetCode, r.targetName, r.targetCountry, r.targetSector,
            r.cameo, r.baseCode, r.root, r.plover, String(r.quad), number(r.goldstein), r.isRoot ? "1" : "0",
            String(r.numMentions), String(r.numSources), String(r.numArticles), r.polarity, r.modality,
            r.doc, String(r.sentence), r.url, r.dateAdded, r.text,
        ]
    }

    public static func csvLine(_ r: EventRow) -> String {
        csvFields(r).map(csvField).joined(separator: ",")
    }

    public static func tsvFields(_ r: EventRow) -> [String] {
        var f: [String] = []
        f.reserveCapacity(tsvColumns.count)
        let day = Day(r.date)
        f.append(r.id)
        if let day {
            let ymd = day.year * 10000 + day.month * 100 + day.day
            f.append(String(ymd))
            f.append(String(ymd / 100))
            f.append(String(day.year))
            let doy = day.ordinal - Day(year: day.year, month: 1, day: 1)!.ordinal
            f.append(String(format: "%.4f", Double(day.year) + Double(doy) / 365))
        } else {
            f.append(contentsOf: ["", "", "", ""])
        }
        func actor(_ code: String, _ name: String, _ country: String) {
            let groups = codeGroups(code)
            f.append(code)
            f.append(name)
            f.append(country)
            f.append(contentsOf: ["", "", "", ""])
            for i in 1...3 { f.append(i < groups.count ? groups[i] : "") }
        }
        actor(r.sourceCode, r.sourceName, r.sourceCountry)
        actor(r.targetCode, r.targetName, r.targetCountry)
        f.append(r.isRoot ? "1" : "0")
        f.append(r.cameo)
        f.append(r.baseCode)
        f.append(r.root)
        f.append(String(r.quad))
        f.append(number(r.goldstein))
        f.append(String(r.numMentions))
        f.append(String(r.numSources))
        f.append(String(r.numArticles))
        f.append("")  // AvgTone
        let gazetteer = try? Gazetteer.loadBundled()
        for geo in [r.actor1Geo, r.actor2Geo, r.actionGeo] { f.append(contentsOf: GDELTGeo.fields(geo, gazetteer: gazetteer)) }
        f.append(r.dateAdded)
        f.append(r.url)
        f.append(contentsOf: [r.plover, r.polarity, r.modality, r.doc, String(r.sentence), r.text])
        return f
    }

    public static func tsvLine(_ r: EventRow) -> String {
        tsvFields(r).map(tsvField).joined(separator: "\t")
    }

    // MARK: Parsing back

    public enum ParseError: Error, CustomStringConvertible {
        case columns(expected: Int, found: Int)
        case field(String, String)
        public var description: String {
            switch self {
            case .columns(let e, let f): return "expected \(e) columns, found \(f)"
            case .field(let name, let value): return "bad value '\(value)' in column \(name)"
            }
        }
    }

    /// Parses CSV text (RFC 4180) into rows of fields; accepts LF or CRLF line ends.
    public static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var atFieldStart = true
        var sawAny = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        while i < bytes.count {
            let b = bytes[i]
            sawAny = true
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") && atFieldStart {
                quoted = true
                atFieldStart = false
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == 10 || b == 13 {
                if b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
                endField()
                rows.append(row)
                row.removeAll()
                sawAny = false
            } else {
                field.append(b)
                atFieldStart = false
            }
            i += 1
        }
        if sawAny || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// Splits one TSV line into fields, undoing the `\\` `\t` `\n` `\r` escapes.
    public static func parseTSVLine(_ line: some StringProtocol) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map { unescapeTSV(String($0)) }
    }

    /// An event row from the fields of a CSV line (in ``csvColumns`` order).
    public static func row(csvFields f: [String]) throws -> EventRow {
        guard f.count == csvColumns.count else { throw ParseError.columns(expected: csvColumns.count, found: f.count) }
        func int(_ i: Int) throws -> Int {
            guard let v = Int(f[i]) else { throw ParseError.field(csvColumns[i], f[i]) }
            return v
        }
        guard let goldstein = Double(f[15]) else { throw ParseError.field("goldstein", f[15]) }
        return EventRow(
            id: f[0], date: f[1], sourceCode: f[2], sourceName: f[3], sourceCountry: f[4], sourceSector: f[5],
            targetCode: f[6], targetName: f[7], targetCountry: f[8], targetSector: f[9], cameo: f[10], root: f[12],
            plover: f[13], quad: try int(14), goldstein: goldstein, isRoot: f[16] == "1",
            numMentions: try int(17), numSources: try int(18), numArticles: try int(19), polarity: f[20],
            modality: f[21], doc: f[22], sentence: try int(23), url: f[24], dateAdded: f[25], text: f[26])
    }

    /// An event row from the fields of a TSV line (in ``tsvColumns`` order).
    public static func row(tsvFields f: [String]) throws -> EventRow {
        guard f.count == tsvColumns.count else { throw ParseError.columns(expected: tsvColumns.count, found: f.count) }
        func int(_ i: Int) throws -> Int {
            guard let v = Int(f[i]) else { throw ParseError.field(tsvColumns[i], f[i]) }
            return v
        }
        var date = ""
        if !f[1].isEmpty {
            guard let day = Day(f[1]) else { throw ParseError.field("Day", f[1]) }
            date = day.description
        }
        guard let goldstein = Double(f[30]) else { throw ParseError.field("GoldsteinScale", f[30]) }
        func sector(_ code: String) -> String { let g = codeGroups(code); return g.count > 1 ? g[1] : "" }
        var row = EventRow(
            id: f[0], date: date, sourceCode: f[5], sourceName: f[6], sourceCountry: f[7], sourceSector: sector(f[5]),
            targetCode: f[15], targetName: f[16], targetCountry: f[17], targetSector: sector(f[15]),
            cameo: f[26], root: f[28], plover: f[61], quad: try int(29), goldstein: goldstein, isRoot: f[25] == "1",
            numMentions: try int(31), numSources: try int(32), numArticles: try int(33), polarity: f[62],
            modality: f[63], doc: f[64], sentence: try int(65), url: f[60], dateAdded: f[59], text: f[66])
        let gazetteer = try? Gazetteer.loadBundled()
        row.actor1Geo = GDELTGeo.location(f[35..<43], gazetteer: gazetteer)
        row.actor2Geo = GDELTGeo.location(f[43..<51], gazetteer: gazetteer)
        row.actionGeo = GDELTGeo.location(f[51..<59], gazetteer: gazetteer)
        return row
    }

    // MARK: Field encoding

    static func csvField(_ s: String) -> String {
        var needsQuotes = false
        for b in s.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func tsvField(_ s: String) -> String {
        var clean = true
        for b in s.utf8 where b == 9 || b == 10 || b == 13 || b == 92 {
            clean = false
            break
        }
        if clean { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            switch b {
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 92: out.append(contentsOf: [92, 92])
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unescapeTSV(_ s: String) -> String {
        guard s.utf8.contains(92) else { return s }
        var out: [UInt8] = []
        var escape = false
        for b in s.utf8 {
            if escape {
                switch b {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(b)
                }
                escape = false
            } else if b == 92 {
                escape = true
            } else {
                out.append(b)
            }
        }
        if escape { out.append(92) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number as written in the tables: integers keep one decimal (`-10.0`), others as Swift prints them.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) + ".0" }
        return String(v)
    }

    /// The three-letter groups of a CAMEO actor code (`IRNGOVMIL` → `IRN`, `GOV`, `MIL`).
    static func codeGroups(_ code: String) -> [String] {
        let u = Array(code.utf8)
        var groups: [String] = []
        var i = 0
        while i < u.count {
            groups.append(String(decoding: u[i..<min(i + 3, u.count)], as: UTF8.self))
            i += 3
        }
        return groups
    }
}
