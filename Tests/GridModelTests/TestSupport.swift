import Foundation
@testable import GridModel

/// 2025-01-01 00:00 UTC, a Wednesday (and a holiday).
let jan1st2025 = Date(timeIntervalSince1970: 1_735_689_600)

func period(steps: Int, minutes: Int = 15) -> SimulationPeriod {
    SimulationPeriod(start: jan1st2025, stepMinutes: minutes, stepCount: steps, timeZoneID: "UTC")
}

/// One grid, one transformer named "T", houses named by the keys, each with constant load and PV (kW).
func singleTransformer(capacityKW: Double, houses: [(String, Double, Double)], batteries: [String: BatterySpec] = [:], tags: [String: [String]] = [:])
    -> (GridTopology, ArrayProfileSource, ArrayProfileSource, Int)
{
    let steps = 4
    let list = houses.map { name, _, _ in
        House(name: name, transformer: "T", annualConsumptionKWh: 1000, tags: tags[name] ?? [], battery: batteries[name])
    }
    let topology = GridTopology(grids: [Grid(name: "G", transformers: [Transformer(name: "T", capacityKW: capacityKW)], houses: list)])
    let load = ArrayProfileSource(series: houses.map { [Double](repeating: $0.1, count: steps) })
    let pv = ArrayProfileSource(series: houses.map { [Double](repeating: $0.2, count: steps) })
    return (topology, load, pv, steps)
}

/// Collects every house block from a full-detail run.
final class BlockCollector: @unchecked Sendable {
    var blocks: [HouseStepBlock] = []
    func add(_ b: HouseStepBlock) { blocks.append(b) }

    /// Value of `keyPath` for house `h` at absolute step `i`.
    func value(_ keyPath: KeyPath<HouseStepBlock, [Double]>, house h: Int, step i: Int) -> Double {
        let b = blocks.first { ($0.startStep..<($0.startStep + $0.stepCount)).contains(i) }!
        return b[keyPath: keyPath][h * b.stepCount + (i - b.startStep)]
    }
}

func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance * max(1, abs(a), abs(b)) }
