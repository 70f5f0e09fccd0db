import Foundation
import GridModel
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

/// `/api/v1/simulations/…`: runs as jobs, results, determinism, cancellation.
@Suite struct SimulationAPITests {
    static func week(_ grid: String, _ extra: String = "") -> String {
        #"{"grid_id": "\#(grid)", "from": "2025-06-02", "to": "2025-06-09"\#(extra)}"#
    }

    @Test func aRunIsAJobWithProgressEventsAndStoredResults() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let grid = try await GridTest.importGrid(app)

            // Act
            let (id, job) = try await GridTest.start(app, Self.week(grid, #", "detail": "full", "strategy": "priority", "name": "June week""#))
            let run = try await GridTest.waitFor(app, id, GridTest.finished)
            // Replayed from the start once the run is over (the stream closes after a second).
            let stream = try await app.request(.get, "/api/v1/jobs/\(job)/events?max_seconds=1", as: .engineer,
                                               headers: [.init("Last-Event-ID")!: "0"])

            // Assert: events
            let types = stream.text.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
            #expect(types.first == "job.queued")
            #expect(types.contains("job.running"))
            #expect(types.contains("job.progress"))
            #expect(types.last == "job.succeeded", "\(types)")
            // Assert: the run
            #expect(GridTest.string(run["state"]) == "succeeded", "\(run)")
            #expect(GridTest.string(run["name"]) == "June week")
            #expect(GridTest.number(run["period"]?["steps"]) == 672.0)
            let total = try #require(run["kpis"]?["total"])
            let load = try #require(GridTest.number(total["load_kwh"]))
            let balance = [total["self_consumed_kwh"], total["battery_discharge_kwh"], total["received_kwh"], total["import_kwh"]]
                .compactMap(GridTest.number).reduce(0, +)
            #expect(abs(load - balance) < 1e-6 * load, "L = self + x + received + import")
            guard case .array(let notes)? = run["notes"] else { Issue.record("no notes"); return }
            #expect(notes.contains { GridTest.string($0)?.hasPrefix("weather: synthetic") == true })
            #expect(!notes.contains { GridTest.string($0)?.contains("clear-sky stand-in") == true }, "the Solar glue replaces the stand-in")

            // Per transformer, per house, series, exports
            let transformers = try app.json(try await app.request(.get, "/api/v1/simulations/\(id)/transformers", as: .viewer))
            guard case .array(let items)? = transformers["items"] else { Issue.record("no transformers"); return }
            #expect(items.count == 2)
            #expect(GridTest.number(items.first?["kpis"]?["peak_loading_kw"]) != nil)
            let houses = try app.json(try await app.request(.get, "/api/v1/simulations/\(id)/houses", as: .viewer))
            #expect(GridTest.number(houses["total"]) == 6)
            let house = try app.json(try await app.request(.get, "/api/v1/simulations/\(id)/houses/H1", as: .viewer))
            guard case .array(let houseSeries)? = house["series"] else { Issue.record("no house series"); return }
            #expect(houseSeries.count == 11, "detail full keeps every house's series")
            let flow = try app.json(try await app.request(
                .get, "/api/v1/simulations/\(id)/series?level=transformer&name=T1&metrics=flow_kw,load_kw", as: .viewer))
            guard case .array(let series)? = flow["series"], case .array(let values)? = series.first?["values"] else { Issue.record("no values"); return }
            #expect(values.count == 672)
            #expect(GridTest.string(series.first?["metric"]) == "flow_kw")
            let daily = try app.json(try await app.request(
                .get, "/api/v1/simulations/\(id)/series?level=house&name=H1&metrics=load_kw&points=7", as: .viewer))
            guard case .array(let dailySeries)? = daily["series"], case .array(let dailyValues)? = dailySeries.first?["values"] else {
                Issue.record("no house values"); return
            }
            #expect(dailyValues.count == 7)
            let csv = try await app.request(.get, "/api/v1/simulations/\(id)/export/transformers.csv", as: .viewer)
            let csvRows = csv.text.split(separator: "\n").count
            #expect(csvRows == 1345)
            #expect(csv.text.hasPrefix("timestamp,transformer,capacity_kw,load_kw"))
            let kpis = try app.json(try await app.request(.get, "/api/v1/simulations/\(id)/export/kpis.json", as: .viewer))
            #expect(GridTest.string(kpis["schema"]) == "powerhouse.grid-kpis/v1")
            guard case .array(let houseKPIs)? = kpis["kpis"]?["houses"] else { Issue.record("no house KPIs"); return }
            #expect(houseKPIs.count == 6)
            let housesCSV = try await app.request(.get, "/api/v1/simulations/\(id)/export/houses.csv", as: .viewer)
            let houseRows = housesCSV.text.split(separator: "\n").count
            #expect(houseRows == 13, "one month and the total per house")
            #expect(try await app.request(.get, "/api/v1/simulations/\(id)/export/other.txt", as: .viewer).status == .notFound)
        }
    }

