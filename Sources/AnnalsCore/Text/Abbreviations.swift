/// Word lists the sentence splitter consults at a period. Words are compared as exact bytes
/// (packed into a `UInt64` for words up to 8 bytes; longer words never match an abbreviation),
/// in ``WordSet``s.
enum Abbreviations {
    /// Abbreviations that (almost) never end a sentence: titles before names, "No.", months, "vs.".
    static let continuing: WordSet = pack([
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Capt",
        "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Lieut", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
        "Pres", "Supt", "Insp", "Det", "Rev", "Hon", "Fr", "Msgr", "Sr", "St", "Ste", "Mt", "Ft", "Pt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "Vol", "Vols", "Art", "Arts", "Fig", "Figs", "Ch", "Sec", "Para", "pp", "p",
        "vs", "v", "cf", "approx", "ca", "al", "Ave", "Blvd", "e.g", "i.e", "E.g", "I.e", "viz",
        "Mssrs", "Esq", "Atty", "Amb", "Sup", "Gov-Gen", "Lt-Gen", "Maj-Gen", "Brig-Gen",
    ])

    /// Title abbreviations before a name, read as the title they stand for ("Gov. Phil Murphy" is
    /// the governor Phil Murphy, "Sen." a senator, "Rep." a member of Congress): the token "Gov." keeps
    /// its bytes and takes the key of the word, so the agent dictionary needs no abbreviations.
    static let titleExpansions: [UInt64: UInt64] = {
        let pairs = [
            ("gov", "governor"), ("sen", "senator"), ("rep", "congressman"), ("gen", "general"), ("lt", "lieutenant"),
            ("col", "colonel"), ("adm", "admiral"), ("sgt", "sergeant"), ("amb", "ambassador"), ("pres", "president"),
            ("brig", "brigadier"), ("maj", "major"), ("capt", "captain"), ("cpl", "corporal"),
        ]
        var out: [UInt64: UInt64] = [:]
        for (short, word) in pairs { out[TokenKey.hash(short)] = TokenKey.hash(word) }
        return out
    }()

    /// Military ranks that British style writes without a period ("Maj Gen Christopher Ghika"): before
    /// a capitalised word they are titles too.
    static let periodlessTitles: Set<UInt64> = Set(
        ["maj", "gen", "lt", "col", "brig", "sgt", "capt", "cpl", "adm"].map { TokenKey.hash($0) })

    /// Abbreviations that may end a sentence: a following capitalised word starts a new sentence
    /// only if it is a common sentence starter (see `starters`).
    static let ambiguous: WordSet = pack([
        "U.S", "U.K", "U.N", "E.U", "U.S.A", "U.A.E", "D.C", "N.Y", "L.A", "P.R", "S.A", "N.V",
        "Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "etc", "Ph.D", "LLC", "Plc", "plc", "PLC", "GmbH",
        "a.m", "p.m", "A.M", "P.M", "Dept", "Univ", "Assn", "Intl", "Govt",
    ])

    /// Time abbreviations ("5 p.m."): a capitalised word after them starts a sentence unless it is a
    /// weekday, month or time zone.
    static let times: WordSet = pack(["a.m", "p.m", "A.M", "P.M"])

    static let timeFollowers: WordSet = pack(
        [
            "Monday", "Tuesday", "Thursday", "Friday", "Saturday", "Sunday", "GMT", "UTC", "ET", "EST", "EDT",
            "PT", "PST", "PDT", "CT", "CST", "CDT", "MT", "BST", "CET", "CEST", "IST", "JST", "EET", "MSK",
            "January", "February", "March", "April", "May", "June", "July", "August", "October", "November",
            "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Local", "Zulu", "AST", "GST", "WIB", "HKT", "SGT", "AEST", "AEDT", "NZT", "PKT", "IRST",
        ], long: ["Wednesday", "September"])

    /// Common sentence-initial words (after an ambiguous abbreviation or an initial).
    static let starters: WordSet = pack(
        [
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
        ], long: ["Meanwhile", "Following", "Moreover", "Furthermore", "Nevertheless", "Tomorrow"])

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

    /// The set of `words` (by ``key(_:_:_:)``, so those over 8 bytes are left out) and of the
    /// `long` words (by ``longKey(_:_:_:)``).
    private static func pack(_ words: [String], long: [String] = []) -> WordSet {
        var out = Set<UInt64>()
        for w in words {
            var s = w
            let k = s.withUTF8 { key($0, 0, $0.count) }
            if k != 0 { out.insert(k) }
        }
        for w in long {
            var s = w
            out.insert(s.withUTF8 { longKey($0, 0, $0.count) })
        }
        return WordSet(out)
    }
}

/// A fixed set of packed words (nonzero `UInt64` keys) with a cheap lookup: open addressing in a
/// power-of-two table at most half full, with a multiplicative hash. The splitter looks words up
/// at every period, and `Set<UInt64>` (which hashes with SipHash) made those lookups the larger
/// part of its cost.
struct WordSet: Sendable {
    /// Keys, with 0 for an empty slot (0 is never a key: ``Abbreviations/key(_:_:_:)`` returns it
    /// for words it cannot pack, which must not match).
    private let slots: [UInt64]
    /// `64 - log2(slots.count)`: the hash is the top bits of the product.
    private let shift: UInt64

    init(_ keys: Set<UInt64>) {
        var bits: UInt64 = 1
        while (1 << bits) < 2 * keys.count { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        for key in keys where key != 0 {
            var i = Self.slot(key, shift)
            while slots[i] != 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = key
        }
        self.slots = slots
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var i = Self.slot(key, shift)
        while true {
            let k = slots[i]
            if k == key { return true }
            if k == 0 { return false }
            i = (i + 1) & (slots.count - 1)
        }
    }
}
