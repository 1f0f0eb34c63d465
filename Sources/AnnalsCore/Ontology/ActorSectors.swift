/// CAMEO actor role and international codes (`GOV`, `MIL`, `REB`, `IGO`, ...), loaded once from
/// `Resources/Ontology/actor-sectors.tsv`.
public struct ActorSectors: Sendable {
    public struct Sector: Hashable, Sendable {
        public let code: String
        /// `primary`, `secondary`, `tertiary` or `international`.
        public let kind: String
        public let description: String
    }

    public let sectors: [Sector]
    private let byCode: [String: Sector]

    public static let shared: ActorSectors = {
        let text = (try? BundledResource.text("Ontology/actor-sectors.tsv")) ?? ""
        var sectors: [Sector] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if c.count >= 3 { sectors.append(Sector(code: c[0], kind: c[1], description: c[2])) }
        }
        return ActorSectors(sectors: sectors)
    }()

    public init(sectors: [Sector]) {
        self.sectors = sectors
        self.byCode = Dictionary(sectors.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(code: String) -> Sector? { byCode[code] }

    /// True when `code` is a role code (`GOV`) rather than a country or organisation code.
    public func isRole(_ code: String) -> Bool {
        guard let s = byCode[code] else { return false }
        return s.kind != "international"
    }
}
