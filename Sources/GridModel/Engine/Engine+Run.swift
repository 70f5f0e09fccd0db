import Foundation

extension Engine {
    /// A run of block steps that lie in one month, so house totals can be kept in registers and flushed once.
    struct Segment {
        var range: Range<Int>
        var month: Int
    }

    func run(load: any HouseProfileSource, pv: any HouseProfileSource, progress: ((Double) -> Bool)?, sink: ((HouseStepBlock) throws -> Void)?) throws {
        let total = calendar.period.stepCount
        var start = 0
        while start < total {
            let n = min(blockSteps, total - start)
            let segments = monthSegments(start: start, count: n)
            preparePrices(start: start, count: n)
            phaseOwnUseAndBattery(load: load, pv: pv, start: start, count: n, segments: segments)
            phaseTransformers(start: start, count: n)
            phaseSharing(count: n)
            phaseSettle(start: start, count: n, segments: segments)
            if let sink { try sink(block(start: start, count: n)) }
            start += n
            if let progress, !progress(Double(start) / Double(total)) {
                if start < total { throw SimulationError.cancelled(atStep: start) }
            }
        }
    }

    func monthSegments(start: Int, count n: Int) -> [Segment] {
        var segments: [Segment] = []
        var k0 = 0
        while k0 < n {
            let m = Int(calendar.monthOfStep[start + k0])
            var k1 = k0 + 1
            while k1 < n, Int(calendar.monthOfStep[start + k1]) == m { k1 += 1 }
            segments.append(Segment(range: k0..<k1, month: m))
            k0 = k1
        }
        return segments
    }

    func preparePrices(start: Int, count n: Int) {
        let e = options.economics
        for k in 0..<n {
            let i = start + k
            let pi = e.importTariff.price(step: i, calendar: calendar)
            let pf = e.feedInTariff.price(step: i, calendar: calendar)
            priceImport[k] = pi
            priceFeedIn[k] = pf
            switch e.communityPrice {
            case .fixed(let p): priceCommunity[k] = p
            case .midpoint: priceCommunity[k] = (pi + pf) / 2
            }
            emission[k] = e.emissions.factor(step: i, stepMinutes: calendar.period.stepMinutes)
        }
    }

