import Foundation
import Testing
@testable import Series

@Suite struct CalendarBucketsTests {
    private static let zones = ["Europe/Berlin", "America/New_York", "America/Santiago", "America/Havana",
                                "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]

    @Test func bucketsTileTheRangeAndStartAtLocalBoundaries() throws {
        var rng = SplitMix64(seed: 13)
        var problems: [String] = []
        for round in 0..<120 {
            // Arrange
            let zone = Self.zones[round % Self.zones.count]
            let interval = AggregationInterval.allCases[Int(rng.next() % 5)]
            let sixYears: UInt64 = 6 * 365 * 86_400_000
            let from: Int64 = 1_577_836_800_000 + Int64(rng.next() % sixYears)  // 2020…2026
            let span = UInt64(interval.nominalMillis) * 200
            let to: Int64 = from + Int64(rng.next() % span) + 1
            // Act
            let buckets = try #require(CalendarBuckets(interval: interval, timeZone: zone, from: from, to: to))
            // Assert
            let resolver = ZoneResolver(identifier: zone)!
            guard let first = buckets.bounds.first, first <= from, buckets.bounds.last! >= to else {
                problems.append("\(zone) \(interval): range not covered")
                continue
            }
            for i in 0..<buckets.count {
                let start = buckets.bounds[i]
                let length = buckets.bounds[i + 1] - start
                let local = resolver.local(fromUTC: start)
                let dayStart = local % CivilDate.millisPerDay == 0
                switch interval {
                case .minutes15, .hour:
                    if length != interval.nominalMillis { problems.append("\(zone) \(interval) length \(length)") }
                case .day:
                    // 23/24/25 h around DST; Lord Howe shifts by 30 min.
                    if abs(length - 86_400_000) > 3_600_000 { problems.append("\(zone) day length \(length)") }
                case .week, .month:
                    let day = CivilDate.floorDiv(local, CivilDate.millisPerDay)
                    if interval == .week && CivilDate.weekday(days: day) != 1 { problems.append("\(zone) week not Monday") }
                    if interval == .month && CivilDate.date(days: day).day != 1 { problems.append("\(zone) month not 1st") }
                }
                // Days start at local midnight unless midnight itself was skipped (Santiago, Havana).
                if [.day, .week, .month].contains(interval) && !dayStart && local % CivilDate.millisPerDay > 3_600_000 {
                    problems.append("\(zone) \(interval) starts at local \(local % CivilDate.millisPerDay)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func santiagoDayWithoutMidnightStartsAtOne() throws {
        // 2024-09-08: Chile skips 00:00–01:00 local (UTC−4 → UTC−3).
        let b = try #require(CalendarBuckets(interval: .day, timeZone: "America/Santiago",
                                             from: CSVFixture.iso("2024-09-08T04:00:00Z"), to: CSVFixture.iso("2024-09-08T12:00:00Z")))
        #expect(b.bounds.first == CSVFixture.iso("2024-09-08T04:00:00Z"))
        #expect(b.range(0).upperBound - b.range(0).lowerBound == 23 * 3_600_000)
    }
}
