import TimeBase

/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, in integers only (`TimeBase.CivilDate`).
///
/// Time-axis ticks are computed on local wall-clock time treated as if it were UTC ("wall seconds"),
/// where every day has 86,400 seconds. Doing the calendar maths in plain integers (Howard Hinnant's
/// `days_from_civil` / `civil_from_days`) keeps it exact, fast, and identical to the port in charts.js.
enum CivilCalendar {
    struct Day: Equatable, Sendable {
        var year: Int64
        var month: Int64  // 1...12
        var day: Int64  // 1...31
    }

    static let secondsPerDay: Int64 = 86_400

    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilDate.days(year: year, month: month, day: day)
    }

    static func day(fromDays days: Int64) -> Day {
        let date = CivilDate.date(days: days)
        return Day(year: date.year, month: date.month, day: date.day)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(fromDays days: Int64) -> Int64 {
        floorMod(days + 3, 7)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { CivilDate.floorDiv(a, b) }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDiv(a, b) * b
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
