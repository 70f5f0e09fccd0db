import FluentKit
import Foundation
import GridModel
import Platform
import Series
import Storage

/// Starting runs and reading their results; shared by the API and the pages.
enum SimulationStore {
    /// Largest run accepted: houses, and (with `detail: full`) house-steps kept as series.
    static let maxHouses = 20_000
    static let maxFullHouseSteps = 20_000_000

    struct Started: Sendable {
        var simulation: StoredSimulation
        var job: Job
    }

    /// A checked run request, ready to be queued.
    struct Checked: Sendable {
        var spec: SimulationSpec
        var topology: GridTopology
        var gridName: String
        var gridVersion: Int?
        var weatherID: UUID?
        var weatherName: String
        var name: String
    }

    /// Checks a run request against its topology and queues it: the simulation row (with its immutable snapshot),
    /// the job and the audit entry are written in one transaction.
    static func start(
        _ body: [String: GridJSON], identity: Identity, context: AppRequestContext, platform: PlatformServices
    ) async throws -> Started {
        let checked = try await check(body, platform: platform)
        let started = try await queue(checked, createdBy: identity.user.id, platform: platform) { tx, id in
            try await platform.auditor.record(
                on: tx, context: context, objectType: "simulation", objectID: id.uuidString, detail: checked.name, action: "simulation.start")
        }
        return started
    }

    static func check(_ request: [String: GridJSON], platform: PlatformServices) async throws -> Checked {
        let body = try await EGRIDEmissionFactor.resolve(request, platform: platform)
        let spec = try SimulationSpec.parse(body)
        let topology: GridTopology
        var gridName = "inline topology"
        var gridVersion: Int?
        if let inline = body["topology"], inline != .null {
            guard case .object(let root) = inline else { throw Problem.invalid("/topology", "must be a powerhouse.grid/v1 document") }
            do {
                topology = try GridTopology.read(json: Data(inline.serialized().utf8))
            } catch let error as TopologyError {
                throw Problem(.validation, detail: error.description, errors: error.issues.map {
                    .init(field: "/topology" + (GridHTTP.pointer($0.path) == "/" ? "" : GridHTTP.pointer($0.path)), message: $0.message)
                })
            }
            gridName = root["grids"]?.array?.first?["name"]?.string ?? gridName
        } else if let gridID = spec.gridID {
            guard let grid = try await GridRepository(platform.database.db).find(id: gridID) else {
                throw Problem.invalid("/grid_id", "no grid with id \(gridID)")
            }
            topology = try GridStore.topology(grid)
            gridName = grid.name
            gridVersion = grid.version
        } else {
            throw Problem.invalid("/grid_id", "is required: the grid to simulate (or send its document as topology)")
        }
        try spec.check(against: topology)
        let houses = topology.allHouses.count
        guard houses <= maxHouses else { throw Problem.invalid("/grid_id", "\(houses) houses; a run takes at most \(maxHouses)") }
        let period = try SimulationPeriod(from: spec.from, to: spec.to, timeZoneID: topology.timeZone, stepMinutes: spec.stepMinutes)
        if spec.detail == .full, houses * period.stepCount > maxFullHouseSteps {
            throw Problem.invalid("/detail", "full detail keeps every house's series: at most \(maxFullHouseSteps) house-steps "
                + "(\(houses) houses × \(period.stepCount) steps is more); use aggregates or a shorter period")
        }
        var weatherName = "synthetic"
        var weatherID: UUID?
        switch spec.weather {
        case .synthetic(let seed): weatherName = "synthetic (seed \(seed))"
        case .file(let id):
            guard let weather = try await GridWeatherRepository(platform.database.db).find(id: id) else {
                throw Problem.invalid("/weather/id", "no weather file with id \(id); upload one with POST /api/v1/weather")
            }
            if weather.format == "csv", topology.grids.allSatisfy({ $0.location == nil }) {
                throw Problem.invalid("/weather/id", "\(weather.name) is a plain CSV without a site: give the grid a location first")
            }
            weatherName = weather.name
            weatherID = id
        }
        let name = spec.name ?? "\(gridName) \(spec.from)…\(spec.to), \(spec.strategy), \(spec.scope.rawValue)"
        return Checked(
            spec: spec, topology: topology, gridName: gridName, gridVersion: gridVersion, weatherID: weatherID, weatherName: weatherName,
            name: name)
    }

