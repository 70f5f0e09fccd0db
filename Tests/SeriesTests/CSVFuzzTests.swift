import Foundation
import Testing
@testable import Series

/// Random byte soup built from CSV's special characters must never crash the sniffer or the reader, and the
/// reader's counts must add up.
@Suite struct CSVFuzzTests {
    private static let atoms: [[UInt8]] = [
        ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ", "1", "2.5", "-0,5", "1.234,5", "x", "NaN", "ä", "€",
        "2024-01-01T00:00:00Z", "2024-03-31 02:30", "31.12.2024 23:59", "45292.5", "1704067200", "\u{FEFF}",
    ].map { Array($0.utf8) } + [[0xFF], [0xFE], [0x00], [0xC3]]

    @Test func randomInputNeverCrashesAndCountsAddUp() {
        var rng = SplitMix64(seed: 0xF022)
        for round in 0..<400 {
            var bytes: [UInt8] = round % 3 == 0 ? Array("time,v\n".utf8) : []
            for _ in 0..<Int(rng.next() % 300) { bytes += Self.atoms[Int(rng.next() % UInt64(Self.atoms.count))] }
            _ = try? CSVSniffer.detect(sample: bytes, isCompleteFile: rng.next() % 2 == 0)
            var settings = CSVSettings()
            settings.delimiter = CSVDelimiter.allCases[Int(rng.next() % 4)]
            settings.encoding = CSVEncoding.allCases[Int(rng.next() % 4)]
            settings.timestampFormat = TimestampFormat.allCases[Int(rng.next() % 6)]
            settings.timeZone = ["UTC", "Europe/Berlin", "America/New_York"][Int(rng.next() % 3)]
            settings.errorPolicy = .skip
            settings.headerRow = rng.next() % 2 == 0 ? 1 : nil
            settings.dataStartRow = Int(rng.next() % 3) + 1
            if rng.next() % 3 == 0 { settings.timeColumn = 1 }
            guard let result = try? CSVReader.read(bytes, settings: settings, chunkSize: Int(rng.next() % 64) + 1) else {
                continue  // settings the reader refuses up front
            }
            let report = result.report
            #expect(report.importedRows + report.skippedRows == report.dataRows, "round \(round)")
            #expect(result.timestamps.count == report.importedRows - report.duplicateTimestamps, "round \(round)")
            #expect(zip(result.timestamps, result.timestamps.dropFirst()).allSatisfy { $0 < $1 }, "round \(round)")
        }
    }
}
