import Foundation

/// Everything `powerhouse simulate` needs, already parsed. Weather-driven inputs come through two seams the Solar
/// glue fills: `temperatures` (°C per step, for heat pumps) and `pvShape` (DC kW per kWp for one orientation).
public struct SimulateRequest: Sendable {
    public var topology: GridTopology
    public var from: LocalDate
    public var to: LocalDate
    public var stepMinutes: Int
    public var seed: UInt64
    public var options: SimulationOptions
    public var randomization: LoadRandomization
    public var holidays: HolidayCalendar
    /// `--loads`: measured loads replacing the profile builder for the houses it names.
    public var loadsCSV: Data?
    /// `--pv`: PV output replacing the PV model for the houses it names.
    public var pvCSV: Data?
    /// Outdoor temperature per step; nil → `SyntheticClimate.temperature` (noted in the outputs).
    public var temperatures: [Double]?
    /// PV shape per key over the period; nil → `SyntheticClimate.clearSkyShape` (noted in the outputs).
    public var pvShape: (@Sendable (PVShapeSource.ShapeKey, SimulationPeriod) throws -> [Double])?
    /// What `pvShape` returns: DC per kWp (losses and inverter applied here) or AC per kWp of the whole system.
    public var pvShapeOutput: PVShapeSource.ShapeOutput

    public init(
        topology: GridTopology, from: LocalDate, to: LocalDate, stepMinutes: Int = 15, seed: UInt64 = 1, options: SimulationOptions = SimulationOptions(),
        randomization: LoadRandomization = LoadRandomization(), holidays: HolidayCalendar = .germanyNational, loadsCSV: Data? = nil, pvCSV: Data? = nil,
        temperatures: [Double]? = nil, pvShape: (@Sendable (PVShapeSource.ShapeKey, SimulationPeriod) throws -> [Double])? = nil,
        pvShapeOutput: PVShapeSource.ShapeOutput = .dcPerKWp
    ) {
        self.topology = topology
        self.from = from
        self.to = to
        self.stepMinutes = stepMinutes
        self.seed = seed
        self.options = options
        self.randomization = randomization
        self.holidays = holidays
        self.loadsCSV = loadsCSV
        self.pvCSV = pvCSV
        self.temperatures = temperatures
        self.pvShape = pvShape
        self.pvShapeOutput = pvShapeOutput
    }
}

/// A finished run and the notes that say which stand-ins or overrides were used.
public struct SimulateOutcome: Sendable {
    public var result: SimulationResult
    public var notes: [String]
}

/// The core of `powerhouse simulate`; the CLI only parses flags, calls this and prints.
public enum SimulateCommand {
    /// Builds the period and profile sources of a request, then runs it.
    public static func run(_ request: SimulateRequest, progress: ((Double) -> Bool)? = nil, sink: ((HouseStepBlock) throws -> Void)? = nil) throws -> SimulateOutcome {
        let topology = try request.topology.validated()
        let period = try SimulationPeriod(from: request.from, to: request.to, timeZoneID: topology.timeZone, stepMinutes: request.stepMinutes)
        let houses = topology.allHouses
        let names = Set(houses.map(\.name))
        var notes: [String] = []

        var loadOverrides: [String: [Double]] = [:]
        if let csv = request.loadsCSV {
            loadOverrides = try HouseSeriesCSV.read(csv, period: period, houseNames: names, what: "loads file")
            notes.append("loads of \(loadOverrides.count) house(s) from the loads file")
        }
        var pvOverrides: [String: [Double]] = [:]
        if let csv = request.pvCSV {
            pvOverrides = try HouseSeriesCSV.read(csv, period: period, houseNames: names, what: "PV file")
            notes.append("PV of \(pvOverrides.count) house(s) from the PV file")
        }
        // Houses whose load is measured need neither profile nor temperatures.
        var builderTopology = topology
        for g in builderTopology.grids.indices {
            for h in builderTopology.grids[g].houses.indices where loadOverrides[builderTopology.grids[g].houses[h].name] != nil {
                builderTopology.grids[g].houses[h].heatPump = nil
            }
        }
        var temperatures = request.temperatures
        if temperatures == nil, builderTopology.allHouses.contains(where: { $0.heatPump != nil }) {
            temperatures = SyntheticClimate.temperature(period: period, location: topology.grids.first?.location)
            notes.append("heat pumps use a synthetic temperature climatology (no weather given)")
        }
        let builder = try StandardLoadSource(
            topology: builderTopology, period: period, seed: request.seed, randomization: request.randomization, holidays: request.holidays, temperatures: temperatures)
        let needsModel = houses.contains { !$0.pvSystems.isEmpty && pvOverrides[$0.name] == nil }
        let shape: (PVShapeSource.ShapeKey) throws -> [Double]
        var output = PVShapeSource.ShapeOutput.dcPerKWp
        if let pvShape = request.pvShape {
            shape = { try pvShape($0, period) }
            output = request.pvShapeOutput
        } else {
            shape = { SyntheticClimate.clearSkyShape($0, period: period) }
            if needsModel { notes.append("PV uses a synthetic clear-sky stand-in (no weather given): no clouds, an upper bound") }
        }
        let model: any HouseProfileSource = needsModel ? try PVShapeSource(topology: topology, period: period, output: output, shape: shape) : ZeroProfileSource()
        let load = loadOverrides.isEmpty ? builder as any HouseProfileSource : ArrayProfileSource(series: houses.map { loadOverrides[$0.name] }, fallback: builder)
        let pv = pvOverrides.isEmpty ? model : ArrayProfileSource(series: houses.map { pvOverrides[$0.name] }, fallback: model)
        let result = try Simulation.run(
            topology: topology, period: period, load: load, pv: pv, options: request.options, holidays: request.holidays, progress: progress, sink: sink)
        return SimulateOutcome(result: result, notes: notes)
    }

