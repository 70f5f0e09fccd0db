import Foundation
import Testing
@testable import Series

@Suite struct AggregationTests {
    private let hour: Int64 = 3_600_000
    private func at(_ s: String) -> Int64 { CSVFixture.iso(s) }

    /// Hourly points of value 1 from `from` to `to` (UTC instants).
    private func hourlyOnes(_ from: String, _ to: String) -> SeriesData {
        let times = Array(stride(from: at(from), to: at(to), by: Int(hour)))
        return SeriesData(timestamps: times, values: Array(repeating: 1, count: times.count))
    }

    @Test func berlinDaysAcrossSpringAndAutumnDST() throws {
        // Arrange
        let spring = hourlyOnes("2025-03-28T23:00:00Z", "2025-03-31T22:00:00Z")
        let autumn = hourlyOnes("2025-10-25T22:00:00Z", "2025-10-27T23:00:00Z")
        // Act
        let s = try #require(spring.aggregated(.day, .count, timeZone: "Europe/Berlin"))
        let a = try #require(autumn.aggregated(.day, .sum, timeZone: "Europe/Berlin"))
        // Assert: Mar 29 (24 h), Mar 30 (23 h), Mar 31 (24 h); Oct 26 has 25 h
        #expect(s.timestamps == [at("2025-03-28T23:00:00Z"), at("2025-03-29T23:00:00Z"), at("2025-03-30T22:00:00Z")])
        #expect(s.values == [24, 23, 24])
        #expect(zip(s.ends, s.timestamps).map { ($0 - $1) / hour } == [24, 23, 24])
        #expect(a.timestamps == [at("2025-10-25T22:00:00Z"), at("2025-10-26T23:00:00Z")])
        #expect(a.values == [25, 24])
    }

    @Test func berlinMonthsFollowLocalMidnight() throws {
        // Arrange
        let year = hourlyOnes("2024-12-31T23:00:00Z", "2025-12-31T23:00:00Z")
        // Act
        let months = try #require(year.aggregated(.month, .count, timeZone: "Europe/Berlin"))
        // Assert: hours per month, with 743 in March and 745 in October
        #expect(months.values == [744, 672, 743, 720, 744, 720, 744, 744, 720, 745, 720, 744])
        #expect(months.timestamps[1] == at("2025-01-31T23:00:00Z"))
        #expect(months.timestamps[3] == at("2025-03-31T22:00:00Z"))
        #expect(months.timestamps[10] == at("2025-10-31T23:00:00Z"))
    }

    @Test func isoWeeksStartMondayLocal() throws {
        let data = hourlyOnes("2025-03-26T00:00:00Z", "2025-04-02T00:00:00Z")
        let weeks = try #require(data.aggregated(.week, .count, timeZone: "Europe/Berlin"))
        #expect(weeks.timestamps == [at("2025-03-23T23:00:00Z"), at("2025-03-30T22:00:00Z")])
        #expect(weeks.ends.first == at("2025-03-30T22:00:00Z"))
    }

    @Test func hourlyBucketsInTheRepeatedHour() throws {
        // Arrange: 15-minute data through Berlin's autumn night
        let times = Array(stride(from: at("2025-10-25T22:00:00Z"), to: at("2025-10-26T23:00:00Z"), by: 900_000))
        let data = SeriesData(timestamps: times, values: times.indices.map(Double.init))
        // Act
        let hours = try #require(data.aggregated(.hour, .count, timeZone: "Europe/Berlin"))
        let quarters = try #require(data.aggregated(.minutes15, .count, timeZone: "Europe/Berlin"))
        // Assert: 25 local hours of 4 points each
        #expect(hours.values == Array(repeating: 4, count: 25))
        #expect(quarters.values.count == 100)
    }

    @Test func functionsOnHandValuesIgnoreNaN() throws {
        let data = SeriesData(timestamps: [0, 1000, 2000, 3000, 86_400_000], values: [.nan, 4, -2, 7, 1])
        func run(_ f: AggregationFunction) throws -> [Double] {
            try #require(data.aggregated(.day, f, timeZone: "UTC", from: 0, to: 3 * 86_400_000)).values
        }
        #expect(try run(.mean)[0] == 3)
        #expect(try run(.min)[0] == -2 && run(.max)[0] == 7 && run(.sum)[0] == 9)
        #expect(try run(.first)[0] == 4 && run(.last)[0] == 7)
        #expect(try run(.count) == [3, 1, 0])
        #expect(try run(.mean)[2].isNaN)
    }

