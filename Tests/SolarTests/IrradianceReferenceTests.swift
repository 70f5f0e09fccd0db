import Foundation
import Testing
@testable import Solar

/// Single functions against pvlib on a grid of inputs (pvlib_components.csv).
@Suite("Irradiance functions vs pvlib")
struct IrradianceReferenceTests {
    @Test func extraterrestrialAirmassClearSkyAndErbsMatchPvlib() throws {
        // Arrange
        let rows = try Fixture.table("pvlib_components.csv")

        // Act & Assert
        for row in rows {
            let day = Int(row.number("day_of_year"))
            let zenith = row.number("apparent_zenith")
            let extra = Irradiance.extraterrestrial(dayOfYear: day)
            let relative = Irradiance.relativeAirmass(apparentZenith: zenith)
            let absolute = Irradiance.absoluteAirmass(relative: relative,
                                                      pressureHPa: Location(latitude: 0, longitude: 0, elevation: 273).standardPressureHPa)
            let clear = Irradiance.ineichenClearSky(apparentZenith: zenith, airmassAbsolute: absolute,
                                                    linkeTurbidity: row.number("linke_turbidity"), altitude: 273,
                                                    dniExtra: extra)
            let erbs = Irradiance.erbs(ghi: row.number("erbs_ghi"), zenith: zenith, dniExtra: extra)
            #expect(abs(extra - row.number("dni_extra")) < 1e-4)
            #expect(abs(relative - row.number("airmass_relative")) < 1e-5)
            #expect(abs(absolute - row.number("airmass_absolute")) < 1e-5)
            #expect(abs(clear.ghi - row.number("ghi")) < 1e-3)
            #expect(abs(clear.dni - row.number("dni")) < 1e-3)
            #expect(abs(clear.dhi - row.number("dhi")) < 1e-3)
            #expect(abs(erbs.dni - row.number("erbs_dni")) < 1e-3)
            #expect(abs(erbs.dhi - row.number("erbs_dhi")) < 1e-3)
        }
    }

    @Test func airmassIsUndefinedBelowTheHorizon() {
        #expect(Irradiance.relativeAirmass(apparentZenith: 90.5).isNaN)
    }

    @Test func physicalIAMIsOneAtNormalIncidenceAndZeroAtGrazing() {
        #expect(abs(PVWatts.physicalIAM(cosIncidence: 1) - 1) < 1e-12)
        #expect(PVWatts.physicalIAM(cosIncidence: 0) == 0)
        #expect(PVWatts.physicalIAM(cosIncidence: cosd(60)) < 1)
    }

    @Test func inverterClipsAtItsACRating() {
        // Arrange: 10 kW DC into a 5 kW inverter.
        let ac = PVWatts.acPower(dc: 10, acRating: 5, nominalEfficiency: 0.96)
        // Assert
        #expect(ac == 5)
        #expect(PVWatts.acPower(dc: 0, acRating: 5, nominalEfficiency: 0.96) == 0)
        #expect(PVWatts.acPower(dc: 0.001, acRating: 5, nominalEfficiency: 0.96) == 0)
    }
}
