/// A calendar day (proleptic Gregorian), the unit of time for event data.
///
/// `Day` is a small value type with arithmetic on days, so relative dates ("two weeks after")
/// resolve without `Foundation.Calendar`.
///
/// ```swift
/// let day = Day("2023-11-20")!
/// day.adding(days: -44).description // "2023-10-07"
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM` (first of month) or `YYYY` (first of year).
    public init?(_ text: some StringProtocol) {
        let digits = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        func number(_ slice: ArraySlice<UInt8>) -> Int { slice.reduce(0) { $0 * 10 + Int($1 - 48) } }
        let bytes = Array(digits)
        switch bytes.count {
        case 8: self.init(year: number(bytes[0..<4]), month: number(bytes[4..<6]), day: number(bytes[6..<8]))
        case 6: self.init(year: number(bytes[0..<4]), month: number(bytes[4..<6]), day: 1)
        case 4: self.init(year: number(bytes[0..<4]), month: 1, day: 1)
        default: return nil
        }
    }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// 0 = Sunday ... 6 = Saturday.
    public var weekday: Int { ((ordinal % 7) + 11) % 7 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}

/// A half-open period of days; either end may be open.
public struct Period: Hashable, Sendable {
    public var from: Day?
    public var until: Day?
    public init(from: Day? = nil, until: Day? = nil) {
        self.from = from
        self.until = until
    }
    public static let always = Period()

    public func contains(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let until, day >= until { return false }
        return true
    }

    /// Parses `FROM..UNTIL` where either side may be empty.
    public init?(parsing text: some StringProtocol) {
        let u = Array(text.utf8)
        guard let dot = u.indices.first(where: { $0 + 1 < u.count && u[$0] == 46 && u[$0 + 1] == 46 }) else { return nil }
        let a = String(decoding: u[..<dot], as: UTF8.self)
        let b = String(decoding: u[(dot + 2)...], as: UTF8.self)
        if !a.isEmpty { guard let d = Day(a) else { return nil }; from = d } else { from = nil }
        if !b.isEmpty { guard let d = Day(b) else { return nil }; until = d } else { until = nil }
    }
}
