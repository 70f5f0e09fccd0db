import Foundation

extension Engine {
    /// Steps 1–2 for every house: own use, then the battery; accumulates house totals and transformer sums.
    func phaseOwnUseAndBattery(load: any HouseProfileSource, pv: any HouseProfileSource, start: Int, count n: Int, segments: [Segment]) {
        let S = stride
        let Q = EnergyTotals.fieldCount, months = monthCount, dt = self.dt
        trAcc.update(repeating: 0, count: transformerCount * TQ.count * S)
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for unit in units {
                let hasBattery = battery[unit[0]] != nil
                if !hasBattery && !full {
                    // The common case reads the sources' own storage when they lend it (measured series), no copy.
                    let h = unit[0]
                    load.withContiguousValues(house: h, steps: start..<(start + n)) { lent in
                        pv.withContiguousValues(house: h, steps: start..<(start + n)) { lentPV in
                            let L = lent.map { UnsafeMutablePointer(mutating: $0) } ?? fillRow(load, .load, house: h, start: start, count: n)
                            let G = lentPV.map { UnsafeMutablePointer(mutating: $0) } ?? fillRow(pv, .pv, house: h, start: start, count: n)
                            // keepRows is false: the lent storage is only read.
                            let rows = OwnUseRows(
                                load: L, pv: G, selfUse: row(.selfUse, house: h, slot: 0), surplus: surplusBuf + h * S, deficit: deficitBuf + h * S,
                                acc: trAcc + houseTransformer[h] * TQ.count * S, stride: S, keepRows: false)
                            for seg in segments {
                                let t = Engine.ownUse(rows, seg.range)
                                let o = (h * months + seg.month) * Q
                                hm[o] += t[0] * dt; hm[o + 1] += t[1] * dt; hm[o + 2] += t[2] * dt
                            }
                        }
                    }
                    continue
                }
                for (slot, h) in unit.enumerated() {
                    let L = fillRow(load, .load, house: h, start: start, count: n, slot: slot)
                    let G = fillRow(pv, .pv, house: h, start: start, count: n, slot: slot)
                    if hasBattery { continue }
                    let rows = OwnUseRows(
                        load: L, pv: G, selfUse: row(.selfUse, house: h, slot: slot), surplus: surplusBuf + h * S, deficit: deficitBuf + h * S,
                        acc: trAcc + houseTransformer[h] * TQ.count * S, stride: S, keepRows: full)
                    for seg in segments {
                        let t = Engine.ownUse(rows, seg.range)
                        let o = (h * months + seg.month) * Q
                        hm[o] += t[0] * dt; hm[o + 1] += t[1] * dt; hm[o + 2] += t[2] * dt
                    }
                    if full {
                        for kind in [Row.charge, .discharge, .energy] { row(kind, house: h, slot: 0).update(repeating: 0, count: n) }
                    }
                }
                guard hasBattery else { continue }
                // Battery houses: own use with its sums now; surplus and deficit are summed after the battery acted.
                for (slot, h) in unit.enumerated() {
                    let rows = OwnUseRows(
                        load: row(.load, house: h, slot: slot), pv: row(.pv, house: h, slot: slot), selfUse: row(.selfUse, house: h, slot: slot),
                        surplus: surplusBuf + h * S, deficit: deficitBuf + h * S, acc: trAcc + houseTransformer[h] * TQ.count * S, stride: S,
                        keepRows: full)
                    for seg in segments {
                        let t = Engine.ownUse(rows, seg.range, surplusAndDeficit: false)
                        let o = (h * months + seg.month) * Q
                        hm[o] += t[0] * dt; hm[o + 1] += t[1] * dt; hm[o + 2] += t[2] * dt
                    }
                }
                let totals = batteryGroup(unit, segments: segments)
                for (slot, h) in unit.enumerated() {
                    for (i, seg) in segments.enumerated() {
                        let off = (h * months + seg.month) * Q
                        hm[off + 3] += totals[i].charge[slot] * dt
                        hm[off + 4] += totals[i].discharge[slot] * dt
                    }
                }
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

    /// Per-lane sums of charge and discharge over one segment.
    struct BatteryTotals {
        var charge = Quad(), discharge = Quad()
    }

    /// Up to four battery houses of one transformer at once, one per lane: the state of charge makes each house
    /// sequential in time, so the parallelism is across houses. Charge `c = min(s, Pc, (Emax − E)/(ηc·Δt))`;
    /// otherwise discharge `x = min(d − threshold, Pd, (E − Emin)·ηd/Δt)` when `d > threshold` (threshold 0 for
    /// self-consumption). Because the lanes share a transformer, its sums take one add per step for all four.
    func batteryGroup(_ unit: [Int], segments: [Segment]) -> [BatteryTotals] {
        let S = stride
        var pc = Quad(), pd = Quad(), eMin = Quad(), eMax = Quad(), threshold = Quad()
        var chargeIn = Quad(repeating: 1), dischargeOut = Quad(repeating: 1), e = Quad()
        // Reciprocals: the divisions would sit on the state-of-charge dependency chain.
        var chargeHeadroom = Quad(repeating: 1), dischargeHeadroom = Quad(repeating: 1)
        // Missing lanes read a zero row and write a discard row.
        let spare = rowStore + (Row.allCases.count * (full ? houseCount : 4)) * S
        var sRow = [UnsafeMutablePointer<Double>](repeating: spare, count: 4), dRow = sRow
        var cRow = [UnsafeMutablePointer<Double>](repeating: spare + S, count: 4), xRow = cRow, eRow = cRow
        for (j, h) in unit.enumerated() {
            let b = battery[h]!
            pc[j] = b.pc; pd[j] = b.pd; eMin[j] = b.eMin; eMax[j] = b.eMax; threshold[j] = b.threshold
            chargeIn[j] = b.etaC * dt
            dischargeOut[j] = dt / b.etaD
            chargeHeadroom[j] = 1 / (b.etaC * dt)
            dischargeHeadroom[j] = b.etaD / dt
            e[j] = energy[h]
            sRow[j] = surplusBuf + h * S
            dRow[j] = deficitBuf + h * S
            if full {
                cRow[j] = row(.charge, house: h, slot: j)
                xRow[j] = row(.discharge, house: h, slot: j)
                eRow[j] = row(.energy, house: h, slot: j)
            }
        }
        let acc = trAcc + houseTransformer[unit[0]] * TQ.count * S
        let accC = acc + TQ.charge * S, accX = acc + TQ.discharge * S, accS = acc + TQ.supply * S, accD = acc + TQ.demand * S
        let (s0, s1, s2, s3) = (sRow[0], sRow[1], sRow[2], sRow[3]), (d0, d1, d2, d3) = (dRow[0], dRow[1], dRow[2], dRow[3])
        let (c0, c1, c2, c3) = (cRow[0], cRow[1], cRow[2], cRow[3]), (x0, x1, x2, x3) = (xRow[0], xRow[1], xRow[2], xRow[3])
        let (e0, e1, e2, e3) = (eRow[0], eRow[1], eRow[2], eRow[3])
        let zero = Quad()
        let keep = full
        var totals: [BatteryTotals] = []
        for seg in segments {
            var t = BatteryTotals()
            for k in seg.range {
                var s = Quad(s0[k], s1[k], s2[k], s3[k]), d = Quad(d0[k], d1[k], d2[k], d3[k])
                let charging = s .> zero
                let c = vmax(zero, vmin(vmin(s, pc), (eMax - e) * chargeHeadroom)).replacing(with: 0, where: .!charging)
                let discharging = .!charging .& (d .> threshold)
                let x = vmax(zero, vmin(vmin(d - threshold, pd), (e - eMin) * dischargeHeadroom)).replacing(with: 0, where: .!discharging)
                e = e + c * chargeIn - x * dischargeOut
                s -= c
                d -= x
                s0[k] = s[0]; s1[k] = s[1]; s2[k] = s[2]; s3[k] = s[3]
                d0[k] = d[0]; d1[k] = d[1]; d2[k] = d[2]; d3[k] = d[3]
                accC[k] += (c[0] + c[1]) + (c[2] + c[3])
                accX[k] += (x[0] + x[1]) + (x[2] + x[3])
                accS[k] += (s[0] + s[1]) + (s[2] + s[3])
                accD[k] += (d[0] + d[1]) + (d[2] + d[3])
                t.charge += c
                t.discharge += x
                if keep {
                    c0[k] = c[0]; c1[k] = c[1]; c2[k] = c[2]; c3[k] = c[3]
                    x0[k] = x[0]; x1[k] = x[1]; x2[k] = x[2]; x3[k] = x[3]
                    e0[k] = e[0]; e1[k] = e[1]; e2[k] = e[2]; e3[k] = e[3]
                }
            }
            totals.append(t)
        }
        // The discard rows may have collected values; the zero row must stay zero.
        spare.update(repeating: 0, count: S)
        for (j, h) in unit.enumerated() { energy[h] = e[j] }
        return totals
    }
}
