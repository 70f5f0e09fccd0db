import Foundation
import Testing
@testable import Series

/// Reading large chunks on two cores must be an optimisation only: the same rows, values, issues, line numbers
/// and report as reading them in order on one core — with unusual rows, disorder and DST rules anywhere,
/// including right at the split.
@Suite struct CSVParallelReadTests {
    /// `rows` minutes from a start, with the oddities the general path handles sprinkled in by `rng`.
    private func file(rows: Int, _ rng: inout SplitMix64, local: Bool, oddities: Bool) -> [UInt8] {
        // 2024-10-27 00:00 Europe/Berlin local (the repeated hour 02:00–03:00 is 120 minutes in) or UTC.
        let start: Int64 = 1_729_987_200
        var text = "time,a,b\n"
        for i in 0..<rows {
            var t = start + Int64(i) * 60
            if local, i >= 120, i < 180 { t -= 3600 }  // walk through 02:00–03:00 twice
            if oddities, rng.next() % 997 == 0 { t -= Int64(rng.next() % 100_000) }  // out of order (and duplicates)
            let time = local ? Self.localText(t) : String(t)
            var a = "\(i % 1000).\(i % 7)"
            var b = i % 13 == 0 ? "" : "-\(i % 97)"
            if oddities {
                switch rng.next() % 1500 {
                case 0: a = "12,5,3"  // a bad number
                case 1: b = "NA"
                case 2: a = " \(a) "  // padded
                default: break
                }
            }
            text += "\(time),\(a),\(b)\n"
            if oddities, rng.next() % 3000 == 0 { text += "\n" }
        }
        return Array(text.utf8)
    }

    private static func localText(_ utcSeconds: Int64) -> String {
        // Europe/Berlin on 2024-10-27: +2 h before 01:00 UTC, +1 h after.
        let offset: Int64 = utcSeconds < 1_729_990_800 ? 7200 : 3600
        let local = Date(timeIntervalSince1970: TimeInterval(utcSeconds + offset))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: local)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    private func read(_ bytes: [UInt8], _ settings: CSVSettings, parallel: Bool, chunk: Int) -> Result<CSVImportResult, CSVImportError> {
        var inParallel = 0
        return Result { () throws(CSVImportError) in
            var reader = try CSVReader(settings: settings)
            reader.parallelRead = parallel
            var start = 0
            while start < bytes.count {
                let end = min(start + chunk, bytes.count)
                try reader.consume(Array(bytes[start..<end]))
                start = end
                inParallel = reader.rowsReadInParallel
            }
            return try reader.finish()
        }.map { result in
            #expect(!parallel || inParallel > 0, "the second core read some rows")
            return result
        }
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func parallelAndSequentialReadsAgree(local: Bool, oddities: Bool) throws {
        var rng = SplitMix64(seed: local ? 11 : 7)
        for round in 0..<6 {
            // Arrange: 40,000 rows (about 1 MB), read in chunks from 128 KB to the whole file.
            let bytes = file(rows: 40_000, &rng, local: local, oddities: oddities)
            var settings = CSVSettings()
            settings.timestampFormat = local ? .iso8601 : .unixSeconds
            settings.timeZone = local ? "Europe/Berlin" : "UTC"
            settings.errorPolicy = round % 2 == 0 ? .skip : .reject
            // (The smallest is just above the parallel minimum: the record a chunk boundary cuts is read first.)
            let chunk = [CSVReader.parallelMinimumBytes + 4096, 300_000, 1 << 20, bytes.count][round % 4]

            // Act
            let parallel = read(bytes, settings, parallel: true, chunk: chunk)
            let sequential = read(bytes, settings, parallel: false, chunk: chunk)

            // Assert
            switch (parallel, sequential) {
            case (.success(let p), .success(let s)):
                #expect(p.series == s.series, "round \(round)")
                #expect(p.report == s.report, "round \(round)")
                #expect(p.report.importedRows > 39_000)
            case (.failure(let p), .failure(let s)):
                #expect("\(p)" == "\(s)", "round \(round)")
            default:
                Issue.record("round \(round): \(parallel) vs \(sequential)")
            }
        }
    }
}
