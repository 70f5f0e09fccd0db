import Foundation

/// Columnar points of one series: `timestamps[i]` (ms since epoch, UTC) labels the start of the interval whose
/// average is `values[i]`. NaN means "no data". Most operations expect timestamps in ascending order, which
/// every producer in this module (CSV reader, codec, aggregation, synthetic data) guarantees.
public struct SeriesData: Sendable, Equatable {
    public internal(set) var timestamps: [Int64]
    public internal(set) var values: [Double]

    /// Creates columns of equal length (a precondition).
    public init(timestamps: [Int64], values: [Double]) {
        precondition(timestamps.count == values.count, "timestamps and values must have the same length")
        self.timestamps = timestamps
        self.values = values
    }

    public init() {
        self.init(timestamps: [], values: [])
    }

    public var count: Int { timestamps.count }
    public var isEmpty: Bool { timestamps.isEmpty }

    /// Appends one point; callers keep the timestamps ascending.
    public mutating func append(_ timestamp: Int64, _ value: Double) {
        timestamps.append(timestamp)
        values.append(value)
    }

    public mutating func reserveCapacity(_ n: Int) {
        timestamps.reserveCapacity(n)
        values.reserveCapacity(n)
    }

    /// Equality that treats NaN as equal to NaN and distinguishes -0.0 from 0.0 (bit-level, up to NaN payloads),
    /// which is what "lossless" means for stored series.
    public func isIdentical(to other: SeriesData) -> Bool {
        guard timestamps == other.timestamps, values.count == other.values.count else { return false }
        for (a, b) in zip(values, other.values) {
            if a.isNaN != b.isNaN { return false }
            if !a.isNaN && a.bitPattern != b.bitPattern { return false }
        }
        return true
    }

    public static func == (lhs: SeriesData, rhs: SeriesData) -> Bool {
        lhs.isIdentical(to: rhs)
    }
}
