import Foundation

/// How the points of one bucket become one value.
public enum AggregationFunction: String, Sendable, Codable, CaseIterable, Hashable {
    case mean, min, max, sum, count, first, last
}

/// Calendar-bucketed result: one value per bucket (NaN for a bucket without data, 0 for `count`).
public struct AggregatedSeries: Sendable, Equatable {
    /// Bucket starts (UTC instants of local calendar boundaries).
    public var timestamps: [Int64]
    /// Bucket ends; `ends[i] - timestamps[i]` is the bucket's real duration (23 h for a spring DST day).
    public var ends: [Int64]
    public var values: [Double]
    /// Non-NaN points per bucket.
    public var counts: [Int]

    public init(timestamps: [Int64], ends: [Int64], values: [Double], counts: [Int]) {
        self.timestamps = timestamps
        self.ends = ends
        self.values = values
        self.counts = counts
    }

    /// The values labelled by bucket start.
    public var data: SeriesData { SeriesData(timestamps: timestamps, values: values) }

    public static func == (lhs: AggregatedSeries, rhs: AggregatedSeries) -> Bool {
        lhs.data == rhs.data && lhs.ends == rhs.ends && lhs.counts == rhs.counts
    }
}

/// Accumulates raw points and chunk summaries into calendar buckets.
///
/// Storage feeds it per chunk: when ``canAbsorb(_:)`` says a chunk's summary lies inside one bucket, `add`
/// the summary and skip decoding; otherwise decode and `add` the points. Mixing is exact for count, min,
/// max, first and last; sums (and means) agree with the raw computation up to floating-point summation order.
public struct Aggregator: Sendable {
    public let buckets: CalendarBuckets
    public let function: AggregationFunction
    private var count: [Int]
    private var sum: [Double]
    private var minimum: [Double]
    private var maximum: [Double]
    private var firstTime: [Int64]
    private var firstValue: [Double]
    private var lastTime: [Int64]
    private var lastValue: [Double]

    /// Whole calendar buckets covering `from ..< to`; nil for an unknown zone. Buckets are never cut at `from`
    /// or `to`: a point anywhere in the first or last bucket counts toward it (a day's mean is the whole day's).
    public init?(interval: AggregationInterval, function: AggregationFunction, timeZone: String, from: Int64, to: Int64) {
        guard let buckets = CalendarBuckets(interval: interval, timeZone: timeZone, from: from, to: to) else { return nil }
        self.init(buckets: buckets, function: function)
    }

    public init(buckets: CalendarBuckets, function: AggregationFunction) {
        self.buckets = buckets
        self.function = function
        let n = buckets.count
        count = Array(repeating: 0, count: n)
        sum = Array(repeating: 0, count: n)
        minimum = Array(repeating: .infinity, count: n)
        maximum = Array(repeating: -.infinity, count: n)
        firstTime = Array(repeating: .max, count: n)
        firstValue = Array(repeating: .nan, count: n)
        lastTime = Array(repeating: .min, count: n)
        lastValue = Array(repeating: .nan, count: n)
    }

    /// Adds points (ascending timestamps make this one linear walk); points outside the buckets are ignored.
    public mutating func add(_ data: SeriesData) {
        let bounds = buckets.bounds
        guard bounds.count > 1 else { return }
        data.timestamps.withUnsafeBufferPointer { t in
            data.values.withUnsafeBufferPointer { v in
                var b = 0
                for i in 0..<t.count {
                    let time = t[i]
                    let x = v[i]
                    if x.isNaN { continue }
                    if time < bounds[b] || time >= bounds[b + 1] {
                        guard let found = buckets.index(of: time) else { continue }
                        b = found
                    }
                    accumulate(b, time, x, x, x, 1, time, x)
                }
            }
        }
    }

