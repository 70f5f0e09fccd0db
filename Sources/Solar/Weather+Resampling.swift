import Foundation

extension Weather {
    /// Spreads interval averages onto a finer step (e.g. hourly TMY3 onto 15 minutes).
    ///
    /// Holding each hourly value flat would put the same irradiance at 06:00 and 06:45 and smear
    /// sunrise and sunset. Instead the hour's *clear-sky index* is kept and applied to the
    /// clear-sky shape inside the hour: with C(t) the Ineichen clear sky at each sub-interval
    /// midpoint,
    ///
    ///     GHI_j = GHI_h · C_ghi(t_j) / mean_j C_ghi,   DHI_j likewise with the GHI shape,
    ///     DNI_j = DNI_h · C_dni(t_j) / mean_j C_dni.
    ///
    /// Diffuse follows the global shape because under cloud it is what carries the light. Every
    /// hour's mean is preserved exactly. Where the shape is unusable — clear sky zero throughout
    /// the hour, or an index above 2 (twilight diffuse recorded while the clear sky is ~0) — the
    /// value is held flat instead, which also preserves the mean. Air temperature and wind speed
    /// are interpolated linearly between interval midpoints.
    ///
    /// - Parameters:
    ///   - stepSeconds: the new interval; must divide the current one.
    ///   - linkeTurbidity: turbidity of the clear-sky shape (only the shape matters).
    public func resampled(toIntervalSeconds stepSeconds: Int, linkeTurbidity: Double = 3,
                          deltaT: Double = 67) -> Weather {
        precondition(stepSeconds > 0 && intervalSeconds % stepSeconds == 0,
                     "the new step must divide the interval (\(intervalSeconds) s)")
        let k = intervalSeconds / stepSeconds
        guard k > 1 else { return self }
        let step = Int64(stepSeconds) * 1000
        let times = timestamps.flatMap { start in (0..<k).map { start + Int64($0) * step } }
        let fineMidpoints = times.map { Double($0) / 1000 + Double(stepSeconds) / 2 }
        let clear = ClearSkySeries(location: location, unixSeconds: fineMidpoints, linkeTurbidity: linkeTurbidity,
                                   deltaT: deltaT)
        func spread(_ value: Double, shape: ArraySlice<Double>) -> [Double] {
            let mean = shape.reduce(0, +) / Double(k)
            guard mean > 0, value / mean <= 2 else { return Array(repeating: value, count: k) }
            return shape.map { value * $0 / mean }
        }
        var (fineGHI, fineDNI, fineDHI) = ([Double](), [Double](), [Double]())
        for i in 0..<count {
            let range = (i * k)..<((i + 1) * k)
            fineGHI += spread(ghi[i], shape: clear.ghi[range])
            fineDHI += spread(dhi[i], shape: clear.ghi[range])
            fineDNI += spread(dni[i], shape: clear.dni[range])
        }
        return Weather(location: location, timestamps: times, intervalSeconds: stepSeconds,
                       ghi: fineGHI, dni: fineDNI, dhi: fineDHI,
                       tempAir: Self.interpolated(tempAir, from: midpointUnixSeconds, to: fineMidpoints),
                       windSpeed: Self.interpolated(windSpeed, from: midpointUnixSeconds, to: fineMidpoints),
                       source: "\(source), spread to \(stepSeconds / 60) min by clear-sky index")
    }

    /// Piecewise-linear interpolation of `values` known at ascending `knots`, held beyond the ends.
    static func interpolated(_ values: [Double], from knots: [Double], to targets: [Double]) -> [Double] {
        guard knots.count > 1 else { return targets.map { _ in values.first ?? .nan } }
        var j = 0
        return targets.map { t in
            while j < knots.count - 2 && knots[j + 1] < t { j += 1 }
            let span = knots[j + 1] - knots[j]
            let s = span > 0 ? min(max((t - knots[j]) / span, 0), 1) : 0
            return values[j] + (values[j + 1] - values[j]) * s
        }
    }
}

/// Ineichen clear-sky irradiance for a series of instants at one site.
struct ClearSkySeries {
    var ghi: [Double] = [], dni: [Double] = [], dhi: [Double] = []
    var apparentZenith: [Double] = []
    var dniExtra: [Double] = []

    init(location: Location, unixSeconds: [Double], linkeTurbidity: Double, deltaT: Double) {
        let pressure = location.standardPressureHPa
        let sun = SunEphemerisSeries(unixSeconds: unixSeconds, deltaT: deltaT)
            .positions(location: location, atmosphere: SolarAtmosphere(pressureHPa: pressure, deltaT: deltaT))
        apparentZenith = sun.apparentZenith
        dniExtra = Irradiance.extraterrestrialSeries(unixSeconds: unixSeconds, utcOffsetHours: location.utcOffsetHours)
        for (extra, z) in zip(dniExtra, sun.apparentZenith) {
            let airmass = Irradiance.absoluteAirmass(relative: Irradiance.relativeAirmass(apparentZenith: z),
                                                     pressureHPa: pressure)
            let c = Irradiance.ineichenClearSky(apparentZenith: z, airmassAbsolute: airmass,
                                                linkeTurbidity: linkeTurbidity, altitude: location.elevation,
                                                dniExtra: extra)
            ghi.append(c.ghi)
            dni.append(c.dni)
            dhi.append(c.dhi)
        }
    }
}
