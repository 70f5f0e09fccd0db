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
        (trAcc).update(repeating: 0, count: transformerCount * TQ.count * B)
        let Q = EnergyTotals.fieldCount
        let dt = self.dt
        let full = selfBuf != nil
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for h in 0..<houseCount {
                let base = h * B
                load.fill(house: h, steps: start..<(start + n), into: UnsafeMutableBufferPointer(start: loadBuf + base, count: n))
                pv.fill(house: h, steps: start..<(start + n), into: UnsafeMutableBufferPointer(start: pvBuf + base, count: n))
                let acc = trAcc + houseTransformer[h] * TQ.count * B
                let L = loadBuf + base, G = pvBuf + base, S = surplusBuf + base, D = deficitBuf + base
                var e = energy[h]
                let b = battery[h]
                for seg in segments {
                    var sL = 0.0, sG = 0.0, sSelf = 0.0, sC = 0.0, sX = 0.0
                    for k in seg.range {
                        // Negative inputs (net-metered measurements) are not loads or generation: clamp at zero.
                        let l = max(0, L[k]), g = max(0, G[k])
                        L[k] = l
                        G[k] = g
                        let own = min(l, g)
                        var s = g - own
                        var d = l - own
                        var c = 0.0, x = 0.0
                        if let b {
                            if s > 0 {
                                c = max(0, min(s, b.pc, (b.eMax - e) / (b.etaC * dt)))
                                e += c * b.etaC * dt
                                s -= c
                            } else if d > 0 {
                                let want = b.threshold.isFinite ? max(0, d - b.threshold) : d
                                x = max(0, min(want, b.pd, (e - b.eMin) * b.etaD / dt))
                                e -= x * dt / b.etaD
                                d -= x
                            }
                        }
                        S[k] = s
                        D[k] = d
                        if full {
                            selfBuf![base + k] = own
                            chargeBuf![base + k] = c
                            dischargeBuf![base + k] = x
                            energyBuf![base + k] = e
                        }
                        acc[TQ.load * B + k] += l
                        acc[TQ.pv * B + k] += g
                        acc[TQ.selfUse * B + k] += own
                        acc[TQ.charge * B + k] += c
                        acc[TQ.discharge * B + k] += x
                        acc[TQ.supply * B + k] += s
                        acc[TQ.demand * B + k] += d
                        sL += l; sG += g; sSelf += own; sC += c; sX += x
                    }
                    let o = (h * monthCount + seg.month) * Q
                    hm[o] += sL * dt; hm[o + 1] += sG * dt; hm[o + 2] += sSelf * dt; hm[o + 3] += sC * dt; hm[o + 4] += sX * dt
                }
                energy[h] = e
            }
        }
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
                let flow = d - supply
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
        let proRata = options.sharing == .proRata
        let full = selfBuf != nil
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for h in 0..<houseCount {
                let base = h * B
                let x = houseTransformer[h], sc = houseScope[h]
                let acc = trAcc + x * TQ.count * B
                let cf = curtailFraction + x * B, sell = sellRatio + sc * B, buy = buyRatio + sc * B
                let S = surplusBuf + base, D = deficitBuf + base, R = receivedBuf + base
                var peak = peakImport[h]
                for seg in segments {
                    var sRec = 0.0, sDel = 0.0, sImp = 0.0, sExp = 0.0, sCur = 0.0, cost = 0.0, baseCost = 0.0, co2 = 0.0, baseCo2 = 0.0
                    for k in seg.range {
                        let s = S[k], d = D[k]
                        let curtailed = s * cf[k]
                        let s2 = s - curtailed
                        let delivered = s2 * sell[k]
                        let received = proRata ? d * buy[k] : R[k]
                        let imp = d - received
                        let exp = s2 - delivered
                        let pi = priceImport[k], pf = priceFeedIn[k], pc = priceCommunity[k], ef = emission[k]
                        cost += imp * pi + received * pc - exp * pf - delivered * pc
                        baseCost += d * pi - s2 * pf
                        co2 += imp * ef
                        baseCo2 += d * ef
                        peak = max(peak, imp)
                        acc[TQ.received * B + k] += received
                        acc[TQ.delivered * B + k] += delivered
                        acc[TQ.gridImport * B + k] += imp
                        acc[TQ.gridExport * B + k] += exp
                        acc[TQ.curtailed * B + k] += curtailed
                        if full {
                            // Reuse the now-consumed inputs as outputs for the sink.
                            S[k] = curtailed
                            R[k] = received
                            let hb = houseCount * B
                            outBuf![base + k] = delivered
                            outBuf![hb + base + k] = exp
                            outBuf![2 * hb + base + k] = imp
                        }
                        sRec += received; sDel += delivered; sImp += imp; sExp += exp; sCur += curtailed
                    }
                    let o = (h * monthCount + seg.month) * Q
                    hm[o + 5] += sRec * dt; hm[o + 6] += sDel * dt; hm[o + 7] += sImp * dt; hm[o + 8] += sExp * dt; hm[o + 9] += sCur * dt
                    hm[o + 10] += cost * dt; hm[o + 11] += baseCost * dt; hm[o + 12] += co2 * dt; hm[o + 13] += baseCo2 * dt
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
