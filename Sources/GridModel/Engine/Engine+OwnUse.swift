import Foundation

extension Engine {
    /// Steps 1–2 for every house: own use, then the battery; accumulates house totals and transformer sums.
    func phaseOwnUseAndBattery(
        _ group: ProcessingGroup, load: any HouseProfileSource, pv: any HouseProfileSource, start: Int, count n: Int, segments: [Segment]
    ) {
        let S = stride
        let Q = EnergyTotals.fieldCount, months = monthCount, dt = self.dt
        for x in group.transformers { (trAcc + x * TQ.count * S).update(repeating: 0, count: TQ.count * S) }
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for unit in group.units {
                let hasBattery = battery[unit[0]] != nil
                if !full {
                    // Reads the sources' own storage when they lend it (measured series): no copy.
                    for h in unit {
                        withInputs(load, pv, house: h, start: start, count: n) { L, G in
                            let rows = OwnUseRows(
                                load: L, pv: G, selfUse: row(.selfUse, house: h, slot: 0), surplus: surplusBuf + rowIndex[h] * S, deficit: deficitBuf + rowIndex[h] * S,
                                acc: trAcc + houseTransformer[h] * TQ.count * S, stride: S, keepRows: false)
                            for seg in segments {
                                // Battery houses add surplus and deficit to the transformer after the battery acted.
                                let t = Engine.ownUse(rows, seg.range, surplusAndDeficit: !hasBattery)
                                let o = (h * months + seg.month) * Q
                                hm[o] += t[0] * dt; hm[o + 1] += t[1] * dt; hm[o + 2] += t[2] * dt
                            }
                        }
                    }
                } else {
                    for (slot, h) in unit.enumerated() {
                        let rows = OwnUseRows(
                            load: fillRow(load, .load, house: h, start: start, count: n, slot: slot),
                            pv: fillRow(pv, .pv, house: h, start: start, count: n, slot: slot), selfUse: row(.selfUse, house: h, slot: slot),
                            surplus: surplusBuf + rowIndex[h] * S, deficit: deficitBuf + rowIndex[h] * S, acc: trAcc + houseTransformer[h] * TQ.count * S, stride: S,
                            keepRows: true)
                        for seg in segments {
                            let t = Engine.ownUse(rows, seg.range, surplusAndDeficit: !hasBattery)
                            let o = (h * months + seg.month) * Q
                            hm[o] += t[0] * dt; hm[o + 1] += t[1] * dt; hm[o + 2] += t[2] * dt
                        }
                        if !hasBattery {
                            for kind in [Row.charge, .discharge, .energy] { row(kind, house: h, slot: 0).update(repeating: 0, count: n) }
                        }
                    }
                }
                if hasBattery { batteryGroup(batteryGroups[groupIndex[unit[0]]], segments: segments, houseMonth: hm) }
            }
        }
    }

    /// Calls `body` with the house's load and PV for the block: the sources' own storage when they lend it,
    /// otherwise copies in the scratch rows. The pointers are only read (`keepRows` is false on this path).
    @inline(__always)
    func withInputs(_ load: any HouseProfileSource, _ pv: any HouseProfileSource, house h: Int, start: Int, count n: Int,
                    _ body: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void) {
        load.withContiguousValues(house: h, steps: start..<(start + n)) { lent in
            pv.withContiguousValues(house: h, steps: start..<(start + n)) { lentPV in
                body(lent.map { UnsafeMutablePointer(mutating: $0) } ?? fillRow(load, .load, house: h, start: start, count: n),
                     lentPV.map { UnsafeMutablePointer(mutating: $0) } ?? fillRow(pv, .pv, house: h, start: start, count: n))
            }
        }
    }

    /// Copies a house's window from `source` into its row of `kind`.
    @inline(__always)
    func fillRow(_ source: any HouseProfileSource, _ kind: Row, house h: Int, start: Int, count n: Int, slot: Int = 0) -> UnsafeMutablePointer<Double> {
        let p = row(kind, house: h, slot: slot)
        source.fill(house: h, steps: start..<(start + n), into: UnsafeMutableBufferPointer(start: p, count: n))
        return p
    }

    struct OwnUseRows {
        let load, pv, selfUse, surplus, deficit, acc: UnsafeMutablePointer<Double>
        let stride: Int
        /// Write the clamped load/PV and own use back (needed for batteries and the full-detail sink).
        let keepRows: Bool
    }

    /// `self = min(L, G)`, `s = G − self`, `d = L − self` over `range`; returns Σload, ΣPV, Σself. Negative inputs
    /// (net-metered measurements) are clamped at zero: they are neither load nor generation.
    @inline(__always)
    static func ownUse(_ r: OwnUseRows, _ range: Range<Int>, surplusAndDeficit: Bool = true) -> SIMD3<Double> {
        let B = r.stride
        let accL = r.acc + TQ.load * B, accG = r.acc + TQ.pv * B, accO = r.acc + TQ.selfUse * B
        let accS = r.acc + TQ.supply * B, accD = r.acc + TQ.demand * B
        var sumL = Lanes(), sumG = Lanes(), sumO = Lanes()
        let zero = Lanes()
        forChunks(range) { k, keep in
            let l = vmax(zero, r.load.lanes(k)).kept(keep), g = vmax(zero, r.pv.lanes(k)).kept(keep)
            let o = vmin(l, g)
            let s = g - o, d = l - o
            r.surplus.store(k, s, keep)
            r.deficit.store(k, d, keep)
            if r.keepRows {
                r.load.store(k, l, keep)
                r.pv.store(k, g, keep)
                r.selfUse.store(k, o, keep)
            }
            accL.addLanes(k, l); accG.addLanes(k, g); accO.addLanes(k, o)
            if surplusAndDeficit { accS.addLanes(k, s); accD.addLanes(k, d) }
            sumL += l; sumG += g; sumO += o
        }
        return SIMD3(laneSum(sumL), laneSum(sumG), laneSum(sumO))
    }

    typealias Quad = SIMD4<Double>

    /// Up to four battery houses of one transformer at once, one per lane: the state of charge makes each house
    /// sequential in time, so the parallelism is across houses. Charge `c = min(s, Pc, (Emax − E)/(ηc·Δt))`;
    /// otherwise discharge `x = min(d − threshold, Pd, (E − Emin)·ηd/Δt)` when `d > threshold` (threshold 0 for
    /// self-consumption). Because the lanes share a transformer, its sums take one add per step for all four.
    /// Adds each house's charge and discharge energy per segment to `hm`.
    func batteryGroup(_ g: BatteryGroup, segments: [Segment], houseMonth hm: UnsafeMutableBufferPointer<Double>) {
        let S = stride, Q = EnergyTotals.fieldCount
        var e = Quad()
        for (j, h) in g.houses.enumerated() { e[j] = energy[h] }
        // Missing lanes read a zero row and write a discard row.
        let spare = rowStore + (Row.allCases.count * (full ? houseCount : 4)) * S
        let lane = { (j: Int) -> Int? in j < g.houses.count ? g.houses[j] : nil }
        func rowOf(_ base: UnsafeMutablePointer<Double>, _ j: Int) -> UnsafeMutablePointer<Double> { lane(j).map { base + rowIndex[$0] * S } ?? spare }
        func detailRow(_ kind: Row, _ j: Int) -> UnsafeMutablePointer<Double> {
            guard full, let h = lane(j) else { return spare + S }
            return row(kind, house: h, slot: j)
        }
        let (s0, s1, s2, s3) = (rowOf(surplusBuf, 0), rowOf(surplusBuf, 1), rowOf(surplusBuf, 2), rowOf(surplusBuf, 3))
        let (d0, d1, d2, d3) = (rowOf(deficitBuf, 0), rowOf(deficitBuf, 1), rowOf(deficitBuf, 2), rowOf(deficitBuf, 3))
        let (c0, c1, c2, c3) = (detailRow(.charge, 0), detailRow(.charge, 1), detailRow(.charge, 2), detailRow(.charge, 3))
        let (x0, x1, x2, x3) = (detailRow(.discharge, 0), detailRow(.discharge, 1), detailRow(.discharge, 2), detailRow(.discharge, 3))
        let (e0, e1, e2, e3) = (detailRow(.energy, 0), detailRow(.energy, 1), detailRow(.energy, 2), detailRow(.energy, 3))
        let acc = trAcc + g.transformer * TQ.count * S
        let accC = acc + TQ.charge * S, accX = acc + TQ.discharge * S, accS = acc + TQ.supply * S, accD = acc + TQ.demand * S
        let zero = Quad()
        let keep = full
        for seg in segments {
            var charged = Quad(), discharged = Quad()
            for k in seg.range {
                var s = Quad(s0[k], s1[k], s2[k], s3[k]), d = Quad(d0[k], d1[k], d2[k], d3[k])
                let charging = s .> zero
                let c = vmax(zero, vmin(vmin(s, g.pc), (g.eMax - e) * g.chargeHeadroom)).replacing(with: 0, where: .!charging)
                let discharging = .!charging .& (d .> g.threshold)
                let x = vmax(zero, vmin(vmin(d - g.threshold, g.pd), (e - g.eMin) * g.dischargeHeadroom)).replacing(with: 0, where: .!discharging)
                e = e + c * g.chargeIn - x * g.dischargeOut
                s -= c
                d -= x
                s0[k] = s[0]; s1[k] = s[1]; s2[k] = s[2]; s3[k] = s[3]
                d0[k] = d[0]; d1[k] = d[1]; d2[k] = d[2]; d3[k] = d[3]
                accC[k] += (c[0] + c[1]) + (c[2] + c[3])
                accX[k] += (x[0] + x[1]) + (x[2] + x[3])
                accS[k] += (s[0] + s[1]) + (s[2] + s[3])
                accD[k] += (d[0] + d[1]) + (d[2] + d[3])
                charged += c
                discharged += x
                if keep {
                    c0[k] = c[0]; c1[k] = c[1]; c2[k] = c[2]; c3[k] = c[3]
                    x0[k] = x[0]; x1[k] = x[1]; x2[k] = x[2]; x3[k] = x[3]
                    e0[k] = e[0]; e1[k] = e[1]; e2[k] = e[2]; e3[k] = e[3]
                }
            }
            for (j, h) in g.houses.enumerated() {
                let o = (h * monthCount + seg.month) * Q
                hm[o + 3] += charged[j] * dt
                hm[o + 4] += discharged[j] * dt
            }
        }
        // The discard rows may have collected values; the zero row must stay zero.
        spare.update(repeating: 0, count: S)
        for (j, h) in g.houses.enumerated() { energy[h] = e[j] }
    }
}

