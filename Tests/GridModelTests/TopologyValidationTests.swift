import Foundation
import Testing
@testable import GridModel

@Suite("Topology validation")
struct TopologyValidationTests {
    @Test func collectsEveryIssueWithItsFieldPath() {
        // Arrange
        var bad = House(name: "A", transformer: "T9", annualConsumptionKWh: -1, flags: [HouseFlag(rawValue: "solar")])
        bad.battery = BatterySpec(capacityKWh: 10, maxChargeKW: 5, maxDischargeKW: 5, minSoC: 0.9, maxSoC: 0.8, initialSoC: 0.85)
        bad.pvSystems = [PVSystemSpec(kWp: 5, tiltDegrees: 95)]
        var soc = House(name: "A", transformer: "T1", annualConsumptionKWh: 1000)
        soc.battery = BatterySpec(capacityKWh: 10, maxChargeKW: 5, maxDischargeKW: 5, initialSoC: 1.5)
        let topology = GridTopology(timeZone: "Mars/Olympus", grids: [
            Grid(name: "G", transformers: [Transformer(name: "T1", capacityKW: -5)], houses: [bad, soc]),
        ])
        // Act
        let issues = topology.validate()
        // Assert
        let byPath = Dictionary(grouping: issues, by: \.path)
        #expect(byPath["time_zone"] != nil)
        #expect(byPath["grids[0].transformers[0].capacity_kw"]?.first?.message.contains("positive") == true)
        #expect(byPath["grids[0].houses[0].transformer"]?.first?.message.contains("unknown transformer \"T9\"") == true)
        #expect(byPath["grids[0].houses[0].annual_consumption_kwh"] != nil)
        #expect(byPath["grids[0].houses[0].flags"]?.first?.message.contains("unknown flag \"solar\"") == true)
        #expect(byPath["grids[0].houses[0].battery.min_soc"]?.first?.message.contains("greater than max_soc") == true)
        #expect(byPath["grids[0].houses[0].pv_systems[0].tilt_deg"] != nil)
        #expect(byPath["grids[0].houses[1].name"]?.first?.message.contains("duplicate house name \"A\"") == true)
        #expect(byPath["grids[0].houses[1].battery.initial_soc"]?.first?.message.contains("within 0…1") == true)
        #expect(issues.count == 9)
    }

    @Test func readRejectsInvalidTopologyListingAllIssues() {
        // Arrange
        let json = """
        {"schema": "powerhouse.grid/v1", "grids": [{"name": "G", "transformers": [{"name": "T", "capacity_kw": 0}],
          "houses": [{"name": "H", "transformer": "X", "annual_consumption_kwh": 1}]}]}
        """
        // Act
        let error = #expect(throws: TopologyError.self) { try GridTopology.read(json: Data(json.utf8)) }
        // Assert
        #expect(error?.issues.count == 2)
        #expect(error?.description.contains("grids[0].houses[0].transformer: unknown transformer \"X\"") == true)
    }

    @Test func demoIsValidDeterministicAndMixed() {
        // Arrange / Act
        let a = GridTopology.demo(seed: 42)
        let b = GridTopology.demo(seed: 42)
        let c = GridTopology.demo(seed: 43)
        // Assert
        #expect(a.validate().isEmpty)
        #expect(a == b)
        #expect(a != c)
        let houses = a.grids[0].houses
        #expect(houses.count == 150)
        #expect(a.grids[0].transformers.count == 3)
        #expect(houses.contains { !$0.pvSystems.isEmpty } && houses.contains { $0.battery != nil })
        #expect(houses.contains { $0.pvSystems.isEmpty })
        #expect(Set(houses.map(\.type)).count >= 3)
    }
}
