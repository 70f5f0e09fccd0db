import Foundation
import Testing
@testable import Solar

@Suite("PV simulator: fleet, run options, CSV")
struct PVSimulatorTests {
    static let weather = Result { try Weather.tmy3(contentsOf: Fixture.url("723170TYA-subset.CSV"), year: 2023) }

    @Test func fleetSharesProfilesBetweenSystemsOfTheSameShape() throws {
        // Arrange
        let simulator = PVSimulator(weather: try Self.weather.get())
        let systems = [PVSystem(kWp: 4, tilt: 30), PVSystem(kWp: 7.5, tilt: 30), PVSystem(kWp: 5, tilt: 20, azimuth: 90)]

        // Act
        let fleet = simulator.fleet(systems)

        // Assert
        #expect(fleet.shapes.count == 2)
        #expect(fleet.shapeIndex == [0, 0, 1])
        for (i, system) in systems.enumerated() {
            let direct = simulator.acPower(system)
            let shared = fleet.acPower(system: i)
            #expect(zip(direct, shared).allSatisfy { abs($0 - $1) < 1e-9 })
            #expect(abs(fleet.acEnergyKWh(system: i) - simulator.acEnergyKWh(system)) < 1e-6)
        }
    }

    @Test func dcShapeScalesToTheSimulatedDC() throws {
        // Arrange
        let simulator = PVSimulator(weather: try Self.weather.get())
        let system = PVSystem(kWp: 4, tilt: 25, azimuth: 160, lossesPercent: 10)

        // Act
        let shape = simulator.dcPowerPerKWpBeforeLosses(system)
        let dc = simulator.simulate(system).dcPower

        // Assert
        #expect(zip(shape, dc).allSatisfy { abs($0 * 4 * 0.9 - $1) < 1e-9 })
    }

    @Test func sitesOnOneTimeGridShareEphemerides() throws {
        // Arrange: the same weather moved to another site.
        var elsewhere = try Self.weather.get()
        elsewhere.location = Location(latitude: 47.3, longitude: 8.5, elevation: 400, utcOffsetHours: 1)
        let ephemeris = SunEphemerisSeries(unixSeconds: elsewhere.midpointUnixSeconds)
        let system = PVSystem(kWp: 5, tilt: 30)

        // Act
        let shared = PVSimulator(weather: elsewhere, ephemeris: ephemeris).acPower(system)
        let own = PVSimulator(weather: elsewhere).acPower(system)

        // Assert
        #expect(shared == own)
    }

    @Test func simulateAndFastPathAgree() throws {
        // Arrange
        let simulator = PVSimulator(weather: try Self.weather.get())
        let system = PVSystem(kWp: 3, tilt: 45, azimuth: 200, transposition: .haydavies, cellTemperature: .faimanDefault)

        // Act
        let full = simulator.simulate(system)
        let fast = simulator.acPower(system)

        // Assert
        #expect(full.acPower == fast)
        #expect(full.acPower.allSatisfy { $0 >= 0 && $0 <= system.inverterACKW + 1e-12 })
        #expect(full.dcEnergyKWh > full.acEnergyKWh)
    }

    @Test func inverterSizedByACRatingEqualsTheRatio() {
        let a = PVSystem(kWp: 6, tilt: 30, inverterACKW: 5)
        #expect(a.dcAcRatio == 1.2 && a.inverterACKW == 5)
    }

    @Test func runOptionsReadATMY3FileAndSpreadTo15Minutes() throws {
        // Arrange
        let options = PVRunOptions(weatherFile: Fixture.url("723170TYA-subset.CSV"), system: PVSystem(kWp: 5, tilt: 30),
                                   stepMinutes: 15)

        // Act
        let output = try PVRun.run(options)

        // Assert
        #expect(output.weather.intervalSeconds == 900 && output.result.acPower.count == 35_040)
        #expect(output.annualACKWh > 6500 && output.annualACKWh < 7500)
    }

    @Test func runOptionsWithoutAFileUseSyntheticWeather() throws {
        // Arrange
        let options = PVRunOptions(latitude: 48.2, longitude: 16.4, timeZone: "Europe/Vienna",
                                   system: PVSystem(kWp: 2, tilt: 35), seed: 3)

        // Act
        let output = try PVRun.run(options)

        // Assert
        #expect(output.weather.location.utcOffsetHours == 1)
        #expect(output.result.acPower.count == 35_040 && output.annualACKWh > 0)
    }

    @Test func runOptionsTakeANumericTimeZoneAsAnOffset() throws {
        // Arrange
        let options = PVRunOptions(latitude: 36.1, longitude: -79.95, timeZone: "-5",
                                   system: PVSystem(kWp: 1, tilt: 30), stepMinutes: 60)

        // Act
        let output = try PVRun.run(options)

        // Assert
        #expect(output.weather.location.utcOffsetHours == -5 && output.weather.intervalSeconds == 3600)
        #expect(output.summary.hasPrefix("annual AC energy "))
    }

    @Test func runOptionsExplainAMissingSite() {
        #expect(throws: WeatherError("without a weather file, give the site: --lat and --lon")) {
            try PVRun.run(PVRunOptions(system: PVSystem(kWp: 1, tilt: 30)))
        }
    }

    @Test func csvWriterLabelsIntervalStartsInUTC() throws {
        // Arrange
        let weather = try Self.weather.get()
        let result = PVSimulator(weather: weather).simulate(PVSystem(kWp: 5, tilt: 30))

        // Act
        let lines = result.csvText().split(separator: "\n")

        // Assert
        #expect(lines.count == 8761)
        #expect(lines[0].hasPrefix("timestamp,ac_kw,dc_kw,poa_global_w_m2"))
        #expect(lines[1] == "2023-01-01T05:00:00Z,0.000,0.000,0.000,0.000,0.000,0.000,10.000")
        #expect(PVResult.fixed3(-0.0004) == "0.000" && PVResult.fixed3(12.3456) == "12.346" && PVResult.fixed3(-1.05) == "-1.050")
    }
}
