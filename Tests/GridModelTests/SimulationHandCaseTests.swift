import Foundation
import Testing
@testable import GridModel

@Suite("Simulation, hand-computed cases")
struct SimulationHandCaseTests {
    /// A: L=1, G=5 (surplus 4); B: L=3; C: L=2. S = 4, D = 5, T = 4.
    static let sharingCase: [(String, Double, Double)] = [("A", 1, 5), ("B", 3, 0), ("C", 2, 0)]

    func run(_ houses: [(String, Double, Double)], capacity: Double = 100, sharing: SharingStrategy = .proRata, scope: SharingScope = .transformer,
             batteries: [String: BatterySpec] = [:], tags: [String: [String]] = [:], battery: BatteryStrategy = .selfConsumption) throws -> (SimulationResult, BlockCollector) {
        let (topology, load, pv, steps) = singleTransformer(capacityKW: capacity, houses: houses, batteries: batteries, tags: tags)
        let collector = BlockCollector()
        let options = SimulationOptions(sharing: sharing, scope: scope, battery: battery, detail: .full)
        let result = try Simulation.run(topology: topology, period: period(steps: steps), load: load, pv: pv, options: options, sink: collector.add)
        return (result, collector)
    }

    @Test func proRataSharing() throws {
        // Act
        let (result, c) = try run(Self.sharingCase)
        // Assert
        #expect(c.value(\.delivered, house: 0, step: 0) == 4)
        #expect(isClose(c.value(\.received, house: 1, step: 0), 2.4) && isClose(c.value(\.received, house: 2, step: 0), 1.6))
        #expect(isClose(c.value(\.gridImport, house: 1, step: 0), 0.6) && isClose(c.value(\.gridImport, house: 2, step: 0), 0.4))
        #expect(c.value(\.gridExport, house: 0, step: 0) == 0)
        #expect(isClose(result.transformers[0].received[0], 4) && isClose(result.transformers[0].flow[0], 1))
        // 4 steps of 15 min: B received 2.4 kW for an hour.
        #expect(isClose(result.houses[1].total.received, 2.4))
    }

    @Test func equalShareSharing() throws {
        // Arrange: needs 3 and 2 with T = 4 → equal 2 each (C fully served).
        // Act
        let (_, c) = try run(Self.sharingCase, sharing: .equalShare)
        // Assert
        #expect(c.value(\.received, house: 1, step: 0) == 2)
        #expect(c.value(\.received, house: 2, step: 0) == 2)
        #expect(c.value(\.gridImport, house: 1, step: 0) == 1)
    }

    @Test func equalShareCapRedistributes() throws {
        // Arrange: A has 6 surplus; B needs 1, C 4, D 5 → B capped at 1, C and D get 2.5 each.
        let houses: [(String, Double, Double)] = [("A", 0, 6), ("B", 1, 0), ("C", 4, 0), ("D", 5, 0)]
        // Act
        let (_, c) = try run(houses, sharing: .equalShare)
        // Assert
        #expect(c.value(\.received, house: 1, step: 2) == 1)
        #expect(c.value(\.received, house: 2, step: 2) == 2.5)
        #expect(c.value(\.received, house: 3, step: 2) == 2.5)
    }

    @Test func priorityListWithTies() throws {
        // Arrange: A surplus 5; B (tag vip) needs 2, C (tag vip) needs 4, D needs 3. vip first: 6 > 5 → pro rata 5/6.
        let houses: [(String, Double, Double)] = [("A", 0, 5), ("B", 2, 0), ("C", 4, 0), ("D", 3, 0)]
        let tags = ["B": ["vip"], "C": ["vip"]]
        // Act
        let (_, c) = try run(houses, sharing: .priority([.tag("vip"), .house("D")]), tags: tags)
        // Assert
        #expect(isClose(c.value(\.received, house: 1, step: 0), 5.0 / 3))
        #expect(isClose(c.value(\.received, house: 2, step: 0), 10.0 / 3))
        #expect(c.value(\.received, house: 3, step: 0) == 0)
    }

    @Test func priorityListServesFirstEntryFully() throws {
        // Arrange: D first: gets its 3, then vip (B, C) share the remaining 2 pro rata to 2 and 4.
        let houses: [(String, Double, Double)] = [("A", 0, 5), ("B", 2, 0), ("C", 4, 0), ("D", 3, 0)]
        // Act
        let (_, c) = try run(houses, sharing: .priority([.house("D"), .tag("vip")]), tags: ["B": ["vip"], "C": ["vip"]])
        // Assert
        #expect(c.value(\.received, house: 3, step: 0) == 3)
        #expect(isClose(c.value(\.received, house: 1, step: 0), 2.0 / 3))
        #expect(isClose(c.value(\.received, house: 2, step: 0), 4.0 / 3))
    }

