import Foundation

extension Engine {
    func result(topology: GridTopology) -> SimulationResult {
        let Q = EnergyTotals.fieldCount
        let stepHours = dt
        // Houses.
        var houses: [HouseResult] = []
        var transformerNames: [String] = [], transformerGrid: [String] = []
        for grid in topology.grids {
            transformerNames += grid.transformers.map(\.name)
            transformerGrid += grid.transformers.map { _ in grid.name }
        }
        var h = 0
        houseMonth.withUnsafeBufferPointer { hm in
            for grid in topology.grids {
                for house in grid.houses {
                    let monthly = (0..<monthCount).map { m in EnergyTotals(UnsafeBufferPointer(rebasing: hm[((h * monthCount + m) * Q)..<((h * monthCount + m + 1) * Q)])) }
                    houses.append(HouseResult(
                        name: house.name, grid: grid.name, transformer: house.transformer, monthly: monthly,
                        total: monthly.reduce(EnergyTotals(), +), peakImportKW: peakImport[h], batteryCapacityKWh: house.battery?.capacityKWh))
                    h += 1
                }
            }
        }
        // Transformer and grid series.
        let transformers = (0..<transformerCount).map { x in
            FlowSeries(name: transformerNames[x], capacityKW: capacity[x], columns: Array(series[(x * TQ.seriesCount)..<((x + 1) * TQ.seriesCount)]))
        }
        var grids: [FlowSeries] = []
        var first = 0
        for grid in topology.grids {
            let members = transformers[first..<(first + grid.transformers.count)]
            first += grid.transformers.count
            var columns = [[Double]](repeating: [Double](repeating: 0, count: calendar.period.stepCount), count: TQ.seriesCount)
            for q in 0..<TQ.seriesCount {
                columns[q].withUnsafeMutableBufferPointer { out in
                    for t in members {
                        t.columns[q].withUnsafeBufferPointer { src in for i in 0..<out.count { out[i] += src[i] } }
                    }
                }
            }
            // A grid has no single capacity limit; overload is the sum of its transformers' overloads.
            grids.append(FlowSeries(name: grid.name, capacityKW: members.reduce(0) { $0 + $1.capacityKW }, columns: columns))
        }
        // KPIs.
        func kpis(_ members: [HouseResult]) -> KPIs {
            var k = KPIs(totals: members.reduce(EnergyTotals()) { $0 + $1.total }, batteryCapacityKWh: members.reduce(0) { $0 + ($1.batteryCapacityKWh ?? 0) })
            if members.count == 1 { k.peakImportKW = members[0].peakImportKW }
            return k
        }
        let houseKPIs = houses.map { NamedKPIs(name: $0.name, kpis: kpis([$0])) }
        let transformerKPIs = transformers.map { t in
            var k = kpis(houses.filter { $0.transformer == t.name })
            k.addLoading(t, stepHours: stepHours)
            return NamedKPIs(name: t.name, kpis: k)
        }
        let gridKPIs = topology.grids.map { grid in
            var k = kpis(houses.filter { $0.grid == grid.name })
            k.addLoading(of: transformerKPIs.filter { t in grid.transformers.contains { $0.name == t.name } }.map(\.kpis))
            return NamedKPIs(name: grid.name, kpis: k)
        }
        var total = kpis(houses)
        total.addLoading(of: transformerKPIs.map(\.kpis))
        return SimulationResult(
            period: calendar.period, options: options, months: calendar.months, transformers: transformers, transformerGrid: transformerGrid,
            grids: grids, houses: houses, kpis: KPIReport(total: total, grids: gridKPIs, transformers: transformerKPIs, houses: houseKPIs))
    }
}
