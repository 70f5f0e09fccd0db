import FluentKit
import Foundation
import GridModel
import Platform
import Series
import Storage
import Synchronization

/// The `simulation.run` job: runs a stored simulation (topology snapshot, parameters, weather) through the Solar
/// glue and the engine on a thread of its own, reports progress while it runs, and stores every result — KPIs,
/// per-house totals, per-step series in the series store — in one transaction at the end. Cancelled, failed or
/// interrupted, it leaves no results behind.
enum SimulationJob {
    static let name = "simulation.run"

    static func kind(_ platform: PlatformServices) -> JobKind {
        JobKind(
            name: name, summary: "run an energy-community simulation (started by POST /api/v1/simulations)", submitPermission: nil,
            maxAttempts: 2, run: { context in try await run(context, clock: platform.clock) })
    }

    struct Payload: Decodable { let simulationId: UUID }

    static func run(_ context: JobContext, clock: AppClock) async throws -> JobOutcome {
        let id = try context.payload(as: Payload.self).simulationId
        let repository = GridSimulationRepository(context.database.db)
        guard let simulation = try await repository.find(id: id) else {
            throw Problem.notFound("simulation \(id) (deleted before it ran)")
        }
        if simulation.state == "succeeded" { return JobOutcome(resultRef: "simulation:\(id)", message: "already complete") }
        try await repository.setState(id: id, "running", now: clock.now)
        do {
            try await context.progress(0.01, message: "reading inputs")
            let inputs = try await Inputs.load(simulation, database: context.database)
            let prepared = try await compute(inputs, simulation: simulation, context: context)
            try await context.progress(0.95, message: "storing results")
            let stored = try await context.database.db.transaction { tx -> Bool in
                guard try await GridSimulationRepository(tx).find(id: id)?.state != "succeeded" else { return false }
                let store = SeriesStore(tx)
                var links: [SimulationSeriesLink] = []
                for item in prepared.series {
                    let seriesID = UUID()
                    try await store.create(item.series, id: seriesID, ownerID: simulation.createdBy, now: clock.now)
                    links.append(SimulationSeriesLink(level: item.level, name: item.name, metric: item.metric, seriesID: seriesID))
                }
                return try await GridSimulationRepository(tx).complete(
                    id: id, kpis: prepared.kpis, houses: prepared.houses, series: links, now: clock.now)
            }
            guard stored else { throw Problem(.conflict, detail: "simulation \(id) was deleted while it ran") }
            return JobOutcome(resultRef: "simulation:\(id)", message: prepared.summary)
        } catch let cancelled as JobCancelled {
            try? await repository.setState(id: id, "cancelled", error: nil, now: clock.now)
            throw cancelled
        } catch let error as CancellationError {
            throw error
        } catch {
            let message = Self.message(error)
            try? await repository.setState(id: id, "failed", error: message, now: clock.now)
            throw Problem(.validation, detail: message)
        }
    }

    static func message(_ error: any Error) -> String {
        if let problem = error as? Problem { return problem.detail ?? problem.title }
        return "\(error)"
    }

    /// Everything a run needs, read from the database.
    struct Inputs: Sendable {
        var spec: SimulationSpec
        var topology: GridTopology
        var weather: RunWeather

        static func load(_ simulation: StoredSimulation, database: AppDatabase) async throws -> Inputs {
            guard case .object(let parameters) = try GridHTTP.parse(Data(simulation.parameters.utf8)) else {
                throw Problem(.internal, detail: "stored parameters are not an object")
            }
            let spec = try SimulationSpec.parse(parameters)
            let topology = try GridTopology.read(json: Data(simulation.topology.utf8))
            let weather: RunWeather
            switch spec.weather {
            case .synthetic(let seed): weather = .synthetic(seed: seed)
            case .file(let id):
                guard let data = try await GridWeatherRepository(database.db).content(id: id) else {
                    throw Problem.notFound("weather file \(id) (deleted after the run was started)")
                }
                weather = .file(text: String(decoding: data, as: UTF8.self), name: simulation.weatherName)
            }
            return Inputs(spec: spec, topology: topology, weather: weather)
        }
    }

    /// Runs the model on its own thread (it is seconds of CPU work that must not hold one of the few cooperative
    /// threads) while this task reports progress; a cancelled job stops the model at its next week block.
    static func compute(_ inputs: Inputs, simulation: StoredSimulation, context: JobContext) async throws -> PreparedResults {
        let control = RunControl()
        let work = Task { try await onThread { try prepare(inputs, simulation: simulation, control: control) } }
        var lastMessage = ""
        while !control.isDone {
            do {
                try await Task.sleep(for: .milliseconds(100))
                let (fraction, message) = control.status
                if message != lastMessage || fraction > 0 {
                    lastMessage = message
                    try await context.progress(0.02 + 0.9 * fraction, message: message)
                }
            } catch {
                control.cancel()
                _ = try? await work.value
                throw error
            }
        }
        return try await work.value
    }

    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result(catching: body)) }
            thread.stackSize = 16 << 20
            thread.name = "simulation"
            thread.start()
        }
    }

    /// The CPU part: weather and PV shapes, the engine, and encoding every result for storage.
    static func prepare(_ inputs: Inputs, simulation: StoredSimulation, control: RunControl) throws -> PreparedResults {
        defer { control.finish() }
        control.update(0, message: "preparing weather and PV shapes")
        let request = try inputs.spec.request(topology: inputs.topology)
        let period = try SimulationPeriod(
            from: inputs.spec.from, to: inputs.spec.to, timeZoneID: inputs.topology.timeZone, stepMinutes: inputs.spec.stepMinutes)
        let houses = inputs.spec.detail == .full ? HouseSeriesCollector(houseNames: inputs.topology.allHouses.map(\.name), period: period) : nil
        let outcome = try SolarRun.run(request, weather: inputs.weather, progress: { fraction in
            control.update(fraction, message: "simulating")
            return !control.isCancelled
        }, sink: houses.map { collector in { block in collector.add(block) } })
        if control.isCancelled { throw SimulationError.cancelled(atStep: 0) }
        control.update(1, message: "encoding results")
        return PreparedResults(outcome, simulation: simulation, houses: houses)
    }
}

/// Progress and cancellation shared between the job's task and the model's thread.
final class RunControl: Sendable {
    private struct State {
        var fraction = 0.0
        var message = "starting"
        var cancelled = false
        var done = false
    }

    private let state = Mutex(State())

    func update(_ fraction: Double, message: String) { state.withLock { $0.fraction = fraction; $0.message = message } }
    func cancel() { state.withLock { $0.cancelled = true } }
    func finish() { state.withLock { $0.done = true } }
    var isCancelled: Bool { state.withLock { $0.cancelled } }
    var isDone: Bool { state.withLock { $0.done } }
    var status: (Double, String) { state.withLock { ($0.fraction, $0.message) } }
}
