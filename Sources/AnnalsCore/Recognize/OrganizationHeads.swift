/// The sector an unknown organisation's name gives by its last word: "the Kenya National Union of
/// Nurses" is a union (LAB), "the Ukrainian Supreme Court" a court (JUD), "the California Farm
/// Bureau Federation" civil society (CVL). Only for names the dictionaries do not know: "European
/// Union" and "Labour Party" are actors of their own and never reach this table.
///
/// Codes follow the CAMEO actor codebook's role codes (3.2); the country comes from the context, as
/// for generic agents (``ContextCountry``).
enum OrganizationHeads {
    static let roles: [UInt64: String] = {
        let table: [(String, [String])] = [
            (
                "GOV",
                [
                    "ministry", "bureau", "agency", "department", "commission", "authority", "administration", "secretariat", "directorate",
                    "cabinet",
                ]
            ),
            ("LEG", ["parliament", "assembly", "senate", "congress", "legislature", "duma", "knesset"]),
            ("JUD", ["court", "tribunal", "judiciary", "prosecutor"]),
            ("COP", ["police", "constabulary", "gendarmerie"]),
            ("MIL", ["navy", "airforce", "corps"]),
            ("REB", ["brigade", "brigades", "battalion", "militia", "front"]),
            ("PTY", ["party"]),
            ("OPP", ["movement"]),
            ("LAB", ["union", "unions", "confederation", "syndicate"]),
            (
                "CVL",
                [
                    "federation", "association", "society", "foundation", "institute", "council", "network", "coalition", "forum",
                    "organization", "organisation", "campaign", "committee",
                ]
            ),
            ("EDU", ["university", "college", "school", "academy"]),
            ("BUS", ["company", "corporation", "corp", "inc", "ltd", "bank", "group"]),
            ("REL", ["church", "diocese", "synod", "mosque", "patriarchate"]),
            ("MED", ["newspaper", "television", "broadcaster", "radio", "times", "post"]),
        ]
        var out: [UInt64: String] = [:]
        for (code, words) in table { for w in words { out[TokenKey.hash(w)] = code } }
        return out
    }()

    /// The role code of an unknown name whose last word has the key `head`, nil for any other.
    static func role(ofHead head: UInt64) -> String? { roles[head] }
}