    /// Writes the run and its job in one transaction (with `audit` in it), then tells the workers.
    static func queue(
        _ c: Checked, createdBy: UUID?, platform: PlatformServices,
        audit: @escaping @Sendable (any Database, UUID) async throws -> Void = { _, _ in }
    ) async throws -> Started {
        let id = UUID()
        let payload = GridHTTP.compact(.object(["simulation_id": .uuid(id)]))
        let started = try await platform.database.db.transaction { tx in
            let job = try await platform.jobs.enqueue(kind: SimulationJob.name, payload: payload, createdBy: createdBy, on: tx)
            let simulation = try await GridSimulationRepository(tx).create(
                id: id, name: c.name, gridID: c.spec.gridID, gridName: c.gridName, gridVersion: c.gridVersion, jobID: job.id,
                parameters: GridHTTP.compact(c.spec.parameters), topology: c.topology.jsonString(), weatherID: c.weatherID,
                weatherName: c.weatherName, houseCount: c.topology.allHouses.count, createdBy: createdBy, now: platform.clock.now)
            try await audit(tx, id)
            return Started(simulation: simulation, job: job)
        }
        await platform.jobs.announce(started.job)
        return started
    }

    static func simulation(_ context: AppRequestContext, _ platform: PlatformServices) async throws -> StoredSimulation {
        let id = try context.uuid(what: "simulation")
        guard let simulation = try await GridSimulationRepository(platform.database.db).find(id: id) else {
            throw Problem.notFound("simulation \(id)")
        }
        return simulation
    }

    static func job(_ simulation: StoredSimulation, _ platform: PlatformServices) async throws -> Job? {
        try await JobRepository(platform.database.db, kind: platform.database.kind).find(id: simulation.jobID)
    }

    /// The run's state: its own once it succeeded, else its job's (which knows about workers that died).
    static func state(_ simulation: StoredSimulation, _ job: Job?) -> String {
        if simulation.state == "succeeded" { return "succeeded" }
        return job?.state.rawValue ?? simulation.state
    }

    /// A run whose results are asked for must have them.
    static func requireResults(_ simulation: StoredSimulation, _ platform: PlatformServices) async throws {
        guard simulation.state != "succeeded" else { return }
        let state = Self.state(simulation, try await job(simulation, platform))
        throw Problem(.conflict, detail: "simulation \(simulation.id) has no results: it is \(state)")
    }

    /// Only who started a run, or an admin, may cancel or delete it.
    static func checkOwner(_ simulation: StoredSimulation, _ identity: Identity) throws {
        guard simulation.createdBy == identity.user.id || identity.can(.jobsReadAll) else {
            throw Problem(.forbidden, detail: "only who started this run (or an admin) may change it")
        }
    }

    /// Asks the run's job to stop (audited): at once when queued, at its next week block when running.
    static func cancel(_ simulation: StoredSimulation, context: AppRequestContext, platform: PlatformServices) async throws -> Job {
        try checkOwner(simulation, try context.requireIdentity())
        let outcome = try await platform.database.db.transaction { tx in
            let outcome = try await JobRepository(tx, kind: platform.database.kind).requestCancel(id: simulation.jobID, now: platform.clock.now)
            if case .alreadyFinished = outcome { return outcome }
            try await platform.auditor.record(on: tx, context: context, objectType: "simulation", objectID: simulation.id.uuidString)
            return outcome
        }
        switch outcome {
        case .cancelled(let job):
            try await GridSimulationRepository(platform.database.db).setState(id: simulation.id, "cancelled", now: platform.clock.now)
            await platform.jobs.announce(job)
            return job
        case .requested(let job):
            return job
        case .alreadyFinished(let job):
            throw Problem(.conflict, detail: "the run has already \(state(simulation, job))")
        case .notFound:
            throw Problem(.conflict, detail: "the run's job is gone")
        }
    }

    /// Deletes a finished run with its results and series (audited).
    static func delete(_ simulation: StoredSimulation, context: AppRequestContext, platform: PlatformServices) async throws {
        try checkOwner(simulation, try context.requireIdentity())
        let state = state(simulation, try await job(simulation, platform))
        guard ["succeeded", "failed", "cancelled"].contains(state) else {
            throw Problem(.conflict, detail: "the run is \(state); cancel it before deleting it")
        }
        try await platform.database.db.transaction { tx in
            _ = try await GridSimulationRepository(tx).delete(id: simulation.id)
            try await platform.auditor.record(on: tx, context: context, objectType: "simulation", objectID: simulation.id.uuidString)
        }
    }

    // MARK: results

    static func kpiDocument(_ simulation: StoredSimulation) throws -> [String: GridJSON] {
        guard let text = simulation.kpis, case .object(let document) = try GridHTTP.parse(Data(text.utf8)) else { return [:] }
        return document
    }

