/// A weather series for one site: irradiance, air temperature and wind as interval averages.
///
/// **Label convention.** `timestamps[i]` is the *start* of interval `i` (milliseconds since
/// 1970-01-01T00:00Z); its values are averages over `[timestamps[i], timestamps[i] + interval)`.
/// The PV model computes the sun at the interval midpoint. The readers convert each source's own
/// convention to this one (TMY3 and EPW values are hour-ending: the row stamped 13:00 covers
/// 12:00–13:00 and gets the label 12:00).
public struct Weather: Sendable, Hashable {
    /// The site the data describe.
    public var location: Location
    /// Interval starts in milliseconds since 1970 (UTC), ascending.
    public var timestamps: [Int64]
    /// Interval length in seconds (3600 for TMY3/EPW, 900 for 15-minute data).
    public var intervalSeconds: Int
    /// Global horizontal irradiance, W/m².
    public var ghi: [Double]
    /// Direct normal irradiance, W/m².
    public var dni: [Double]
    /// Diffuse horizontal irradiance, W/m².
    public var dhi: [Double]
    /// Air temperature (dry bulb), °C.
    public var tempAir: [Double]
    /// Wind speed, m/s.
    public var windSpeed: [Double]
    /// Where the data came from and how its labels were read (for reports and logs).
    public var source: String

    public init(location: Location, timestamps: [Int64], intervalSeconds: Int, ghi: [Double], dni: [Double],
                dhi: [Double], tempAir: [Double], windSpeed: [Double], source: String = "") {
        precondition([ghi.count, dni.count, dhi.count, tempAir.count, windSpeed.count]
            .allSatisfy { $0 == timestamps.count }, "weather arrays must have one value per timestamp")
        self.location = location
        self.timestamps = timestamps
        self.intervalSeconds = intervalSeconds
        self.ghi = ghi
        self.dni = dni
        self.dhi = dhi
        self.tempAir = tempAir
        self.windSpeed = windSpeed
        self.source = source
    }

    /// Number of intervals.
    public var count: Int { timestamps.count }

    /// Interval midpoints in seconds since 1970, where the sun is evaluated.
    public var midpointUnixSeconds: [Double] {
        let half = Double(intervalSeconds) / 2
        return timestamps.map { Double($0) / 1000 + half }
    }
}

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
