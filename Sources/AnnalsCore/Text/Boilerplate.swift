/// Recognises boilerplate lines and sentences: social-media prompts ("Follow SMNI News on Rumble"),
/// "Share this", "Click here", "Read more", "Sign up for ...", "Subscribe ...", "Advertisement",
/// copyright notices ("© 2024 ...", "Copyright ...", "All rights reserved").
enum Boilerplate {
    /// Lines or sentences longer than this are never boilerplate (they carry content).
    static let maxLength = 240

    /// True if `bytes[from..<to]` (one line or sentence, original or normalised) is boilerplate.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var s = from, e = to
        while s < e, ByteClass.isSpace(bytes[s]) || bytes[s] == 42 || bytes[s] == 45 || bytes[s] == 62 || bytes[s] == 124 { s += 1 }  // * - > |
        while e > s, ByteClass.isSpace(bytes[e - 1]) { e -= 1 }
        guard s < e, e - s <= maxLength else { return false }
        // The prefixes, by their first byte (most lines start with none of these).
        switch ByteClass.lower(bytes[s]) {
        case UInt8(ascii: "f"):
            if ByteClass.hasPrefix(bytes, s, e, "follow ") { return mentionsPlatform(bytes, s, e) }
        case UInt8(ascii: "s"):
            if ByteClass.hasPrefix(bytes, s, e, "share this") || ByteClass.hasPrefix(bytes, s, e, "share on ")
                || ByteClass.hasPrefix(bytes, s, e, "share via") || ByteClass.hasPrefix(bytes, s, e, "sign up for")
                || ByteClass.hasPrefix(bytes, s, e, "sign up to")
            {
                return true
            }
            if ByteClass.hasPrefix(bytes, s, e, "subscribe") {
                return s + 9 == e || !ByteClass.isAlpha(bytes[s + 9])
            }
        case UInt8(ascii: "c"):
            if ByteClass.hasPrefix(bytes, s, e, "click here") || ByteClass.hasPrefix(bytes, s, e, "copyright") { return true }
        case UInt8(ascii: "r"):
            if ByteClass.hasPrefix(bytes, s, e, "read more") { return true }
        case 0xC2:
            if ByteClass.hasPrefix(bytes, s, e, "\u{00A9}") { return true }
        case UInt8(ascii: "("):
            if ByteClass.hasPrefix(bytes, s, e, "(c) ") { return true }
        case UInt8(ascii: "a"):
            if ByteClass.hasPrefix(bytes, s, e, "advertisement") { return e - s <= 16 }
        default:
            break
        }
        return allRightsReserved.occurs(in: bytes, s, e)
    }

    /// Checked in every short line and sentence, so it has a precomputed search.
    private static let allRightsReserved = NeedleSearch("all rights reserved")

    private static func mentionsPlatform(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if ByteClass.contains(bytes, s, e, "twitter") || ByteClass.contains(bytes, s, e, "facebook")
            || ByteClass.contains(bytes, s, e, "rumble") || ByteClass.contains(bytes, s, e, "telegram")
            || ByteClass.contains(bytes, s, e, "instagram") || ByteClass.contains(bytes, s, e, "youtube")
            || ByteClass.contains(bytes, s, e, "tiktok") || ByteClass.contains(bytes, s, e, "linkedin")
            || ByteClass.contains(bytes, s, e, "threads") || ByteClass.contains(bytes, s, e, "truth social")
            || ByteClass.contains(bytes, s, e, "whatsapp") || ByteClass.contains(bytes, s, e, "x.com")
            || ByteClass.contains(bytes, s, e, "google news") || ByteClass.contains(bytes, s, e, "social media")
            || ByteClass.contains(bytes, s, e, " on x ") || ByteClass.contains(bytes, s, e, " on x,")
            || ByteClass.contains(bytes, s, e, " in x ") || ByteClass.contains(bytes, s, e, "(x)")
        {
            return true
        }
        // "... on X" / "... on X." at the end.
        var t = e
        while t > s, bytes[t - 1] == 46 || bytes[t - 1] == 33 { t -= 1 }
        return t - s >= 5 && (ByteClass.hasPrefix(bytes, t - 5, t, " on x") || ByteClass.hasPrefix(bytes, t - 5, t, " in x"))
    }
}

/// A case-insensitive search for one lowercase ASCII needle (Boyer-Moore-Horspool), giving the
/// same answers as ``ByteClass/contains(_:_:_:_:)`` while looking at far fewer bytes: each window
/// is compared from its last byte, and then moves on by that byte's distance from the end of the
/// needle (the whole needle length for bytes not in it).
struct NeedleSearch: Sendable {
    private let needle: [UInt8]
    /// How far to move the window, by its (lowercased) last byte.
    private let shift: [Int]

