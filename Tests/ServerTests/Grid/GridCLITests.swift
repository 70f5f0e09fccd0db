import Foundation
import GridModel
@testable import Server
import Testing

/// `powerhouse simulate` and `powerhouse pv`, run as the built binary (no server, no database).
/// The built `powerhouse` executable beside the test bundle (`swift build` and `swift test` build it).
enum PowerhouseBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("powerhouse"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("powerhouse"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/powerhouse"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

@Suite(.enabled(if: PowerhouseBinary.url != nil, "the powerhouse binary is built by `swift build` / `swift test`"))
struct GridCLITests {

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = PowerhouseBinary.url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grid-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func simulateWritesKPIsAndSeries() throws {
        // Arrange
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let topology = dir.appendingPathComponent("topology.json")
        try Data(GridTest.topology.utf8).write(to: topology)
        let loads = dir.appendingPathComponent("loads.csv")
        var csv = "timestamp,H2\n"
        for step in 0..<(2 * 96) { csv += "\(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1_748_815_200 + Double(step) * 900))),2.5\n" }
        try Data(csv.utf8).write(to: loads)

        // Act
        let result = try Self.run([
            "simulate", topology.path, "--from", "2025-06-02", "--to", "2025-06-04", "--strategy", "equal", "--scope", "grid",
            "--loads", loads.path, "--out", dir.appendingPathComponent("out").path,
        ])

        // Assert
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("self-sufficiency"))
        #expect(result.output.contains("note: loads of 1 house(s) from the loads file"))
        #expect(result.output.contains("note: weather: synthetic"))
        let kpis = try GridJSON.parse(Data(contentsOf: dir.appendingPathComponent("out/kpis.json")))
        #expect(kpis["schema"] == .string("powerhouse.grid-kpis/v1"))
        let transformers = try String(contentsOf: dir.appendingPathComponent("out/transformers.csv"), encoding: .utf8)
        let rows = transformers.split(separator: "\n").count
        #expect(rows == 385)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/houses.csv").path))
    }

    @Test func simulateOnAWeatherFileAndItsErrors() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let topology = dir.appendingPathComponent("topology.json")
        try Data(SolarGlueTests.topology.utf8).write(to: topology)
        // Act
        let ok = try Self.run(["simulate", topology.path, "--weather", GridTest.tmy3URL.path, "--from", "2023-06-01", "--to", "2023-06-08",
                               "--out", dir.appendingPathComponent("out").path])
        let badDate = try Self.run(["simulate", topology.path, "--from", "2023-06-31", "--to", "2023-07-08", "--out", dir.path])
        let badStrategy = try Self.run(["simulate", topology.path, "--from", "2023-06-01", "--to", "2023-06-08", "--strategy", "lottery", "--out", dir.path])
        let missing = try Self.run(["simulate", dir.appendingPathComponent("nope.json").path, "--from", "2023-06-01", "--to", "2023-06-08", "--out", dir.path])
        // Assert
        #expect(ok.status == 0, "\(ok.error)")
        #expect(ok.output.contains("723170TYA-subset.CSV (TMY3"))
        #expect(badDate.status != 0 && badDate.error.contains("--from \"2023-06-31\""), "\(badDate.error)")
        #expect(badStrategy.status != 0 && badStrategy.error.contains("lottery"), "\(badStrategy.error)")
        #expect(missing.status != 0 && missing.error.contains("cannot read"), "\(missing.error)")
    }

    @Test func pvPrintsTheAnnualEnergyAndWritesTheSeries() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pv.csv")
        // Act
        let result = try Self.run([
            "pv", "--weather", GridTest.tmy3URL.path, "--kwp", "5", "--tilt", "30", "--azimuth", "180", "--losses", "14", "--dc-ac", "1.2",
            "--inverter-eff", "0.96", "--transposition", "perez", "--step", "15", "--out", out.path,
        ])
        let wrong = try Self.run(["pv", "--weather", GridTest.tmy3URL.path, "--kwp", "5", "--transposition", "magic"])
        // Assert
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("annual AC energy 6963.7 kWh"), "the Solar bench's figure for this system: \(result.output)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 35_041)
        #expect(lines.first?.hasPrefix("timestamp,ac_kw,dc_kw") == true)
        #expect(wrong.status != 0 && wrong.error.contains("isotropic, haydavies, perez"), "\(wrong.error)")
    }
}
