import Foundation
import Testing
@testable import Series

@Suite struct SeriesDataTests {
    @Test func regularityDetectsStepWithGapsAndRejectsJitter() {
        #expect(Regularity.detect([0, 900, 1800, 4500]) == .fixed(stepMillis: 900))
        #expect(Regularity.detect([0, 1000, 2003, 3000]) == .irregular)
        #expect(Regularity.detect([5]) == .irregular)
    }

    @Test func regularityIsCodableAsStepField() throws {
        let json = String(decoding: try JSONEncoder().encode(Regularity.fixed(stepMillis: 900_000)), as: UTF8.self)
        #expect(json == #"{"step_ms":900000}"#)
        #expect(try JSONDecoder().decode(Regularity.self, from: Data(#"{"step_ms":null}"#.utf8)) == .irregular)
    }

    @Test func sliceIsHalfOpen() {
        let data = SeriesData(timestamps: [10, 20, 30, 40], values: [1, 2, 3, 4])
        #expect(data.slice(from: 20, to: 40) == SeriesData(timestamps: [20, 30], values: [2, 3]))
        #expect(data.slice(from: 41, to: 50).isEmpty)
        #expect(data.slice(from: 0, to: 11) == SeriesData(timestamps: [10], values: [1]))
    }

    @Test func sortedDeduplicatedKeepsLastDuplicate() {
        let data = SeriesData(timestamps: [30, 10, 20, 10], values: [3, 1, 2, 9])
        #expect(data.sortedDeduplicated() == SeriesData(timestamps: [10, 20, 30], values: [9, 2, 3]))
    }

    @Test func alignUnionsTimestampsWithNaNForMissing() {
        // Arrange
        let a = SeriesData(timestamps: [1, 3, 5], values: [10, 30, 50])
        let b = SeriesData(timestamps: [2, 3, 6], values: [20, 31, 60])
        // Act
        let aligned = SeriesData.align([a, b])
        // Assert
        #expect(aligned == AlignedSeries(
            timestamps: [1, 2, 3, 5, 6],
            columns: [[10, .nan, 30, 50, .nan], [.nan, 20, 31, .nan, 60]]))
    }

    @Test func metadataRoundTripsThroughJSON() throws {
        let meta = SeriesMetadata(
            id: "s1", name: "Load", unit: "kW", kind: .power, source: .upload, tags: ["site": "north"],
            regularity: .fixed(stepMillis: 900_000), timeZone: "Europe/Berlin")
        #expect(try JSONDecoder().decode(SeriesMetadata.self, from: JSONEncoder().encode(meta)) == meta)
    }

    @Test func deterministicMathMatchesFoundationClosely() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<10_000 {
            let x = (rng.nextUnit() - 0.5) * 200
            #expect(abs(DeterministicMath.sin(x) - sin(x)) < 1e-13)
            #expect(abs(DeterministicMath.cos(x) - cos(x)) < 1e-13)
            #expect(abs(DeterministicMath.exp(x / 4) / exp(x / 4) - 1) < 1e-13)
            let y = rng.nextUnit() * 1e6 + 1e-9
            #expect(abs(DeterministicMath.log(y) - log(y)) < 1e-12)
        }
    }

    @Test func splitMixIsStable() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    }
}

@Suite struct SeriesDataMergingTests {
    @Test func newerPointsWinAndOrderIsKept() {
        let old = SeriesData(timestamps: [1, 3, 5, 7], values: [10, 30, 50, 70])
        let new = SeriesData(timestamps: [3, 4, 8], values: [31, 40, 80])
        #expect(old.merging(new) == SeriesData(timestamps: [1, 3, 4, 5, 7, 8], values: [10, 31, 40, 50, 70, 80]))
        #expect(old.merging(SeriesData()) == old && SeriesData().merging(new) == new)
        #expect(old.merging(SeriesData(timestamps: [9], values: [.nan])).count == 5)
    }

    @Test func mergeMatchesSortDeduplicateOfTheConcatenation() {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<200 {
            let a = Array(Set((0..<50).map { _ in Int64(rng.next() % 100) })).sorted()
            let b = Array(Set((0..<50).map { _ in Int64(rng.next() % 100) })).sorted()
            let left = SeriesData(timestamps: a, values: a.map { Double($0) })
            let right = SeriesData(timestamps: b, values: b.map { -Double($0) })
            var joined = left
            joined.append(contentsOf: right)
            #expect(left.merging(right) == joined.sortedDeduplicated())
        }
    }
}
