// grid-bench: times GridModel's simulation and writes inputs for the NumPy peer (bench/grid/peer_numpy.py).
//
//   grid-bench run    --houses N [--reps R] [--detail aggregates|full]
//       a year at 15 min, profile builder + PV shapes generated on the fly (nothing materialised), pro rata,
//       transformer scope; prints the median wall time and peak RSS.
//   grid-bench export --houses N --out DIR [--reps R]
//       materialises load and PV (little-endian float64, house-major) plus params.json, runs the engine on exactly
//       those arrays and writes swift_kpis.json and swift_timing.json for the peer to compare against.
import Foundation
import GridModel

struct Arguments {
    var mode = "run"
    var houses = 1000
    var reps = 3
    var out = "bench/out/grid"
    var detail = DetailLevel.aggregates
    var blockDays = 7

    init() {
        var args = CommandLine.arguments.dropFirst()
        if let first = args.first, !first.hasPrefix("--") { mode = first; args = args.dropFirst() }
        while let key = args.popFirst() {
            let value = args.popFirst() ?? ""
            switch key {
            case "--houses": houses = Int(value) ?? houses
            case "--reps": reps = Int(value) ?? reps
            case "--out": out = value
            case "--detail": detail = DetailLevel(rawValue: value) ?? detail
            case "--block-days": blockDays = Int(value) ?? blockDays
            default: FileHandle.standardError.write(Data("unknown option \(key)\n".utf8)); exit(2)
            }
        }
    }
}

/// The benchmark community: every house has PV, every second one a battery, 150 houses per transformer.
func benchmarkTopology(houses n: Int) -> GridTopology {
    var rng = SeededGenerator(seed: 2025)
    let perTransformer = 150
    let transformerCount = (n + perTransformer - 1) / perTransformer
    let transformers = (0..<transformerCount).map { Transformer(name: "T\($0 + 1)", capacityKW: 630, kva: 630) }
    let orientations: [(Double, Double)] = [(30, 180), (35, 180), (25, 135), (25, 225), (40, 90), (40, 270), (15, 180), (30, 200)]
    let houses = (0..<n).map { h -> House in
        let type: HouseType = rng.unit() < 0.9 ? .residential : .commercial
        let o = orientations[rng.index(orientations.count)]
        var house = House(
            name: "H\(h + 1)", transformer: "T\(h / perTransformer + 1)", type: type,
            annualConsumptionKWh: type == .residential ? rng.uniform(2000, 6000) : rng.uniform(8000, 20000),
            pvSystems: [PVSystemSpec(kWp: (rng.uniform(3, 10) * 2).rounded() / 2, tiltDegrees: o.0, azimuthDegrees: o.1, lossesPercent: 14, dcAcRatio: 1.1)])
        if h % 2 == 0 {
            let capacity = rng.uniform(5, 15).rounded()
            house.battery = BatterySpec(capacityKWh: capacity, maxChargeKW: capacity / 2, maxDischargeKW: capacity / 2, chargeEfficiency: 0.95,
                                        dischargeEfficiency: 0.95, minSoC: 0.1, maxSoC: 0.95, initialSoC: 0.5)
        }
        return house
    }
    return GridTopology(timeZone: "Europe/Berlin", grids: [Grid(name: "Bench", location: GeoLocation(latitude: 51.3, longitude: 9.5), transformers: transformers, houses: houses)])
}

func peakRSSMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return .nan }
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// CPU seconds of this process (user + system): the machine is shared, so wall time alone overstates our cost.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

nonisolated(unsafe) var cpuTimes: [Double] = []

/// Wall seconds of `body`; its CPU seconds are appended to `cpuTimes`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let c0 = cpuSeconds()
    try body()
    cpuTimes.append(cpuSeconds() - c0)
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

let args = Arguments()
let topology = benchmarkTopology(houses: args.houses)
let period = try SimulationPeriod(from: LocalDate("2025-01-01")!, to: LocalDate("2026-01-01")!, timeZoneID: topology.timeZone)
let options = SimulationOptions(sharing: .proRata, scope: .transformer, detail: args.detail, blockSteps: args.blockDays * period.stepsPerDay)
var setupTime = 0.0
var load: StandardLoadSource!
var pv: PVShapeSource!
setupTime = try seconds {
    load = try StandardLoadSource(topology: topology, period: period, seed: 42)
    pv = try PVShapeSource(topology: topology, period: period) { SyntheticClimate.clearSkyShape($0, period: period) }
}

