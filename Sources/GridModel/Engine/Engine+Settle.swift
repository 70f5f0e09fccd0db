import Foundation

extension Engine {
    /// Step 5 for every house: curtailment share, delivery, receipt, grid exchange, money and CO2; then the block's
    /// transformer rows are copied into the per-step series.
    func phaseSettle(_ group: ProcessingGroup, start: Int, count n: Int, segments: [Segment]) {
        let S = stride
        let Q = EnergyTotals.fieldCount, months = monthCount, dt = self.dt
        let proRata = options.sharing == .proRata
        let prices = SettlePrices(importPrice: priceImport, feedIn: priceFeedIn, community: priceCommunity, emission: emission)
        // With prices constant over the block (the usual flat tariff), money and CO2 follow from the energy sums.
        let flat = (1..<n).allSatisfy { k in
            priceImport[k] == priceImport[0] && priceFeedIn[k] == priceFeedIn[0] && priceCommunity[k] == priceCommunity[0] && emission[k] == emission[0]
        }
        houseMonth.withUnsafeMutableBufferPointer { hm in
            for h in group.houses {
                let x = houseTransformer[h], sc = houseScope[h]
                let rows = SettleRows(
                    surplus: surplusBuf + rowIndex[h] * S, deficit: deficitBuf + rowIndex[h] * S, received: receivedBuf + rowIndex[h] * S, curtailFraction: curtailFraction + x * S,
                    sell: sellRatio + sc * S, buy: proRata ? buyRatio + sc * S : nil, acc: trAcc + x * TQ.count * S, stride: S,
                    curtailed: row(.curtailed, house: h, slot: 0), delivered: row(.delivered, house: h, slot: 0),
                    gridImport: row(.gridImport, house: h, slot: 0), gridExport: row(.gridExport, house: h, slot: 0), keepRows: full)
                var peak = peakImport[h]
                for seg in segments {
                    let t = flat
                        ? Engine.settle(rows, prices, seg.range, flatPrices: true, peak: &peak)
                        : Engine.settle(rows, prices, seg.range, flatPrices: false, peak: &peak)
                    let o = (h * months + seg.month) * Q + 5
                    let v = t.values
                    hm[o] += v.0 * dt; hm[o + 1] += v.1 * dt; hm[o + 2] += v.2 * dt; hm[o + 3] += v.3 * dt; hm[o + 4] += v.4 * dt
                    hm[o + 5] += v.5 * dt; hm[o + 6] += v.6 * dt; hm[o + 7] += v.7 * dt; hm[o + 8] += v.8 * dt
                }
                peakImport[h] = peak
            }
        }
        for x in group.transformers {
            let acc = trAcc + x * TQ.count * S
            for q in 0..<TQ.seriesCount {
                series[x * TQ.seriesCount + q].withUnsafeMutableBufferPointer { out in
                    for k in 0..<n { out[start + k] = acc[q * S + k] }
                }
            }
        }
    }

    /// Sums of received, delivered, import, export, curtailed, cost, baseline cost, CO2, baseline CO2 (kW·steps).
    struct SettleSums {
        var values: (Double, Double, Double, Double, Double, Double, Double, Double, Double)
    }

    struct SettlePrices {
        let importPrice, feedIn, community, emission: UnsafeMutablePointer<Double>
    }

    struct SettleRows {
        let surplus, deficit, received, curtailFraction, sell: UnsafeMutablePointer<Double>
        /// Pro rata buyer ratio per step; nil when `received` was filled by another strategy.
        let buy: UnsafeMutablePointer<Double>?
        let acc: UnsafeMutablePointer<Double>
        let stride: Int
        let curtailed, delivered, gridImport, gridExport: UnsafeMutablePointer<Double>
        /// Keep every house's rows for the full-detail sink.
        let keepRows: Bool
    }

