import TimeBase

/// Calendar arithmetic without Foundation's calendars: the readers convert millions of fields, and
/// fixed-offset local times need nothing more than the proleptic Gregorian day count (`TimeBase.CivilDate`).
enum CivilTime {
    /// Days since 1970-01-01 of a Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        Int(CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let date = CivilDate.date(days: Int64(days))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    /// Milliseconds since 1970 (UTC) of a local wall-clock time at a fixed UTC offset.
    static func unixMilliseconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double = 0,
                                 utcOffsetHours: Double) -> Int64 {
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60) + second - utcOffsetHours * 3600
        return Int64((seconds * 1000).rounded())
    }

    /// Day of the year (1…366) of a Unix time seen at a fixed UTC offset.
    static func dayOfYear(unixSeconds: Double, utcOffsetHours: Double) -> Int {
        let days = Int(((unixSeconds + utcOffsetHours * 3600) / 86_400).rounded(.down))
        let year = civilFromDays(days).year
        return days - daysFromCivil(year: year, month: 1, day: 1) + 1
    }
}
