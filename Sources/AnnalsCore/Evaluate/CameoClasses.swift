/// The coarse classes an event code falls in, as the evaluation compares them.
public enum CameoClasses {
    /// ConfliBERT's five classes: 0 statement or appeal (roots 01-02), 1 verbal cooperation (03-05),
    /// 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16), 4 material conflict (14, 15,
    /// 17-20). Reducing relations (16: sanctions, cutting aid, expelling) is verbal conflict in the
    /// ConfliBERT labels, as in Phoenix's quad classes, not material conflict as in GDELT's: of the dev
    /// sentences where Annals found only root 16, 44 of 47 are labelled 3 (docs/evaluation.md).
    public static func pentaclass(root: String) -> Int? {
        guard let r = Int(root.prefix(2)), (1...20).contains(r) else { return nil }
        switch r {
        case 1...2: return 0
        case 3...5: return 1
        case 6...8: return 2
        case 9...13, 16: return 3
        default: return 4
        }
    }

    /// Names of the five classes, by number.
    public static let pentaclassNames = [
        0: "statement/appeal", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
    ]

    /// PLOVER category of a CAMEO code (`nil` for roots 01 and 02, which PLOVER drops).
    public static func plover(_ cameo: String) -> String? {
        (CameoTable.shared[cameo] ?? CameoTable.shared[String(cameo.prefix(2))])?.plover
    }

    /// GDELT quad class (1-4) of a CAMEO code.
    public static func quad(_ cameo: String) -> Int? {
        (CameoTable.shared[cameo] ?? CameoTable.shared[String(cameo.prefix(2))])?.quadClass
    }
}
