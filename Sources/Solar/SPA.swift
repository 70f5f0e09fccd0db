import Foundation

/// NREL Solar Position Algorithm (Reda & Andreas 2004, corrigendum 2007; NREL/TP-560-34302),
/// uncertainty ±0.0003° for years −2000…6000.
///
/// The algorithm splits into a part that depends on time only (`SunEphemeris`: the sun's
/// geocentric right ascension, declination, sidereal time and parallax) and a cheap part that
/// depends on the observer. The bulk path (`SolarPositionSeries`) reuses the first across sites.
public enum SPA {
    /// Position of the sun at `unixSeconds` (seconds since 1970-01-01T00:00Z, UT) for `location`.
    public static func position(
        unixSeconds: Double, location: Location, atmosphere: SolarAtmosphere = SolarAtmosphere()
    ) -> SolarPosition {
        let ephemeris = SunEphemeris(unixSeconds: unixSeconds, deltaT: atmosphere.deltaT)
        return ephemeris.position(location: location, atmosphere: atmosphere)
    }

    /// Julian day (UT) of a Unix time.
    static func julianDay(unixSeconds: Double) -> Double {
        unixSeconds / 86_400 + 2_440_587.5
    }

    /// Σᵢ τⁱ · Σ A cos(B + C τ), scaled by 1e-8 as the VSOP87 tables are.
    static func vsop(_ series: [[SPAPeriodicTerm]], _ tau: Double) -> Double {
        var total = 0.0
        var power = 1.0
        for terms in series {
            var sum = 0.0
            for term in terms { sum += term.a * cos(term.b + term.c * tau) }
            total += sum * power
            power *= tau
        }
        return total / 1e8
    }
}

/// Degree-based trigonometry: the SPA is written in degrees, and keeping it so makes the
/// code checkable line by line against the paper.
@inline(__always) func sind(_ x: Double) -> Double { sin(x * .pi / 180) }
@inline(__always) func cosd(_ x: Double) -> Double { cos(x * .pi / 180) }
@inline(__always) func tand(_ x: Double) -> Double { tan(x * .pi / 180) }
@inline(__always) func degrees(_ r: Double) -> Double { r * 180 / .pi }
@inline(__always) func normalizedDegrees(_ x: Double) -> Double {
    let r = x.truncatingRemainder(dividingBy: 360)
    return r < 0 ? r + 360 : r
}
