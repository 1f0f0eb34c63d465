/// Word lists the sentence splitter consults at a period. Words are compared as exact bytes
/// (packed into a `UInt64` for words up to 8 bytes; longer words never match an abbreviation).
enum Abbreviations {
    /// Abbreviations that (almost) never end a sentence: titles before names, "No.", months, "vs.".
    static let continuing: Set<UInt64> = pack([
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Capt",
        "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Lieut", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
        "Pres", "Supt", "Insp", "Det", "Rev", "Hon", "Fr", "Msgr", "Sr", "St", "Ste", "Mt", "Ft", "Pt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "Vol", "Vols", "Art", "Arts", "Fig", "Figs", "Ch", "Sec", "Para", "pp", "p",
        "vs", "v", "cf", "approx", "ca", "al", "Ave", "Blvd", "e.g", "i.e", "E.g", "I.e", "viz",
        "Mssrs", "Esq", "Atty", "Amb", "Sup", "Gov-Gen", "Lt-Gen", "Maj-Gen", "Brig-Gen",
    ])

    /// Abbreviations that may end a sentence: a following capitalised word starts a new sentence
    /// only if it is a common sentence starter (see `starters`).
    static let ambiguous: Set<UInt64> = pack([
        "U.S", "U.K", "U.N", "E.U", "U.S.A", "U.A.E", "D.C", "N.Y", "L.A", "P.R", "S.A", "N.V",
        "Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "etc", "Ph.D", "LLC", "Plc", "plc", "PLC", "GmbH",
        "a.m", "p.m", "A.M", "P.M", "Dept", "Univ", "Assn", "Intl", "Govt",
    ])

    /// Time abbreviations ("5 p.m."): a capitalised word after them starts a sentence unless it is a
    /// weekday, month or time zone.
    static let times: Set<UInt64> = pack(["a.m", "p.m", "A.M", "P.M"])

    static let timeFollowers: Set<UInt64> = pack([
        "Monday", "Tuesday", "Thursday", "Friday", "Saturday", "Sunday", "GMT", "UTC", "ET", "EST", "EDT",
        "PT", "PST", "PDT", "CT", "CST", "CDT", "MT", "BST", "CET", "CEST", "IST", "JST", "EET", "MSK",
        "January", "February", "March", "April", "May", "June", "July", "August", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Local", "Zulu", "AST", "GST", "WIB", "HKT", "SGT", "AEST", "AEDT", "NZT", "PKT", "IRST",
    ]).union(pack9(["Wednesday", "September"]))

    /// Common sentence-initial words (after an ambiguous abbreviation or an initial).
    static let starters: Set<UInt64> = pack([
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "There", "Their", "His", "Her", "Its", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
        "However", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since", "Although",
        "Though", "Because", "For", "From", "With", "Without", "By", "To", "Of", "Under", "During",
        "Despite", "Still", "Also", "Then", "Now", "Later", "Earlier", "Last", "Next", "Some", "Many",
        "Most", "Several", "Other", "Others", "Both", "Each", "Every", "All", "No", "Not", "One", "Two",
        "What", "Who", "Why", "How", "Where", "Which", "Officials", "Police", "Critics", "Analysts",
        "Asked", "According", "Yes", "Thus", "Hence", "Instead", "Indeed", "Such", "Among", "Amid",
        "Mr", "Mrs", "Ms", "Dr", "Both", "Neither", "Nor", "Even", "Only", "Just", "Here", "Today",
        "Yesterday", "Sources", "Reports", "Witnesses", "Residents", "Experts", "Leaders",
    ]).union(pack9(["Meanwhile", "Following", "Moreover", "Furthermore", "Nevertheless", "Tomorrow"]))

    /// Packs up to 8 bytes into an integer key (0 for longer words).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        let n = to - from
        guard n > 0, n <= 8 else { return 0 }
        var k: UInt64 = 0
        for i in from..<to { k = k << 8 | UInt64(bytes[i]) }
        return k
    }

    /// Key of a longer word: the first 8 bytes plus the length, so 9+ byte words can be listed.
    @inline(__always)
    static func longKey(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        let n = to - from
        if n <= 8 { return key(bytes, from, to) }
        var k: UInt64 = 0
        for i in from..<(from + 7) { k = k << 8 | UInt64(bytes[i]) }
        return k << 8 | UInt64(min(n, 255)) | (1 << 63)
    }

    private static func pack(_ words: [String]) -> Set<UInt64> {
        var out = Set<UInt64>()
        for w in words {
            var s = w
            let k = s.withUTF8 { key($0, 0, $0.count) }
            if k != 0 { out.insert(k) }
        }
        return out
    }

    private static func pack9(_ words: [String]) -> Set<UInt64> {
        var out = Set<UInt64>()
        for w in words {
            var s = w
            out.insert(s.withUTF8 { longKey($0, 0, $0.count) })
        }
        return out
    }
}
