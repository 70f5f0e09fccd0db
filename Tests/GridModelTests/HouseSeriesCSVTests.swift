import Foundation
import Testing
@testable import GridModel

@Suite("Loads/PV CSV")
struct HouseSeriesCSVTests {
    @Test func readsUTCStampsInAnyRowOrder() throws {
        // Arrange
        let csv = "timestamp,B,A\n2025-01-01T00:15:00Z,2,20\n2025-01-01T00:00:00Z,1,10\n2025-01-01T00:30:00+00:00,3,30\n2025-01-01T01:45:00+01:00,4,40\n2025-01-02T00:00:00Z,9,9\n"
        // Act
        let series = try HouseSeriesCSV.read(Data(csv.utf8), period: period(steps: 4), houseNames: ["A", "B", "C"])
        // Assert
        #expect(series["A"] == [10, 20, 30, 40])
        #expect(series["B"] == [1, 2, 3, 4])
        #expect(series["C"] == nil)
    }

    @Test func naiveWallClockStampsFollowDSTRepeatInFileOrder() throws {
        // Arrange: 26 Oct 2025 in Berlin has 100 quarter hours; 02:00–02:45 occurs twice.
        let p = try SimulationPeriod(from: LocalDate("2025-10-26")!, to: LocalDate("2025-10-27")!, timeZoneID: "Europe/Berlin")
        var lines = ["time;H"]
        var value = 0
        for hour in 0..<24 {
            for rep in 0..<(hour == 2 ? 2 : 1) {
                for q in 0..<4 {
                    _ = rep
                    lines.append(String(format: "2025-10-26 %02d:%02d;%d", hour, q * 15, value))
                    value += 1
                }
            }
        }
        // Act
        let series = try HouseSeriesCSV.read(Data(lines.joined(separator: "\n").utf8), period: p, houseNames: ["H"])
        // Assert
        #expect(p.stepCount == 100)
        #expect(series["H"] == (0..<100).map(Double.init))
    }

    @Test func springGapIsAnError() throws {
        // Arrange
        let p = try SimulationPeriod(from: LocalDate("2025-03-30")!, to: LocalDate("2025-03-31")!, timeZoneID: "Europe/Berlin")
        let csv = "t,H\n2025-03-30 02:15,1\n"
        // Act
        let error = #expect(throws: SimulationError.self) { try HouseSeriesCSV.read(Data(csv.utf8), period: p, houseNames: ["H"]) }
        // Assert
        #expect(error?.description.contains("DST gap") == true)
    }

    @Test func errorsNameLineColumnAndValue() {
        // Arrange
        let unknown = "t,A,X,Y\n"
        let bad = "t,A\n2025-01-01T00:00:00Z,1\n2025-01-01T00:15:00Z,\"12,5,3\"\n"
        let missing = "t,A\n2025-01-01T00:00:00Z,1\n"
        // Act
        let e1 = #expect(throws: SimulationError.self) { try HouseSeriesCSV.read(Data(unknown.utf8), period: period(steps: 2), houseNames: ["A"]) }
        let e2 = #expect(throws: SimulationError.self) { try HouseSeriesCSV.read(Data(bad.utf8), period: period(steps: 2), houseNames: ["A"], what: "loads file") }
        let e3 = #expect(throws: SimulationError.self) { try HouseSeriesCSV.read(Data(missing.utf8), period: period(steps: 2), houseNames: ["A"]) }
        // Assert
        #expect(e1?.description.contains("column \"X\" is not a house") == true && e1?.description.contains("\"Y\"") == true)
        #expect(e2?.description.contains("line 3") == true)
        #expect(e3?.description.contains("1 step(s)") == true)
    }
}

