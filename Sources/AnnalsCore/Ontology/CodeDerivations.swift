/// Codes CAMEO derives from an action code: the intent to do it ("vowed to release" → 0353), the
/// refusal of it ("will not release" → 1243), and the appeal or demand for it ("urged Iran to release"
/// → 025, "demanded a ceasefire" → 107). The table is data, `Resources/Ontology/code-derivations.tsv`,
/// read once; the longest prefix of the action's code that the table lists decides.
public struct CodeDerivations: Sendable {
    /// What is derived.
    public enum Kind: String, Sendable, CaseIterable {
        case intent, refusal, appeal, demand
        /// Codes two named parties do with each other: the row's code is "=".
        case joint
        /// Codes whose event noun names both parties with "between" (besides the joint ones).
        case between
    }

    private let table: [Kind: [String: String]]

    /// The bundled table.
    public static let shared = BundledResource.load("Ontology/code-derivations.tsv", CodeDerivations.init(parsing:origin:))

    /// Parses rows `kind<TAB>prefix<TAB>code[<TAB>note]`; `#` starts a comment line.
    public init(parsing text: String, origin: String) throws {
        var table: [Kind: [String: String]] = [:]
        for (n, fields) in BundledResource.tabRows(text) {
            let c = fields.map(String.init)
            guard c.count >= 3, let kind = Kind(rawValue: c[0]), !c[1].isEmpty, c[1].allSatisfy(\.isNumber),
                c[2] == "=" || (!c[2].isEmpty && c[2].allSatisfy(\.isNumber))
            else {
                throw DictionaryError(
                    file: origin, line: n,
                    message:
                        "expected 'KIND<TAB>prefix<TAB>code' with a kind of \(Kind.allCases.map(\.rawValue)), got '\(c.joined(separator: "\t"))'"
                )
            }
            table[kind, default: [:]][c[1]] = c[2]
        }
        self.table = table
    }

    /// Whether `code` is listed (by a prefix) under `kind`.
    public func lists(_ kind: Kind, _ code: String) -> Bool { self.code(kind, of: code) != nil }

    /// The code of `kind` derived from `action`, nil when the table derives none.
    public func code(_ kind: Kind, of action: String) -> String? {
        guard let rows = table[kind] else { return nil }
        var prefix = Substring(action)
        while !prefix.isEmpty {
            if let d = rows[String(prefix)] { return d == "=" ? action : d }
            prefix = prefix.dropLast()
        }
        return nil
    }
}
