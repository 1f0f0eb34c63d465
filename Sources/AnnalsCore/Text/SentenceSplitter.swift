/// Finds sentence boundaries in normalised text (single spaces, straight quotes; byte `10` marks a
/// hard break), working on UTF-8 bytes.
///
/// A `.`, `!` or `?` (or a run of them, as in `...` or `?!`), followed by any closing quotes and
/// brackets and then a space, ends a sentence unless:
/// - the next word starts with a lowercase letter or with `,;:` (`"Why?" he asked`, `e.g., this`);
/// - the period closes a continuing abbreviation (`Mr.`, `Gen.`, `Lt. Col.`, `No.`, `Jan.`, `vs.`,
///   `e.g.`) or an initial (`George W. Bush`, `J. K. Rowling`);
/// - the period closes an ambiguous abbreviation (`U.S.`, `Inc.`, `etc.`, `a.m.`) and the next word
///   is not a common sentence starter (`U.S. officials`, `U.S. President` continue; `U.S. The` ends).
/// A period without a following space (`3.5`, `U.S.-led`, `example.com`) never ends a sentence.
enum SentenceSplitter {
    /// Appends the trimmed byte ranges of the sentences of `bytes[from..<to]` to `out`.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into out: inout [Range<Int>]) {
        var start = from
        var i = from
        while i < to {
            i = nextStop(bytes, from: i, to: to)
            guard i < to else { break }
            let b = bytes[i]
            if b == 10 {
                emit(bytes, start, i, &out)
                i += 1
                start = i
                continue
            }
            // Run of terminal punctuation.
            let punctStart = i
            var j = i + 1
            while j < to, bytes[j] == 46 || bytes[j] == 33 || bytes[j] == 63 { j += 1 }
            // Closing quotes and brackets belong to the sentence.
            while j < to, bytes[j] == 34 || bytes[j] == 39 || bytes[j] == 41 || bytes[j] == 93 || bytes[j] == 125 { j += 1 }
            if j >= to { i = j; break }
            if bytes[j] == 10 {
                emit(bytes, start, j, &out)
                start = j + 1
                i = j + 1
                continue
            }
            guard bytes[j] == 32 else { i = j; continue }
            var k = j + 1
            while k < to, bytes[k] == 32 { k += 1 }
            if k >= to { i = k; break }
            if bytes[k] == 10 {
                emit(bytes, start, j, &out)
                start = k + 1
                i = k + 1
                continue
            }
            if isBoundary(bytes, from: start, punct: punctStart, runEnd: j, next: k, to: to) {
                emit(bytes, start, j, &out)
                start = k
            }
            i = k
        }
        emit(bytes, start, to, &out)
    }

    /// Bytes at which ``split(_:from:to:into:)`` stops to look: `\n` (a hard break) and the
    /// terminal punctuation `.`, `!`, `?`, as a bit mask (all are below 64).
    private static let stops: UInt64 = 1 << 10 | 1 << 46 | 1 << 33 | 1 << 63

    /// The offset of the first stop byte (see ``stops``) at or after `from`, or `to`.
    @inline(__always)
    private static func nextStop(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 64 && stops & (1 << UInt64(b)) != 0 { return i }
            i += 1
        }
        return to
    }

    @inline(__always)
    private static func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ out: inout [Range<Int>]) {
        var s = a, e = b
        while s < e, bytes[s] == 32 || bytes[s] == 10 { s += 1 }
        while e > s, bytes[e - 1] == 32 || bytes[e - 1] == 10 { e -= 1 }
        if s < e { out.append(s..<e) }
    }

    /// The word starting at `k` (letters, digits, and inner periods/hyphens/apostrophes), as a range.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int, to: Int) -> Range<Int> {
        var e = k
        while e < to, ByteClass.isAlnum(bytes[e]) || bytes[e] >= 0x80 { e += 1 }
        return k..<e
    }

    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, punct: Int, runEnd: Int, next k: Int, to: Int) -> Bool {
        var c = bytes[k]
        // Skip opening quotes/brackets to look at the first letter of the next sentence.
        var f = k
        while f < to, bytes[f] == 34 || bytes[f] == 39 || bytes[f] == 40 || bytes[f] == 91 { f += 1 }
        if f < to { c = bytes[f] }
        if ByteClass.isLower(c) { return false }
        if c == 44 || c == 59 || c == 58 { return false }
        let single = bytes[punct] == 46 && (punct + 1 == runEnd || !isPunct(bytes[punct + 1]))
        let punctEnd = { () -> Int in
            var p = punct
            while p < runEnd, isPunct(bytes[p]) { p += 1 }
            return p
        }()
        if !single || punctEnd - punct > 1 {
            // "!", "?", "...", "?!": ends before a capital, digit, quote or bracket.
            return true
        }
        // A single period: the word before it.
        var ws = punct
        while ws > from, bytes[ws - 1] != 32 && bytes[ws - 1] != 10 { ws -= 1 }
        while ws < punct, bytes[ws] == 34 || bytes[ws] == 39 || bytes[ws] == 40 || bytes[ws] == 91 { ws += 1 }
        let wordLen = punct - ws
        if wordLen == 0 { return true }
        // A closing quote or bracket after the period: the sentence ends (`"no." Then`), except
        // after an initial-like word.
        let quoted = runEnd > punct + 1
        let nextWord = word(bytes, at: f, to: to)
        let nextKey = Abbreviations.longKey(bytes, nextWord.lowerBound, nextWord.upperBound)
        // Only some cases need it: looked up when asked.
        var nextIsStarter: Bool { nextWord.count > 1 && Abbreviations.starters.contains(nextKey) }
        // Initials: "W." "J." (a single capital letter), also "Jr"-free dotted names.
        if wordLen == 1 && ByteClass.isUpper(bytes[ws]) && !quoted {
            return nextIsStarter
        }
        let key = Abbreviations.key(bytes, ws, punct)
        if !quoted && Abbreviations.continuing.contains(key) { return false }
        if Abbreviations.ambiguous.contains(key) || isDottedAcronym(bytes, ws, punct) {
            if Abbreviations.times.contains(key) {
                if ByteClass.isDigit(c) { return true }
                return !Abbreviations.timeFollowers.contains(nextKey)
            }
            return nextIsStarter || quoted
        }
        return true
    }

    @inline(__always) private static func isPunct(_ b: UInt8) -> Bool { b == 46 || b == 33 || b == 63 }

    /// "U.S", "N.A.T.O", "a.m": single letters separated by periods.
    private static func isDottedAcronym(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 3 else { return false }
        var i = a
        while i < b {
            guard ByteClass.isAlpha(bytes[i]) else { return false }
            if i + 1 == b { return true }
            guard bytes[i + 1] == 46 else { return false }
            i += 2
        }
        return false
    }
}
