import Foundation

/// The run's working memory, allocated once. Time is processed in blocks (a week of steps for all houses by default); every
/// per-house or per-transformer row of a block is `stride` doubles long (the block length rounded up to 4 so SIMD
/// loops can run over whole chunks; the padding holds zeros).
///
/// Only surplus, deficit and received persist across houses within a block; the other rows of a house live in a
/// small scratch area (four slots, for a group of four battery houses) — unless the caller asked for every house's
/// series (`detail == .full`), in which case each house gets its own rows so the block can be handed to the sink.
final class Engine {
    let calendar: StepCalendar
    let options: SimulationOptions
    let houseCount: Int
    let transformerCount: Int
    let scopeCount: Int
    let monthCount: Int
    let blockSteps: Int
    let stride: Int
    let dt: Double
    let full: Bool

    // Topology, flattened.
    let houseTransformer: [Int]
    let houseScope: [Int]
    /// Sharing scope of each transformer (the zero scope when it has no houses).
    let transformerScope: [Int]
    let houseGroup: [Int]
    let groupCount: Int
    let scopeMembers: [[Int]]
    let capacity: [Double]
    let battery: [BatteryState?]
    let names: [String]
    /// Houses processed together in phase A: one house without a battery, or up to four with one (SIMD lanes).
    let units: [[Int]]
    /// The order of work within a block: a transformer at a time, or a grid at a time when sharing spans grids.
    let groups: [ProcessingGroup]
    /// The battery units with their parameters as SIMD lanes; `groupIndex[h]` is the group of battery house `h`.
    let batteryGroups: [BatteryGroup]
    let groupIndex: [Int]

    // Persistent house rows (`stride` apart) at `rowIndex[h]`: the house's position in its processing group, so only
    // the largest group needs rows (all houses with `detail == .full`, whose sink reads every house after the block).
    let surplusBuf, deficitBuf, receivedBuf: UnsafeMutablePointer<Double>
    let rowIndex: [Int]
    /// Per-house rows of the kinds in `Row`: scratch slots, or full-size when `full`.
    let rowStore: UnsafeMutablePointer<Double>
    // Per transformer per block step: accumulated quantities (TQ of them) and the curtailment fraction.
    let trAcc: UnsafeMutablePointer<Double>
    let curtailFraction: UnsafeMutablePointer<Double>
    // Per scope per block step (one extra zero scope for "no sharing").
    let scopeSupply, scopeDemand, sellRatio, buyRatio: UnsafeMutablePointer<Double>
    // Per block step prices (zero in the padding).
    let priceImport, priceFeedIn, priceCommunity, emission: UnsafeMutablePointer<Double>
    // Scratch for equal-share / priority.
    let scratch: UnsafeMutablePointer<Double>
    let groupScratch, groupFactor: UnsafeMutablePointer<Double>

    // Outputs.
    var series: [[Double]]
    var houseMonth: [Double]
    var peakImport: [Double]
    /// Stored energy per house (kWh), carried from block to block.
    var energy: [Double]

    /// Kinds of per-house rows kept in `rowStore`.
    enum Row: Int, CaseIterable {
        case load, pv, selfUse, charge, discharge, energy, curtailed, delivered, gridImport, gridExport
        case cost, baselineCost, co2, baselineCo2
    }

    /// Transformer quantities in the order of `FlowSeries.columnNames`.
    enum TQ {
        static let load = 0, pv = 1, selfUse = 2, charge = 3, discharge = 4, received = 5, delivered = 6
        static let gridImport = 7, gridExport = 8, curtailed = 9, flow = 10, overload = 11, supply = 12, demand = 13
        static let count = 14
        static let seriesCount = 12
    }

    struct ProcessingGroup {
        let units: [[Int]]
        let houses: [Int]
        let transformers: [Int]
        /// Sharing scopes that lie wholly inside the group.
        let scopes: [Int]
    }

    struct BatteryState {
        let initialEnergy: Double
        let eMin, eMax, pc, pd, etaC, etaD: Double
        /// Grid import the battery leaves alone (0 for self-consumption).
        let threshold: Double
        let capacity: Double
    }