    /// Steps 1–2 for every house: own use, battery; accumulates transformer sums of surplus and deficit.
    func phaseOwnUseAndBattery(load: any HouseProfileSource, pv: any HouseProfileSource, start: Int, count n: Int, segments: [Segment]) {
        let B = blockSteps
        trAcc.update(repeating: 0, count: transformerCount * TQ.count * B)
        let Q = EnergyTotals.fieldCount
        let dt = self.dt
        let months = monthCount
        let detail = selfBuf.map { DetailRows(selfUse: $0, charge: chargeBuf!, discharge: dischargeBuf!, energy: energyBuf!) }
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for h in 0..<houseCount {
                let base = h * B
                load.fill(house: h, steps: start..<(start + n), into: UnsafeMutableBufferPointer(start: loadBuf + base, count: n))
                pv.fill(house: h, steps: start..<(start + n), into: UnsafeMutableBufferPointer(start: pvBuf + base, count: n))
                let rows = HouseRows(load: loadBuf + base, pv: pvBuf + base, surplus: surplusBuf + base, deficit: deficitBuf + base,
                                     acc: trAcc + houseTransformer[h] * TQ.count * B, stride: B, detail: detail?.offset(base))
                var e = energy[h]
                let b = battery.withUnsafeBufferPointer { $0[h] }
                for seg in segments {
                    let sums = b.map { Engine.ownUseWithBattery(rows, seg.range, $0, dt, &e) } ?? Engine.ownUse(rows, seg.range)
                    let o = (h * months + seg.month) * Q
                    hm[o] += sums.load * dt; hm[o + 1] += sums.pv * dt; hm[o + 2] += sums.selfUse * dt
                    hm[o + 3] += sums.charge * dt; hm[o + 4] += sums.discharge * dt
                }
                energy[h] = e
            }
        }
    }

    /// Pointers to one house's rows of the block buffers and its transformer's accumulators.
    struct HouseRows {
        let load, pv, surplus, deficit, acc: UnsafeMutablePointer<Double>
        let stride: Int
        let detail: DetailRows?
    }

    struct DetailRows {
        let selfUse, charge, discharge, energy: UnsafeMutablePointer<Double>
        func offset(_ n: Int) -> DetailRows { DetailRows(selfUse: selfUse + n, charge: charge + n, discharge: discharge + n, energy: energy + n) }
    }

    struct PhaseASums {
        var load = 0.0, pv = 0.0, selfUse = 0.0, charge = 0.0, discharge = 0.0
    }

    /// Own use without a battery. Negative inputs (net-metered measurements) are clamped at zero: they are neither
    /// load nor generation.
    @inline(__always)
    static func ownUse(_ r: HouseRows, _ range: Range<Int>) -> PhaseASums {
        var sums = PhaseASums()
        let B = r.stride
        let accLoad = r.acc + TQ.load * B, accPV = r.acc + TQ.pv * B, accSelf = r.acc + TQ.selfUse * B
        let accS = r.acc + TQ.supply * B, accD = r.acc + TQ.demand * B
        for k in range {
            let l = max(0, r.load[k]), g = max(0, r.pv[k])
            r.load[k] = l
            r.pv[k] = g
            let own = min(l, g)
            let s = g - own, d = l - own
            r.surplus[k] = s
            r.deficit[k] = d
            if let detail = r.detail {
                detail.selfUse[k] = own
                detail.charge[k] = 0
                detail.discharge[k] = 0
                detail.energy[k] = 0
            }
            accLoad[k] += l; accPV[k] += g; accSelf[k] += own; accS[k] += s; accD[k] += d
            sums.load += l; sums.pv += g; sums.selfUse += own
        }
        return sums
    }

    /// Own use, then the battery: charge `c = min(s, Pc, (Emax − E)/(ηc·Δt))` or discharge
    /// `x = min(d − threshold, Pd, (E − Emin)·ηd/Δt)` (threshold 0 for self-consumption).
    @inline(__always)
    static func ownUseWithBattery(_ r: HouseRows, _ range: Range<Int>, _ b: BatteryState, _ dt: Double, _ energy: inout Double) -> PhaseASums {
        var sums = PhaseASums()
        let B = r.stride
        let accLoad = r.acc + TQ.load * B, accPV = r.acc + TQ.pv * B, accSelf = r.acc + TQ.selfUse * B
        let accS = r.acc + TQ.supply * B, accD = r.acc + TQ.demand * B
        let accC = r.acc + TQ.charge * B, accX = r.acc + TQ.discharge * B
        let chargeIn = b.etaC * dt, dischargeOut = dt / b.etaD
        let threshold = b.threshold.isFinite ? b.threshold : 0
        var e = energy
        for k in range {
            let l = max(0, r.load[k]), g = max(0, r.pv[k])
            r.load[k] = l
            r.pv[k] = g
            let own = min(l, g)
            var s = g - own, d = l - own
            var c = 0.0, x = 0.0
            if s > 0 {
                c = max(0, min(s, b.pc, (b.eMax - e) / chargeIn))
                e += c * chargeIn
                s -= c
            } else if d > threshold {
                x = max(0, min(d - threshold, b.pd, (e - b.eMin) / dischargeOut))
                e -= x * dischargeOut
                d -= x
            }
            r.surplus[k] = s
            r.deficit[k] = d
            if let detail = r.detail {
                detail.selfUse[k] = own
                detail.charge[k] = c
                detail.discharge[k] = x
                detail.energy[k] = e
            }
            accLoad[k] += l; accPV[k] += g; accSelf[k] += own; accS[k] += s; accD[k] += d; accC[k] += c; accX[k] += x
            sums.load += l; sums.pv += g; sums.selfUse += own; sums.charge += c; sums.discharge += x
        }
        energy = e
        return sums
    }

    /// Step 3 and 6: export curtailment per transformer, physical flow and overload; scope sums for sharing.
    func phaseTransformers(start: Int, count n: Int) {
        let B = blockSteps
        scopeSupply.update(repeating: 0, count: scopeCount * B)
        scopeDemand.update(repeating: 0, count: scopeCount * B)
        var transformerScope = [Int](repeating: scopeCount - 1, count: transformerCount)
        for h in 0..<houseCount { transformerScope[houseTransformer[h]] = houseScope[h] }
        for x in 0..<transformerCount {
            let acc = trAcc + x * TQ.count * B
            let cap = capacity[x]
            let sc = transformerScope[x]
            for k in 0..<n {
                let s = acc[TQ.supply * B + k], d = acc[TQ.demand * B + k]
                let excess = max(0, s - d - cap)
                curtailFraction[x * B + k] = s > 0 ? excess / s : 0
                let supply = s - excess
                acc[TQ.supply * B + k] = supply
                // With curtailment the reverse flow is exactly the capacity by definition; computing it as d − supply
                // would leave rounding noise that counts as a spurious overload.
                let flow = excess > 0 ? -cap : d - supply
                acc[TQ.flow * B + k] = flow
                acc[TQ.overload * B + k] = max(0, abs(flow) - cap)
                scopeSupply[sc * B + k] += supply
                scopeDemand[sc * B + k] += d
            }
        }
    }

    /// Step 4: shares per scope and step. Pro rata needs only two ratios; the other strategies fill `receivedBuf`.
    func phaseSharing(count n: Int) {
        let B = blockSteps
        let realScopes = scopeCount - 1
        for sc in 0..<scopeCount {
            for k in 0..<n {
                let s = scopeSupply[sc * B + k], d = scopeDemand[sc * B + k]
                let t = sc < realScopes ? min(s, d) : 0
                sellRatio[sc * B + k] = s > 0 ? t / s : 0
                buyRatio[sc * B + k] = d > 0 ? t / d : 0
            }
        }
        switch options.sharing {
        case .proRata: return
        case .equalShare:
            for sc in 0..<realScopes {
                let members = scopeMembers[sc]
                for k in 0..<n {
                    let s = scopeSupply[sc * B + k], d = scopeDemand[sc * B + k]
                    let t = min(s, d)
                    if t >= d || t <= 0 {
                        // Everyone fully served, or nothing to share: identical to pro rata, no sort needed.
                        let r = d > 0 ? t / d : 0
                        for h in members { receivedBuf[h * B + k] = deficitBuf[h * B + k] * (r >= 1 ? 1 : r) }
                        continue
                    }
                    for (i, h) in members.enumerated() { scratch[i] = deficitBuf[h * B + k] }
                    let level = Allocation.waterLevel(available: t, sortingInPlace: UnsafeMutableBufferPointer(start: scratch, count: members.count))
                    for h in members { receivedBuf[h * B + k] = min(deficitBuf[h * B + k], level) }
                }
            }
        case .priority:
            for sc in 0..<realScopes {
                let members = scopeMembers[sc]
                for k in 0..<n {
                    let t = min(scopeSupply[sc * B + k], scopeDemand[sc * B + k])
                    groupScratch.update(repeating: 0, count: groupCount)
                    for h in members { groupScratch[houseGroup[h]] += deficitBuf[h * B + k] }
                    Allocation.priorityFactors(
                        available: t, groupNeeds: UnsafeBufferPointer(start: groupScratch, count: groupCount),
                        into: UnsafeMutableBufferPointer(start: groupFactor, count: groupCount))
                    for h in members { receivedBuf[h * B + k] = deficitBuf[h * B + k] * groupFactor[houseGroup[h]] }
                }
            }
        }
    }

    /// Step 5: per house curtailment, delivery, receipt, grid exchange, money and CO2; transformer series.
    func phaseSettle(start: Int, count n: Int, segments: [Segment]) {
        let B = blockSteps
        let Q = EnergyTotals.fieldCount
        let dt = self.dt
        let months = monthCount
        let proRata = options.sharing == .proRata
        let prices = Prices(importPrice: priceImport, feedIn: priceFeedIn, community: priceCommunity, emission: emission)
        let hb = houseCount * B
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for h in 0..<houseCount {
                let base = h * B
                let x = houseTransformer[h], sc = houseScope[h]
                let rows = SettleRows(
                    surplus: surplusBuf + base, deficit: deficitBuf + base, received: receivedBuf + base, curtailFraction: curtailFraction + x * B,
                    sell: sellRatio + sc * B, buy: proRata ? buyRatio + sc * B : nil, acc: trAcc + x * TQ.count * B, stride: B,
                    out: outBuf.map { $0 + base }, houseBlock: hb)
                var peak = peakImport[h]
                for seg in segments {
                    let t = Engine.settle(rows, seg.range, prices, &peak)
                    let o = (h * months + seg.month) * Q
                    hm[o + 5] += t.received * dt; hm[o + 6] += t.delivered * dt; hm[o + 7] += t.gridImport * dt; hm[o + 8] += t.gridExport * dt
                    hm[o + 9] += t.curtailed * dt; hm[o + 10] += t.cost * dt; hm[o + 11] += t.baselineCost * dt; hm[o + 12] += t.co2 * dt
                    hm[o + 13] += t.baselineCo2 * dt
                }
                peakImport[h] = peak
            }
        }
        for x in 0..<transformerCount {
            let acc = trAcc + x * TQ.count * B
            for q in 0..<TQ.seriesCount {
                series[x * TQ.seriesCount + q].withUnsafeMutableBufferPointer { out in
                    for k in 0..<n { out[start + k] = acc[q * B + k] }
                }
            }
        }
    }
}

