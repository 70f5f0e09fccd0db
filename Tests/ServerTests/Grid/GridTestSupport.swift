import Foundation
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

/// Shared arrangements of the Grid tests: a small topology, grids and runs made through the API.
enum GridTest {
    /// Two transformers, six houses: PV on four, batteries on two, one commercial.
    static let topology = """
    {
      "schema": "powerhouse.grid/v1",
      "time_zone": "Europe/Berlin",
      "grids": [{
        "name": "Test street",
        "location": {"latitude": 52.52, "longitude": 13.4},
        "transformers": [{"name": "T1", "capacity_kw": 40}, {"name": "T2", "capacity_kw": 30, "kva": 40, "power_factor": 0.95}],
        "houses": [
          {"name": "H1", "transformer": "T1", "annual_consumption_kwh": 3500, "pv_systems": [{"kwp": 8, "dc_ac_ratio": 1.1}],
           "battery": {"capacity_kwh": 10, "max_charge_kw": 5, "max_discharge_kw": 5}},
          {"name": "H2", "transformer": "T1", "annual_consumption_kwh": 4200, "flags": ["priority"]},
          {"name": "H3", "transformer": "T1", "annual_consumption_kwh": 2800, "pv_systems": [{"kwp": 6, "azimuth_deg": 135, "tilt_deg": 25}]},
          {"name": "H4", "transformer": "T2", "type": "commercial", "annual_consumption_kwh": 12000, "pv_systems": [{"kwp": 20}]},
          {"name": "H5", "transformer": "T2", "annual_consumption_kwh": 3000, "ev": {"kwh_per_day": 6}},
          {"name": "H6", "transformer": "T2", "annual_consumption_kwh": 3900, "pv_systems": [{"kwp": 5}],
           "battery": {"capacity_kwh": 8, "max_charge_kw": 4, "max_discharge_kw": 4, "min_soc": 0.1, "max_soc": 0.9}}
        ]
      }]
    }
    """

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let n)? = value { return n }
        return nil
    }

    /// Imports `document` (default: `topology`) and returns the new grid's id.
    static func importGrid(_ app: TestApp, _ document: String = topology, name: String = "Test street") async throws -> String {
        let response = try await app.request(
            .post, "/api/v1/grids/import?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: .engineer, json: document)
        #expect(response.status == .created, "\(response.text.prefix(500))")
        return try #require(string(try app.json(response)["id"]))
    }

    /// Starts a run and returns (simulation id, job id).
    static func start(_ app: TestApp, _ body: String, as role: Role = .engineer) async throws -> (id: String, job: String) {
        let response = try await app.request(.post, "/api/v1/simulations", as: role, json: body)
        #expect(response.status == .accepted, "\(response.text.prefix(500))")
        let json = try app.json(response)
        return (try #require(string(json["id"])), try #require(string(json["job_id"])))
    }

    /// Polls a run until `done` holds or `timeout` seconds pass (the worker runs in real time).
    static func waitFor(_ app: TestApp, _ id: String, timeout: Double = 120, _ done: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let run = try app.json(try await app.request(.get, "/api/v1/simulations/\(id)", as: .viewer))
            if done(run) || Date() > deadline { return run }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func finished(_ run: JSONValue) -> Bool {
        ["succeeded", "failed", "cancelled"].contains(string(run["state"]) ?? "")
    }

    /// The TMY3 fixture of the Solar tests (pvlib's 723170TYA, Greensboro NC).
    static var tmy3URL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SolarTests/Fixtures/723170TYA-subset.CSV")
    }
}
