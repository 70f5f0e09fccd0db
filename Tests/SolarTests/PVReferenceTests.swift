import Foundation
import Testing
@testable import Solar

/// The PV chain against pvlib's `ModelChain.with_pvwatts` on the Greensboro TMY3
/// (reference/solar/make_pvlib_reference.py builds the same system).
@Suite("PV chain vs pvlib ModelChain")
struct PVReferenceTests {
    static let weather = Result { try Weather.tmy3(contentsOf: Fixture.url("723170TYA-subset.CSV"), year: 2023) }

    static func system(_ model: TranspositionModel) -> PVSystem {
        PVSystem(kWp: 5, tilt: 30, azimuth: 180, lossesPercent: 14, dcAcRatio: 1.2, inverterEfficiency: 0.96,
                 temperatureCoefficient: -0.0037, albedo: 0.2, transposition: model,
                 cellTemperature: .sapm(.openRackGlassPolymer))
    }

    static func annual() throws -> [String: [String: String]] {
        let rows = try Fixture.table("pvlib_annual.csv")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["transposition"] ?? "", $0) })
    }

    @Test(arguments: TranspositionModel.allCases)
    func annualPlaneOfArrayWithinHalfAPercent(model: TranspositionModel) throws {
        // Arrange
        let reference = try #require(try Self.annual()[model.rawValue])
        let simulator = PVSimulator(weather: try Self.weather.get())

        // Act
        let result = simulator.simulate(Self.system(model))
        let poa = result.poaGlobal.reduce(0, +) / 1000

        // Assert
        let expected = reference.number("poa_global_kwh_m2")
        #expect(abs(poa / expected - 1) < 0.005, "POA \(poa) vs pvlib \(expected) kWh/m²")
    }

    @Test(arguments: TranspositionModel.allCases)
    func annualACEnergyWithinHalfAPercent(model: TranspositionModel) throws {
        // Arrange
        let reference = try #require(try Self.annual()[model.rawValue])
        let simulator = PVSimulator(weather: try Self.weather.get())

        // Act
        let energy = simulator.acEnergyKWh(Self.system(model))

        // Assert
        let expected = reference.number("ac_kwh")
        #expect(abs(energy / expected - 1) < 0.005, "AC \(energy) vs pvlib \(expected) kWh")
    }

    @Test func hourlyACRootMeanSquareErrorBelowOnePercentOfNameplate() throws {
        // Arrange: pvlib's file lists only the hours with output; the rest are zero.
        let weather = try Self.weather.get()
        var expected = [Double](repeating: 0, count: weather.count)
        for row in try Fixture.table("pvlib_hourly_ac.csv") { expected[Int(row.number("hour_of_year"))] = row.number("ac_kw") }
        let system = Self.system(.perez)

        // Act
        let ac = PVSimulator(weather: weather).acPower(system)

        // Assert
        let squares = zip(ac, expected).map { ($0 - $1) * ($0 - $1) }
        let rmse = (squares.reduce(0, +) / Double(squares.count)).squareRoot()
        #expect(weather.count == 8760)
        #expect(rmse / system.kWp < 0.01, "hourly RMSE \(rmse) kW")
    }
}