extension Engine {
    /// Copies the block's per-house series for the sink (only with `detail == .full`).
    func block(start: Int, count n: Int) -> HouseStepBlock {
        let B = blockSteps, hb = houseCount * B
        func gather(_ p: UnsafeMutablePointer<Double>) -> [Double] {
            var out = [Double](repeating: 0, count: houseCount * n)
            out.withUnsafeMutableBufferPointer { o in
                for h in 0..<houseCount {
                    for k in 0..<n { o[h * n + k] = p[h * B + k] }
                }
            }
            return out
        }
        return HouseStepBlock(
            startStep: start, stepCount: n, houseNames: names, load: gather(loadBuf), pv: gather(pvBuf), selfConsumption: gather(selfBuf!),
            batteryCharge: gather(chargeBuf!), batteryDischarge: gather(dischargeBuf!), batteryEnergy: gather(energyBuf!),
            received: gather(receivedBuf), delivered: gather(outBuf!), gridImport: gather(outBuf! + 2 * hb), gridExport: gather(outBuf! + hb),
            curtailed: gather(surplusBuf))
    }
}

extension Engine {
    struct Prices {
        let importPrice, feedIn, community, emission: UnsafeMutablePointer<Double>
    }

    struct SettleRows {
        let surplus, deficit, received, curtailFraction, sell: UnsafeMutablePointer<Double>
        /// Pro rata buyer ratio per step; nil when `received` was filled by another strategy.
        let buy: UnsafeMutablePointer<Double>?
        let acc: UnsafeMutablePointer<Double>
        let stride: Int
        /// delivered, export, import rows for the sink (detail == .full), `houseBlock` apart.
        let out: UnsafeMutablePointer<Double>?
        let houseBlock: Int
    }

