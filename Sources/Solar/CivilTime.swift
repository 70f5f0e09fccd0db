/// Calendar arithmetic without Foundation's calendars: the readers convert millions of fields, and
/// fixed-offset local times need nothing more than the proleptic Gregorian day count.
enum CivilTime {
    /// Days since 1970-01-01 of a Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Gregorian date of a day count since 1970-01-01 (`civil_from_days`).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