    /// The bucket a summary falls into entirely (judged by its first and last non-NaN point), if any.
    public func bucket(for summary: ChunkSummary) -> Int? {
        guard let first = summary.firstTimestamp, let last = summary.lastTimestamp,
              let b = buckets.index(of: first), last < buckets.bounds[b + 1] else { return nil }
        return b
    }

    /// Whether `add(_ summary:)` can stand in for the chunk's raw points.
    public func canAbsorb(_ summary: ChunkSummary) -> Bool {
        summary.count == 0 || bucket(for: summary) != nil
    }

    /// Adds a chunk's summary instead of its points; returns false (adding nothing) when the chunk spans
    /// several buckets or lies outside them, in which case the caller decodes the chunk and adds its points.
    @discardableResult
    public mutating func add(_ summary: ChunkSummary) -> Bool {
        if summary.count == 0 { return true }
        guard let b = bucket(for: summary), let lo = summary.min, let hi = summary.max,
              let firstT = summary.firstTimestamp, let firstV = summary.firstValue,
              let lastT = summary.lastTimestamp, let lastV = summary.lastValue else { return false }
        accumulate(b, firstT, firstV, lo, hi, summary.count, lastT, lastV, sum: summary.sum)
        return true
    }

    /// Feeds a series' stored chunks in one call: each summary that fits one bucket is absorbed, every other
    /// chunk is loaded with `load(index)` (decode it from storage) and added point by point. Chunks wholly
    /// outside the buckets should be filtered out by the caller's range query first.
    /// - Returns: how many chunks had to be loaded.
    @discardableResult
    public mutating func add<E: Error>(
        chunks summaries: [ChunkSummary], load: (Int) throws(E) -> SeriesData
    ) throws(E) -> Int {
        var loaded = 0
        for (index, summary) in summaries.enumerated() where !add(summary) {
            add(try load(index))
            loaded += 1
        }
        return loaded
    }

    @inline(__always)
    private mutating func accumulate(
        _ b: Int, _ firstT: Int64, _ firstV: Double, _ lo: Double, _ hi: Double, _ n: Int, _ lastT: Int64,
        _ lastV: Double, sum s: Double? = nil
    ) {
        count[b] += n
        sum[b] += s ?? firstV
        if lo < minimum[b] { minimum[b] = lo }
        if hi > maximum[b] { maximum[b] = hi }
        if firstT < firstTime[b] {
            firstTime[b] = firstT
            firstValue[b] = firstV
        }
        if lastT >= lastTime[b] {
            lastTime[b] = lastT
            lastValue[b] = lastV
        }
    }

    /// One value per bucket.
    public func result() -> AggregatedSeries {
        let n = buckets.count
        var values = [Double](repeating: .nan, count: n)
        for b in 0..<n where count[b] > 0 || function == .count {
            switch function {
            case .mean: values[b] = sum[b] / Double(count[b])
            case .min: values[b] = minimum[b]
            case .max: values[b] = maximum[b]
            case .sum: values[b] = sum[b]
            case .count: values[b] = Double(count[b])
            case .first: values[b] = firstValue[b]
            case .last: values[b] = lastValue[b]
            }
        }
        return AggregatedSeries(
            timestamps: Array(buckets.starts), ends: Array(buckets.bounds.dropFirst()), values: values, counts: count)
    }
}

extension SeriesData {
    /// Calendar aggregation of these points over `from ..< to` (default: the points' own span) in a zone;
    /// nil for an unknown zone.
    public func aggregated(
        _ interval: AggregationInterval, _ function: AggregationFunction, timeZone: String = "UTC",
        from: Int64? = nil, to: Int64? = nil
    ) -> AggregatedSeries? {
        let start = from ?? timestamps.first ?? 0
        let end = to ?? (timestamps.last.map { $0 + 1 } ?? 0)
        guard var aggregator = Aggregator(interval: interval, function: function, timeZone: timeZone, from: start, to: end)
        else { return nil }
        aggregator.add(self)
        return aggregator.result()
    }
}