@Suite("simulate command core")
struct SimulateCommandTests {
    @Test func writesKPIsAndSeriesWithOverrides() throws {
        // Arrange
        let topology = GridTopology.demo(seed: 2, houseCount: 12, transformerCount: 2)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grid-sim-\(UInt64(bitPattern: Int64(topology.allHouses.count)))-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let topologyFile = dir.appendingPathComponent("topology.json")
        try topology.jsonData().write(to: topologyFile)
        var rows = ["timestamp,H001"]
        for day in 1...2 {
            for q in 0..<96 { rows.append(String(format: "2025-06-%02dT%02d:%02d:00+02:00,1.5", day, q / 4, q % 4 * 15)) }
        }
        let loads = rows.joined(separator: "\n")
        let loadsFile = dir.appendingPathComponent("loads.csv")
        try Data(loads.utf8).write(to: loadsFile)
        let out = dir.appendingPathComponent("out")
        // Act
        let outcome = try SimulateCommand.run(topologyFile: topologyFile, from: "2025-06-01", to: "2025-06-03", strategy: "equal", scope: "grid", loadsFile: loadsFile, outputDirectory: out)
        // Assert
        #expect(outcome.result.houses[0].total.load == 1.5 * 48)
        #expect(outcome.notes.contains { $0.contains("synthetic clear-sky") })
        let kpis = try GridJSON.parse(Data(contentsOf: out.appendingPathComponent("kpis.json")))
        guard case .object(let doc) = kpis, case .object(let options)? = doc["options"] else { Issue.record("no options"); return }
        #expect(options["strategy"] == .string("equal") && options["scope"] == .string("grid"))
        let csv = try String(contentsOf: out.appendingPathComponent("transformers.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 2 * 192)
        #expect(csv.hasPrefix("timestamp,transformer,capacity_kw,load_kw,pv_kw"))
        #expect(csv.contains("\n2025-05-31T22:00:00Z,T1,"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("houses.csv").path))
    }

    @Test func hourlyStepsGiveTheSameEnergyAsQuarterHours() throws {
        // Arrange: no randomisation, so both runs follow the same BDEW profile; hourly steps average four quarters.
        let topology = GridTopology.demo(seed: 3, houseCount: 10, transformerCount: 1, includeHeatPumps: false)
        var quarter = SimulateRequest(topology: topology, from: LocalDate("2025-10-20")!, to: LocalDate("2025-11-03")!, randomization: .none)
        quarter.topology.grids[0].houses = quarter.topology.grids[0].houses.map { var h = $0; h.ev = nil; return h }
        var hourly = quarter
        hourly.stepMinutes = 60
        // Act
        let q = try SimulateCommand.run(quarter).result.kpis.total.totals
        let h = try SimulateCommand.run(hourly).result.kpis.total.totals
        // Assert
        #expect(isClose(q.load, h.load, tolerance: 1e-9))
        #expect(abs(h.pv / q.pv - 1) < 0.01)
    }

    @Test func strategyNamesAndPriorityLists() throws {
        #expect(try SimulateCommand.sharingStrategy("pro-rata", houseNames: []) == .proRata)
        #expect(try SimulateCommand.sharingStrategy("priority", priority: ["H1", "ev", "social"], houseNames: ["H1"]) == .priority([.house("H1"), .flag(.ev), .tag("social")]))
        #expect(throws: SimulationError.self) { try SimulateCommand.sharingStrategy("priority", priority: ["house:nope"], houseNames: ["H1"]) }
        #expect(throws: SimulationError.self) { try SimulateCommand.sharingStrategy("random", houseNames: []) }
    }

    @Test func sameRequestGivesBitIdenticalOutputs() throws {
        // Arrange
        let request = SimulateRequest(topology: .demo(seed: 5, houseCount: 30, transformerCount: 3), from: LocalDate("2025-03-28")!, to: LocalDate("2025-04-02")!, seed: 77)
        // Act
        let a = try SimulateCommand.run(request).result
        let b = try SimulateCommand.run(request).result
        // Assert
        #expect(a == b)
        #expect(a.kpiDocument().serialized() == b.kpiDocument().serialized())
        #expect(a.period.stepCount == 5 * 96 - 4)  // the DST spring day is short
    }
}
