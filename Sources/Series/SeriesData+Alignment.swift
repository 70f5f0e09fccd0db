import Foundation

/// Several series on one time axis: the union of their timestamps, NaN where a series has no point.
public struct AlignedSeries: Sendable, Equatable {
    public var timestamps: [Int64]
    /// One column per input series, each `timestamps.count` long.
    public var columns: [[Double]]

    public init(timestamps: [Int64], columns: [[Double]]) {
        self.timestamps = timestamps
        self.columns = columns
    }

    public static func == (lhs: AlignedSeries, rhs: AlignedSeries) -> Bool {
        guard lhs.columns.count == rhs.columns.count else { return false }
        return zip(lhs.columns, rhs.columns).allSatisfy {
            SeriesData(timestamps: lhs.timestamps, values: $0) == SeriesData(timestamps: rhs.timestamps, values: $1)
        }
    }
}

extension SeriesData {
    /// Aligns ascending series on the union of their timestamps (a k-way merge, O(total points · k)).
    public static func align(_ series: [SeriesData]) -> AlignedSeries {
        var cursors = [Int](repeating: 0, count: series.count)
        var axis: [Int64] = []
        axis.reserveCapacity(series.map(\.count).max() ?? 0)
        var columns = [[Double]](repeating: [], count: series.count)
        while true {
            var next = Int64.max
            var any = false
            for (k, s) in series.enumerated() where cursors[k] < s.count {
                next = min(next, s.timestamps[cursors[k]])
                any = true
            }
            guard any else { break }
            axis.append(next)
            for (k, s) in series.enumerated() {
                if cursors[k] < s.count && s.timestamps[cursors[k]] == next {
                    columns[k].append(s.values[cursors[k]])
                    // Duplicate timestamps inside one series collapse onto one axis point (last wins).
                    cursors[k] += 1
                    while cursors[k] < s.count && s.timestamps[cursors[k]] == next {
                        columns[k][columns[k].count - 1] = s.values[cursors[k]]
                        cursors[k] += 1
                    }
                } else {
                    columns[k].append(.nan)
                }
            }
        }
        return AlignedSeries(timestamps: axis, columns: columns)
    }
}
