/// One CAMEO event code with its Goldstein weight, GDELT quad class and PLOVER category.
public struct CameoCode: Hashable, Sendable {
    /// The code, e.g. `0331`.
    public let code: String
    /// The codebook name, e.g. "Express intent to provide economic aid".
    public let name: String
    /// Goldstein conflict–cooperation weight, -10 ... +10.
    public let goldstein: Double
    /// GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public let quadClass: Int
    /// PLOVER category, `nil` where PLOVER has none (CAMEO 01 and 02).
    public let plover: String?

    /// The two-digit root (`03` for `0331`).
    public var root: String { String(code.prefix(2)) }

    /// The parent code (`033` for `0331`, `03` for `033`), `nil` for a root.
    public var parent: String? { code.count > 2 ? String(code.dropLast()) : nil }

    public static let quadClassNames = [
        1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
    ]
}