    @Test func sameInputsAndSeedGiveIdenticalKPIs() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let grid = try await GridTest.importGrid(app)
            let body = Self.week(grid, #", "strategy": "equal", "scope": "grid", "seed": 7, "tariffs": {"import": 0.3, "feed_in": 0.07, "community": 0.2}"#)

            // Act
            let (a, _) = try await GridTest.start(app, body)
            let (b, _) = try await GridTest.start(app, body, as: .analyst)
            let runA = try await GridTest.waitFor(app, a, GridTest.finished)
            let runB = try await GridTest.waitFor(app, b, GridTest.finished)
            let (c, _) = try await GridTest.start(app, Self.week(grid, #", "strategy": "equal", "scope": "grid", "seed": 8"#))
            _ = try await GridTest.waitFor(app, c, GridTest.finished)
            let same = try app.json(try await app.request(.get, "/api/v1/simulations/\(a)/comparison?with=\(b)&houses=true", as: .viewer))
            let other = try app.json(try await app.request(.get, "/api/v1/simulations/\(a)/comparison?with=\(c)", as: .viewer))

            // Assert
            #expect(GridTest.string(runA["state"]) == "succeeded")
            #expect(runA["kpis"] == runB["kpis"], "bit-identical KPIs")
            guard case .array(let rows)? = same["rows"], case .array(let otherRows)? = other["rows"] else { Issue.record("no rows"); return }
            #expect(rows.count > 100)
            #expect(rows.allSatisfy { GridTest.number($0["delta"]) == 0 })
            #expect(otherRows.contains { ($0["delta"]).flatMap(GridTest.number).map { $0 != 0 } ?? false }, "another seed changes the loads")
            let exportA = try await app.request(.get, "/api/v1/simulations/\(a)/export/grids.csv", as: .viewer)
            let exportB = try await app.request(.get, "/api/v1/simulations/\(b)/export/grids.csv", as: .viewer)
            #expect(exportA.text == exportB.text)
        }
    }

    @Test func cancellingARunningRunLeavesNoResults() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: big enough to take a while in a debug build
            let grid = try await GridTest.importGrid(app)
            let bulk = try await app.request(.post, "/api/v1/grids/\(grid)/houses/bulk", as: .engineer, json: """
                {"count": 3000, "transformer": "T1", "template": {"annual_consumption_kwh": 3500, "pv_systems": [{"kwp": 6}],
                 "battery": {"capacity_kwh": 8, "max_charge_kw": 4, "max_discharge_kw": 4}}}
                """)
            #expect(bulk.status == .created)
            let (id, _) = try await GridTest.start(app, #"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2026-01-01"}"#)
            _ = try await GridTest.waitFor(app, id) { GridTest.string($0["state"]) == "running" }

            // Act
            let cancel = try await app.request(.post, "/api/v1/simulations/\(id)/cancel", as: .engineer)
            let run = try await GridTest.waitFor(app, id, GridTest.finished)

            // Assert
            #expect(cancel.status == .accepted)
            #expect(GridTest.string(run["state"]) == "cancelled", "\(run)")
            #expect(run["kpis"] == nil)
            #expect(try await app.request(.get, "/api/v1/simulations/\(id)/transformers", as: .viewer).status == .conflict)
            let simulation = try #require(try await GridSimulationRepository(app.platform.database.db).find(id: UUID(uuidString: id)!))
            #expect(try await GridSimulationRepository(app.platform.database.db).seriesLinks(simulationID: simulation.id).isEmpty)
            #expect(try await GridSimulationRepository(app.platform.database.db).houses(simulationID: simulation.id).isEmpty)
            let stored = try await SeriesStore(app.platform.database.db).list(SeriesFilter(tags: ["grid.simulation": id]), before: nil, limit: 10)
            #expect(stored.isEmpty, "no series of a cancelled run")
            #expect(try await app.request(.post, "/api/v1/simulations/\(id)/cancel", as: .engineer).status == .conflict)
            #expect(try await app.request(.delete, "/api/v1/simulations/\(id)", as: .engineer).status == .noContent)
        }
    }

    @Test func badRunRequestsAreRefusedWithFieldPaths() async throws {
        try await TestApp.run { app in
            let grid = try await GridTest.importGrid(app)
            let cases: [(String, String)] = [
                (#"{"from": "2025-01-01", "to": "2025-01-02"}"#, "/grid_id"),
                (#"{"grid_id": "\#(grid)", "from": "2025-13-01", "to": "2026-01-01"}"#, "/from"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-02", "to": "2025-01-01"}"#, "/to"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2026-03-01"}"#, "/to"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "strategy": "random"}"#, "/strategy"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "strategy": "priority", "priority": ["house:H99"]}"#, "/priority"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "step_minutes": 7}"#, "/step_minutes"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "tariffs": {"import": {"weekday": [1, 2]}}}"#, "/tariffs/import"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "weather": {"source": "file", "id": "\#(UUID())"}}"#, "/weather/id"),
                (#"{"grid_id": "\#(UUID())", "from": "2025-01-01", "to": "2025-02-01"}"#, "/grid_id"),
                (#"{"grid_id": "\#(grid)", "from": "2025-01-01", "to": "2025-02-01", "colour": "blue"}"#, "/colour"),
                (#"{"topology": {"schema": "powerhouse.grid/v1", "grids": []}, "from": "2025-01-01", "to": "2025-02-01"}"#, "/topology/grids"),
            ]
            for (body, field) in cases {
                let response = try await app.request(.post, "/api/v1/simulations", as: .analyst, json: body)
                #expect(response.status == .unprocessableContent, "\(body): \(response.status.code) \(response.text.prefix(300))")
                #expect(response.text.contains(#""field":"\#(field)""#), "\(body): expected \(field) in \(response.text.prefix(400))")
            }
            #expect(try await app.request(.post, "/api/v1/simulations", as: .viewer, json: Self.week(grid)).status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/simulations/\(UUID())", as: .viewer).status == .notFound)
            #expect(try await GridSimulationRepository(app.platform.database.db).count() == 0, "nothing was queued")
        }
    }
}
