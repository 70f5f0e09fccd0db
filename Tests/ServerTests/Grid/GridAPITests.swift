import Foundation
import GridModel
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

/// `/api/v1/grids/…`: topology storage, CRUD, import/export and validation.
@Suite struct GridAPITests {
    @Test func exportImportExportIsByteIdentical() async throws {
        try await TestApp.run { app in
            // Arrange
            let id = try await GridTest.importGrid(app)

            // Act
            let first = try await app.request(.get, "/api/v1/grids/\(id)/export", as: .viewer)
            let secondID = try await GridTest.importGrid(app, first.text, name: "Copy")
            let second = try await app.request(.get, "/api/v1/grids/\(secondID)/export", as: .viewer)

            // Assert
            #expect(first.status == .ok)
            #expect(first.headers[.contentDisposition]?.contains("Test street.json") == true)
            #expect(first.text == second.text)
            #expect(first.text == (try GridTopology.read(json: Data(GridTest.topology.utf8))).jsonString(), "the canonical form of the imported document")
            #expect(first.text.contains("\"tilt_deg\": 30"), "defaults are written out")
        }
    }

    @Test func createAGridAndEditTransformersHousesPVAndBatteries() async throws {
        try await TestApp.run { app in
            // Arrange: a grid with one transformer
            let created = try await app.request(.post, "/api/v1/grids", as: .engineer, json: """
                {"name": "Mill lane", "time_zone": "Europe/Vienna", "location": {"latitude": 48.2, "longitude": 16.4},
                 "transformers": [{"name": "T1", "capacity_kw": 100}]}
                """)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(GridTest.string(try app.json(created)["id"]))
            #expect(created.headers[.eTag] == "\"1\"")

            // Act: transformer, house, merge patch, PV, battery, rename, removals
            let transformer = try await app.request(.post, "/api/v1/grids/\(id)/transformers", as: .engineer,
                                                    json: #"{"name": "T2", "capacity_kw": 60, "kva": 63}"#)
            let house = try await app.request(.post, "/api/v1/grids/\(id)/houses", as: .engineer,
                                              json: #"{"name": "Bakery 1", "transformer": "T2", "type": "commercial", "annual_consumption_kwh": 20000}"#)
            let patched = try await app.request(.patch, "/api/v1/grids/\(id)/houses/Bakery%201", as: .engineer,
                                                json: #"{"annual_consumption_kwh": 18000, "tags": ["shop"]}"#)
            let pv = try await app.request(.post, "/api/v1/grids/\(id)/houses/Bakery%201/pv-systems", as: .engineer,
                                           json: #"{"kwp": 15, "azimuth_deg": 200}"#)
            let battery = try await app.request(.put, "/api/v1/grids/\(id)/houses/Bakery%201/battery", as: .engineer,
                                                json: #"{"capacity_kwh": 20, "max_charge_kw": 10, "max_discharge_kw": 10}"#)
            let renamed = try await app.request(.put, "/api/v1/grids/\(id)/transformers/T2", as: .engineer,
                                                json: #"{"name": "T-bakery", "capacity_kw": 80}"#)
            let moved = try await app.request(.get, "/api/v1/grids/\(id)/houses/Bakery%201", as: .viewer)

            // Assert
            #expect(transformer.status == .created)
            #expect(transformer.headers[.location] == "/api/v1/grids/\(id)/transformers/T2")
            #expect(house.status == .created)
            #expect(patched.status == .ok)
            #expect(GridTest.number(try app.json(patched)["annual_consumption_kwh"]) == 18000)
            #expect(pv.status == .created)
            #expect(GridTest.number(try app.json(pv)["index"]) == 0)
            #expect(battery.status == .ok)
            #expect(GridTest.number(try app.json(battery)["initial_soc"]) == 0.5, "defaults filled in")
            #expect(renamed.status == .ok)
            #expect(GridTest.string(try app.json(moved)["transformer"]) == "T-bakery", "houses follow a renamed transformer")
            #expect(moved.headers[.eTag] == "\"7\"")

            // Act: removals
            #expect(try await app.request(.delete, "/api/v1/grids/\(id)/houses/Bakery%201/battery", as: .engineer).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/grids/\(id)/houses/Bakery%201/pv-systems/0", as: .engineer).status == .noContent)
            let busy = try await app.request(.delete, "/api/v1/grids/\(id)/transformers/T-bakery", as: .engineer)
            #expect(busy.status == .conflict, "a transformer with houses is not removed silently")
            #expect(try await app.request(.delete, "/api/v1/grids/\(id)/transformers/T-bakery?cascade=true", as: .engineer).status == .noContent)
            let detail = try app.json(try await app.request(.get, "/api/v1/grids/\(id)", as: .viewer))
            #expect(GridTest.number(detail["house_count"]) == 0)
            #expect(GridTest.number(detail["transformer_count"]) == 1)
            #expect(try await app.request(.delete, "/api/v1/grids/\(id)", as: .engineer).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/grids/\(id)", as: .viewer).status == .notFound)
            let audit = try await app.auditEntries().map(\.action)
            for action in ["grid.create", "grid.transformer.create", "grid.house.create", "grid.house.update", "grid.pv.create",
                           "grid.battery.update", "grid.transformer.update", "grid.battery.delete", "grid.pv.delete",
                           "grid.transformer.delete", "grid.delete"] {
                #expect(audit.contains(action), "audited: \(action)")
            }
        }
    }

    /// Every refusal is a 4xx naming the field (a JSON pointer into the request body), never a 500.
    @Test func validationErrorsNameTheirFields() async throws {
        try await TestApp.run { app in
            let id = try await GridTest.importGrid(app)
            let invalidDocument = GridTest.topology.replacingOccurrences(of: #""min_soc": 0.1, "max_soc": 0.9"#, with: #""min_soc": 0.95, "max_soc": 0.9"#)
            let cases: [(HTTPRequest.Method, String, String, Int, String)] = [
                (.post, "/api/v1/grids/import", invalidDocument, 422, "/grids/0/houses/5/battery/min_soc"),
                (.post, "/api/v1/grids/import", #"{"schema": "powerhouse.grid/v1", "grids": [{"name": "G", "transformers": [{"name": "T", "capacity_kw": -5}], "houses": [{"name": "A", "transformer": "T9", "annual_consumption_kwh": 1}]}]}"#, 422, "/grids/0/transformers/0/capacity_kw"),
                (.post, "/api/v1/grids/\(id)/houses", #"{"name": "X", "transformer": "T9", "annual_consumption_kwh": 1}"#, 422, "/transformer"),
                (.post, "/api/v1/grids/\(id)/houses", #"{"name": "X", "transformer": "T1", "annual_consumption_kwh": "a lot"}"#, 422, "/annual_consumption_kwh"),
                (.post, "/api/v1/grids/\(id)/houses", #"{"name": "X", "transformer": "T1", "annual_consumption_kwh": 1, "battery": {"capacity_kwh": 5, "max_charge_kw": 2, "max_discharge_kw": 2, "min_soc": 2}}"#, 422, "/battery/min_soc"),
                (.post, "/api/v1/grids/\(id)/houses", #"{"name": "H1", "transformer": "T1", "annual_consumption_kwh": 1}"#, 409, "/name"),
                (.post, "/api/v1/grids/\(id)/transformers", #"{"name": "T3", "capacity_kW": 5}"#, 422, "/capacity_kW"),
                (.post, "/api/v1/grids/\(id)/transformers", #"{"name": "T3", "capacity_kw": 0}"#, 422, "/capacity_kw"),
                (.put, "/api/v1/grids/\(id)/houses/H1/battery", #"{"capacity_kwh": 5, "max_charge_kw": 2, "max_discharge_kw": 2, "initial_soc": 0.05}"#, 422, "/initial_soc"),
                (.post, "/api/v1/grids/\(id)/houses/H1/pv-systems", #"{"kwp": 5, "tilt_deg": 95}"#, 422, "/tilt_deg"),
                (.post, "/api/v1/grids/\(id)/houses/bulk", #"{"count": 3, "template": {"transformer": "T1", "annual_consumption_kwh": -1}}"#, 422, "/template/annual_consumption_kwh"),
                (.post, "/api/v1/grids", #"{"name": "Empty", "transformers": []}"#, 422, "/transformers"),
                (.post, "/api/v1/grids", #"{"name": "Zone", "time_zone": "Mars/Olympus", "transformers": [{"name": "T", "capacity_kw": 5}]}"#, 422, "/time_zone"),
                (.patch, "/api/v1/grids/\(id)", #"{"location": {"latitude": 120, "longitude": 0}}"#, 422, "/grids/0/location/latitude"),
            ]
            for (method, path, body, status, field) in cases {
                // Act
                let response = try await app.request(method, path, as: .engineer, json: body)
                // Assert
                #expect(response.status.code == status, "\(method) \(path) \(body.prefix(80)): \(response.status.code) \(response.text.prefix(300))")
                #expect(response.isProblem)
                let fields = (try? app.json(response)["errors"]).flatMap { value -> [String]? in
                    guard case .array(let items) = value else { return nil }
                    return items.compactMap { GridTest.string($0["field"]) }
                } ?? []
                #expect(fields.contains(field), "\(path): expected \(field) in \(fields)")
            }
            let malformed = try await app.request(.post, "/api/v1/grids/\(id)/houses", as: .engineer, json: #"{"name": "#)
            #expect(malformed.status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/grids/\(id)/houses/nobody", as: .viewer).status == .notFound)
            #expect(try await app.request(.delete, "/api/v1/grids/\(id)/houses/H1/pv-systems/7", as: .engineer).status == .notFound)
            // Nothing of the refused changes was stored.
            let after = try await app.request(.get, "/api/v1/grids/\(id)/export", as: .viewer)
            #expect(after.text == (try GridTopology.read(json: Data(GridTest.topology.utf8))).jsonString())
        }
    }

    @Test func bulkAddMakesNHousesFromATemplate() async throws {
        try await TestApp.run { app in
            let id = try await GridTest.importGrid(app)
            // Act
            let response = try await app.request(.post, "/api/v1/grids/\(id)/houses/bulk", as: .engineer, json: """
                {"count": 12, "name_prefix": "New-", "transformer": "T2",
                 "template": {"annual_consumption_kwh": 3000, "pv_systems": [{"kwp": 7}], "tags": ["bulk"]}}
                """)
            // Assert
            #expect(response.status == .created, "\(response.text)")
            guard case .array(let names)? = try app.json(response)["created"] else { Issue.record("no names"); return }
            #expect(names.count == 12)
            #expect(GridTest.string(names.first) == "New-001")
            let page = try app.json(try await app.request(.get, "/api/v1/grids/\(id)/houses?transformer=T2&limit=200", as: .viewer))
            #expect(GridTest.number(page["total"]) == 15)
            let again = try await app.request(.post, "/api/v1/grids/\(id)/houses/bulk", as: .engineer,
                                              json: #"{"count": 2, "name_prefix": "New-", "template": {"transformer": "T1", "annual_consumption_kwh": 1}}"#)
            #expect(GridTest.string(try app.json(again)["created"].flatMap { if case .array(let a) = $0 { a.first } else { nil } }) == "New-013",
                    "names in use are skipped")
        }
    }

    @Test func staleIfMatchIsAConflictAndListsPage() async throws {
        try await TestApp.run { app in
            let id = try await GridTest.importGrid(app)
            _ = try await GridTest.importGrid(app, name: "Another street")
            // Act
            let fresh = try await app.request(.patch, "/api/v1/grids/\(id)", as: .engineer, json: #"{"name": "Renamed"}"#, headers: [.ifMatch: "\"1\""])
            let stale = try await app.request(.patch, "/api/v1/grids/\(id)", as: .engineer, json: #"{"name": "Again"}"#, headers: [.ifMatch: "\"1\""])
            let first = try app.json(try await app.request(.get, "/api/v1/grids?limit=1", as: .viewer))
            let cursor = try #require(GridTest.string(first["next_cursor"]))
            let second = try app.json(try await app.request(.get, "/api/v1/grids?limit=1&cursor=\(cursor)", as: .viewer))
            let duplicate = try await app.request(.post, "/api/v1/grids/import?name=renamed", as: .engineer, json: GridTest.topology)
            // Assert
            #expect(fresh.status == .ok)
            #expect(stale.status == .conflict)
            guard case .array(let a)? = first["items"], case .array(let b)? = second["items"] else { Issue.record("no items"); return }
            #expect(GridTest.string(a.first?["name"]) == "Another street")
            #expect(GridTest.string(b.first?["name"]) == "Renamed")
            #expect(second["next_cursor"] == .null)
            #expect(duplicate.status == .conflict, "names are unique regardless of case")
        }
    }
}