    /// One house over `range`: `curtailed = s·f_X`, `delivered = (s − curtailed)·T/S`, `received = d·T/D` (pro rata,
    /// else precomputed), `import = d − received`, `export = s − curtailed − delivered`. The baseline (no sharing)
    /// imports `d` and exports `s − curtailed`: batteries and curtailment act before sharing, so nothing else changes.
    /// Returns the sums of received, delivered, import, export, curtailed, cost, baseline cost, CO2, baseline CO2.
    @inline(__always)
    static func settle(_ r: SettleRows, _ p: SettlePrices, _ range: Range<Int>, flatPrices: Bool, peak: inout Double) -> SettleSums {
        let B = r.stride
        let accR = r.acc + TQ.received * B, accDel = r.acc + TQ.delivered * B, accI = r.acc + TQ.gridImport * B
        let accE = r.acc + TQ.gridExport * B
        var sRec = Lanes(), sDel = Lanes(), sImp = Lanes(), sExp = Lanes(), sCur = Lanes()
        var sCost = Lanes(), sBase = Lanes(), sCO2 = Lanes(), sBaseCO2 = Lanes(), top = Lanes(repeating: peak)
        forChunks(range) { k, keep in
            let s = r.surplus.lanes(k).kept(keep), d = r.deficit.lanes(k).kept(keep)
            let curtailed = s * r.curtailFraction.lanes(k)
            let s2 = s - curtailed
            let delivered = s2 * r.sell.lanes(k)
            let rec = r.buy.map { d * $0.lanes(k) } ?? r.received.lanes(k).kept(keep)
            let imp = d - rec
            let exp = s2 - delivered
            if !flatPrices {
                let pi = p.importPrice.lanes(k), pf = p.feedIn.lanes(k), pc = p.community.lanes(k), ef = p.emission.lanes(k)
                let bought: Lanes = imp * pi + rec * pc
                let sold: Lanes = exp * pf + delivered * pc
                sCost += (bought - sold).kept(keep)
                sBase += (d * pi - s2 * pf).kept(keep)
                sCO2 += (imp * ef).kept(keep)
                sBaseCO2 += (d * ef).kept(keep)
            }
            sRec += rec; sDel += delivered; sImp += imp; sExp += exp; sCur += curtailed
            top = vmax(top, imp)
            if r.buy == nil {
                // Other strategies give each buyer its own fraction: the transformer rows are sums over houses.
                accR.addLanes(k, rec); accDel.addLanes(k, delivered); accI.addLanes(k, imp); accE.addLanes(k, exp)
            }
            if r.keepRows {
                r.received.store(k, rec, keep)
                r.curtailed.store(k, curtailed, keep); r.delivered.store(k, delivered, keep)
                r.gridImport.store(k, imp, keep); r.gridExport.store(k, exp, keep)
            }
        }
        peak = laneMax(top)
        let (rec, del, imp, exp, cur) = (laneSum(sRec), laneSum(sDel), laneSum(sImp), laneSum(sExp), laneSum(sCur))
        guard flatPrices else {
            return SettleSums(values: (rec, del, imp, exp, cur, laneSum(sCost), laneSum(sBase), laneSum(sCO2), laneSum(sBaseCO2)))
        }
        // Constant prices over the block (the usual flat tariff): money and CO2 follow from the energy sums,
        // `cost = pi·Σimport + pc·Σreceived − pf·Σexport − pc·Σdelivered`, baseline `pi·Σd − pf·Σ(s − curtailed)`.
        let pi = p.importPrice[0], pf = p.feedIn[0], pc = p.community[0], ef = p.emission[0]
        let d = imp + rec, s2 = exp + del
        return SettleSums(values: (rec, del, imp, exp, cur, (imp * pi + rec * pc) - (exp * pf + del * pc), d * pi - s2 * pf, imp * ef, d * ef))
    }

    /// Copies the block's per-house series for the sink (only with `detail == .full`).
    func block(start: Int, count n: Int) -> HouseStepBlock {
        let S = stride
        func gather(_ kind: Row?) -> [Double] {
            var out = [Double](repeating: 0, count: houseCount * n)
            out.withUnsafeMutableBufferPointer { o in
                for h in 0..<houseCount {
                    let p = kind.map { row($0, house: h, slot: 0) } ?? receivedBuf + rowIndex[h] * S
                    for k in 0..<n { o[h * n + k] = p[k] }
                }
            }
            return out
        }
        return HouseStepBlock(
            startStep: start, stepCount: n, houseNames: names, load: gather(.load), pv: gather(.pv), selfConsumption: gather(.selfUse),
            batteryCharge: gather(.charge), batteryDischarge: gather(.discharge), batteryEnergy: gather(.energy), received: gather(nil),
            delivered: gather(.delivered), gridImport: gather(.gridImport), gridExport: gather(.gridExport), curtailed: gather(.curtailed))
    }
}