    @Test func summariesGiveTheSameResultAsRawPoints() throws {
        var rng = SplitMix64(seed: 21)
        for round in 0..<40 {
            // Arrange: 5-minute data over ~3 months with NaN runs; quarter-valued so sums are exact
            let n = 26_000
            let start = at("2025-01-01T00:00:00Z") + Int64(rng.next() % 1000) * 60_000
            let times = (0..<n).map { start + Int64($0) * 300_000 }
            let values = (0..<n).map { _ in rng.next() % 20 == 0 ? Double.nan : Double(rng.next() % 4000) / 4 }
            let data = SeriesData(timestamps: times, values: values)
            let interval = [AggregationInterval.day, .week, .month][round % 3]
            let zone = ["Europe/Berlin", "America/New_York", "UTC"][round % 3]
            let planner = BlockPlanner(blockMillis: [3_600_000, 21_600_000, 86_400_000][round % 3])
            for function in AggregationFunction.allCases {
                var raw = try #require(Aggregator(interval: interval, function: function, timeZone: zone,
                                                  from: times[0], to: times[n - 1] + 1))
                var mixed = raw
                raw.add(data)
                // Act
                var absorbed = 0
                for piece in planner.split(data) {
                    if mixed.add(ChunkSummary(piece.data)) { absorbed += 1 } else { mixed.add(piece.data) }
                }
                // Assert
                #expect(absorbed > 0)
                #expect(mixed.result() == raw.result(), "\(interval) \(function) \(zone)")
            }
        }
    }

    @Test func storedChunksAreDecodedOnlyWhenTheySpanBuckets() throws {
        // Arrange: a year of 15-minute data in one-day chunks, aggregated by month in Berlin
        let data = Synthetic.householdLoad(from: at("2024-01-01T00:00:00Z"), to: at("2025-01-01T00:00:00Z"), seed: 9)
        let chunks = ChunkCodec.encodeBlocks(data, planner: BlockPlanner(blockMillis: 86_400_000))
        var aggregator = try #require(Aggregator(interval: .month, function: .max, timeZone: "Europe/Berlin",
                                                 from: at("2023-12-31T23:00:00Z"), to: at("2024-12-31T23:00:00Z")))
        // Act
        let loaded = try aggregator.add(chunks: chunks.map(\.summary)) { try ChunkCodec.decode(chunks[$0].bytes) }
        // Assert: only 12 daily chunks decode: the 11 UTC days holding a Berlin month boundary (local midnight is
        // 23:00 or 22:00 UTC) and the last day, which runs past the range
        #expect(loaded == 12)
        let expected = try #require(data.aggregated(.month, .max, timeZone: "Europe/Berlin",
                                                    from: at("2023-12-31T23:00:00Z"), to: at("2024-12-31T23:00:00Z")))
        #expect(aggregator.result() == expected)
    }

    @Test func energyFromPowerUsesRealDurations() throws {
        // Arrange: 15-minute kW points and one missing quarter
        let power = SeriesData(timestamps: [0, 900_000, 2_700_000], values: [4, .nan, 8])
        // Act
        let energy = Energy.fromPower(power)
        let back = Energy.toPower(energy)
        // Assert
        #expect(energy.values[0] == 1 && energy.values[1].isNaN && energy.values[2] == 2)
        #expect(back.values[0] == 4 && back.values[2] == 8)
    }

    @Test func dailyEnergyOnADSTDay() throws {
        let spring = hourlyOnes("2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z")
        let daily = try #require(spring.aggregated(.day, .mean, timeZone: "Europe/Berlin"))
        let kwh = Energy.fromPower(daily)
        #expect(kwh.values == [23])
        #expect(Energy.toPower(kwh).values == [1])
    }
}

@Suite struct AggregationIntervalTests {
    @Test func fittingPicksTheFinestIntervalThatFits() {
        let day: Int64 = 86_400_000
        #expect(AggregationInterval.fitting(from: 0, to: 365 * day, maxBuckets: 1000) == .day)
        #expect(AggregationInterval.fitting(from: 0, to: 7 * day, maxBuckets: 1000) == .minutes15)
        #expect(AggregationInterval.fitting(from: 0, to: 30 * day, maxBuckets: 1000) == .hour)
        #expect(AggregationInterval.fitting(from: 0, to: 15 * 365 * day, maxBuckets: 1000) == .week)
        #expect(AggregationInterval.fitting(from: 0, to: 200 * 365 * day, maxBuckets: 1000) == .month)
    }
}
