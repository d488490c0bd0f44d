/// A calendar date as governors write it: a whole date (2025-09-15) or a month (2025-09).
public struct PolicyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// Nil when the source gives only a month.
    public let day: Int?

    public init?(year: Int, month: Int, day: Int?) {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return nil }
        if let day, !(1...PolicyDate.daysIn(month: month, year: year)).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts.count == 2 || parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let d = parts.count == 3 ? Int(parts[2]) : nil
        if parts.count == 3 && d == nil { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "15 September 2025" or "September 2025".
    public var display: String {
        let m = PolicyDate.monthNames[month - 1]
        if let day { return "\(day) \(m) \(year)" }
        return "\(m) \(year)"
    }

    /// "2025-09-15" or "2025-09": the form used in machine-readable output.
    public var iso: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(mm)" }
        return "\(year)-\(mm)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    /// The first day this date can mean (a month counts from its 1st).
    public var firstDay: PolicyDate { PolicyDate(year: year, month: month, day: day ?? 1)! }

    /// The last day this date can mean (a month counts to its last day).
    public var lastDay: PolicyDate { PolicyDate(year: year, month: month, day: day ?? PolicyDate.daysIn(month: month, year: year))! }

    /// Days since 1970-01-01 of `firstDay` (proleptic Gregorian).
    public var dayNumber: Int {
        let d = day ?? 1
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var description: String { iso }

    public static func < (a: PolicyDate, b: PolicyDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }
}

import Foundation

extension PolicyDate {
    /// Today's date in the local time zone.
    public static func today() -> PolicyDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return PolicyDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)!
    }
}
