import Foundation

/// Bucket length of a calendar aggregation.
public enum AggregationInterval: String, Sendable, Codable, CaseIterable, Hashable {
    case minutes15 = "15m"
    case hour = "1h"
    case day = "1d"
    /// ISO weeks, starting Monday 00:00 local time.
    case week = "1w"
    case month = "1mo"
}

extension AggregationInterval {
    /// Typical bucket length in milliseconds (months as 30.44 days), for choosing an interval.
    public var nominalMillis: Int64 {
        switch self {
        case .minutes15: 900_000
        case .hour: 3_600_000
        case .day: 86_400_000
        case .week: 604_800_000
        case .month: 2_629_746_000
        }
    }

    /// The finest interval that splits `from ..< to` into at most `maxBuckets` buckets (`.month` if none
    /// does): what a chart of `maxBuckets` points should aggregate to.
    public static func fitting(from: Int64, to: Int64, maxBuckets: Int) -> AggregationInterval {
        let span = max(0, to - from)
        return allCases.first { span / $0.nominalMillis + 1 <= Int64(max(1, maxBuckets)) } ?? .month
    }
}

/// Consecutive calendar buckets covering a time range in a zone. Days, weeks and months start at local
/// midnight, so a Berlin day lasts 23, 24 or 25 hours; a midnight that does not exist starts the day at the
/// first instant after the gap. 15-minute and hourly buckets are fixed UTC steps aligned to local clock
/// boundaries (exact for every zone whose offsets are whole hours, or whole quarter hours for 15 min).
/// Buckets are labelled by their start as a UTC instant.
public struct CalendarBuckets: Sendable, Equatable {
    public let interval: AggregationInterval
    public let timeZone: String
    /// `count + 1` ascending boundaries: bucket `i` is `bounds[i] ..< bounds[i + 1]`.
    public let bounds: [Int64]

    /// Buckets from the one containing `from` up to the one containing `to - 1`; nil for an unknown zone.
    public init?(interval: AggregationInterval, timeZone: String, from: Int64, to: Int64) {
        guard var resolver = ZoneResolver(identifier: timeZone) else { return nil }
        self.interval = interval
        self.timeZone = timeZone
        guard from < to else {
            bounds = [from]
            return
        }
        var bounds: [Int64] = []
        switch interval {
        case .minutes15, .hour:
            let step: Int64 = interval == .hour ? 3_600_000 : 900_000
            let local = resolver.local(fromUTC: from)
            var t = from - (local - CivilDate.floorDiv(local, step) * step)
            bounds.reserveCapacity(Int((to - t) / step) + 2)
            while true {
                bounds.append(t)
                if t >= to { break }
                t += step
            }
        case .day, .week, .month:
            let startDay = CivilDate.floorDiv(resolver.local(fromUTC: from), CivilDate.millisPerDay)
            var day = Self.floor(day: startDay, interval)
            while true {
                let t = Self.instant(ofLocalDay: day, &resolver)
                bounds.append(t)
                if t >= to { break }
                day = Self.next(day: day, interval)
            }
        }
        self.bounds = bounds
    }

    public var count: Int { bounds.count - 1 }

    /// Start instants (the labels).
    public var starts: ArraySlice<Int64> { bounds.dropLast() }

    public func range(_ i: Int) -> Range<Int64> { bounds[i]..<bounds[i + 1] }

    /// The bucket holding `t`, or nil outside the covered range.
    public func index(of t: Int64) -> Int? {
        guard let first = bounds.first, let last = bounds.last, t >= first, t < last else { return nil }
        var lo = 0
        var hi = bounds.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if bounds[mid] <= t { lo = mid } else { hi = mid }
        }
        return lo
    }

    private static func floor(day: Int64, _ interval: AggregationInterval) -> Int64 {
        switch interval {
        case .week: return day - (CivilDate.weekday(days: day) - 1)
        case .month:
            let (y, m, _) = CivilDate.date(days: day)
            return CivilDate.days(year: y, month: m, day: 1)
        default: return day
        }
    }

    private static func next(day: Int64, _ interval: AggregationInterval) -> Int64 {
        switch interval {
        case .week: return day + 7
        case .month:
            let (y, m, _) = CivilDate.date(days: day)
            return m == 12 ? CivilDate.days(year: y + 1, month: 1, day: 1) : CivilDate.days(year: y, month: m + 1, day: 1)
        default: return day + 1
        }
    }

    /// Local midnight of a day as an instant: the earlier one if midnight repeats, the end of the gap if it
    /// does not exist.
    private static func instant(ofLocalDay day: Int64, _ resolver: inout ZoneResolver) -> Int64 {
        let local = day * CivilDate.millisPerDay
        switch resolver.resolve(localMillis: local) {
        case .unique(let t): return t
        case .repeated(let earlier, _): return earlier
        case .nonexistent(_, _, let gapEnd): return gapEnd
        }
    }
}