    init(topology: GridTopology, calendar: StepCalendar, options: SimulationOptions) {
        self.calendar = calendar
        self.options = options
        let period = calendar.period
        dt = period.stepHours
        blockSteps = max(1, options.blockSteps > 0 ? options.blockSteps : 7 * period.stepsPerDay)
        // Rounded up to four, plus four: a chunk starting anywhere before the end stays inside the row.
        stride = (blockSteps + 3) / 4 * 4 + 4
        full = options.detail == .full
        monthCount = calendar.months.count
        var houseTransformer: [Int] = [], houseScope: [Int] = [], capacity: [Double] = [], battery: [BatteryState?] = [], names: [String] = []
        var houses: [House] = []
        var transformerBase = 0
        for (g, grid) in topology.grids.enumerated() {
            let local = Dictionary(uniqueKeysWithValues: grid.transformers.enumerated().map { ($1.name, $0) })
            capacity += grid.transformers.map(\.capacityKW)
            for house in grid.houses {
                let x = transformerBase + local[house.transformer]!
                houseTransformer.append(x)
                houseScope.append(options.scope == .transformer ? x : options.scope == .grid ? g : -1)
                names.append(house.name)
                houses.append(house)
                battery.append(house.battery.map { b in
                    var threshold = 0.0
                    if case .peakShaving(let t) = options.battery { threshold = b.peakThresholdKW ?? t }
                    return BatteryState(
                        initialEnergy: b.initialSoC * b.capacityKWh, eMin: b.minSoC * b.capacityKWh, eMax: b.maxSoC * b.capacityKWh,
                        pc: b.maxChargeKW, pd: b.maxDischargeKW, etaC: b.chargeEfficiency, etaD: b.dischargeEfficiency,
                        threshold: threshold, capacity: b.capacityKWh)
                })
            }
            transformerBase += grid.transformers.count
        }
        houseCount = houses.count
        transformerCount = transformerBase
        let realScopes = options.scope == .transformer ? transformerBase : options.scope == .grid ? topology.grids.count : 0
        scopeCount = realScopes + 1
        // Houses without sharing point at the extra, always-zero scope so the inner loop needs no branch.
        self.houseScope = houseScope.map { $0 < 0 ? realScopes : $0 }
        var transformerScope = [Int](repeating: realScopes, count: transformerBase)
        for (h, x) in houseTransformer.enumerated() { transformerScope[x] = self.houseScope[h] }
        self.transformerScope = transformerScope
        var members = [[Int]](repeating: [], count: scopeCount)
        for (h, s) in self.houseScope.enumerated() where s < realScopes { members[s].append(h) }
        scopeMembers = members
        if case .priority(let entries) = options.sharing {
            houseGroup = houses.map { house in entries.firstIndex { $0.matches(house) } ?? entries.count }
            groupCount = entries.count + 1
        } else {
            houseGroup = []
            groupCount = 1
        }
        self.houseTransformer = houseTransformer
        self.capacity = capacity
        self.battery = battery
        self.names = names
        var units = (0..<houseCount).filter { battery[$0] == nil }.map { [$0] }
        // Battery houses in groups of up to four on the same transformer (they share its sums).
        for x in 0..<transformerBase {
            let withBattery = (0..<houses.count).filter { battery[$0] != nil && houseTransformer[$0] == x }
            units += Swift.stride(from: 0, to: withBattery.count, by: 4).map { Array(withBattery[$0..<min($0 + 4, withBattery.count)]) }
        }
        self.units = units
        var processing: [ProcessingGroup] = []
        var gridTransformers: [[Int]] = []
        var first = 0
        for grid in topology.grids {
            gridTransformers.append(Array(first..<(first + grid.transformers.count)))
            first += grid.transformers.count
        }
        let transformerSets = options.scope == .grid ? gridTransformers : (0..<transformerBase).map { [$0] }
        for (i, set) in transformerSets.enumerated() {
            let members = Set(set)
            processing.append(ProcessingGroup(
                units: units.filter { members.contains(houseTransformer[$0[0]]) },
                houses: (0..<houses.count).filter { members.contains(houseTransformer[$0]) },
                transformers: set,
                scopes: options.scope == .grid ? [i] : options.scope == .transformer ? set : []))
        }
        groups = processing
        var rowIndex = Array(0..<houses.count)
        if !full {
            for group in processing { for (i, h) in group.houses.enumerated() { rowIndex[h] = i } }
        }
        self.rowIndex = rowIndex
        let persistentRows = full ? houses.count : (processing.map(\.houses.count).max() ?? 0)
        let batteryUnits = units.filter { battery[$0[0]] != nil }
        batteryGroups = batteryUnits.map { BatteryGroup(houses: $0, transformer: houseTransformer[$0[0]], batteries: battery, dt: period.stepHours) }
        var groupIndex = [Int](repeating: -1, count: houseCount)
        for (i, unit) in batteryUnits.enumerated() { for h in unit { groupIndex[h] = i } }
        self.groupIndex = groupIndex

        func alloc(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
            p.initialize(repeating: 0, count: max(1, n))
            return p
        }
        let hb = persistentRows * stride
        surplusBuf = alloc(hb); deficitBuf = alloc(hb); receivedBuf = alloc(hb)
        // Two spare rows at the end: a zero row and a discard row for missing battery lanes.
        rowStore = alloc((Row.allCases.count * (full ? houseCount : 4) + 2) * stride)
        trAcc = alloc(transformerCount * TQ.count * stride)
        curtailFraction = alloc(transformerCount * stride)
        scopeSupply = alloc(scopeCount * stride); scopeDemand = alloc(scopeCount * stride)
        sellRatio = alloc(scopeCount * stride); buyRatio = alloc(scopeCount * stride)
        priceImport = alloc(stride); priceFeedIn = alloc(stride); priceCommunity = alloc(stride); emission = alloc(stride)
        scratch = alloc(houseCount)
        groupScratch = alloc(groupCount); groupFactor = alloc(groupCount)

        series = [[Double]](repeating: [Double](repeating: 0, count: period.stepCount), count: transformerCount * TQ.seriesCount)
        houseMonth = [Double](repeating: 0, count: houseCount * monthCount * EnergyTotals.fieldCount)
        peakImport = [Double](repeating: 0, count: houseCount)
        energy = battery.map { $0?.initialEnergy ?? 0 }
    }

    /// The row of `kind` for house `h` processed in scratch slot `slot`.
    @inline(__always)
    func row(_ kind: Row, house h: Int, slot: Int) -> UnsafeMutablePointer<Double> {
        full ? rowStore + (kind.rawValue * houseCount + h) * stride : rowStore + (kind.rawValue * 4 + slot) * stride
    }

    func release() {
        for p in [surplusBuf, deficitBuf, receivedBuf, rowStore, trAcc, curtailFraction, scopeSupply, scopeDemand, sellRatio, buyRatio,
                  priceImport, priceFeedIn, priceCommunity, emission, scratch, groupScratch, groupFactor] { p.deallocate() }
    }
}