    static func houses(_ simulation: StoredSimulation, _ platform: PlatformServices, names: [String]? = nil) async throws -> [(SimulationHouseRow, [String: GridJSON])] {
        try await GridSimulationRepository(platform.database.db).houses(simulationID: simulation.id, names: names).map { row in
            (row, (try? GridHTTP.parse(Data(row.result.utf8)))?.object ?? [:])
        }
    }

    /// The KPI document exactly as `powerhouse simulate` writes it (`kpis.json`), houses included.
    static func fullKPIDocument(_ simulation: StoredSimulation, _ platform: PlatformServices) async throws -> GridJSON {
        var document = try kpiDocument(simulation)
        var kpis = document["kpis"]?.object ?? [:]
        kpis["houses"] = .array(try await houses(simulation, platform).map { row, result in
            var o = result["kpis"]?.object ?? [:]
            o["name"] = .string(row.name)
            return .object(o)
        })
        document["kpis"] = .object(kpis)
        return .object(document)
    }

    /// Stored per-step series of one transformer, grid or house, by metric, with their common timestamps.
    static func series(
        _ simulation: StoredSimulation, level: String, name: String, metrics: [String]? = nil, range: Range<Int64>? = nil,
        platform: PlatformServices
    ) async throws -> (timestamps: [Int64], values: [(link: SimulationSeriesLink, values: [Double])]) {
        let links = try await GridSimulationRepository(platform.database.db).seriesLinks(simulationID: simulation.id, level: level, name: name)
            .filter { metrics == nil || metrics!.contains($0.metric) }
        let store = SeriesStore(platform.database.db)
        var timestamps: [Int64] = []
        var out: [(SimulationSeriesLink, [Double])] = []
        for link in links {
            guard let info = try await store.find(id: link.seriesID) else { continue }
            let data = try await store.read(info, range: range)
            if timestamps.isEmpty { timestamps = data.timestamps }
            out.append((link, data.values))
        }
        if let metrics { out.sort { (metrics.firstIndex(of: $0.0.metric) ?? 0) < (metrics.firstIndex(of: $1.0.metric) ?? 0) } }
        return (timestamps, out)
    }

    /// Averages `values` into at most `points` buckets (interval averages stay averages; energy is kept).
    static func downsample(_ timestamps: [Int64], _ columns: [[Double]], points: Int) -> ([Int64], [[Double]]) {
        guard points > 0, timestamps.count > points else { return (timestamps, columns) }
        let size = (timestamps.count + points - 1) / points
        let starts = Array(stride(from: 0, to: timestamps.count, by: size))
        return (starts.map { timestamps[$0] }, columns.map { values in
            starts.map { s in
                let slice = values[s..<min(s + size, values.count)]
                return slice.reduce(0, +) / Double(max(1, slice.count))
            }
        })
    }

    // MARK: comparison

    /// KPI deltas between two runs, row by row (`RunComparison`'s rows, read from the stored documents).
    static func comparison(base: [String: GridJSON], candidate: [String: GridJSON]) -> [GridJSON] {
        var rows: [GridJSON] = []
        func add(_ level: String, _ name: String, _ a: [String: GridJSON]?, _ b: [String: GridJSON]?) {
            let metrics = Array(Set((a ?? [:]).keys).union((b ?? [:]).keys)).filter { $0 != "name" }.sorted()
            for metric in metrics {
                let x = a?[metric]?.number, y = b?[metric]?.number
                guard x != nil || y != nil else { continue }
                var o: [String: GridJSON] = ["level": .string(level), "name": .string(name), "metric": .string(metric)]
                o["base"] = .optional(x)
                o["candidate"] = .optional(y)
                if let x, let y { o["delta"] = .number(y - x) } else { o["delta"] = .null }
                rows.append(.object(o))
            }
        }
        add("total", "", base["total"]?.object, candidate["total"]?.object)
        for (key, level) in [("grids", "grid"), ("transformers", "transformer"), ("houses", "house")] {
            let a = (base[key]?.array ?? []).compactMap(\.object)
            let b = (candidate[key]?.array ?? []).compactMap(\.object)
            let bByName = Dictionary(b.map { ($0["name"]?.string ?? "", $0) }, uniquingKeysWith: { x, _ in x })
            let aNames = Set(a.map { $0["name"]?.string ?? "" })
            for item in a { add(level, item["name"]?.string ?? "", item, bByName[item["name"]?.string ?? ""]) }
            for item in b where !aNames.contains(item["name"]?.string ?? "") { add(level, item["name"]?.string ?? "", nil, item) }
        }
        return rows
    }
}
