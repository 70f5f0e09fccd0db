import Charts
import Foundation
import GridModel
import Hummingbird
import Platform
import Storage
import WebUI

/// The Grid module's pages: grids and runs (`/grid`), a grid's topology, a house, run setup, a run's progress and
/// results, and a comparison of two runs. Form posts are in `GridPages+Forms.swift`.
enum GridPages {
    /// Notices after a form post (`?done=code`), never text from the URL.
    static let notices: [String: PageContext.Notice] = [
        "grid-created": .init(.success, "The grid was created."),
        "grid-imported": .init(.success, "The topology was imported."),
        "grid-updated": .init(.success, "The grid was saved."),
        "grid-deleted": .init(.success, "The grid was deleted."),
        "transformer-added": .init(.success, "The transformer was added."),
        "transformer-saved": .init(.success, "The transformer was saved."),
        "transformer-removed": .init(.success, "The transformer was removed."),
        "house-added": .init(.success, "The house was added."),
        "houses-added": .init(.success, "The houses were added."),
        "house-saved": .init(.success, "The house was saved."),
        "house-removed": .init(.success, "The house was removed."),
        "run-started": .init(.success, "The run was queued; progress appears below."),
        "run-cancelled": .init(.success, "Cancellation was requested."),
        "run-deleted": .init(.success, "The run was deleted."),
    ]

