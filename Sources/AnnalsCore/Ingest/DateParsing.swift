/// Parses the publication dates found in inputs into a ``Day``.
///
/// Accepted: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD`, `YYYY-MM`, `YYYY`, ISO 8601 with a time
/// (`2019-04-10T12:30:00Z`), RFC 822 as in RSS (`Wed, 10 Apr 2019 12:30:00 GMT`, also with a 2-digit
/// year) and `April 10, 2019` / `Apr 10 2019`.
///
/// The day is the calendar day as written: a time and zone offset do not shift it (a story dated
/// `23:30 -0500` is kept on the publisher's local day).
public enum DateParsing {
    public static func day(_ text: String) -> Day? {
        var s = text
        return s.withUTF8 { day(bytes: $0) }
    }

    static func day(bytes b: UnsafeBufferPointer<UInt8>) -> Day? {
        var s = 0, e = b.count
        while s < e, b[s] <= 32 { s += 1 }
        while e > s, b[e - 1] <= 32 { e -= 1 }
        guard s < e else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= e else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard ByteClass.isDigit(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        // Leading year forms.
        if let year = digits(s, 4) {
            let p = s + 4
            if p == e { return Day(year: year, month: 1, day: 1) }
            let sep = b[p]
            if sep == 45 || sep == 47 || sep == 46 {
                guard let month = digits(p + 1, 2) else { return nil }
                if p + 3 == e { return Day(year: year, month: month, day: 1) }
                guard b[p + 3] == sep, let day = digits(p + 4, 2) else { return nil }
                if p + 6 < e, ByteClass.isDigit(b[p + 6]) { return nil }
                return Day(year: year, month: month, day: day)
            }
            if let month = digits(p, 2), let day = digits(p + 2, 2) {
                if p + 4 < e, ByteClass.isDigit(b[p + 4]) { return nil }
                return Day(year: year, month: month, day: day)
            }
            return nil
        }
        // Word forms: tokens of letters and digits.
        var tokens: [(Int, Int)] = []
        var i = s
        while i < e && tokens.count < 6 {
            while i < e, !ByteClass.isAlnum(b[i]) { i += 1 }
            let t = i
            while i < e, ByteClass.isAlnum(b[i]) { i += 1 }
            if i > t { tokens.append((t, i)) }
        }
        var month: Int?
        var numbers: [(value: Int, width: Int)] = []
        for (t, u) in tokens {
            if ByteClass.isDigit(b[t]) {
                if u < e, b[u] == 58 { break }  // a time "12:30" ends the date
                // The width first: a long run of digits would overflow `digits` (found by FuzzJSONL).
                guard u - t <= 4, let v = digits(t, u - t) else { break }
                numbers.append((v, u - t))
                if numbers.count == 2 { break }
            } else if month == nil, let m = monthNumber(b, t, u) {
                month = m
            }
        }
        guard let month, numbers.count == 2 else { return nil }
        var (day, year) = (numbers[0], numbers[1])
        if day.width == 4 { swap(&day, &year) }
        guard day.width <= 2 else { return nil }
        let y = year.width == 4 ? year.value : (year.value < 50 ? 2000 + year.value : 1900 + year.value)
        return Day(year: y, month: month, day: day.value)
    }

    private static func monthNumber(_ b: UnsafeBufferPointer<UInt8>, _ t: Int, _ u: Int) -> Int? {
        guard u - t >= 3 else { return nil }
        let k = (UInt32(ByteClass.lower(b[t])) << 16) | (UInt32(ByteClass.lower(b[t + 1])) << 8) | UInt32(ByteClass.lower(b[t + 2]))
        let names: [(StaticString, Int)] = [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
            ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ]
        for (name, m) in names {
            let p = name.utf8Start
            if k == (UInt32(p[0]) << 16) | (UInt32(p[1]) << 8) | UInt32(p[2]) { return m }
        }
        return nil
    }
}
