/// The sun seen from an observer at one instant. Angles in degrees.
public struct SolarPosition: Sendable, Hashable {
    /// Topocentric zenith angle without refraction.
    public var zenith: Double
    /// Topocentric zenith angle corrected for atmospheric refraction (what an instrument sees).
    public var apparentZenith: Double
    /// Azimuth measured eastward from north (180 = south), the pvlib convention.
    public var azimuth: Double

    public init(zenith: Double, apparentZenith: Double, azimuth: Double) {
        self.zenith = zenith
        self.apparentZenith = apparentZenith
        self.azimuth = azimuth
    }

    /// Elevation above the horizon without refraction.
    public var elevation: Double { 90 - zenith }
    /// Refraction-corrected elevation.
    public var apparentElevation: Double { 90 - apparentZenith }
}

/// Atmospheric state for the refraction correction and the time scale difference.
public struct SolarAtmosphere: Sendable, Hashable {
    /// Local pressure in hPa (mbar).
    public var pressureHPa: Double
    /// Local air temperature in °C.
    public var temperatureC: Double
    /// ΔT = TT − UT1 in seconds (67 s around 2000–2010; pvlib's default).
    public var deltaT: Double
    /// Refraction at sunrise/sunset in degrees; below −(sun radius + this) no correction is applied.
    public var refractionAtHorizon: Double

    public init(pressureHPa: Double = 1013.25, temperatureC: Double = 12, deltaT: Double = 67,
                refractionAtHorizon: Double = 0.5667) {
        self.pressureHPa = pressureHPa
        self.temperatureC = temperatureC
        self.deltaT = deltaT
        self.refractionAtHorizon = refractionAtHorizon
    }
}
