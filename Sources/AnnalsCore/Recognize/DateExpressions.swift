/// Month and weekday names and relative day words.
enum DateWords {
    static let months: [UInt64: Int] = {
        let names = [
            ["january", "jan", "jan."], ["february", "feb", "feb."], ["march", "mar."], ["april", "apr", "apr."], ["may"],
            ["june", "jun", "jun."], ["july", "jul", "jul."], ["august", "aug", "aug."], ["september", "sep", "sept", "sep.", "sept."],
            ["october", "oct", "oct."], ["november", "nov", "nov."], ["december", "dec", "dec."],
        ]
        var out: [UInt64: Int] = [:]
        for (i, forms) in names.enumerated() { for f in forms { out[TokenKey.hash(f)] = i + 1 } }
        return out
    }()
    static let weekdays: [UInt64: Int] = {
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        var out: [UInt64: Int] = [:]
        for (i, n) in names.enumerated() { out[TokenKey.hash(n)] = i }
        return out
    }()
    static func month(_ key: UInt64) -> Int? { months[key] }
    static func weekday(_ key: UInt64) -> Int? { weekdays[key] }

    static let yesterday: UInt64 = 0xf945_4585_85f6_2267  // TokenKey.hash("yesterday")
    static let today: UInt64 = 0xa411_597d_0674_521e  // TokenKey.hash("today")
    static let last: UInt64 = 0x0456_d2ad_9058_47d9  // TokenKey.hash("last")
    static let ago: UInt64 = 0xe715_be19_0539_325a  // TokenKey.hash("ago")
    static let week: UInt64 = 0x3d80_fff6_19ed_bfbd  // TokenKey.hash("week")
    static let month: UInt64 = 0xf4bd_c393_6faf_56a5  // TokenKey.hash("month")
    static let year: UInt64 = 0x7c64_6349_7742_5edc  // TokenKey.hash("year")
    static let weeks: UInt64 = 0x6ff2_bd2e_0efc_eb0a  // TokenKey.hash("weeks")
    static let days: UInt64 = 0x8587_7367_30c8_b7ea  // TokenKey.hash("days")
    static let day: UInt64 = 0xca8d_3918_f457_8f1d  // TokenKey.hash("day")
    static let numbers: [UInt64: Int] = {
        var out: [UInt64: Int] = [:]
        for (i, w) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].enumerated() {
            out[TokenKey.hash(w)] = i + 1
        }
        out[TokenKey.hash("a")] = 1
        return out
    }()
}

/// A date expression found in a sentence and the day it resolves to.
struct DateMention {
    var start: Int
    var end: Int
    var day: Day
}

/// Resolves "on October 7", "Tuesday", "last week", "yesterday", "two weeks ago" against the
/// document date. News refers back in time: a bare weekday or month-day is the latest such day
/// not after the document date.
enum DateResolver {
    static func find(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, documentDate: Day?) -> [DateMention] {
        guard let base = documentDate else { return [] }
        var out: [DateMention] = []
        var i = 0
        func number(_ t: Token) -> Int? {
            guard t.flags.contains(.numeric) else { return DateWords.numbers[t.key] }
            var v = 0
            for b in UnsafeBufferPointer(rebasing: bytes[Int(t.start)..<Int(t.end)]) {
                guard b >= 48 && b <= 57 else { break }
                v = v * 10 + Int(b - 48)
                if v > 100000 { return nil }
            }
            return v
        }
        while i < tokens.count {
            let k = tokens[i].key
            let capitalized = tokens[i].flags.contains(.capitalized)
            if capitalized, tokens[i].is(.months), let m = DateWords.month(k) {
                // "October 7", "October 7, 2023", "7 October"
                var day: Int?
                var end = i + 1
                if end < tokens.count, let d = number(tokens[end]), d >= 1, d <= 31 {
                    day = d; end += 1
                } else if i > 0, let d = number(tokens[i - 1]), d >= 1, d <= 31 {
                    day = d
                }
                var year: Int?
                var e2 = end
                if e2 < tokens.count, tokens[e2].key == ClosedClass.comma { e2 += 1 }
                if e2 < tokens.count, let y = number(tokens[e2]), y > 1900, y < 2200 { year = y; end = e2 + 1 }
                if let d = day {
                    var y = year ?? base.year
                    if year == nil, let candidate = Day(year: y, month: m, day: d), candidate > base { y -= 1 }
                    if let resolved = Day(year: y, month: m, day: d) { out.append(DateMention(start: i, end: end, day: resolved)) }
                } else if let y = year, let resolved = Day(year: y, month: m, day: 1) {
                    // "in September 2011": the month is the finest grain the text gives; its first day stands for it.
                    out.append(DateMention(start: i, end: end, day: resolved))
                }
                i = end
                continue
            }
            if capitalized, tokens[i].is(.weekdays), let w = DateWords.weekday(k) {
                var delta = (base.weekday - w + 7) % 7
                if i > 0, tokens[i - 1].key == DateWords.last, delta == 0 { delta = 7 }
                out.append(DateMention(start: i, end: i + 1, day: base.adding(days: -delta)))
            } else if k == DateWords.yesterday {
                out.append(DateMention(start: i, end: i + 1, day: base.adding(days: -1)))
            } else if k == DateWords.today {
                out.append(DateMention(start: i, end: i + 1, day: base))
            } else if k == DateWords.last, i + 1 < tokens.count {
                let n = tokens[i + 1].key
                if n == DateWords.week {
                    out.append(DateMention(start: i, end: i + 2, day: base.adding(days: -7)))
                } else if n == DateWords.month {
                    out.append(DateMention(start: i, end: i + 2, day: base.adding(days: -30)))
                }
            } else if k == DateWords.ago, i >= 2, let n = number(tokens[i - 2]) {
                let unit = tokens[i - 1].key
                let days =
                    unit == DateWords.weeks || unit == DateWords.week ? 7 * n : (unit == DateWords.days || unit == DateWords.day ? n : 0)
                if days > 0 { out.append(DateMention(start: i - 2, end: i + 1, day: base.adding(days: -days))) }
            }
            i += 1
        }
        return out
    }
}