switch args.mode {
case "run":
    var times: [Double] = []
    var result: SimulationResult?
    for _ in 0..<args.reps {
        times.append(try seconds {
            result = try Simulation.run(topology: topology, period: period, load: load, pv: pv, options: options, sink: { _ in })
        })
    }
    let k = result!.kpis.total
    let cpu = Array(cpuTimes.suffix(args.reps))
    print(String(format: "grid-bench run: %d houses × %d steps, setup %.3f s, run wall median %.3f s (min %.3f), CPU median %.3f s (min %.3f), %d reps, peak RSS %.0f MB",
                 args.houses, period.stepCount, setupTime, median(times), times.min()!, median(cpu), cpu.min()!, args.reps, peakRSSMB()))
    print(String(format: "  self-sufficiency %.4f, self-consumption %.4f, community share %.4f, curtailed %.0f kWh, hours over capacity %.2f",
                 k.selfSufficiency ?? .nan, k.selfConsumption ?? .nan, k.communityShare ?? .nan, k.totals.curtailed, k.hoursOverCapacity ?? .nan))

case "profiles":
    // Profile generation alone (the part of `run` that is not the engine).
    var buffer = [Double](repeating: 0, count: 96)
    var sink = 0.0
    let t = seconds {
        buffer.withUnsafeMutableBufferPointer { b in
            for start in stride(from: 0, to: period.stepCount, by: 96) {
                for h in 0..<args.houses {
                    load.fill(house: h, steps: start..<(start + 96), into: b)
                    sink += b[0]
                    pv.fill(house: h, steps: start..<(start + 96), into: b)
                    sink += b[50]
                }
            }
        }
    }
    print(String(format: "grid-bench profiles: %d houses, wall %.3f s, CPU %.3f s (checksum %.3f)", args.houses, t, cpuTimes.last!, sink))

case "engine":
    // The engine alone: every house repeats one cached block, so no memory streaming and no profile generation.
    let block = options.blockSteps
    var cachedLoad = [Double](repeating: 0, count: args.houses * block), cachedPV = cachedLoad
    for h in 0..<args.houses {
        cachedLoad.withUnsafeMutableBufferPointer { load.fill(house: h, steps: 0..<block, into: UnsafeMutableBufferPointer(rebasing: $0[(h * block)..<((h + 1) * block)])) }
        cachedPV.withUnsafeMutableBufferPointer { pv.fill(house: h, steps: (17_000)..<(17_000 + block), into: UnsafeMutableBufferPointer(rebasing: $0[(h * block)..<((h + 1) * block)])) }
    }
    let l = cachedLoad, g = cachedPV
    func repeating(_ m: [Double]) -> ClosureProfileSource {
        ClosureProfileSource { h, steps, buffer in
            m.withUnsafeBufferPointer { src in
                // Every engine block has at most `block` steps: it gets the cached block.
                buffer.baseAddress!.update(from: src.baseAddress! + h * block, count: steps.count)
            }
        }
    }
    var times: [Double] = []
    for _ in 0..<args.reps {
        times.append(try seconds { _ = try Simulation.run(topology: topology, period: period, load: repeating(l), pv: repeating(g), options: options) })
    }
    let cpu = Array(cpuTimes.suffix(args.reps))
    print(String(format: "grid-bench engine: %d houses, wall median %.3f s, CPU median %.3f s", args.houses, median(times), median(cpu)))

case "demo":
    // The CLI core end to end: demo neighbourhood (150 houses, 3 transformers), a year, files written.
    let dir = URL(fileURLWithPath: args.out).appendingPathComponent("demo")
    let demo = GridTopology.demo(seed: 1)
    let topologyFile = dir.appendingPathComponent("topology.json")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try demo.jsonData().write(to: topologyFile)
    var outcome: SimulateOutcome?
    let t = try seconds {
        outcome = try SimulateCommand.run(topologyFile: topologyFile, from: "2025-01-01", to: "2026-01-01", outputDirectory: dir.appendingPathComponent("out"))
    }
    let k = outcome!.result.kpis.total
    print(String(format: "grid-bench demo: 150 houses, a year, read + simulate + write in %.3f s wall, %.3f s CPU; self-sufficiency %.3f, saving %.0f EUR; outputs in %@",
                 t, cpuTimes.last!, k.selfSufficiency ?? .nan, k.totals.saving, dir.appendingPathComponent("out").path))
    for note in outcome!.notes { print("  note: \(note)") }

case "csv":
    // Reading a --loads file: a timestamp column and one column per house for the whole year.
    var text = "timestamp," + topology.allHouses.map(\.name).joined(separator: ",") + "\n"
    let iso = ISO8601DateFormatter()
    var row = [Double](repeating: 0, count: 1)
    for i in 0..<period.stepCount {
        text += iso.string(from: period.date(ofStep: i))
        for h in 0..<args.houses {
            row.withUnsafeMutableBufferPointer { load.fill(house: h, steps: i..<(i + 1), into: $0) }
            text += "," + String(format: "%.4f", row[0])
        }
        text += "\n"
    }
    let data = Data(text.utf8)
    var parsed: [String: [Double]] = [:]
    let t = try seconds { parsed = try HouseSeriesCSV.read(data, period: period, houseNames: Set(topology.allHouses.map(\.name))) }
    print(String(format: "grid-bench csv: %d houses × %d rows (%.1f MB) read in %.3f s wall, %.3f s CPU (%d columns)",
                 args.houses, period.stepCount, Double(data.count) / 1e6, t, cpuTimes.last!, parsed.count))

case "export":
    let dir = URL(fileURLWithPath: args.out)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let n = period.stepCount
    var loads: [[Double]?] = [], pvs: [[Double]?] = []
    var loadBytes = Data(), pvBytes = Data()
    for h in 0..<args.houses {
        var l = [Double](repeating: 0, count: n), g = [Double](repeating: 0, count: n)
        l.withUnsafeMutableBufferPointer { load.fill(house: h, steps: 0..<n, into: $0) }
        g.withUnsafeMutableBufferPointer { pv.fill(house: h, steps: 0..<n, into: $0) }
        l.withUnsafeBytes { loadBytes.append(contentsOf: $0) }
        g.withUnsafeBytes { pvBytes.append(contentsOf: $0) }
        loads.append(l)
        pvs.append(g)
    }
    try loadBytes.write(to: dir.appendingPathComponent("load.f64"))
    try pvBytes.write(to: dir.appendingPathComponent("pv.f64"))
    loadBytes = Data()
    pvBytes = Data()
    let houses = topology.allHouses
    let transformerIndex = Dictionary(uniqueKeysWithValues: topology.grids[0].transformers.enumerated().map { ($1.name, $0) })
    func list(_ values: [Double]) -> GridJSON { .array(values.map { .number($0) }) }
    let e = options.economics
    guard case .flat(let pi) = e.importTariff, case .flat(let pf) = e.feedInTariff, case .constant(let ef) = e.emissions else { fatalError("bench uses flat prices") }
    let params: GridJSON = .object([
        "houses": .number(Double(houses.count)), "steps": .number(Double(n)), "step_hours": .number(period.stepHours),
        "transformer": list(houses.map { Double(transformerIndex[$0.transformer]!) }),
        "capacity_kw": list(topology.grids[0].transformers.map(\.capacityKW)),
        "battery": list(houses.map { $0.battery == nil ? 0 : 1 }),
        "capacity_kwh": list(houses.map { $0.battery?.capacityKWh ?? 0 }),
        "max_charge_kw": list(houses.map { $0.battery?.maxChargeKW ?? 0 }),
        "max_discharge_kw": list(houses.map { $0.battery?.maxDischargeKW ?? 0 }),
        "charge_efficiency": list(houses.map { $0.battery?.chargeEfficiency ?? 1 }),
        "discharge_efficiency": list(houses.map { $0.battery?.dischargeEfficiency ?? 1 }),
        "min_soc": list(houses.map { $0.battery?.minSoC ?? 0 }), "max_soc": list(houses.map { $0.battery?.maxSoC ?? 0 }),
        "initial_soc": list(houses.map { $0.battery?.initialSoC ?? 0 }),
        "import_price": .number(pi), "feed_in_price": .number(pf), "community_price": .number((pi + pf) / 2), "emission_kg_per_kwh": .number(ef),
    ])
    try Data(params.serialized().utf8).write(to: dir.appendingPathComponent("params.json"))
    let arrayLoad = MatrixProfileSource(values: loads.flatMap { $0! }, stepCount: n), arrayPV = MatrixProfileSource(values: pvs.flatMap { $0! }, stepCount: n)
    loads = []
    pvs = []
    var times: [Double] = []
    var result: SimulationResult?
    for _ in 0..<args.reps {
        times.append(try seconds { result = try Simulation.run(topology: topology, period: period, load: arrayLoad, pv: arrayPV, options: options) })
    }
    let r = result!
    var kpis: [String: GridJSON] = [:]
    for (name, value) in r.kpis.total.metrics { kpis.put("total." + name, value) }
    for t in r.kpis.transformers {
        for (name, value) in t.kpis.metrics where ["import_kwh", "export_kwh", "curtailed_kwh", "received_kwh", "peak_loading_kw", "hours_over_capacity", "overload_kwh"].contains(name) {
            kpis.put("\(t.name).\(name)", value)
        }
    }
    try Data(GridJSON.object(kpis).serialized().utf8).write(to: dir.appendingPathComponent("swift_kpis.json"))
    let cpu = Array(cpuTimes.suffix(args.reps))
    let timing: GridJSON = .object(["median_s": .number(median(times)), "min_s": .number(times.min()!), "cpu_median_s": .number(median(cpu)), "cpu_min_s": .number(cpu.min()!), "reps": .number(Double(args.reps)), "houses": .number(Double(args.houses))])
    try Data(timing.serialized().utf8).write(to: dir.appendingPathComponent("swift_timing.json"))
    print(String(format: "grid-bench export: %d houses, engine on arrays wall median %.3f s (min %.3f), CPU median %.3f s, %d reps; inputs in %@",
                 args.houses, median(times), times.min()!, median(cpu), args.reps, dir.path))

default:
    FileHandle.standardError.write(Data("usage: grid-bench run|export --houses N [--reps R] [--out DIR]\n".utf8))
    exit(2)
}
