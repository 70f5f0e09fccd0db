import Foundation
import Testing
@testable import Solar

@Suite("NREL SPA")
struct SPATests {
    /// The worked example of Reda & Andreas (2004), Table A5.1.
    @Test func referenceExampleOfRedaAndAndreas() {
        // Arrange: 2003-10-17 12:30:30 local time at UTC−7 is 19:30:30 UTC.
        let unixSeconds = 1_066_419_030.0
        let golden = Location(latitude: 39.742476, longitude: -105.1786, elevation: 1830.14)
        let atmosphere = SolarAtmosphere(pressureHPa: 820, temperatureC: 11, deltaT: 67)

        // Act
        let position = SPA.position(unixSeconds: unixSeconds, location: golden, atmosphere: atmosphere)

        // Assert
        #expect(abs(position.apparentZenith - 50.11162) < 0.001)
        #expect(abs(position.azimuth - 194.34024) < 0.001)
    }

    @Test func ephemerisIsReusableAcrossObservers() {
        // Arrange
        let unixSeconds = 1_066_419_030.0
        let sites = [Location(latitude: 48.2, longitude: 16.4, elevation: 200),
                     Location(latitude: -33.9, longitude: 151.2, elevation: 50)]
        let ephemeris = SunEphemeris(unixSeconds: unixSeconds)

        // Act
        let shared = sites.map { ephemeris.position(location: $0) }
        let direct = sites.map { SPA.position(unixSeconds: unixSeconds, location: $0) }

        // Assert
        #expect(shared == direct)
    }
}
