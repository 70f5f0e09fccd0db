import Foundation

/// The time-only part of the SPA: where the sun stands in the sky as seen from the Earth's
/// centre. Compute once per instant and reuse for any number of observers.
public struct SunEphemeris: Sendable, Hashable {
    /// Geocentric apparent right ascension α in degrees (not normalised: the bulk path keeps it
    /// continuous so it can be interpolated).
    public var rightAscension: Double
    /// Geocentric apparent declination δ in degrees.
    public var declination: Double
    /// Nutation correction to sidereal time, Δψ·cos ε, in degrees (added to mean sidereal time).
    public var siderealNutation: Double
    /// Equatorial horizontal parallax ξ in degrees.
    public var parallax: Double
    /// Earth–sun distance in astronomical units.
    public var earthSunDistance: Double
    /// Mean sidereal time at Greenwich ν₀ in degrees; cheap, so always computed exactly.
    public var meanSiderealTime: Double

    /// Full SPA evaluation (all periodic terms) at one instant.
    public init(unixSeconds: Double, deltaT: Double = 67) {
        let jd = SPA.julianDay(unixSeconds: unixSeconds)
        let jde = jd + deltaT / 86_400
        let jce = (jde - 2_451_545) / 36_525
        let jme = jce / 10

        // Heliocentric → geocentric (A4.2): the Earth seen from the sun, turned around.
        let l = degrees(SPA.vsop(SPATables.earthL, jme))
        let b = degrees(SPA.vsop(SPATables.earthB, jme))
        let r = SPA.vsop(SPATables.earthR, jme)
        let theta = l + 180
        let beta = -b

        let nutation = Self.nutation(jce: jce)
        let u = jme / 10
        // Mean obliquity of the ecliptic in arc seconds (Laskar polynomial, eq. 24).
        var epsilon0 = 0.0
        for c in [2.45, 5.79, 27.87, 7.12, -39.05, -249.67, -51.38, 1999.25, -1.55, -4680.93, 84_381.448] {
            epsilon0 = epsilon0 * u + c  // Horner, highest power first
        }
        let epsilon = epsilon0 / 3600 + nutation.obliquity
        let aberration = -20.4898 / (3600 * r)
        let lambda = theta + nutation.longitude + aberration

        let alpha = degrees(atan2(sind(lambda) * cosd(epsilon) - tand(beta) * sind(epsilon), cosd(lambda)))
        let delta = degrees(asin(sind(beta) * cosd(epsilon) + cosd(beta) * sind(epsilon) * sind(lambda)))

        self.rightAscension = normalizedDegrees(alpha)
        self.declination = delta
        self.siderealNutation = nutation.longitude * cosd(epsilon)
        self.parallax = 8.794 / (3600 * r)
        self.earthSunDistance = r
        self.meanSiderealTime = Self.meanSiderealTime(julianDay: jd)
    }

    init(rightAscension: Double, declination: Double, siderealNutation: Double, parallax: Double,
         earthSunDistance: Double, meanSiderealTime: Double) {
        self.rightAscension = rightAscension
        self.declination = declination
        self.siderealNutation = siderealNutation
        self.parallax = parallax
        self.earthSunDistance = earthSunDistance
        self.meanSiderealTime = meanSiderealTime
    }

    /// Greenwich mean sidereal time in degrees (eq. 12), from the UT Julian day.
    static func meanSiderealTime(julianDay jd: Double) -> Double {
        let jc = (jd - 2_451_545) / 36_525
        // Split the large linear term so that the day count's rounding does not reach the angle.
        let days = jd - 2_451_545
        let whole = days.rounded(.down)
        let linear = normalizedDegrees(360.985_647_366_29 * whole) + 360.985_647_366_29 * (days - whole)
        return normalizedDegrees(280.460_618_37 + linear + 0.000_387_933 * jc * jc - jc * jc * jc / 38_710_000)
    }

