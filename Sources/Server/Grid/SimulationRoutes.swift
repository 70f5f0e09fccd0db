import Foundation
import GridModel
import Hummingbird
import Platform
import Storage

/// `/api/v1/simulations/…`: start a run (a `simulation.run` job), follow it, read its KPIs, per-transformer and
/// per-house results and per-step series, export its files, compare two runs.
enum SimulationRoutes {
    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .post, "/api/v1/simulations", access: .permission(.simulationsRun),
            summary: "Start a simulation run of a stored grid (or an inline topology) as a job", tag: "grid",
            audit: "simulation.start", request: "SimulationRequest", response: "Simulation", status: 202)
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await GridHTTP.readObject(request, context)
            let started = try await SimulationStore.start(body, identity: identity, context: context, platform: platform)
            return GridHTTP.response(
                SimulationViews.view(started.simulation, job: started.job), status: .accepted,
                headers: [.location: "/api/v1/simulations/\(started.simulation.id.uuidString.lowercased())"])
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations", access: .permission(.gridRead), summary: "Simulation runs, newest first", tag: "grid",
            parameters: [.init("grid_id", "string", "only runs of this grid"), .init("limit", "integer", "page size, 1–200"),
                         .init("cursor", "string", "from next_cursor")],
            response: "SimulationPage")
        ) { request, _ in
            let query = Query(request)
            let limit = try query.limit()
            let before = try query.cursor().map(JobRoutes.decodeJobCursor)
            let runs = try await GridSimulationRepository(platform.database.db).list(gridID: try query.uuid("grid_id"), before: before, limit: limit + 1)
            var items: [GridJSON] = []
            for run in runs.prefix(limit) { items.append(SimulationViews.view(run, job: try await SimulationStore.job(run, platform), brief: true)) }
            let next: GridJSON = runs.count > limit
                ? runs.prefix(limit).last.map { .string(Cursor.encode("\($0.createdAt.timeIntervalSince1970)|\($0.id.uuidString)")) } ?? .null : .null
            return GridHTTP.response(.object(["items": .array(items), "next_cursor": next]))
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id", access: .permission(.gridRead),
            summary: "One run: state and progress (from its job), parameters, KPIs once it succeeded", tag: "grid", response: "Simulation")
        ) { _, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            return GridHTTP.response(SimulationViews.view(simulation, job: try await SimulationStore.job(simulation, platform)))
        }

        routes.add(Endpoint(
            .post, "/api/v1/simulations/:id/cancel", access: .permission(.simulationsRun),
            summary: "Cancel a run: at once if queued, at its next week block if running", tag: "grid", audit: "simulation.cancel",
            response: "Simulation", status: 202)
        ) { _, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            let job = try await SimulationStore.cancel(simulation, context: context, platform: platform)
            return GridHTTP.response(SimulationViews.view(simulation, job: job), status: .accepted)
        }

        routes.add(Endpoint(
            .delete, "/api/v1/simulations/:id", access: .permission(.simulationsRun),
            summary: "Delete a finished run with its results and series", tag: "grid", audit: "simulation.delete")
        ) { _, context in
            try await SimulationStore.delete(try await SimulationStore.simulation(context, platform), context: context, platform: platform)
            return .noContent()
        }

        addResults(to: routes)
    }

    static func addResults(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/transformers", access: .permission(.gridRead),
            summary: "Per-transformer results: KPIs (peak loading, hours over capacity, …) and series ids", tag: "grid",
            response: "SimulationTransformers")
        ) { _, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            try await SimulationStore.requireResults(simulation, platform)
            let links = try await GridSimulationRepository(platform.database.db).seriesLinks(simulationID: simulation.id, level: "transformer")
            let topology = try GridTopology.read(json: Data(simulation.topology.utf8))
            let kpis = (try SimulationStore.kpiDocument(simulation)["kpis"]?["transformers"]?.array ?? []).compactMap(\.object)
            let items = topology.grids.flatMap { grid in
                grid.transformers.map { transformer -> GridJSON in
                    .object([
                        "name": .string(transformer.name), "grid": .string(grid.name), "capacity_kw": .number(transformer.capacityKW),
                        "kpis": .object(kpis.first { $0["name"]?.string == transformer.name } ?? [:]),
                        "series": SimulationViews.links(links.filter { $0.name == transformer.name }),
                    ])
                }
            }
            return GridHTTP.response(.object(["items": .array(items)]))
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/houses", access: .permission(.gridRead),
            summary: "Per-house results: annual totals and KPIs (bill, saving, self-sufficiency, …)", tag: "grid",
            parameters: [.init("transformer", "string", "only this transformer's houses"), .init("limit", "integer", "page size, 1–200"),
                         .init("cursor", "string", "from next_cursor")],
            response: "SimulationHousePage")
        ) { request, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            try await SimulationStore.requireResults(simulation, platform)
            let query = Query(request)
            let limit = try query.limit()
            let offset = try query.cursor().flatMap(Int.init) ?? 0
            let transformer = try query.string("transformer")
            let (rows, total) = try await GridSimulationRepository(platform.database.db).housePage(
                simulationID: simulation.id, transformer: transformer, offset: offset, limit: limit)
            let page = rows.map { row -> GridJSON in
                var o = (try? GridHTTP.parse(Data(row.result.utf8)))?.object ?? [:]
                o.removeValue(forKey: "monthly")
                return .object(o)
            }
            let next: GridJSON = offset + limit < total ? .string(Cursor.encode(String(offset + limit))) : .null
            return GridHTTP.response(.object(["items": .array(page), "next_cursor": next, "total": .number(Double(total))]))
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/houses/:name", access: .permission(.gridRead),
            summary: "One house's results: monthly and annual totals, KPIs, series ids (detail: full)", tag: "grid",
            response: "SimulationHouse")
        ) { _, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            try await SimulationStore.requireResults(simulation, platform)
            let name = try GridHTTP.name(context, "name")
            guard let (_, result) = try await SimulationStore.houses(simulation, platform, names: [name]).first else {
                throw Problem.notFound("house \"\(name)\" in simulation \(simulation.id)")
            }
            var o = result
            let links = try await GridSimulationRepository(platform.database.db).seriesLinks(simulationID: simulation.id, level: "house", name: name)
            o["series"] = SimulationViews.links(links)
            return GridHTTP.response(.object(o))
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/series", access: .permission(.gridRead),
            summary: "Per-step series of a transformer, grid or house (kW): ids for /api/v1/series, or values", tag: "grid",
            parameters: [
                .init("level", "string", "transformer, grid or house"), .init("name", "string", "its name"),
                .init("metrics", "string", "comma-separated, e.g. flow_kw,load_kw (default all)"),
                .init("from", "string", "ISO 8601 start"), .init("to", "string", "ISO 8601 end (exclusive)"),
                .init("points", "integer", "average into at most this many points"),
            ],
            response: "SimulationSeries")
        ) { request, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            try await SimulationStore.requireResults(simulation, platform)
            let query = Query(request)
            guard let level = try query.string("level"), let name = try query.string("name") else {
                let links = try await GridSimulationRepository(platform.database.db).seriesLinks(simulationID: simulation.id)
                return GridHTTP.response(.object(["items": SimulationViews.links(links)]))
            }
            guard ["transformer", "grid", "house"].contains(level) else { throw Problem.badQuery("level", "must be transformer, grid or house") }
            let metrics = try query.string("metrics", maxLength: 1000).map { $0.split(separator: ",").map(String.init) }
            let from = try query.date("from").map { Int64($0.timeIntervalSince1970 * 1000) } ?? Int64.min
            let to = try query.date("to").map { Int64($0.timeIntervalSince1970 * 1000) } ?? Int64.max
            guard from < to else { throw Problem.badQuery("to", "must be after from") }
            let points = try query.int("points", default: 0, range: 0...100_000)
            let found = try await SimulationStore.series(
                simulation, level: level, name: name, metrics: metrics, range: from == .min && to == .max ? nil : from..<to, platform: platform)
            guard !found.values.isEmpty else { throw Problem.notFound("series of \(level) \"\(name)\" in simulation \(simulation.id)") }
            let (times, columns) = SimulationStore.downsample(found.timestamps, found.values.map(\.values), points: points)
            return GridHTTP.response(.object([
                "level": .string(level), "name": .string(name),
                "timestamps": .array(times.map { .string(ISO8601.string(Date(timeIntervalSince1970: Double($0) / 1000))) }),
                "series": .array(zip(found.values, columns).map { item, values in
                    .object([
                        "metric": .string(item.link.metric), "series_id": .uuid(item.link.seriesID),
                        "unit": .string(item.link.metric.hasSuffix("_kwh") ? "kWh" : "kW"), "values": .array(values.map(GridJSON.number)),
                    ])
                }),
            ]))
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/export/:file", access: .permission(.gridRead),
            summary: "A run's files, as powerhouse simulate writes them: kpis.json, transformers.csv, grids.csv, houses.csv", tag: "grid",
            responseType: "text/csv")
        ) { _, context in
            let simulation = try await SimulationStore.simulation(context, platform)
            try await SimulationStore.requireResults(simulation, platform)
            let file = context.parameters.get("file") ?? ""
            let base = simulation.id.uuidString.lowercased().prefix(8)
            switch file {
            case "kpis.json":
                let document = try await SimulationStore.fullKPIDocument(simulation, platform)
                return GridHTTP.download(document.serialized(), contentType: "application/json; charset=utf-8", filename: "\(base)-kpis.json")
            case "transformers.csv", "grids.csv":
                let level = file == "grids.csv" ? "grid" : "transformer"
                let text = try await SimulationExport.seriesCSV(simulation, level: level, platform: platform)
                return GridHTTP.download(text, contentType: "text/csv; charset=utf-8", filename: "\(base)-\(file)")
            case "houses.csv":
                let text = SimulationExport.housesCSV(try await SimulationStore.houses(simulation, platform))
                return GridHTTP.download(text, contentType: "text/csv; charset=utf-8", filename: "\(base)-\(file)")
            default:
                throw Problem.notFound("export \"\(file)\" (there are kpis.json, transformers.csv, grids.csv and houses.csv)")
            }
        }

        routes.add(Endpoint(
            .get, "/api/v1/simulations/:id/comparison", access: .permission(.gridRead),
            summary: "KPI deltas of another run (with=ID) against this one, per level and name", tag: "grid",
            parameters: [.init("with", "string", "id of the run to compare (the candidate)"),
                         .init("houses", "boolean", "include per-house rows")],
            response: "SimulationComparison")
        ) { request, context in
            let base = try await SimulationStore.simulation(context, platform)
            let query = Query(request)
            guard let otherID = try query.uuid("with") else { throw Problem.badQuery("with", "is required: the id of the run to compare") }
            guard let candidate = try await GridSimulationRepository(platform.database.db).find(id: otherID) else {
                throw Problem.notFound("simulation \(otherID)")
            }
            try await SimulationStore.requireResults(base, platform)
            try await SimulationStore.requireResults(candidate, platform)
            let withHouses = try query.string("houses") == "true"
            let a = try await SimulationViews.comparable(base, houses: withHouses, platform: platform)
            let b = try await SimulationViews.comparable(candidate, houses: withHouses, platform: platform)
            return GridHTTP.response(.object([
                "base": SimulationViews.view(base, job: nil, brief: true), "candidate": SimulationViews.view(candidate, job: nil, brief: true),
                "rows": .array(SimulationStore.comparison(base: a, candidate: b)),
            ]))
        }
    }
}
