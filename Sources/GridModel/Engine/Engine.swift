import Foundation

/// The run's working memory: structure-of-arrays buffers for one block of steps for all houses, allocated once.
/// Layout `[house * blockSteps + k]` for house buffers and `[transformer * blockSteps + k]` for transformer sums.
final class Engine {
    let calendar: StepCalendar
    let options: SimulationOptions
    let houseCount: Int
    let transformerCount: Int
    let scopeCount: Int
    let monthCount: Int
    let blockSteps: Int
    let dt: Double

    // Topology, flattened.
    let houseTransformer: [Int]
    let houseScope: [Int]
    let houseGroup: [Int]
    let groupCount: Int
    let scopeMembers: [[Int]]
    let capacity: [Double]
    let battery: [BatteryState?]
    let names: [String]

    // Block buffers (house-major).
    let loadBuf, pvBuf, surplusBuf, deficitBuf, receivedBuf: UnsafeMutablePointer<Double>
    // Only with detail == .full.
    let selfBuf, chargeBuf, dischargeBuf, energyBuf: UnsafeMutablePointer<Double>?
    /// delivered, export, import (three house-major blocks), only with detail == .full.
    let outBuf: UnsafeMutablePointer<Double>?
    // Per transformer per block step: accumulated quantities (TQ of them) and the curtailment fraction.
    let trAcc: UnsafeMutablePointer<Double>
    let curtailFraction: UnsafeMutablePointer<Double>
    // Per scope per block step (one extra zero scope for "no sharing").
    let scopeSupply, scopeDemand, sellRatio, buyRatio: UnsafeMutablePointer<Double>
    // Per block step prices.
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

    /// Transformer quantities in the order of `FlowSeries.columnNames`.
    enum TQ {
        static let load = 0, pv = 1, selfUse = 2, charge = 3, discharge = 4, received = 5, delivered = 6
        static let gridImport = 7, gridExport = 8, curtailed = 9, flow = 10, overload = 11, supply = 12, demand = 13
        static let count = 14
        static let seriesCount = 12
    }

    struct BatteryState {
        let initialEnergy: Double
        let eMin, eMax, pc, pd, etaC, etaD, threshold: Double
        let capacity: Double
    }

    init(topology: GridTopology, calendar: StepCalendar, options: SimulationOptions) {
        self.calendar = calendar
        self.options = options
        let period = calendar.period
        dt = period.stepHours
        blockSteps = max(1, options.blockSteps > 0 ? options.blockSteps : period.stepsPerDay)
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
                    var threshold = Double.infinity
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

        func alloc(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
            p.initialize(repeating: 0, count: max(1, n))
            return p
        }
        let hb = houseCount * blockSteps
        loadBuf = alloc(hb); pvBuf = alloc(hb); surplusBuf = alloc(hb); deficitBuf = alloc(hb); receivedBuf = alloc(hb)
        let full = options.detail == .full
        selfBuf = full ? alloc(hb) : nil; chargeBuf = full ? alloc(hb) : nil
        dischargeBuf = full ? alloc(hb) : nil; energyBuf = full ? alloc(hb) : nil
        outBuf = full ? alloc(3 * hb) : nil
        trAcc = alloc(transformerCount * TQ.count * blockSteps)
        curtailFraction = alloc(transformerCount * blockSteps)
        scopeSupply = alloc(scopeCount * blockSteps); scopeDemand = alloc(scopeCount * blockSteps)
        sellRatio = alloc(scopeCount * blockSteps); buyRatio = alloc(scopeCount * blockSteps)
        priceImport = alloc(blockSteps); priceFeedIn = alloc(blockSteps); priceCommunity = alloc(blockSteps); emission = alloc(blockSteps)
        scratch = alloc(houseCount)
        groupScratch = alloc(groupCount); groupFactor = alloc(groupCount)

        series = [[Double]](repeating: [Double](repeating: 0, count: period.stepCount), count: transformerCount * TQ.seriesCount)
        houseMonth = [Double](repeating: 0, count: houseCount * monthCount * EnergyTotals.fieldCount)
        peakImport = [Double](repeating: 0, count: houseCount)
        energy = battery.map { $0?.initialEnergy ?? 0 }
    }

    func release() {
        for p in [loadBuf, pvBuf, surplusBuf, deficitBuf, receivedBuf, trAcc, curtailFraction, scopeSupply, scopeDemand, sellRatio, buyRatio,
                  priceImport, priceFeedIn, priceCommunity, emission, scratch, groupScratch, groupFactor] { p.deallocate() }
        for p in [selfBuf, chargeBuf, dischargeBuf, energyBuf, outBuf] { p?.deallocate() }
    }
}
