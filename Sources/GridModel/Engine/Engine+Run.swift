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
            // Group by group (a transformer, or a grid when sharing spans it), so the group's rows are still in
            // cache when its houses are settled.
            for group in groups {
                phaseOwnUseAndBattery(group, load: load, pv: pv, start: start, count: n, segments: segments)
                phaseTransformers(group, count: n)
                phaseSharing(group, count: n)
                phaseSettle(group, start: start, count: n, segments: segments)
            }
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

    /// Step 3 and 6: export curtailment per transformer, physical flow and overload; scope sums for sharing.
    func phaseTransformers(_ group: ProcessingGroup, count n: Int) {
        let B = stride
        for sc in group.scopes {
            (scopeSupply + sc * B).update(repeating: 0, count: B)
            (scopeDemand + sc * B).update(repeating: 0, count: B)
        }
        let sharing = !group.scopes.isEmpty
        for x in group.transformers {
            let acc = trAcc + x * TQ.count * B
            let cap = capacity[x]
            let sc = transformerScope[x]
            for k in 0..<n {
                let s = acc[TQ.supply * B + k], d = acc[TQ.demand * B + k]
                let excess = max(0, s - d - cap)
                curtailFraction[x * B + k] = s > 0 ? excess / s : 0
                let supply = s - excess
                acc[TQ.supply * B + k] = supply
                acc[TQ.curtailed * B + k] = excess
                // With curtailment the reverse flow is exactly the capacity by definition; computing it as d − supply
                // would leave rounding noise that counts as a spurious overload.
                let flow = excess > 0 ? -cap : d - supply
                acc[TQ.flow * B + k] = flow
                acc[TQ.overload * B + k] = max(0, abs(flow) - cap)
                if sharing {
                    scopeSupply[sc * B + k] += supply
                    scopeDemand[sc * B + k] += d
                }
            }
        }
    }

    /// Step 4: shares per scope and step. Pro rata needs only two ratios; the other strategies fill `receivedBuf`.
    func phaseSharing(_ group: ProcessingGroup, count n: Int) {
        let B = stride
        // Houses without sharing use the extra scope, whose ratios stay zero.
        for sc in group.scopes {
            for k in 0..<n {
                let s = scopeSupply[sc * B + k], d = scopeDemand[sc * B + k]
                let t = min(s, d)
                sellRatio[sc * B + k] = s > 0 ? t / s : 0
                buyRatio[sc * B + k] = d > 0 ? t / d : 0
            }
        }
        switch options.sharing {
        case .proRata:
            transformerSharesProRata(group, count: n)
            return
        case .equalShare:
            for sc in group.scopes {
                let members = scopeMembers[sc]
                for k in 0..<n {
                    let s = scopeSupply[sc * B + k], d = scopeDemand[sc * B + k]
                    let t = min(s, d)
                    if t >= d || t <= 0 {
                        // Everyone fully served, or nothing to share: identical to pro rata, no sort needed.
                        let r = d > 0 ? t / d : 0
                        for h in members { receivedBuf[rowIndex[h] * B + k] = deficitBuf[rowIndex[h] * B + k] * (r >= 1 ? 1 : r) }
                        continue
                    }
                    for (i, h) in members.enumerated() { scratch[i] = deficitBuf[rowIndex[h] * B + k] }
                    let level = Allocation.waterLevel(available: t, sortingInPlace: UnsafeMutableBufferPointer(start: scratch, count: members.count))
                    for h in members { receivedBuf[rowIndex[h] * B + k] = min(deficitBuf[rowIndex[h] * B + k], level) }
                }
            }
        case .priority:
            for sc in group.scopes {
                let members = scopeMembers[sc]
                for k in 0..<n {
                    let t = min(scopeSupply[sc * B + k], scopeDemand[sc * B + k])
                    groupScratch.update(repeating: 0, count: groupCount)
                    for h in members { groupScratch[houseGroup[h]] += deficitBuf[rowIndex[h] * B + k] }
                    Allocation.priorityFactors(
                        available: t, groupNeeds: UnsafeBufferPointer(start: groupScratch, count: groupCount),
                        into: UnsafeMutableBufferPointer(start: groupFactor, count: groupCount))
                    for h in members { receivedBuf[rowIndex[h] * B + k] = deficitBuf[rowIndex[h] * B + k] * groupFactor[houseGroup[h]] }
                }
            }
        }
    }

    /// With pro rata sharing every buyer in a scope receives the same fraction of its deficit and every seller
    /// delivers the same fraction of its surplus, so a transformer's totals follow from its own sums: received
    /// `D_X·T/D`, delivered `S_X·T/S`. The houses need not be summed again.
    func transformerSharesProRata(_ group: ProcessingGroup, count n: Int) {
        let B = stride
        for x in group.transformers {
            let acc = trAcc + x * TQ.count * B
            let sc = transformerScope[x]
            for k in 0..<n {
                let s = acc[TQ.supply * B + k], d = acc[TQ.demand * B + k]
                let received = d * buyRatio[sc * B + k], delivered = s * sellRatio[sc * B + k]
                acc[TQ.received * B + k] = received
                acc[TQ.delivered * B + k] = delivered
                acc[TQ.gridImport * B + k] = d - received
                acc[TQ.gridExport * B + k] = s - delivered
            }
        }
    }
}
