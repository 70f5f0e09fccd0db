import Foundation
import Testing
@testable import GridModel

@Suite("Economics and KPIs")
struct EconomicsTests {
    static let economics = Economics(importTariff: .flat(0.30), feedInTariff: .flat(0.10), communityPrice: .midpoint, emissions: .constant(0.5))

    /// A: L=1, G=5; B: L=3; C: L=2 for one hour, pro rata: A delivers 4, B receives 2.4, C 1.6.
    static func handCase(scope: SharingScope = .transformer) throws -> SimulationResult {
        let (topology, load, pv, steps) = singleTransformer(capacityKW: 100, houses: [("A", 1, 5), ("B", 3, 0), ("C", 2, 0)])
        return try Simulation.run(topology: topology, period: period(steps: steps), load: load, pv: pv, options: SimulationOptions(scope: scope, economics: economics))
    }

    @Test func billsAndSavingsByHand() throws {
        // Act
        let r = try Self.handCase()
        let (a, b, c) = (r.houses[0].total, r.houses[1].total, r.houses[2].total)
        // Assert: community price is the midpoint 0.20.
        #expect(isClose(a.cost, -0.8) && isClose(a.baselineCost, -0.4) && isClose(a.saving, 0.4))
        #expect(isClose(b.cost, 0.6 * 0.3 + 2.4 * 0.2) && isClose(b.baselineCost, 0.9) && isClose(b.saving, 0.24))
        #expect(isClose(c.cost, 0.44) && isClose(c.saving, 0.16))
        #expect(isClose(b.co2Kg, 0.3) && isClose(b.baselineCo2Kg, 1.5))
        #expect(isClose(r.kpis.total.totals.saving, 0.8))
    }

    @Test func kpiFormulasByHand() throws {
        // Act
        let k = try Self.handCase().kpis
        // Assert
        #expect(isClose(k.total.selfSufficiency!, 1 - 1.0 / 6))
        #expect(k.total.selfConsumption == 1)
        #expect(isClose(k.total.communityShare!, 4.0 / 6))
        #expect(k.houses[1].kpis.selfConsumption == nil)  // no PV
        #expect(isClose(k.houses[1].kpis.selfSufficiency!, 1 - 0.6 / 3))
        #expect(isClose(k.houses[1].kpis.peakImportKW!, 0.6))
        #expect(k.total.batteryCycles == nil)
        #expect(isClose(k.transformers[0].kpis.peakLoadingKW!, 1) && isClose(k.transformers[0].kpis.peakLoadingPercent!, 1))
        #expect(k.grids[0].kpis.totals == k.total.totals)
    }

    @Test func timeOfUseTariffAndHourlyEmissions() throws {
        // Arrange: Thursday 2 Jan 2025, 00:00–02:00 UTC; workday hour 0 costs 0.2, hour 1 costs 0.4.
        var weekday = [Double](repeating: 0.4, count: 24)
        weekday[0] = 0.2
        let economics = Economics(importTariff: .timeOfUse(weekday: weekday, weekend: [Double](repeating: 0.1, count: 24)), emissions: .hourly([1, 2]))
        let topology = GridTopology(grids: [Grid(name: "G", transformers: [Transformer(name: "T", capacityKW: 10)], houses: [House(name: "A", transformer: "T", annualConsumptionKWh: 0)])])
        let p = SimulationPeriod(start: jan1st2025.addingTimeInterval(86400), stepMinutes: 15, stepCount: 8)
        // Act
        let r = try Simulation.run(topology: topology, period: p, load: ArrayProfileSource(series: [[Double](repeating: 1, count: 8)]), pv: ZeroProfileSource(), options: SimulationOptions(economics: economics))
        let holiday = try Simulation.run(topology: topology, period: period(steps: 4), load: ArrayProfileSource(series: [[Double](repeating: 1, count: 4)]), pv: ZeroProfileSource(), options: SimulationOptions(economics: economics))
        // Assert
        #expect(isClose(r.houses[0].total.cost, 0.6))
        #expect(isClose(r.houses[0].total.co2Kg, 3))
        #expect(isClose(holiday.houses[0].total.cost, 0.1))  // New Year's Day is priced as a weekend
    }

    @Test func monthlyTotalsAddUpToTheTotal() throws {
        // Arrange: 30 Jan – 3 Feb.
        let topology = GridTopology(grids: [Grid(name: "G", transformers: [Transformer(name: "T", capacityKW: 10)], houses: [House(name: "A", transformer: "T", annualConsumptionKWh: 0)])])
        let p = SimulationPeriod(start: jan1st2025.addingTimeInterval(29 * 86400), stepMinutes: 60, stepCount: 24 * 5)
        // Act
        let r = try Simulation.run(topology: topology, period: p, load: ArrayProfileSource(series: [[Double](repeating: 2, count: 120)]), pv: ZeroProfileSource())
        // Assert
        #expect(r.months == ["2025-01", "2025-02"])
        #expect(r.houses[0].monthly.map(\.load) == [96, 144])
        #expect(r.houses[0].total.load == 240)
    }

    @Test func compareTwoRuns() throws {
        // Arrange
        let shared = try Self.handCase(scope: .transformer)
        let alone = try Self.handCase(scope: .none)
        // Act
        let comparison = RunComparison(base: alone.kpis, candidate: shared.kpis)
        // Assert
        let row = try #require(comparison.row("total", "", "import_kwh"))
        #expect(isClose(row.delta!, -4))
        #expect(isClose(comparison.row("house", "B", "cost")!.delta!, -0.24))
        #expect(comparison.row("house", "B", "self_consumption") == nil)
    }

    @Test func houseTotalsAsJSONAndCSV() throws {
        // Arrange
        let r = try Self.handCase()
        // Act
        let json = r.houses[1].jsonValue(months: r.months).serialized()
        let csv = ResultWriter.housesCSV(r)
        // Assert
        #expect(json.contains("\"2025-01\": {") && json.contains("\"received_kwh\": 2.4"))
        #expect(csv.hasPrefix("house,grid,transformer,month,load_kwh,pv_kwh,self_consumed_kwh,"))
        #expect(csv.contains("\nB,G,T,total,3,0,0,0,0,2.4,0,0.6,"))
    }

    @Test func kpiDocumentIsStableJSON() throws {
        // Arrange
        let r = try Self.handCase()
        // Act
        let text = r.kpiDocument().serialized()
        let reparsed = try GridJSON.parse(Data(text.utf8))
        // Assert
        #expect(reparsed.serialized() == text)
        #expect(text.contains("\"schema\": \"powerhouse.grid-kpis/v1\""))
        #expect(text.contains("\"strategy\": \"pro-rata\""))
        #expect(text.contains("\"self_sufficiency\": 0.8333333333333334"))
    }
}