    struct SettleSums {
        var received = 0.0, delivered = 0.0, gridImport = 0.0, gridExport = 0.0, curtailed = 0.0
        var cost = 0.0, baselineCost = 0.0, co2 = 0.0, baselineCo2 = 0.0
    }

    @inline(__always)
    static func settle(_ r: SettleRows, _ range: Range<Int>, _ p: Prices, _ peak: inout Double) -> SettleSums {
        var t = SettleSums()
        let B = r.stride
        let accR = r.acc + TQ.received * B, accDel = r.acc + TQ.delivered * B, accI = r.acc + TQ.gridImport * B
        let accE = r.acc + TQ.gridExport * B, accC = r.acc + TQ.curtailed * B
        var top = peak
        for k in range {
            let s = r.surplus[k], d = r.deficit[k]
            let curtailed = s * r.curtailFraction[k]
            let s2 = s - curtailed
            let delivered = s2 * r.sell[k]
            let received = r.buy.map { d * $0[k] } ?? r.received[k]
            let imp = d - received
            let exp = s2 - delivered
            let pi = p.importPrice[k], pf = p.feedIn[k], pc = p.community[k], ef = p.emission[k]
            t.cost += imp * pi + received * pc - exp * pf - delivered * pc
            // Without sharing the same house would import d and export s2 (batteries and curtailment act before sharing).
            t.baselineCost += d * pi - s2 * pf
            t.co2 += imp * ef
            t.baselineCo2 += d * ef
            top = max(top, imp)
            accR[k] += received; accDel[k] += delivered; accI[k] += imp; accE[k] += exp; accC[k] += curtailed
            if let out = r.out {
                // The consumed inputs become outputs for the sink.
                r.surplus[k] = curtailed
                r.received[k] = received
                out[k] = delivered
                out[r.houseBlock + k] = exp
                out[2 * r.houseBlock + k] = imp
            }
            t.received += received; t.delivered += delivered; t.gridImport += imp; t.gridExport += exp; t.curtailed += curtailed
        }
        peak = top
        return t
    }
}
