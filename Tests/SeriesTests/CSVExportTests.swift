import Foundation
import Testing
@testable import Series

@Suite struct CSVExportTests {
    @Test func isoTimestamps() {
        #expect(CSVExport.isoUTC(CSVFixture.iso("2024-01-31T13:45:00Z")) == "2024-01-31T13:45:00Z")
        #expect(CSVExport.isoUTC(CSVFixture.iso("1969-12-31T23:59:59Z") + 250) == "1969-12-31T23:59:59.250Z")
    }

    @Test func exportThenImportIsTheIdentity() throws {
        var rng = SplitMix64(seed: 31)
        for round in 0..<60 {
            // Arrange: two series on different, partly overlapping axes, with every kind of value
            let n = Int(rng.next() % 300) + 3
            let times = (0..<n).map { 1_700_000_000_000 + Int64($0) * 60_000 + (round % 2 == 0 ? 0 : Int64(rng.next() % 999)) }
            let a = SeriesData(timestamps: times, values: Shapes.decimals(n, &rng))
            let bTimes = times.filter { _ in rng.next() % 3 != 0 }
            let b = SeriesData(timestamps: bTimes, values: bTimes.map { _ in
                Shapes.extremes[Int(rng.next() % UInt64(Shapes.extremes.count))]
            })
            let aligned = SeriesData.align([a, b])
            let headers = ["P [kW]", "odd, \"name\""]
            // Act
            let text = CSVExport.csv(aligned, headers: headers, delimiter: round % 3 == 0 ? .semicolon : .comma)
            let detection = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true)
            let result = try CSVReader.read(Array(text.utf8), settings: detection.settings)
            // Assert
            #expect(result.timestamps == aligned.timestamps, "round \(round)")
            #expect(result.series.map(\.column.header) == headers, "round \(round)")
            for (k, column) in aligned.columns.enumerated() {
                #expect(result.series[k].data == SeriesData(timestamps: aligned.timestamps, values: column), "round \(round)")
            }
        }
    }
}
