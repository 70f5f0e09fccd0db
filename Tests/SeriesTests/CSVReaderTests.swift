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

    @Test func importFileReadsAheadWithTheSameResultAsInMemory() throws {
        // Arrange: quoted cells with line breaks and delimiters, CRLF, a bad row, so chunk ends cut records anywhere
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("series-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "time,P [kW],note\r\n" + (0..<3000).map { i in
            "2024-01-01T\(String(format: "%02d:%02d", i / 60 % 24, i % 60)):00Z,\(i == 1234 ? "x" : "\(i).5"),\"a,\r\nb \(i)\"\r\n"
        }.joined()
        try Data(text.utf8).write(to: url)
        var settings = try CSVSniffer.detect(fileAt: url).settings
        settings.errorPolicy = .skip
        let reference = try CSVReader.read(Array(text.utf8), settings: settings, chunkSize: text.utf8.count)
        for chunkSize in [1, 5, 64, 4096, 200_000] {
            // Act
            let result = try CSVReader.importFile(at: url, settings: settings, chunkSize: chunkSize)
            // Assert
            #expect(result.series == reference.series, "chunk \(chunkSize)")
            #expect(result.report == reference.report, "chunk \(chunkSize)")
        }
        #expect(reference.report.skippedRows == 1 && reference.rowCount == 1440)
    }

    @Test func importFileStopsOnABadRowAndOnAnUnreadableFile() throws {
        // Arrange: a bad row under `reject`, and a directory in place of a file
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("series-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("time,P\n" + (0..<2000).map { "\($0 * 60),\($0 == 1500 ? "oops" : "1")\n" }.joined()).utf8).write(to: url)
        var settings = CSVSettings()
        settings.timestampFormat = .unixSeconds
        // Act / Assert: the error names the line; the read-ahead thread is stopped (the test would hang otherwise)
        #expect { try CSVReader.importFile(at: url, settings: settings, chunkSize: 1000) } throws: { error in
            guard case .row(let issue) = error as? CSVImportError else { return false }
            return issue.line == 1502
        }
        #expect(throws: CocoaError.self) {
            try CSVReader.importFile(at: FileManager.default.temporaryDirectory, settings: settings)
        }
    }
}
