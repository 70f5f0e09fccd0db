import Foundation

/// Statistics kept beside each stored chunk so that coarse queries (a month, a year) can be answered without
/// decoding raw points. Only non-NaN points count; the optional fields are nil when a chunk holds no data.
/// (A chunk holding ±infinity has infinite `min`/`max`/`sum`, which plain JSON cannot carry.)
public struct ChunkSummary: Sendable, Codable, Equatable {
    /// All points, NaN included.
    public var pointCount: Int
    /// Points with a value (non-NaN).
    public var count: Int
    /// First and last timestamp of any point, NaN included: the chunk's time span.
    public var startTimestamp: Int64
    public var endTimestamp: Int64
    public var min: Double?
    public var max: Double?
    /// Sum of the non-NaN values (0 when there are none).
    public var sum: Double
    public var firstTimestamp: Int64?
    public var firstValue: Double?
    public var lastTimestamp: Int64?
    public var lastValue: Double?

    public init(
        pointCount: Int, count: Int, startTimestamp: Int64, endTimestamp: Int64, min: Double?, max: Double?,
        sum: Double, firstTimestamp: Int64?, firstValue: Double?, lastTimestamp: Int64?, lastValue: Double?
    ) {
        self.pointCount = pointCount
        self.count = count
        self.startTimestamp = startTimestamp
        self.endTimestamp = endTimestamp
        self.min = min
        self.max = max
        self.sum = sum
        self.firstTimestamp = firstTimestamp
        self.firstValue = firstValue
        self.lastTimestamp = lastTimestamp
        self.lastValue = lastValue
    }

    /// Summarises ascending points. An empty input gives a summary with zero span at timestamp 0.
    public init(_ data: SeriesData) {
        self = data.timestamps.withUnsafeBufferPointer { t in
            data.values.withUnsafeBufferPointer { v in ChunkSummary(t, v) }
        }
    }

    init(_ t: UnsafeBufferPointer<Int64>, _ v: UnsafeBufferPointer<Double>) {
        var count = 0
        var lo = Double.infinity
        var hi = -Double.infinity
        var sum = 0.0
        var firstIndex = -1
        var lastIndex = -1
        for i in 0..<v.count where !v[i].isNaN {
            let x = v[i]
            if firstIndex < 0 { firstIndex = i }
            lastIndex = i
            count += 1
            sum += x
            lo = Swift.min(lo, x)
            hi = Swift.max(hi, x)
        }
        self.init(
            pointCount: t.count, count: count, startTimestamp: t.first ?? 0, endTimestamp: t.last ?? 0,
            min: count > 0 ? lo : nil, max: count > 0 ? hi : nil, sum: sum,
            firstTimestamp: firstIndex >= 0 ? t[firstIndex] : nil, firstValue: firstIndex >= 0 ? v[firstIndex] : nil,
            lastTimestamp: lastIndex >= 0 ? t[lastIndex] : nil, lastValue: lastIndex >= 0 ? v[lastIndex] : nil)
    }

    /// Mean of the non-NaN values, or NaN when there are none.
    public var mean: Double { count > 0 ? sum / Double(count) : .nan }
}