    /// `powerhouse simulate TOPOLOGY.json --from … --to … [--strategy] [--scope] [--priority] [--loads] [--pv] --out DIR`:
    /// reads the files, runs, writes `kpis.json`, `transformers.csv`, `grids.csv`, `houses.csv` into `outputDirectory`.
    @discardableResult
    public static func run(
        topologyFile: URL, from: String, to: String, strategy: String = "pro-rata", scope: String = "transformer", priority: [String] = [],
        loadsFile: URL? = nil, pvFile: URL? = nil, seed: UInt64 = 1, temperatures: [Double]? = nil,
        pvShape: (@Sendable (PVShapeSource.ShapeKey, SimulationPeriod) throws -> [Double])? = nil,
        pvShapeOutput: PVShapeSource.ShapeOutput = .dcPerKWp, outputDirectory: URL,
        progress: ((Double) -> Bool)? = nil
    ) throws -> SimulateOutcome {
        let topology = try GridTopology.read(json: Data(contentsOf: topologyFile))
        guard let fromDate = LocalDate(from) else { throw SimulationError.invalidInput("--from \"\(from)\" is not a date like 2025-01-01") }
        guard let toDate = LocalDate(to) else { throw SimulationError.invalidInput("--to \"\(to)\" is not a date like 2026-01-01") }
        guard let scopeValue = SharingScope(rawValue: scope) else {
            throw SimulationError.invalidInput("--scope \"\(scope)\": use \(SharingScope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var options = SimulationOptions(scope: scopeValue)
        options.sharing = try sharingStrategy(strategy, priority: priority, houseNames: Set(topology.allHouses.map(\.name)))
        let request = SimulateRequest(
            topology: topology, from: fromDate, to: toDate, seed: seed, options: options, loadsCSV: try loadsFile.map { try Data(contentsOf: $0) },
            pvCSV: try pvFile.map { try Data(contentsOf: $0) }, temperatures: temperatures, pvShape: pvShape, pvShapeOutput: pvShapeOutput)
        let outcome = try run(request, progress: progress)
        try ResultWriter.write(outcome.result, notes: outcome.notes, to: outputDirectory)
        return outcome
    }

    /// `pro-rata`, `equal` or `priority` (with its list: house names, flags, tags, or `house:`/`flag:`/`tag:` prefixed).
    public static func sharingStrategy(_ name: String, priority: [String] = [], houseNames: Set<String>) throws -> SharingStrategy {
        switch name {
        case "pro-rata", "prorata", "pro_rata": return .proRata
        case "equal", "equal-share": return .equalShare
        case "priority":
            let entries = priority.isEmpty ? [PriorityEntry.flag(.priority)] : priority.map { PriorityEntry.parse($0, houseNames: houseNames) }
            for case .house(let n) in entries where !houseNames.contains(n) {
                throw SimulationError.invalidInput("priority list names house \"\(n)\", which is not in the topology")
            }
            return .priority(entries)
        default: throw SimulationError.invalidInput("--strategy \"\(name)\": use pro-rata, equal or priority")
        }
    }
}
