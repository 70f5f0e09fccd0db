import Foundation
import TimeBase

/// A civil (wall-clock) date without time zone, e.g. the `--from 2025-01-01` of a run.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...LocalDate.daysInMonth(y, m)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var epochDay: Int { Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day))) }

    /// The inverse of `epochDay`.
    public init(epochDay: Int) {
        let date = CivilDate.date(days: Int64(epochDay))
        self.init(year: Int(date.year), month: Int(date.month), day: Int(date.day))
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((epochDay % 7 + 7 + 3) % 7) + 1 }

    /// 1-based day of the year.
    public var dayOfYear: Int { epochDay - LocalDate(year: year, month: 1, day: 1).epochDay + 1 }

    public func adding(days: Int) -> LocalDate { LocalDate(epochDay: epochDay + days) }

    public static func isLeap(_ y: Int) -> Bool { CivilDate.isLeap(Int64(y)) }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int { Int(CivilDate.daysInMonth(year: Int64(y), month: Int64(m))) }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