    static func page(_ request: Request, _ context: AppRequestContext) -> PageContext {
        PageSupport.context(request, context, notice: request.uri.queryParameters.get("done").flatMap { notices[$0] })
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/grid", access: .permission(.gridRead), kind: .page, summary: "Grids and simulation runs", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let grids = try await GridRepository(platform.database.db).list(limit: 200).map {
                GridIndexPage.GridCard(id: $0.id.uuidString.lowercased(), name: $0.name, houses: $0.houseCount, transformers: $0.transformerCount,
                                       updatedAt: $0.updatedAt)
            }
            let model = GridIndexPage.Model(
                grids: grids, runs: try await runRows(gridID: nil, platform: platform), canWrite: identity.can(.gridWrite),
                canRun: identity.can(.simulationsRun))
            return PageSupport.html(GridIndexPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.get, "/grid/grids/:id", access: .permission(.gridRead), kind: .page, summary: "A grid's topology", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let grid = try await GridStore.grid(context, platform)
            let topology = try GridStore.topology(grid)
            let runs = try await GridSimulationRepository(platform.database.db).list(gridID: grid.id, before: nil, limit: 20)
            let latest = runs.first { $0.state == "succeeded" }
            var loading: [String: Double] = [:]
            if let latest, let transformers = try SimulationStore.kpiDocument(latest)["kpis"]?["transformers"]?.array {
                for t in transformers.compactMap(\.object) {
                    if let name = t["name"]?.string, let percent = t["peak_loading_percent"]?.number { loading[name] = percent }
                }
            }
            let totals = GridViews.totals(topology)
            func total(_ key: String, _ decimals: Int = 0) -> String { GridUI.number(totals[key]?.number, decimals: decimals) }
            let model = GridTopologyPage.Model(
                id: grid.id.uuidString.lowercased(), name: grid.name, version: grid.version, timeZone: topology.timeZone,
                latitude: topology.grids.first?.location?.latitude, longitude: topology.grids.first?.location?.longitude,
                grids: topology.grids.map { inner in
                    GridTopologyPage.InnerGrid(name: inner.name, transformers: inner.transformers.map { t in
                        GridTopologyPage.TransformerNode(
                            name: t.name, capacityKW: t.capacityKW, kva: t.kva, powerFactor: t.powerFactor, loadingPercent: loading[t.name],
                            houses: inner.houses.filter { $0.transformer == t.name }.map(houseNode))
                    })
                },
                totals: [
                    ("Houses", total("houses")), ("Transformers", total("transformers")), ("Capacity kW", total("capacity_kw")),
                    ("Consumption MWh/a", GridUI.number((totals["annual_consumption_kwh"]?.number ?? 0) / 1000, decimals: 1)),
                    ("PV kWp", total("pv_kwp", 1)), ("Batteries", "\(total("batteries")) · \(total("battery_kwh")) kWh"),
                    ("EVs · heat pumps", "\(total("evs")) · \(total("heat_pumps"))"),
                ],
                loadingRun: latest.map { ($0.id.uuidString.lowercased(), $0.name) },
                runs: try await runRows(gridID: grid.id, platform: platform), canWrite: identity.can(.gridWrite),
                canRun: identity.can(.simulationsRun))
            return PageSupport.html(GridTopologyPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.get, "/grid/grids/:id/houses/:name", access: .permission(.gridRead), kind: .page, summary: "A house", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let grid = try await GridStore.grid(context, platform)
            let name = try GridHTTP.name(context, "name")
            let topology = try GridStore.topology(grid)
            guard let house = topology.allHouses.first(where: { $0.name == name }),
                  let json = try TopologyEditor(document: grid.document).house(named: name)?.value
            else { throw Problem.notFound("house \"\(name)\"") }
            let model = GridHousePage.Model(
                gridID: grid.id.uuidString.lowercased(), gridName: grid.name, name: house.name, transformer: house.transformer,
                type: house.type.rawValue, annualKWh: house.annualConsumptionKWh, flags: house.flags.sorted().map(\.rawValue), tags: house.tags,
                pv: house.pvSystems.map {
                    GridHousePage.PV(kWp: $0.kWp, tilt: $0.tiltDegrees, azimuth: $0.azimuthDegrees, losses: $0.lossesPercent, inverterKW: $0.inverterKW,
                                     dcAcRatio: $0.dcAcRatio, temperatureCoefficient: $0.temperatureCoefficient)
                },
                battery: house.battery.map {
                    GridHousePage.Battery(capacityKWh: $0.capacityKWh, maxChargeKW: $0.maxChargeKW, maxDischargeKW: $0.maxDischargeKW, minSoC: $0.minSoC,
                                          maxSoC: $0.maxSoC, initialSoC: $0.initialSoC)
                },
                json: GridJSON.object(json).serialized(), transformers: topology.grids.flatMap { $0.transformers.map(\.name) },
                canWrite: identity.can(.gridWrite))
            return PageSupport.html(GridHousePage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.get, "/grid/simulations/new", access: .permission(.simulationsRun), kind: .page, summary: "Set up a simulation run",
                            tag: "web")) { request, context in
            let grids = try await GridRepository(platform.database.db).list(limit: 200)
            let weather = try await GridWeatherRepository(platform.database.db).list(limit: 50)
            let year = Calendar(identifier: .gregorian).component(.year, from: platform.clock.now) - 1
            let model = SimulationSetupPage.Model(
                grids: grids.map { ($0.id.uuidString.lowercased(), $0.name, $0.houseCount) },
                selectedGrid: request.uri.queryParameters.get("grid")?.lowercased(),
                weatherFiles: weather.map { ($0.id.uuidString.lowercased(), $0.name, $0.description) },
                from: "\(year)-01-01", to: "\(year + 1)-01-01")
            return PageSupport.html(SimulationSetupPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.get, "/grid/simulations/:id", access: .permission(.gridRead), kind: .page, summary: "A simulation run", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let simulation = try await SimulationStore.simulation(context, platform)
            let model = try await SimulationPageBuilder.model(simulation, identity: identity, platform: platform)
            return PageSupport.html(SimulationPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.get, "/grid/simulations/:id/compare", access: .permission(.gridRead), kind: .page, summary: "Two runs side by side",
                            tag: "web")) { request, context in
            let base = try await SimulationStore.simulation(context, platform)
            guard let otherID = try Query(request).uuid("with"),
                  let candidate = try await GridSimulationRepository(platform.database.db).find(id: otherID)
            else { throw Problem.notFound("the run to compare with") }
            try await SimulationStore.requireResults(base, platform)
            try await SimulationStore.requireResults(candidate, platform)
            let model = try await SimulationPageBuilder.comparison(base, candidate, platform: platform)
            return PageSupport.html(SimulationComparePage.render(model, context: page(request, context)))
        }

        addForms(to: routes)
    }

    static func houseNode(_ h: House) -> GridTopologyPage.HouseNode {
        GridTopologyPage.HouseNode(
            name: h.name, transformer: h.transformer, type: h.type.rawValue, annualKWh: h.annualConsumptionKWh, pvKWp: h.pvKWp,
            batteryKWh: h.battery?.capacityKWh, ev: h.ev != nil, heatPump: h.heatPump != nil, priority: h.effectiveFlags.contains(.priority))
    }

    static func runRows(gridID: UUID?, platform: PlatformServices) async throws -> [SimulationRow] {
        var rows: [SimulationRow] = []
        for run in try await GridSimulationRepository(platform.database.db).list(gridID: gridID, before: nil, limit: 20) {
            let job = try await SimulationStore.job(run, platform)
            let state = SimulationStore.state(run, job)
            let document = (try? SimulationStore.kpiDocument(run)) ?? [:]
            let total = document["kpis"]?["total"]
            rows.append(SimulationRow(
                id: run.id.uuidString.lowercased(), jobID: run.jobID.uuidString.lowercased(), name: run.name, gridName: run.gridName, state: state,
                progress: state == "succeeded" ? 1 : job?.progress ?? 0, message: job?.message, selfSufficiency: total?["self_sufficiency"]?.number,
                saving: total?["saving"]?.number, currency: document["options"]?["currency"]?.string ?? "", createdAt: run.createdAt))
        }
        return rows
    }
}
