import Foundation
import Testing
@testable import GridModel

@Suite("Topology JSON")
struct TopologyJSONTests {
    @Test func exportImportExportIsByteIdentical() throws {
        // Arrange
        let topology = GridTopology.demo(seed: 7, houseCount: 40, transformerCount: 2)
        // Act
        let first = topology.jsonData()
        let reread = try GridTopology.read(json: first)
        let second = reread.jsonData()
        // Assert
        #expect(reread == topology)
        #expect(first == second)
    }

    @Test func exportUsesSchemaIdSortedKeysAndStableNumbers() throws {
        // Arrange
        let topology = GridTopology(grids: [
            Grid(name: "G", transformers: [Transformer(name: "T1", capacityKW: 250, kva: 400, powerFactor: 0.95)], houses: [
                House(name: "A", transformer: "T1", annualConsumptionKWh: 3500.5, flags: [.priority, .ev], tags: ["x"],
                      battery: BatterySpec(capacityKWh: 10, maxChargeKW: 5, maxDischargeKW: 5, chargeEfficiency: 0.1)),
            ]),
        ])
        // Act
        let text = topology.jsonString()
        // Assert
        #expect(text.contains("\"schema\": \"powerhouse.grid/v1\""))
        #expect(text.contains("\"capacity_kw\": 250,"))
        #expect(text.contains("\"annual_consumption_kwh\": 3500.5,"))
        #expect(text.contains("\"charge_efficiency\": 0.1,"))
        #expect(text.range(of: "\"ev\",")!.lowerBound < text.range(of: "\"priority\"")!.lowerBound)
        let keys = ["\"annual_consumption_kwh\"", "\"battery\"", "\"flags\"", "\"name\"", "\"tags\"", "\"transformer\"", "\"type\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func readsAMinimalDocumentWithDefaults() throws {
        // Arrange
        let json = """
        {"schema": "powerhouse.grid/v1", "grids": [{"name": "G", "transformers": [{"name": "T", "capacity_kw": 100}],
          "houses": [{"name": "H", "transformer": "T", "annual_consumption_kwh": 3000, "pv_systems": [{"kwp": 5}],
                      "battery": {"capacity_kwh": 8, "max_charge_kw": 4, "max_discharge_kw": 4}}]}]}
        """
        // Act
        let topology = try GridTopology.read(json: Data(json.utf8))
        // Assert
        let house = topology.grids[0].houses[0]
        #expect(topology.timeZone == "UTC")
        #expect(house.type == .residential)
        #expect(house.pvSystems[0].azimuthDegrees == 180)
        #expect(house.battery?.minSoC == 0.1)
        #expect(house.effectiveFlags == [.pv, .battery])
    }

    @Test func typeErrorsAndUnknownFieldsAreAllReportedWithPaths() {
        // Arrange
        let json = """
        {"schema": "powerhouse.grid/v1", "grids": [{"name": "G", "transformers": [{"name": "T", "capacity_kW": 100}],
          "houses": [{"name": "H", "transformer": "T", "annual_consumption_kwh": "3000", "type": "castle"}]}]}
        """
        // Act
        let error = #expect(throws: TopologyError.self) { try GridTopology.read(json: Data(json.utf8)) }
        // Assert
        let paths = Set(error?.issues.map(\.path) ?? [])
        #expect(paths.isSuperset(of: [
            "grids[0].transformers[0].capacity_kW", "grids[0].transformers[0].capacity_kw",
            "grids[0].houses[0].annual_consumption_kwh", "grids[0].houses[0].type",
        ]))
    }

    @Test func wrongSchemaAndBrokenJSONAreExplained() {
        // Arrange
        let wrong = #"{"schema": "powerhouse.grid/v9", "grids": []}"#
        // Act
        let e1 = #expect(throws: TopologyError.self) { try GridTopology.read(json: Data(wrong.utf8)) }
        let e2 = #expect(throws: TopologyError.self) { try GridTopology.read(json: Data("{".utf8)) }
        // Assert
        #expect(e1?.issues.first?.path == "schema")
        #expect(e2?.issues.first?.message.hasPrefix("not valid JSON") == true)
    }
}