    /// Nutation in longitude Δψ and obliquity Δε in degrees (A4.3, eqs. 15–22).
    static func nutation(jce: Double) -> (longitude: Double, obliquity: Double) {
        let t = jce
        // Fundamental arguments X0…X4 (mean elongation of the moon, mean anomalies of the sun
        // and the moon, moon's argument of latitude, longitude of its ascending node).
        let x0 = 297.850_36 + 445_267.111_480 * t - 0.001_914_2 * t * t + t * t * t / 189_474
        let x1 = 357.527_72 + 35_999.050_340 * t - 0.000_160_3 * t * t - t * t * t / 300_000
        let x2 = 134.962_98 + 477_198.867_398 * t + 0.008_697_2 * t * t + t * t * t / 56_250
        let x3 = 93.271_91 + 483_202.017_538 * t - 0.003_682_5 * t * t + t * t * t / 327_270
        let x4 = 125.044_52 - 1934.136_261 * t + 0.002_070_8 * t * t + t * t * t / 450_000
        var dPsi = 0.0
        var dEps = 0.0
        for term in SPATables.nutation {
            let arg = (term.y0 * x0 + term.y1 * x1 + term.y2 * x2 + term.y3 * x3 + term.y4 * x4) * .pi / 180
            dPsi += (term.a + term.b * t) * sin(arg)
            dEps += (term.c + term.d * t) * cos(arg)
        }
        return (dPsi / 36_000_000, dEps / 36_000_000)
    }

    /// Topocentric position for an observer (eqs. 25–44): parallax, refraction, azimuth.
    public func position(location: Location, atmosphere: SolarAtmosphere = SolarAtmosphere()) -> SolarPosition {
        let observer = SolarObserver(location: location)
        return observer.position(self, atmosphere: atmosphere)
    }
}

/// Observer-dependent constants of the topocentric step, computed once per site.
struct SolarObserver: Sendable {
    let latitude: Double
    let longitude: Double
    let sinLat: Double
    let cosLat: Double
    /// x = ρ cos φ′ and y = ρ sin φ′: the observer's position relative to the Earth's axis, in
    /// Earth radii, on the reference ellipsoid (flattening 0.99664719) lifted by the elevation.
    let x: Double
    let y: Double

    init(location: Location) {
        latitude = location.latitude
        longitude = location.longitude
        sinLat = sind(latitude)
        cosLat = cosd(latitude)
        let u = atan(0.996_647_19 * tand(latitude))
        let h = location.elevation / 6_378_140
        x = cos(u) + h * cosLat
        y = 0.996_647_19 * sin(u) + h * sinLat
    }

    func position(_ sun: SunEphemeris, atmosphere: SolarAtmosphere) -> SolarPosition {
        let nu = sun.meanSiderealTime + sun.siderealNutation
        let hourAngle = (nu + longitude - sun.rightAscension) * .pi / 180
        // ξ is at most 4.4e-5 rad: sin ξ = ξ to 1e-14, and the parallax in right ascension Δα is
        // as small, so its atan2, sin and cos reduce to short series (errors below 1e-13 rad).
        let sinXi = sun.parallax * .pi / 180
        let delta = sun.declination * .pi / 180
        let cosH = cos(hourAngle)
        let sinH = sin(hourAngle)
        let denominator = cos(delta) - x * sinXi * cosH
        let ratio = -x * sinXi * sinH / denominator
        let dAlpha = ratio - ratio * ratio * ratio / 3
        let cosDAlpha = 1 - dAlpha * dAlpha / 2
        // Topocentric declination δ′ and hour angle H′ = H − Δα, kept as sines and cosines.
        let numerator = (sin(delta) - y * sinXi) * cosDAlpha
        let norm = (numerator * numerator + denominator * denominator).squareRoot()
        let sinDeltaP = numerator / norm
        let cosDeltaP = denominator / norm
        let sinHP = sinH * cosDAlpha - cosH * dAlpha
        let cosHP = cosH * cosDAlpha + sinH * dAlpha
        let e0 = degrees(asin(sinLat * sinDeltaP + cosLat * cosDeltaP * cosHP))
        let refraction = Self.refraction(elevation: e0, atmosphere: atmosphere)
        let gamma = degrees(atan2(sinHP, cosHP * sinLat - sinDeltaP / cosDeltaP * cosLat))
        return SolarPosition(zenith: 90 - e0, apparentZenith: 90 - (e0 + refraction),
                             azimuth: normalizedDegrees(gamma + 180))
    }

    /// Bennett's refraction (eq. 42) scaled by pressure and temperature; zero once the sun's upper
    /// limb is below the refracted horizon.
    @inline(__always)
    static func refraction(elevation e0: Double, atmosphere: SolarAtmosphere) -> Double {
        guard e0 >= -(0.266_67 + atmosphere.refractionAtHorizon) else { return 0 }
        return (atmosphere.pressureHPa / 1010) * (283 / (273 + atmosphere.temperatureC))
            * 1.02 / (60 * tand(e0 + 10.3 / (e0 + 5.11)))
    }
}
