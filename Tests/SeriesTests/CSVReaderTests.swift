import Foundation
import Testing
@testable import Series

@Suite struct CSVReaderTests {
    @Test func readsPlainCommaFile() throws {
        // Arrange
        let text = "time,P [kW],T_degC\n2024-01-01T00:00:00Z,1.5,20.1\n2024-01-01T00:15:00Z,,19.9\n"
        // Act
        let result = try CSVFixture.read(text)
        // Assert
        #expect(result.timestamps == [CSVFixture.iso("2024-01-01T00:00:00Z"), CSVFixture.iso("2024-01-01T00:15:00Z")])
        #expect(result.series.count == 2)
        #expect(result.series[0].column.name == "P" && result.series[0].column.unit == "kW")
        #expect(result.series[0].column.kind == .power)
        #expect(result.series[1].column.unit == "°C" && result.series[1].column.kind == .temperature)
        #expect(result.series[0].data.values[0] == 1.5 && result.series[0].data.values[1].isNaN)
        #expect(result.series[0].regularity == .fixed(stepMillis: 900_000))
        #expect(result.report.lines == 3 && result.report.importedRows == 2)
    }
}

@Suite struct CSVFileTests {
    @Test func importFileStreamsAndReportsProgress() throws {
        // Arrange: a file several chunks long
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("series-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = (0..<5000).map { "2024-01-01T00:00:00Z".replacingOccurrences(of: "00:00:00", with: String(format: "%02d:%02d:00", $0 / 60 % 24, $0 % 60)) }
        let text = "time;P [kW]\n" + rows.enumerated().map { "\($1);\($0),5" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url)
        // Act
        let detection = try CSVSniffer.detect(fileAt: url)
        var progress: [Int] = []
        let result = try CSVReader.importFile(at: url, settings: detection.settings, chunkSize: 4096) { read, total in
            progress.append(read)
            #expect(total == text.utf8.count)
        }
        // Assert
        #expect(progress.count > 10 && progress.last == text.utf8.count)
        #expect(progress == progress.sorted())
        #expect(result.series[0].data.values.count == 1440)  // 5000 rows over one day repeat: the last of each minute wins
        #expect(result.report.duplicateTimestamps == 5000 - 1440)
        #expect(result.series[0].metadata(id: "m1", timeZone: "UTC").unit == "kW")
    }
}
