import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
@testable import Server
import Storage
import Testing

/// The Grid pages over HTTP with a browser session: topology page and its forms, run setup, results, comparison.
@Suite struct GridPageTests {
    static func session(_ app: TestApp) async throws -> (headers: HTTPFields, csrf: String) {
        let (session, csrf) = try await WebFlowTests.logIn(app)
        return ([.cookie: "ph_session=\(session)"], csrf)
    }

    static func post(_ app: TestApp, _ path: String, _ fields: [String: String], _ s: (headers: HTTPFields, csrf: String)) async throws -> TestResponse {
        var headers = s.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        var fields = fields
        fields["csrf_token"] = fields["csrf_token"] ?? s.csrf
        return try await app.request(.post, path, headers: headers, body: WebFlowTests.form(fields))
    }

    @Test func topologyPageDrawsTheGridAndItsFormsEditIt() async throws {
        try await TestApp.run { app in
            // Arrange
            let s = try await Self.session(app)
            let created = try await Self.post(app, "/grid/grids", [
                "name": "Form street", "time_zone": "Europe/Berlin", "transformer": "T1", "capacity_kw": "120", "latitude": "52.5", "longitude": "13.4",
            ], s)
            #expect(created.status == .seeOther, "\(created.text.prefix(300))")
            let location = try #require(created.headers[.location])
            let gridPath = String(location.prefix { $0 != "?" })

            // Act
            let added = try await Self.post(app, "\(gridPath)/houses", ["name": "Corner shop", "transformer": "T1", "type": "commercial",
                                                                          "annual_consumption_kwh": "9000", "pv_kwp": "12", "battery_kwh": "10"], s)
            let bulk = try await Self.post(app, "\(gridPath)/houses/bulk", ["count": "5", "name_prefix": "R", "transformer": "T1",
                                                                              "annual_consumption_kwh": "3000", "pv_kwp": "5"], s)
            let transformer = try await Self.post(app, "\(gridPath)/transformers", ["name": "T2", "capacity_kw": "80"], s)
            let pv = try await Self.post(app, "\(gridPath)/houses/Corner%20shop/pv", ["kwp": "4", "azimuth_deg": "90"], s)
            let bad = try await Self.post(app, "\(gridPath)/houses/Corner%20shop/battery",
                                          ["capacity_kwh": "10", "max_charge_kw": "5", "max_discharge_kw": "5", "min_soc": "0.9", "max_soc": "0.5"], s)
            let noToken = try await Self.post(app, "\(gridPath)/houses", ["name": "X", "csrf_token": "wrong"], s)
            let page = try await app.request(.get, gridPath, headers: s.headers)
            let house = try await app.request(.get, "\(gridPath)/houses/Corner%20shop", headers: s.headers)

            // Assert
            #expect(added.status == .seeOther)
            #expect(added.headers[.location]?.contains("/houses/Corner%20shop") == true)
            #expect(bulk.status == .seeOther && transformer.status == .seeOther && pv.status == .seeOther)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("min_soc"), "the error page names the field")
            #expect(noToken.status == .forbidden)
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg class=\"topology\""))
            #expect(page.text.contains("data-house=\"R001\""))
            #expect(page.text.contains("/static/js/grid-topology.js"))
            #expect(!page.text.contains("style=\""), "no inline styles")
            #expect(house.status == .ok)
            #expect(house.text.contains("PV systems") && house.text.contains("Remove PV system 2"))
        }
    }

    @Test func runSetupProgressResultsAndComparison() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let s = try await Self.session(app)
            let grid = try await GridTest.importGrid(app)
            let setup = try await app.request(.get, "/grid/simulations/new?grid=\(grid)", headers: s.headers)
            #expect(setup.status == .ok)
            #expect(setup.text.contains("Start run"))

            // Act: two runs through the form
            var runs: [String] = []
            for strategy in ["pro-rata", "equal"] {
                let started = try await Self.post(app, "/grid/simulations", [
                    "grid_id": grid, "from": "2025-06-02", "to": "2025-06-05", "strategy": strategy, "scope": "transformer", "weather": "synthetic",
                    "seed": "1", "import_price": "0.3", "feed_in_price": "0.08", "currency": "EUR", "co2_kg_per_kwh": "0.4", "detail": "aggregates",
                    "step_minutes": "15", "battery_strategy": "self-consumption",
                ], s)
                #expect(started.status == .seeOther, "\(started.text.prefix(300))")
                let path = String(try #require(started.headers[.location]).prefix { $0 != "?" })
                runs.append(String(path.split(separator: "/").last!))
            }
            let queued = try await app.request(.get, "/grid/simulations/\(runs[0])", headers: s.headers)
            for id in runs { _ = try await GridTest.waitFor(app, id, GridTest.finished) }
            let done = try await app.request(.get, "/grid/simulations/\(runs[0])", headers: s.headers)
            let compare = try await app.request(.get, "/grid/simulations/\(runs[0])/compare?with=\(runs[1])", headers: s.headers)
            let topology = try await app.request(.get, "/grid/grids/\(grid)", headers: s.headers)
            let index = try await app.request(.get, "/grid", headers: s.headers)

            // Assert
            #expect(queued.text.contains("data-live-jobs"), "progress follows the job live")
            #expect(done.status == .ok)
            #expect(done.text.contains("Self-sufficiency") && done.text.contains("Saving"))
            #expect(done.text.contains("id=\"energy-balance\"") && done.text.contains("id=\"transformer-loading\"")
                    && done.text.contains("id=\"transformer-duration\""))
            #expect(done.text.contains("table class=\"data sortable\""))
            #expect(done.text.contains("/export/houses.csv"))
            #expect(compare.status == .ok)
            #expect(compare.text.contains("self_sufficiency"))
            #expect(topology.text.contains("node-transformer loading-"), "transformers coloured after a run")
            #expect(!topology.text.contains("loading-none"))
            #expect(index.text.contains(runs[0]))
        }
    }

    @Test func viewersSeeButCannotEdit() async throws {
        try await TestApp.run { app in
            let grid = try await GridTest.importGrid(app)
            let page = try await app.request(.get, "/grid/grids/\(grid)", as: .viewer)
            #expect(page.status == .ok)
            #expect(!page.text.contains("Add transformer"))
            #expect(try await app.request(.get, "/grid/simulations/new", as: .viewer).status == .forbidden)
            let index = try await app.request(.get, "/grid", as: .viewer)
            #expect(index.status == .ok && !index.text.contains("Create a grid"))
            #expect(try await app.request(.get, "/grid/grids/\(UUID())", as: .viewer).status == .notFound)
        }
    }
}
