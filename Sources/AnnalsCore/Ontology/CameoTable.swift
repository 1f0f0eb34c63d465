import Foundation

/// The CAMEO event ontology: all codes, loaded once from the bundled table
/// `Resources/Ontology/cameo-event-codes.tsv`, the only place these facts live.
///
/// ```swift
/// let code = CameoTable.shared["0331"]!
/// code.plover      // "AGREE"
/// code.goldstein   // 6.4
/// ```
public struct CameoTable: Sendable {
    public let codes: [CameoCode]
    private let byCode: [String: CameoCode]

    public init(codes: [CameoCode]) {
        self.codes = codes
        self.byCode = Dictionary(codes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The bundled table.
    public static let shared: CameoTable = {
        do {
            return try CameoTable(tsv: BundledResource.text("Ontology/cameo-event-codes.tsv"))
        } catch {
            fatalError("The bundled CAMEO table is unreadable: \(error)")
        }
    }()

    /// Parses `code<TAB>name<TAB>goldstein<TAB>quad<TAB>plover` lines; `#` lines are comments.
    public init(tsv: String, file: String = "cameo-event-codes.tsv") throws {
        var codes: [CameoCode] = []
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, let goldstein = Double(cells[2]), let quad = Int(cells[3]) else {
                throw DictionaryError(file: file, line: lineNumber, message: "expected code, name, goldstein, quad class, PLOVER")
            }
            let plover = cells.count > 4 && !cells[4].isEmpty ? cells[4] : nil
            codes.append(CameoCode(code: cells[0], name: cells[1], goldstein: goldstein, quadClass: quad, plover: plover))
        }
        self.init(codes: codes)
    }

    public subscript(code: String) -> CameoCode? { byCode[code] }

    /// The code itself, else its nearest listed ancestor (`0874` → `087` when `0874` is unknown).
    public func nearest(_ code: String) -> CameoCode? {
        var c = Substring(code)
        while !c.isEmpty {
            if let hit = byCode[String(c)] { return hit }
            c = c.dropLast()
        }
        return nil
    }

    /// Codes whose code, name or PLOVER category contains every word of `query` (case-insensitive).
    public func search(_ query: String) -> [CameoCode] {
        let words = query.lowercased().split(separator: " ")
        return codes.filter { code in
            let hay = "\(code.code) \(code.name) \(code.plover ?? "")".lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
    }

    /// All codes under a root or code prefix.
    public func children(of prefix: String) -> [CameoCode] {
        codes.filter { $0.code.hasPrefix(prefix) && $0.code != prefix }
    }
}
