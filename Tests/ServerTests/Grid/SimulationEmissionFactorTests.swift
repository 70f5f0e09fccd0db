import Foundation
import PlantData
import Platform
@testable import Server
import Testing

/// A run can price its grid imports with the CO2 output rate of an eGRID subregion from the Plants module,
/// resolved once when the run is queued and kept in its parameters with where it came from.
@Suite struct SimulationEmissionFactorTests {
    @Test func anEGRIDSubregionPricesImportsWithItsCO2Rate() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: the synthetic eGRID demo, one of its subregions' factors, a grid
            try await PlantFiles.demo(platform: app.platform, plants: 90)
            let subregion = try #require(try DemoDataset.load(seed: 1, plantCount: 90, year: 2023).sheet(.plant)?.plants.first?.subregion)
            let factors = try await app.getJSON("/api/v1/plants/emission-factors?subregion=\(subregion)")
            let expected = try #require(factors["kg_per_kwh"]?["co2"]?.asNumber)
            let grid = try await GridTest.importGrid(app)

            // Act
            let (id, _) = try await GridTest.start(app, SimulationAPITests.week(
                grid, #", "co2_kg_per_kwh": {"egrid_subregion": "\#(subregion.lowercased())", "year": 2023}"#))
            let run = try await GridTest.waitFor(app, id, GridTest.finished)

            // Assert
            #expect(GridTest.string(run["state"]) == "succeeded", "\(run)")
            #expect(GridTest.number(run["parameters"]?["co2_kg_per_kwh"]) == expected)
            let source = GridTest.string(run["parameters"]?["co2_source"]) ?? ""
            #expect(source.hasPrefix("eGRID 2023 subregion \(subregion), CO2 output rate published by EPA"), "\(source)")
            #expect(source.contains("synthetic"), "the demo's release label says it is synthetic: \(source)")
            let total = try #require(run["kpis"]?["total"])
            let imported = try #require(GridTest.number(total["import_kwh"]))
            let co2 = try #require(GridTest.number(total["co2_kg"]))
            #expect(abs(co2 - imported * expected) <= 1e-9 * max(1, co2), "CO2 = grid import × the subregion's rate")
        }
    }

    @Test func anUnknownOrMalformedSubregionIsNamed() async throws {
        try await TestApp.run { app in
            // Arrange
            try await PlantFiles.demo(platform: app.platform, plants: 30)
            let grid = try await GridTest.importGrid(app)
            let cases: [(String, String)] = [
                (#"{"egrid_subregion": "ZZZZ"}"#, "/co2_kg_per_kwh/egrid_subregion"),
                (#"{"egrid_subregion": "x'; DROP TABLE plants;--"}"#, "/co2_kg_per_kwh/egrid_subregion"),
                (#"{"egrid_subregion": "ERCT", "year": "last"}"#, "/co2_kg_per_kwh/year"),
                (#"{"subregion": "ERCT"}"#, "/co2_kg_per_kwh/subregion"),
            ]
            for (choice, field) in cases {
                // Act
                let response = try await app.request(.post, "/api/v1/simulations", as: .engineer,
                                                     json: SimulationAPITests.week(grid, #", "co2_kg_per_kwh": \#(choice)"#))

                // Assert
                #expect(response.status == .unprocessableContent, "\(choice): \(response.text.prefix(300))")
                #expect(response.text.contains(field), "\(choice) names \(field): \(response.text.prefix(300))")
            }
        }
    }
}