typealias Quad = SIMD4<Double>

/// Up to four battery houses on one transformer with their parameters as lanes, prepared once per run.
struct BatteryGroup {
    let houses: [Int]
    let transformer: Int
    let pc, pd, eMin, eMax, threshold, chargeIn, dischargeOut: Quad
    /// Reciprocals: divisions would sit on the state-of-charge dependency chain.
    let chargeHeadroom, dischargeHeadroom: Quad

    init(houses: [Int], transformer: Int, batteries: [Engine.BatteryState?], dt: Double) {
        self.houses = houses
        self.transformer = transformer
        // Missing lanes get neutral parameters: nothing to charge or discharge.
        func lanes(_ value: (Engine.BatteryState) -> Double, missing: Double) -> Quad {
            var q = Quad(repeating: missing)
            for (j, h) in houses.enumerated() { q[j] = value(batteries[h]!) }
            return q
        }
        pc = lanes({ $0.pc }, missing: 0)
        pd = lanes({ $0.pd }, missing: 0)
        eMin = lanes({ $0.eMin }, missing: 0)
        eMax = lanes({ $0.eMax }, missing: 0)
        threshold = lanes({ $0.threshold }, missing: 0)
        chargeIn = lanes({ $0.etaC * dt }, missing: 1)
        dischargeOut = lanes({ dt / $0.etaD }, missing: 1)
        chargeHeadroom = lanes({ 1 / ($0.etaC * dt) }, missing: 1)
        dischargeHeadroom = lanes({ $0.etaD / dt }, missing: 1)
    }
}
