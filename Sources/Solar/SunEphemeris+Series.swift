import Foundation

/// Sun ephemerides for many instants, the bulk path of the SPA.
///
/// The expensive part of the SPA (≈200 VSOP87 terms and 63 nutation terms) varies smoothly:
/// its fastest significant term, the moon's 13.7-day nutation, moves by under 0.3″. So it is
/// evaluated exactly once per day at UTC midnight and interpolated with a four-point Lagrange
/// polynomial; the interpolation error is below 1e-6° (checked by a unit test), three orders
/// below the SPA's own uncertainty. The sidereal time, which turns 360° a day, is computed
/// exactly for every instant. A year at 15-minute steps then costs ~370 full evaluations
/// instead of 35,040.
public struct SunEphemerisSeries: Sendable {
    /// The instants, in seconds since 1970 (UT).
    public let unixSeconds: [Double]
    /// One ephemeris per instant.
    public let ephemerides: [SunEphemeris]

    /// Node spacing of the interpolation, one day.
    static let nodeSpacing = 86_400.0

    /// Computes the ephemerides for `unixSeconds` (any order; NaN instants give NaN entries).
    public init(unixSeconds: [Double], deltaT: Double = 67) {
        self.unixSeconds = unixSeconds
        let finite = unixSeconds.filter(\.isFinite)
        guard let first = finite.min(), let last = finite.max() else {
            ephemerides = unixSeconds.map { SunEphemeris(unixSeconds: $0, deltaT: deltaT) }
            return
        }
        let h = Self.nodeSpacing
        let firstNode = Int((first / h).rounded(.down)) - 1
        let nodeCount = Int((last / h).rounded(.down)) + 3 - firstNode
        // Sparse instants spread over centuries would need more nodes than instants.
        guard nodeCount <= max(64, 2 * unixSeconds.count) else {
            ephemerides = unixSeconds.map { SunEphemeris(unixSeconds: $0, deltaT: deltaT) }
            return
        }
        var nodes = (0..<nodeCount).map { SunEphemeris(unixSeconds: Double(firstNode + $0) * h, deltaT: deltaT) }
        // Right ascension wraps at 360°; unwrap it so the polynomial sees a smooth curve.
        for k in nodes.indices.dropFirst() {
            var alpha = nodes[k].rightAscension
            while alpha - nodes[k - 1].rightAscension > 180 { alpha -= 360 }
            while alpha - nodes[k - 1].rightAscension < -180 { alpha += 360 }
            nodes[k].rightAscension = alpha
        }
        ephemerides = unixSeconds.map { t in
            guard t.isFinite else { return SunEphemeris(unixSeconds: t, deltaT: deltaT) }
            let position = t / h - Double(firstNode)
            let k = Int(position.rounded(.down))
            let s = position - Double(k)
            // Lagrange weights for nodes k−1, k, k+1, k+2 at fraction s of [k, k+1].
            let w0 = -s * (s - 1) * (s - 2) / 6
            let w1 = (s + 1) * (s - 1) * (s - 2) / 2
            let w2 = -(s + 1) * s * (s - 2) / 2
            let w3 = (s + 1) * s * (s - 1) / 6
            let (a, b, c, d) = (nodes[k - 1], nodes[k], nodes[k + 1], nodes[k + 2])
            return SunEphemeris(
                rightAscension: w0 * a.rightAscension + w1 * b.rightAscension + w2 * c.rightAscension + w3 * d.rightAscension,
                declination: w0 * a.declination + w1 * b.declination + w2 * c.declination + w3 * d.declination,
                siderealNutation: w0 * a.siderealNutation + w1 * b.siderealNutation
                    + w2 * c.siderealNutation + w3 * d.siderealNutation,
                parallax: w0 * a.parallax + w1 * b.parallax + w2 * c.parallax + w3 * d.parallax,
                earthSunDistance: w0 * a.earthSunDistance + w1 * b.earthSunDistance
                    + w2 * c.earthSunDistance + w3 * d.earthSunDistance,
                meanSiderealTime: SunEphemeris.meanSiderealTime(julianDay: SPA.julianDay(unixSeconds: t)))
        }
    }

    /// Topocentric positions for one site. `temperatureC` and `pressureHPa`, when given, are
    /// per-instant refraction inputs (measured weather) overriding the atmosphere's constants.
    public func positions(
        location: Location, atmosphere: SolarAtmosphere = SolarAtmosphere(),
        temperatureC: [Double]? = nil, pressureHPa: [Double]? = nil
    ) -> SolarPositionSeries {
        let observer = SolarObserver(location: location)
        var zenith = [Double](repeating: 0, count: ephemerides.count)
        var apparent = zenith
        var azimuth = zenith
        var local = atmosphere
        for i in ephemerides.indices {
            if let temperatureC, temperatureC[i].isFinite { local.temperatureC = temperatureC[i] }
            if let pressureHPa, pressureHPa[i].isFinite { local.pressureHPa = pressureHPa[i] }
            let p = observer.position(ephemerides[i], atmosphere: local)
            zenith[i] = p.zenith
            apparent[i] = p.apparentZenith
            azimuth[i] = p.azimuth
        }
        return SolarPositionSeries(zenith: zenith, apparentZenith: apparent, azimuth: azimuth)
    }
}

/// Solar positions for a series of instants at one site, as parallel arrays (degrees).
public struct SolarPositionSeries: Sendable, Hashable {
    /// Topocentric zenith without refraction.
    public var zenith: [Double]
    /// Refraction-corrected zenith.
    public var apparentZenith: [Double]
    /// Azimuth eastward from north (180 = south).
    public var azimuth: [Double]

    public init(zenith: [Double], apparentZenith: [Double], azimuth: [Double]) {
        self.zenith = zenith
        self.apparentZenith = apparentZenith
        self.azimuth = azimuth
    }

    /// Number of instants.
    public var count: Int { zenith.count }
    /// The position at instant `i`.
    public subscript(i: Int) -> SolarPosition {
        SolarPosition(zenith: zenith[i], apparentZenith: apparentZenith[i], azimuth: azimuth[i])
    }
}
