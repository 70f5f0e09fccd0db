import Foundation
import GridModel
import Series
import Storage
import Synchronization

/// A run's results, encoded and ready for the one transaction that stores them.
struct PreparedResults: Sendable {
    struct Item: Sendable {
        var level: String
        var name: String
        var metric: String
        var series: PreparedSeries
    }

    /// The KPI document (`powerhouse.grid-kpis/v1`) without the per-house figures, which go with each house.
    var kpis: String
    var houses: [SimulationHouseRow]
    var series: [Item]
    var summary: String

    init(_ outcome: SimulateOutcome, simulation: StoredSimulation, houses collector: HouseSeriesCollector?) {
        let result = outcome.result
        var document = result.kpiDocument(notes: outcome.notes).object ?? [:]
        if var kpis = document["kpis"]?.object {
            kpis.removeValue(forKey: "houses")
            document["kpis"] = .object(kpis)
        }
        kpis = GridHTTP.compact(.object(document))
        self.houses = result.houses.enumerated().map { index, house in
            var o = house.jsonValue(months: result.months).object ?? [:]
            if index < result.kpis.houses.count, result.kpis.houses[index].name == house.name {
                o["kpis"] = result.kpis.houses[index].kpis.jsonValue
            }
            return SimulationHouseRow(
                position: index, name: house.name, grid: house.grid, transformer: house.transformer, result: GridHTTP.compact(.object(o)))
        }
        let period = result.period
        let stepMs = Int64(period.stepMinutes) * 60_000
        let start = Int64((period.start.timeIntervalSince1970 * 1000).rounded())
        let timestamps = (0..<period.stepCount).map { start + Int64($0) * stepMs }
        var items: [Item] = []
        for (level, flows) in [("transformer", result.transformers), ("grid", result.grids)] {
            for flow in flows {
                for (metric, values) in zip(FlowSeries.columnNames, flow.columns) {
                    let metadata = Self.metadata(simulation, level: level, name: flow.name, metric: metric, timeZone: period.timeZoneID, stepMs: stepMs)
                    items.append(Item(level: level, name: flow.name, metric: metric,
                                      series: PreparedSeries(metadata: metadata, data: SeriesData(timestamps: timestamps, values: values))))
                }
            }
        }
        if let collector {
            for (name, metric, chunks) in collector.finish() {
                var prepared = PreparedSeries(
                    metadata: Self.metadata(simulation, level: "house", name: name, metric: metric, timeZone: period.timeZoneID, stepMs: stepMs),
                    data: SeriesData(), planner: HouseSeriesCollector.planner)
                prepared.chunks = chunks
                items.append(Item(level: "house", name: name, metric: metric, series: prepared))
            }
        }
        series = items
        let total = result.kpis.total
        summary = String(
            format: "%d houses, %d steps: self-sufficiency %.1f %%, saving %.0f %@", result.houses.count, period.stepCount,
            (total.selfSufficiency ?? 0) * 100, total.totals.saving, result.options.economics.currency)
    }

    static func metadata(_ simulation: StoredSimulation, level: String, name: String, metric: String, timeZone: String, stepMs: Int64) -> SeriesMetadata {
        let energy = metric.hasSuffix("_kwh")
        return SeriesMetadata(
            id: "", name: "\(simulation.name) · \(level) \(name) · \(metric)", unit: energy ? "kWh" : "kW", kind: energy ? .energy : .power,
            source: .simulation, tags: ["grid.simulation": simulation.id.uuidString.lowercased(), "grid.level": level],
            regularity: .fixed(stepMillis: stepMs), timeZone: timeZone)
    }
}

/// Collects every house's per-step series as the engine streams them (`detail: full`) and encodes them into
/// weekly chunks as soon as a week is complete, so memory holds encoded data plus about a week of raw values.
final class HouseSeriesCollector: @unchecked Sendable {
    /// Weekly storage blocks for house series (the series store's default for 15-minute data is 112 days).
    static let planner = BlockPlanner(blockMillis: 604_800_000)
    static let metrics = [
        "load_kw", "pv_kw", "self_kw", "battery_charge_kw", "battery_discharge_kw", "battery_energy_kwh", "shared_received_kw",
        "shared_delivered_kw", "import_kw", "export_kw", "curtailed_kw",
    ]

    let houseNames: [String]
    let start: Int64
    let stepMs: Int64
    let stepCount: Int
    /// Raw values not yet encoded, per house and metric, from step `pendingStart`.
    private var pending: [[[Double]]]
    private var chunks: [[[EncodedChunk]]]
    private var pendingStart = 0
    private var received = 0

    init(houseNames: [String], period: SimulationPeriod) {
        self.houseNames = houseNames
        start = Int64((period.start.timeIntervalSince1970 * 1000).rounded())
        stepMs = Int64(period.stepMinutes) * 60_000
        stepCount = period.stepCount
        pending = Array(repeating: Array(repeating: [], count: Self.metrics.count), count: houseNames.count)
        chunks = Array(repeating: Array(repeating: [], count: Self.metrics.count), count: houseNames.count)
    }

    /// Called by the engine's sink on the model's thread, block after block.
    func add(_ block: HouseStepBlock) {
        let columns = [
            block.load, block.pv, block.selfConsumption, block.batteryCharge, block.batteryDischarge, block.batteryEnergy, block.received,
            block.delivered, block.gridImport, block.gridExport, block.curtailed,
        ]
        for h in houseNames.indices where h < block.houseNames.count {
            let range = (h * block.stepCount)..<((h + 1) * block.stepCount)
            for (m, column) in columns.enumerated() { pending[h][m] += column[range] }
        }
        received = block.startStep + block.stepCount
        flush(upTo: received, final: false)
    }

    /// Encodes what is left and returns every series' chunks.
    func finish() -> [(String, String, [EncodedChunk])] {
        flush(upTo: min(received, stepCount), final: true)
        var out: [(String, String, [EncodedChunk])] = []
        for (h, name) in houseNames.enumerated() {
            for (m, metric) in Self.metrics.enumerated() { out.append((name, metric, chunks[h][m])) }
        }
        return out
    }

    /// Encodes every complete storage block below step `limit` (and with `final`, the incomplete last one).
    private func flush(upTo limit: Int, final: Bool) {
        var step = pendingStart
        while step < limit {
            let t0 = start + Int64(step) * stepMs
            let end = Self.planner.blockRange(containing: t0).upperBound
            let n = Int((end - t0 + stepMs - 1) / stepMs)
            guard step + n <= limit || final else { break }
            let count = min(n, limit - step)
            let times = (0..<count).map { t0 + Int64($0) * stepMs }
            let offset = step - pendingStart
            for h in houseNames.indices {
                for m in Self.metrics.indices where pending[h][m].count >= offset + count {
                    let values = Array(pending[h][m][offset..<(offset + count)])
                    chunks[h][m] += ChunkCodec.encodeBlocks(SeriesData(timestamps: times, values: values), planner: Self.planner)
                }
            }
            step += count
        }
        let done = step - pendingStart
        if done > 0 {
            for h in houseNames.indices { for m in Self.metrics.indices { pending[h][m].removeFirst(min(done, pending[h][m].count)) } }
            pendingStart = step
        }
    }
}