    init(_ lowercase: StaticString) {
        let needle = Array(UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount))
        precondition(!needle.isEmpty && needle.allSatisfy { ByteClass.lower($0) == $0 })
        var shift = [Int](repeating: needle.count, count: 256)
        for k in 0..<(needle.count - 1) { shift[Int(needle[k])] = needle.count - 1 - k }
        self.needle = needle
        self.shift = shift
    }

    /// Does `bytes[from..<to]` contain the needle, ignoring ASCII case?
    func occurs(in bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        let n = needle.count
        let lastByte = needle[n - 1]
        var i = from
        while i <= to - n {
            let last = ByteClass.lower(bytes[i + n - 1])
            if last == lastByte {
                var k = 0
                while k < n - 1 && ByteClass.lower(bytes[i + k]) == needle[k] { k += 1 }
                if k == n - 1 { return true }
            }
            i += shift[Int(last)]
        }
        return false
    }
}

/// A dateline opening the body: "BEIRUT (Reuters) -", "WASHINGTON, Nov 20 (AP) —", "GAZA CITY —".
struct Dateline {
    /// The place as written ("BEIRUT", "GAZA CITY").
    var place: String
    /// The agency in parentheses ("Reuters", "AP"), if any.
    var agency: String?
    /// Offset of the first byte after the dateline (and the spaces after its dash).
    var end: Int

    /// Recognises a dateline at `bytes[from..<to]` (original text).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Dateline? {
        var p = from
        while p < to, bytes[p] == 32 || bytes[p] == 9 { p += 1 }
        let placeStart = p
        guard p < to, ByteClass.isUpper(bytes[p]) else { return nil }
        // Place: capitalised words (all caps unless an agency follows).
        var allCaps = true
        var upperCount = 0
        var words = 0
        while p < to {
            let b = bytes[p]
            if ByteClass.isUpper(b) {
                upperCount += 1
            } else if ByteClass.isLower(b) {
                allCaps = false
            } else if b == 32 {
                // A word boundary; the next word must be capitalised.
                guard p + 1 < to, ByteClass.isUpper(bytes[p + 1]) || bytes[p + 1] >= 0xC0 else { break }
                words += 1
            } else if b == 46 || b == 39 || b == 45 || b >= 0x80 {
                if b == 0xE2 { break }  // dashes and quotes
            } else {
                break
            }
            p += 1
            if p - placeStart > 40 { return nil }
        }
        var placeEnd = p
        while placeEnd > placeStart, bytes[placeEnd - 1] == 32 { placeEnd -= 1 }
        guard upperCount >= 2, words < 5, placeEnd > placeStart else { return nil }
        while p < to, bytes[p] == 32 { p += 1 }
        // Optional ", Nov 20" / ", Lebanon".
        if p < to, bytes[p] == 44 {
            let extraStart = p
            p += 1
            while p < to,
                ByteClass.isAlnum(bytes[p]) || bytes[p] == 32 || bytes[p] == 46 || bytes[p] == 44 || bytes[p] >= 0x80 && bytes[p] != 0xE2
            {
                p += 1
                if p - extraStart > 32 { return nil }
            }
        }
        while p < to, bytes[p] == 32 { p += 1 }
        // Optional "(Agency)".
        var agency: String?
        if p < to, bytes[p] == 40 {
            let a = p + 1
            var q = a
            while q < to, bytes[q] != 41, bytes[q] != 40, q - a <= 40 { q += 1 }
            guard q < to, bytes[q] == 41, q > a else { return nil }
            agency = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<q]), as: UTF8.self)
            p = q + 1
        }
        guard allCaps || agency != nil else { return nil }
        while p < to, bytes[p] == 32 { p += 1 }
        // The dash.
        guard p < to else { return nil }
        if bytes[p] == 45 {
            p += 1
            if p < to, bytes[p] == 45 { p += 1 }
        } else if bytes[p] == 0xE2, p + 2 < to, bytes[p + 1] == 0x80, (0x93...0x95).contains(bytes[p + 2]) {
            p += 3
        } else {
            return nil
        }
        guard p < to, bytes[p] == 32 || bytes[p] == 9 || bytes[p - 1] == 0x94 else { return nil }
        while p < to, bytes[p] == 32 || bytes[p] == 9 { p += 1 }
        // The body after a dateline starts like a sentence.
        guard p < to, ByteClass.isUpper(bytes[p]) || ByteClass.isDigit(bytes[p]) || bytes[p] == 34 || bytes[p] == 0xE2 else { return nil }
        let place = String(decoding: UnsafeBufferPointer(rebasing: bytes[placeStart..<placeEnd]), as: UTF8.self)
        return Dateline(place: place, agency: agency, end: p)
    }
}
