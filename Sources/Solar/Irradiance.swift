import Foundation

/// Extraterrestrial irradiance, airmass, clear sky and decomposition: the site-level physics
/// that feeds transposition. Each function names the pvlib function it matches.
public enum Irradiance {
    /// Extraterrestrial normal irradiance (W/m²) by Spencer's (1971) Fourier series for the
    /// Earth–sun distance, with pvlib's solar constant 1366.1 W/m² (`get_extra_radiation`,
    /// method "spencer"). `dayOfYear` is 1…366 in local time, as pvlib takes it from its index.
    public static func extraterrestrial(dayOfYear: Int, solarConstant: Double = 1366.1) -> Double {
        let b = 2 * Double.pi * Double(dayOfYear - 1) / 365
        let distanceFactor = 1.000_11 + 0.034_221 * cos(b) + 0.001_28 * sin(b)
            + 0.000_719 * cos(2 * b) + 0.000_077 * sin(2 * b)
        return solarConstant * distanceFactor
    }

    /// `extraterrestrial(dayOfYear:)` for a series of instants, evaluated once per local day.
    static func extraterrestrialSeries(unixSeconds: [Double], utcOffsetHours: Double) -> [Double] {
        var cache: [Int: Double] = [:]
        return unixSeconds.map { t in
            let day = Int(((t + utcOffsetHours * 3600) / 86_400).rounded(.down))
            if let value = cache[day] { return value }
            let value = extraterrestrial(dayOfYear: CivilTime.dayOfYear(unixSeconds: t, utcOffsetHours: utcOffsetHours))
            cache[day] = value
            return value
        }
    }

    /// Relative optical airmass by Kasten & Young (1989) from the apparent zenith in degrees; NaN
    /// once the sun is below the horizon (`get_relative_airmass`, "kastenyoung1989").
    public static func relativeAirmass(apparentZenith z: Double) -> Double {
        guard z <= 90 else { return .nan }
        return 1 / (cosd(z) + 0.505_72 * pow(6.079_95 + (90 - z), -1.6364))
    }

    /// Pressure-corrected airmass (`get_absolute_airmass`).
    public static func absoluteAirmass(relative: Double, pressureHPa: Double) -> Double {
        relative * pressureHPa / 1013.25
    }

    /// Ineichen–Perez clear-sky irradiance (Ineichen & Perez 2002) for a given Linke turbidity,
    /// as pvlib's `clearsky.ineichen` without the Perez enhancement. Zero with the sun down.
    public static func ineichenClearSky(apparentZenith: Double, airmassAbsolute: Double, linkeTurbidity tl: Double,
                                        altitude: Double, dniExtra: Double) -> (ghi: Double, dni: Double, dhi: Double) {
        let cosZ = max(cosd(apparentZenith), 0)
        guard airmassAbsolute.isFinite, cosZ > 0 else { return (0, 0, 0) }
        let fh1 = exp(-altitude / 8000)
        let fh2 = exp(-altitude / 1250)
        let cg1 = 5.09e-5 * altitude + 0.868
        let cg2 = 3.92e-5 * altitude + 0.0387
        let ghi = cg1 * dniExtra * cosZ * max(exp(-cg2 * airmassAbsolute * (fh1 + fh2 * (tl - 1))), 0)
        // b = 0.664 + 0.163/fh1 as in the 2002 paper (pvlib issue 808 discusses the variant).
        let bnci = dniExtra * max((0.664 + 0.163 / fh1) * exp(-0.09 * airmassAbsolute * (tl - 1)), 0)
        // The "empirical correction" caps the beam so that diffuse never goes negative.
        let correction = (1 - (0.1 - 0.2 * exp(-tl)) / (0.1 + 0.882 / fh1)) / cosZ
        let dni = min(bnci, ghi * min(max(correction, 0), 1e20))
        return (ghi, dni, ghi - dni * cosZ)
    }

    /// Erbs et al. (1982) diffuse fraction: splits GHI into DNI and DHI (pvlib `erbs` with its
    /// defaults: cos zenith floored at 0.065, no beam beyond 87° zenith).
    public static func erbs(ghi: Double, zenith: Double, dniExtra: Double) -> (dni: Double, dhi: Double) {
        let cosZ = cosd(zenith)
        let kt = min(max(ghi / (dniExtra * max(cosZ, 0.065)), 0), 1)
        let diffuseFraction: Double
        if kt <= 0.22 {
            diffuseFraction = 1 - 0.09 * kt
        } else if kt <= 0.8 {
            diffuseFraction = 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * pow(kt, 3) + 12.336 * pow(kt, 4)
        } else {
            diffuseFraction = 0.165
        }
        let dhi = diffuseFraction * ghi
        let dni = (ghi - dhi) / cosZ
        if zenith > 87 || ghi < 0 || dni < 0 { return (0, ghi) }
        return (dni, dhi)
    }
}

extension Weather {
    /// Fills NaN DNI/DHI from GHI: by closure (GHI = DNI·cos z + DHI) when the other component is
    /// known, otherwise by the Erbs decomposition. The sun is taken at the interval midpoints.
    public mutating func completeIrradianceComponents(deltaT: Double = 67) {
        guard dni.contains(where: \.isNaN) || dhi.contains(where: \.isNaN) else { return }
        let sun = SunEphemerisSeries(unixSeconds: midpointUnixSeconds, deltaT: deltaT)
            .positions(location: location, atmosphere: SolarAtmosphere(pressureHPa: location.standardPressureHPa),
                       temperatureC: tempAir)
        let mid = midpointUnixSeconds
        for i in 0..<count where dni[i].isNaN || dhi[i].isNaN {
            let zenith = sun.apparentZenith[i]
            let cosZ = cosd(zenith)
            if !dhi[i].isNaN {
                dni[i] = zenith < 87 ? max((ghi[i] - dhi[i]) / cosZ, 0) : 0
            } else if !dni[i].isNaN {
                dhi[i] = max(ghi[i] - dni[i] * max(cosZ, 0), 0)
            } else {
                let day = CivilTime.dayOfYear(unixSeconds: mid[i], utcOffsetHours: location.utcOffsetHours)
                (dni[i], dhi[i]) = Irradiance.erbs(ghi: ghi[i], zenith: zenith,
                                                   dniExtra: Irradiance.extraterrestrial(dayOfYear: day))
            }
        }
    }
}
