import Foundation
import Testing
@testable import Series

/// The fused fast path must be an optimisation only: the same rows, values, issues and report as the
/// general path (which `rowLimit` forces, since previews never take the fast path).
@Suite struct CSVFastPathTests {
    private static let cells = ["1.5", "-0.25", "", "12", "007.100", "1e3", " 2.5", "\"3.5\"", "x", "1.2.3", "NA",
                                "12345678901234567890.5", "-0", ".5", "5.", "1,5", "\"1\"\"\"", "2.5 ", "  ", " \"7\" ", "\"7\" ", "\"8\"x", "1.5 x"]
    private static let times = ["2024-01-01T00:%02d:00", "2024-01-01 00:%02d", "2024-01-01T00:%02d:00Z",
                                "2024-01-01T00:%02d:00+01:00", " 2024-01-01T00:%02d:00", "2024-01-01T00:%02d:00.5",
                                "2024-01-01 00:%02d  ", "\"2024-01-01 00:%02d\""]

    private func randomFile(_ rng: inout SplitMix64, delimiter: String) -> String {
        var lines = ["time\(delimiter)a\(delimiter)b"]
        for minute in 0..<60 {
            let time = String(format: Self.times[Int(rng.next() % UInt64(Self.times.count))], minute)
            var fields = [time]
            for _ in 0..<(rng.next() % 7 == 0 ? 3 : 2) { fields.append(Self.cells[Int(rng.next() % UInt64(Self.cells.count))]) }
            if rng.next() % 15 == 0 { fields.removeLast() }
            lines.append(fields.joined(separator: delimiter))
            if rng.next() % 20 == 0 { lines.append("") }
        }
        return lines.joined(separator: rng.next() % 2 == 0 ? "\n" : "\r\n") + (rng.next() % 2 == 0 ? "\n" : "")
    }

    @Test func fastAndGeneralPathsAgree() throws {
        var rng = SplitMix64(seed: 77)
        for round in 0..<300 {
            // Arrange
            let delimiter = round % 2 == 0 ? "," : ";"
            let bytes = Array(randomFile(&rng, delimiter: delimiter).utf8)
            var settings = CSVSettings()
            settings.delimiter = delimiter == "," ? .comma : .semicolon
            settings.errorPolicy = .skip
            settings.timeZone = "Europe/Berlin"
            // Act
            let fast = try CSVReader.read(bytes, settings: settings, chunkSize: Int(rng.next() % 50) + 1)
            var general = try CSVReader(settings: settings)
            general.rowLimit = .max
            try general.consume(bytes)
            let slow = try general.finish()
            // Assert
            #expect(fast.series == slow.series, "round \(round)")
            #expect(fast.report == slow.report, "round \(round)")
        }
    }
}
