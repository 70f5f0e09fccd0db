import Foundation
import GridModel
import HTTPTypes
import NIOCore
import Platform
@testable import Server
import Solar
import Storage
import Testing

/// The Solar ↔ GridModel glue: runs on a weather file get exactly Solar's PV output.
@Suite struct SolarGlueTests {
    /// One house, one 5 kWp system as the Solar tests model it, on the Greensboro TMY3 file (UTC−5 standard time).
    static let topology = """
    {"schema": "powerhouse.grid/v1", "time_zone": "America/New_York",
     "grids": [{"name": "Greensboro", "transformers": [{"name": "T1", "capacity_kw": 50}],
       "houses": [{"name": "H1", "transformer": "T1", "annual_consumption_kwh": 4000,
         "pv_systems": [{"kwp": 5, "tilt_deg": 30, "azimuth_deg": 180, "losses_percent": 14, "dc_ac_ratio": 1.2,
                         "temperature_coefficient_per_c": -0.0037}]}]}]}
    """

    static var expectedKWh: Double {
        get throws {
            let weather = try Weather.tmy3(contentsOf: GridTest.tmy3URL, year: 2023).resampled(toIntervalSeconds: 900)
            let system = PVSystem(kWp: 5, tilt: 30, azimuth: 180, lossesPercent: 14, dcAcRatio: 1.2, temperatureCoefficient: -0.0037)
            return PVSimulator(weather: weather).acEnergyKWh(system)
        }
    }

    @Test func aRunOnATMY3FileGetsSolarsPVEnergy() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: the weather file uploaded, the grid imported
            let upload = try await app.request(
                .post, "/api/v1/weather?name=723170TYA.CSV", as: .analyst, headers: [.contentType: "text/csv"],
                body: ByteBuffer(bytes: try Data(contentsOf: GridTest.tmy3URL)))
            #expect(upload.status == .created, "\(upload.text.prefix(300))")
            let weatherID = try #require(GridTest.string(try app.json(upload)["id"]))
            #expect(GridTest.string(try app.json(upload)["format"]) == "tmy3")
            let grid = try await GridTest.importGrid(app, Self.topology, name: "Greensboro")

            // Act
            let (id, _) = try await GridTest.start(app, """
                {"grid_id": "\(grid)", "from": "2023-01-01", "to": "2024-01-01", "weather": {"source": "file", "id": "\(weatherID)"}}
                """)
            let run = try await GridTest.waitFor(app, id, timeout: 300, GridTest.finished)

            // Assert
            #expect(GridTest.string(run["state"]) == "succeeded", "\(run)")
            let pv = try #require(GridTest.number(run["kpis"]?["total"]?["pv_kwh"]))
            let expected = try Self.expectedKWh
            #expect(abs(pv - expected) <= 1e-9 * expected, "run \(pv) kWh, PVSimulator \(expected) kWh")
            guard case .array(let notes)? = run["notes"] else { Issue.record("no notes"); return }
            #expect(notes.contains { GridTest.string($0)?.contains("723170TYA.CSV (TMY3") == true })
        }
    }

    @Test func theGlueAlignsAnyPeriodAndZoneToTheWeather() throws {
        // Arrange: the same system in Berlin time, a week that starts before the weather's local year does
        let topology = try GridTopology.read(json: Data(Self.topology.replacingOccurrences(of: "America/New_York", with: "Europe/Berlin").utf8))
        let text = try String(contentsOf: GridTest.tmy3URL, encoding: .utf8)
        let period = try SimulationPeriod(from: LocalDate("2023-01-01")!, to: LocalDate("2023-01-08")!, timeZoneID: "Europe/Berlin")

        // Act
        let shapes = try SolarShapes(weather: .file(text: text, name: "tmy3"), topology: topology, period: period)
        let synthetic = try SolarShapes(weather: .synthetic(seed: 3), topology: topology, period: period)
        let again = try SolarShapes(weather: .synthetic(seed: 3), topology: topology, period: period)

        // Assert
        #expect(shapes.temperatures.count == period.stepCount)
        #expect(synthetic.temperatures.count == period.stepCount)
        #expect(synthetic.temperatures == again.temperatures, "seeded: the same weather every time")
        #expect(shapes.notes.first?.hasPrefix("weather: tmy3 (TMY3") == true)
    }

    @Test func weatherUploadsAreCheckedWhenTheyArrive() async throws {
        try await TestApp.run { app in
            let bad = try await app.request(.post, "/api/v1/weather?name=bad.csv", as: .engineer, headers: [.contentType: "text/csv"],
                                            body: ByteBuffer(string: "time,ghi\n2025-01-01T00:00:00Z,abc\n"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("abc"), "the reader says which value: \(bad.text)")
            let empty = try await app.request(.post, "/api/v1/weather", as: .engineer, body: ByteBuffer())
            #expect(empty.status == .unprocessableContent)
            #expect(try await app.request(.post, "/api/v1/weather", as: .viewer, body: ByteBuffer(string: "x")).status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/weather", as: .viewer).status == .ok)
        }
    }
}
