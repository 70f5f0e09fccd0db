import Foundation
import Testing
@testable import Series

@Suite struct DownsampleTests {
    private func noisy(_ n: Int, _ rng: inout SplitMix64, nanRuns: Bool) -> SeriesData {
        var values = (0..<n).map { i in DeterministicMath.sin(Double(i) / 50) + rng.nextUnit() }
        if nanRuns {
            for _ in 0..<5 {
                let start = Int(rng.next() % UInt64(n))
                for j in start..<min(n, start + Int(rng.next() % 200)) { values[j] = .nan }
            }
        }
        return SeriesData(timestamps: Shapes.regularTimestamps(n, step: 60_000), values: values)
    }

    private func isAscending(_ t: [Int64]) -> Bool { zip(t, t.dropFirst()).allSatisfy { $0 < $1 } }

    @Test func lttbKeepsSizeEndpointsAndOrder() {
        var rng = SplitMix64(seed: 11)
        for round in 0..<200 {
            // Arrange
            let n = Int(rng.next() % 5000) + 1
            let m = Int(rng.next() % 600)
            let data = noisy(n, &rng, nanRuns: round % 2 == 0)
            // Act
            let out = Downsample.lttb(data, maxPoints: m)
            // Assert
            #expect(out.count == min(n, m))
            #expect(isAscending(out.timestamps))
            if m >= 2 && n >= 2 {
                #expect(out.timestamps.first == data.timestamps.first)
                #expect(out.timestamps.last == data.timestamps.last)
            }
            let lookup = Dictionary(uniqueKeysWithValues: zip(data.timestamps, data.values))
            #expect(out.timestamps.indices.allSatisfy { i in
                let original = lookup[out.timestamps[i]]!
                return original.isNaN ? out.values[i].isNaN : original == out.values[i]
            })
        }
    }

    @Test func lttbMarksAllNaNBucketsAsGaps() {
        // Arrange: the middle third has no data
        let n = 3000
        let values = (0..<n).map { $0 >= 1000 && $0 < 2000 ? Double.nan : Double($0 % 7) }
        let data = SeriesData(timestamps: Shapes.regularTimestamps(n), values: values)
        // Act
        let out = Downsample.lttb(data, maxPoints: 30)
        // Assert: gap points inside the hole, real points outside
        #expect(out.values.contains { $0.isNaN })
        #expect(out.values.filter { !$0.isNaN }.count >= 18)
    }

    @Test func lttbPicksTheSpikeOfAFlatLine() {
        var values = [Double](repeating: 0, count: 1000)
        values[500] = 100
        let out = Downsample.lttb(SeriesData(timestamps: Shapes.regularTimestamps(1000), values: values), maxPoints: 10)
        #expect(out.values.contains(100))
    }

    @Test func minMaxNeverExceedsAndKeepsEveryPeak() {
        var rng = SplitMix64(seed: 12)
        for round in 0..<200 {
            // Arrange: spikes far above and below the noise
            let n = Int(rng.next() % 5000) + 1
            let m = Int(rng.next() % 600)
            var data = noisy(n, &rng, nanRuns: round % 2 == 0)
            var values = data.values
            let spike = Int(rng.next() % UInt64(n))
            let dip = Int(rng.next() % UInt64(n))
            values[spike] = 1000
            values[dip] = -1000
            data = SeriesData(timestamps: data.timestamps, values: values)
            // Act
            let out = Downsample.minMax(data, maxPoints: m)
            // Assert
            #expect(out.count <= max(m, 0) || n <= m)
            #expect(isAscending(out.timestamps))
            if m >= 2 {
                #expect(out.values.contains(1000) && out.values.contains(-1000))
            }
        }
    }

    @Test func minMaxKeepsMinAndMaxOfEachBucketInTimeOrder() {
        // Arrange: 8 points, 2 buckets of 4
        let data = SeriesData(timestamps: [0, 1, 2, 3, 4, 5, 6, 7], values: [5, 9, 1, 4, 2, 2, 8, 3])
        // Act
        let out = Downsample.minMax(data, maxPoints: 4)
        // Assert
        #expect(out == SeriesData(timestamps: [1, 2, 4, 6], values: [9, 1, 2, 8]))
    }
}
