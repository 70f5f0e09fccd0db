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
