import Foundation
import Testing
@testable import Solar

/// Solar position against pvlib's `nrel_numpy` SPA (reference/solar/make_pvlib_reference.py).
@Suite("Solar position vs pvlib")
struct SolarPositionReferenceTests {
    /// The sites of the reference script, with the pressure and temperature used there.
    static let sites: [String: (Location, SolarAtmosphere)] = [
        "golden": (Location(latitude: 39.742476, longitude: -105.1786, elevation: 1830.14),
                   SolarAtmosphere(pressureHPa: 820, temperatureC: 11)),
        "greensboro": (Location(latitude: 36.1, longitude: -79.95, elevation: 273),
                       SolarAtmosphere(pressureHPa: 1013.25, temperatureC: 12)),
        "sydney": (Location(latitude: -33.87, longitude: 151.21, elevation: 40),
                   SolarAtmosphere(pressureHPa: 1013.25, temperatureC: 25)),
        "tromso": (Location(latitude: 69.65, longitude: 18.96, elevation: 10),
                   SolarAtmosphere(pressureHPa: 1000, temperatureC: -5)),
    ]

    @Test func fullAlgorithmMatchesPvlibWithinAThousandthOfADegree() throws {
        // Arrange
        let rows = try Fixture.table("pvlib_solar_position.csv")

        // Act
        var worst = 0.0
        for row in rows {
            let (site, atmosphere) = try #require(Self.sites[row["site"] ?? ""])
            let p = SPA.position(unixSeconds: row.number("unix_s"), location: site, atmosphere: atmosphere)
            worst = max(worst, Self.deviation(p, row))
        }

        // Assert
        #expect(rows.count > 1000)
        #expect(worst < 0.001)
    }

    @Test func bulkSeriesMatchesPvlibWithinAThousandthOfADegree() throws {
        // Arrange
        let rows = try Fixture.table("pvlib_solar_position.csv")
        let bySite = Dictionary(grouping: rows) { $0["site"] ?? "" }

        // Act
        var worst = 0.0
        for (name, siteRows) in bySite {
            let (site, atmosphere) = try #require(Self.sites[name])
            let series = SunEphemerisSeries(unixSeconds: siteRows.map { $0.number("unix_s") })
                .positions(location: site, atmosphere: atmosphere)
            for (i, row) in siteRows.enumerated() { worst = max(worst, Self.deviation(series[i], row)) }
        }

        // Assert
        #expect(worst < 0.001)
    }

    @Test func interpolatedEphemerisAgreesWithFullAlgorithm() {
        // Arrange: a year at 15-minute midpoints.
        let times = (0..<35_040).map { 1_672_531_200 + 450 + 900 * Double($0) }
        let site = Location(latitude: 47.5, longitude: 9.7, elevation: 400)

        // Act
        let bulk = SunEphemerisSeries(unixSeconds: times).positions(location: site)
        var worst = 0.0
        for i in stride(from: 0, to: times.count, by: 7) {
            let exact = SPA.position(unixSeconds: times[i], location: site)
            worst = max(worst, abs(exact.apparentZenith - bulk.apparentZenith[i]),
                        abs(exact.zenith - bulk.zenith[i]), abs(angleDifference(exact.azimuth, bulk.azimuth[i])))
        }

        // Assert
        #expect(worst < 1e-6)
    }

    static func deviation(_ p: SolarPosition, _ row: [String: String]) -> Double {
        max(abs(p.zenith - row.number("zenith")), abs(p.apparentZenith - row.number("apparent_zenith")),
            abs(angleDifference(p.azimuth, row.number("azimuth"))))
    }
}

func angleDifference(_ a: Double, _ b: Double) -> Double {
    let d = (a - b).truncatingRemainder(dividingBy: 360)
    return d > 180 ? d - 360 : (d < -180 ? d + 360 : d)
}