    @Test func exportCurtailmentBeforeSharing() throws {
        // Arrange: cap 3; A exports 10, C exports 5, B needs 2. S − D = 13 > 3 → curtail 10 pro rata (2/3, 1/3).
        let houses: [(String, Double, Double)] = [("A", 0, 10), ("B", 2, 0), ("C", 0, 5)]
        // Act
        let (result, c) = try run(houses, capacity: 3)
        // Assert
        #expect(isClose(c.value(\.curtailed, house: 0, step: 0), 20.0 / 3))
        #expect(isClose(c.value(\.curtailed, house: 2, step: 0), 10.0 / 3))
        #expect(isClose(c.value(\.delivered, house: 0, step: 0), 4.0 / 3))
        #expect(isClose(c.value(\.gridExport, house: 0, step: 0), 2))
        #expect(isClose(c.value(\.gridExport, house: 2, step: 0), 1))
        #expect(isClose(result.transformers[0].flow[0], -3))
        #expect(result.transformers[0].overload[0] == 0)
        #expect(isClose(result.kpis.transformers[0].kpis.totals.curtailed, 10))
    }

    @Test func overloadIsReportedNotHidden() throws {
        // Arrange: cap 5, two houses drawing 4 kW each → 3 kW over for the whole hour.
        let houses: [(String, Double, Double)] = [("A", 4, 0), ("B", 4, 0)]
        // Act
        let (result, _) = try run(houses, capacity: 5)
        // Assert
        let t = result.kpis.transformers[0].kpis
        #expect(result.transformers[0].overload == [3, 3, 3, 3])
        #expect(t.hoursOverCapacity == 1)
        #expect(t.overloadKWh == 3)
        #expect(t.peakLoadingPercent == 160)
        #expect(result.kpis.total.hoursOverCapacity == 1)
    }

    @Test func batteryChargesThenDischargesWithEfficiencies() throws {
        // Arrange: 4 steps of 15 min; the battery (10 kWh, 4 kW, η 0.9/0.9, SoC 0.1…0.8, start 0.5 = 5 kWh)
        // charges from a 6 kW surplus, limited to 4 kW: E = 5 + 4·0.9·0.25 = 5.9 kWh after each step.
        let battery = BatterySpec(capacityKWh: 10, maxChargeKW: 4, maxDischargeKW: 4, chargeEfficiency: 0.9, dischargeEfficiency: 0.9, minSoC: 0.1, maxSoC: 0.8, initialSoC: 0.5)
        // Act
        let (_, c) = try run([("A", 1, 7)], batteries: ["A": battery])
        let (_, d) = try run([("A", 3, 0)], batteries: ["A": battery])
        // Assert
        #expect(c.value(\.batteryCharge, house: 0, step: 0) == 4)
        #expect(isClose(c.value(\.batteryEnergy, house: 0, step: 0), 5.9))
        #expect(isClose(c.value(\.gridExport, house: 0, step: 0), 2))
        // Step 3: E = 7.7 before; headroom (8 − 7.7)/(0.9·0.25) = 1.333… kW, and the rest is exported.
        #expect(isClose(c.value(\.batteryCharge, house: 0, step: 3), 0.3 / 0.225))
        #expect(isClose(c.value(\.batteryEnergy, house: 0, step: 3), 8))
        #expect(isClose(c.value(\.gridExport, house: 0, step: 3), 6 - 0.3 / 0.225))
        // Discharging 3 kW takes 3·0.25/0.9 = 0.8333 kWh from the cells per step.
        #expect(d.value(\.batteryDischarge, house: 0, step: 0) == 3)
        #expect(isClose(d.value(\.batteryEnergy, house: 0, step: 0), 5 - 0.75 / 0.9))
        #expect(d.value(\.gridImport, house: 0, step: 0) == 0)
    }

    @Test func peakShavingDischargesOnlyAboveThreshold() throws {
        // Arrange
        let battery = BatterySpec(capacityKWh: 10, maxChargeKW: 4, maxDischargeKW: 4, minSoC: 0, maxSoC: 1, initialSoC: 1)
        // Act
        let (_, c) = try run([("A", 5, 0)], batteries: ["A": battery], battery: .peakShaving(thresholdKW: 3.5))
        // Assert
        #expect(c.value(\.batteryDischarge, house: 0, step: 0) == 1.5)
        #expect(c.value(\.gridImport, house: 0, step: 0) == 3.5)
    }

    @Test func gridScopeSharesAcrossTransformers() throws {
        // Arrange: A on T1 has 4 surplus, B on T2 needs 3.
        let topology = GridTopology(grids: [Grid(name: "G", transformers: [Transformer(name: "T1", capacityKW: 50), Transformer(name: "T2", capacityKW: 50)], houses: [
            House(name: "A", transformer: "T1", annualConsumptionKWh: 0), House(name: "B", transformer: "T2", annualConsumptionKWh: 0),
        ])])
        let load = ArrayProfileSource(series: [[0], [3]]), pv = ArrayProfileSource(series: [[4], [0]])
        // Act
        let byTransformer = try Simulation.run(topology: topology, period: period(steps: 1), load: load, pv: pv, options: SimulationOptions(scope: .transformer))
        let byGrid = try Simulation.run(topology: topology, period: period(steps: 1), load: load, pv: pv, options: SimulationOptions(scope: .grid))
        // Assert
        #expect(byTransformer.houses[1].total.received == 0)
        #expect(byGrid.houses[1].total.received == 0.75)
        #expect(byGrid.transformers[0].flow[0] == -4 && byGrid.transformers[1].flow[0] == 3)
    }
}
