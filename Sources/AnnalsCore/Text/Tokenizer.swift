/// Splits a sentence's normalised text into tokens, on UTF-8 bytes.
///
/// Words keep inner hyphens and periods of abbreviations ("al-Qassam", "U.S."); punctuation is a
/// token of its own; the clitics `'s`, `'` (plural possessive) and `n't` are split off as in the Penn
/// Treebank ("Iran's" → `Iran` `'s`, "didn't" → `did` `n't`).
public enum Tokenizer {
    public static func tokens(of text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(bytes: $0) }
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }
    @inline(__always)
    static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    public static func tokens(bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 5 + 4)
        let classes = WordClasses.table
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            if !isAlnum(b) {
                // Apostrophe clitics: 's / ' after a word.
                if b == 39, let last = out.last, last.end == Int32(i), !last.flags.contains(.punctuation) {
                    if i + 1 < n, bytes[i + 1] | 0x20 == UInt8(ascii: "s"), i + 2 >= n || !isAlnum(bytes[i + 2]) {
                        append(&out, classes, bytes, i, i + 2, extra: .possessive)
                        i += 2
                        continue
                    }
                    if i + 1 >= n || !isAlnum(bytes[i + 1]) {
                        append(&out, classes, bytes, i, i + 1, extra: .possessive)
                        i += 1
                        continue
                    }
                }
                // Multi-character punctuation runs such as "..." or "--" stay together.
                var j = i + 1
                if b == 46 || b == 45 { while j < n && bytes[j] == b { j += 1 } }
                append(&out, classes, bytes, i, j, extra: .punctuation)
                i = j
                continue
            }
            // A word: letters/digits with inner hyphens, apostrophes, periods (abbreviations, decimals), '&'.
            var j = i + 1
            while j < n {
                let c = bytes[j]
                if isAlnum(c) { j += 1; continue }
                if (c == 45 || c == 38 || c == 47) && j + 1 < n && isAlnum(bytes[j + 1]) { j += 1; continue }
                if c == 39 && j + 1 < n && isAlnum(bytes[j + 1]) {
                    // Keep O'Brien, split clitics 's and n't.
                    if bytes[j + 1] | 0x20 == UInt8(ascii: "s") && (j + 2 >= n || !isAlnum(bytes[j + 2])) { break }
                    if bytes[j + 1] | 0x20 == UInt8(ascii: "t") && j > i + 1 && bytes[j - 1] | 0x20 == UInt8(ascii: "n")
                        && (j + 2 >= n || !isAlnum(bytes[j + 2]))
                    {
                        j -= 1  // "did|n't"
                        break
                    }
                    j += 1
                    continue
                }
                if c == 46 && j + 1 < n && isAlnum(bytes[j + 1]) && (isDigit(bytes[j + 1]) || j - i <= 2) {
                    j += 1  // 3.5, U.S
                    continue
                }
                if c == 46 && isAbbreviationEnd(bytes, i, j) { j += 1; break }
                break
            }
            // "Gov. Phil Murphy": a title abbreviation before a capitalised word is one token, the title.
            if j + 2 < n, bytes[j] == 46, j - i >= 2, j - i <= 4, isUpper(bytes[i]), isSpace(bytes[j + 1]), isUpper(bytes[j + 2]),
                let title = Abbreviations.titleExpansions[TokenKey.hash(UnsafeBufferPointer(rebasing: bytes[i..<j]))]
            {
                append(&out, classes, bytes, i, j + 1, extra: [])
                out[out.count - 1].key = title
                out[out.count - 1].classes = classes[title] ?? []
                i = j + 1
                continue
            }
            // "Maj Gen Christopher Ghika": ranks written without a period, before a capitalised word.
            if j + 1 < n, j - i >= 2, j - i <= 4, isUpper(bytes[i]), isSpace(bytes[j]), isUpper(bytes[j + 1]) {
                let short = TokenKey.hash(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                if Abbreviations.periodlessTitles.contains(short), let title = Abbreviations.titleExpansions[short] {
                    append(&out, classes, bytes, i, j, extra: [])
                    out[out.count - 1].key = title
                    out[out.count - 1].classes = classes[title] ?? []
                    i = j
                    continue
                }
            }
            append(&out, classes, bytes, i, j, extra: [])
            i = j
        }
        if !out.isEmpty { out[0].flags.insert(.sentenceInitial) }
        return out
    }

    /// "U.S." / "U.K." / "Gen." keep their final period when it is part of an abbreviation of
    /// single letters separated by periods.
    static func isAbbreviationEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Bool {
        // Pattern X.Y. : letters alternate with periods.
        var k = start
        var sawInnerDot = false
        while k < dot {
            if bytes[k] == 46 { sawInnerDot = true }
            k += 1
        }
        return sawInnerDot && dot - start <= 5
    }

    @inline(__always)
    static func append(
        _ out: inout [Token], _ classes: KeyMap<WordClasses>, _ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, extra: Token.Flags
    ) {
        var flags = extra
        let first = bytes[s]
        // One pass: the key (FNV-1a of the lower-cased bytes) and the letter case.
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var uppers = 0
        var hasLower = false
        for k in s..<e {
            let b = bytes[k]
            if isUpper(b) {
                uppers += 1
                key ^= UInt64(b | 0x20)
            } else {
                if b >= 97 && b <= 122 { hasLower = true }
                key ^= UInt64(b)
            }
            key = key &* 0x100_0000_01b3
        }
        if uppers > 0 { flags.insert(.containsUpper) }
        if isUpper(first) {
            flags.insert(.capitalized)
            if e - s >= 2 && !hasLower && uppers >= 2 { flags.insert(.allCaps) }
        } else if isDigit(first) {
            flags.insert(.numeric)
        } else if first >= 0xC3, first <= 0xD4, e - s >= 2, bytes[s + 1] & 0xC0 == 0x80,
            let scalar = Unicode.Scalar(UInt32(first & 0x1F) << 6 | UInt32(bytes[s + 1] & 0x3F)), scalar.properties.isUppercase
        {
            // "Çavuşoğlu", "Ödegaard": a two-byte capital letter (Latin, Greek, Cyrillic) starts a name too.
            flags.insert([.capitalized, .containsUpper])
        }
        if e - s >= 3, bytes[e - 1] == UInt8(ascii: "s"), bytes[e - 2] != UInt8(ascii: "s"), bytes[e - 2] != UInt8(ascii: "'") {
            flags.insert(.pluralLooking)
        }
        var wordClasses = classes[key] ?? []
        // "shortly", "reluctantly", "increasingly": a lower-case word in -ly is an adverb unless it is one
        // of the nouns, verbs and adjectives in -ly (`ClosedClass.lyNonAdverbs`, class `.lyNonAdverbs`).
        if e - s >= 5, !isUpper(first), !isDigit(first), bytes[e - 1] == UInt8(ascii: "y"), bytes[e - 2] == UInt8(ascii: "l"),
            wordClasses.isEmpty
        {
            wordClasses = .adverbs
        }
        out.append(Token(start: Int32(s), end: Int32(e), key: key, flags: flags, classes: wordClasses))
    }
}
