import Foundation

extension SeriesData {
    /// Index of the first point whose timestamp is `>= timestamp` (binary search on ascending timestamps).
    public func lowerBound(of timestamp: Int64) -> Int {
        var lo = 0
        var hi = timestamps.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if timestamps[mid] < timestamp { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Points with `from <= timestamp < to` (the raw range slice of a query).
    public func slice(from: Int64, to: Int64) -> SeriesData {
        guard from < to else { return SeriesData() }
        let lo = lowerBound(of: from)
        let hi = lowerBound(of: to)
        return self[lo..<hi]
    }

    /// Points at the given index range.
    public subscript(range: Range<Int>) -> SeriesData {
        SeriesData(timestamps: Array(timestamps[range]), values: Array(values[range]))
    }

    /// Concatenates `other` after `self`; used to stitch decoded chunks of one series together.
    public mutating func append(contentsOf other: SeriesData) {
        timestamps.append(contentsOf: other.timestamps)
        values.append(contentsOf: other.values)
    }

    /// Sorts by timestamp; of several points with the same timestamp the last one (in input order) is kept.
    public func sortedDeduplicated() -> SeriesData {
        var ascending = true
        for i in timestamps.indices.dropFirst() where timestamps[i] <= timestamps[i - 1] {
            ascending = false
            break
        }
        if ascending { return self }
        let order = timestamps.indices.sorted { a, b in
            timestamps[a] != timestamps[b] ? timestamps[a] < timestamps[b] : a < b
        }
        var out = SeriesData()
        out.reserveCapacity(order.count)
        for i in order {
            if let last = out.timestamps.last, last == timestamps[i] {
                out.values[out.values.count - 1] = values[i]
            } else {
                out.append(timestamps[i], values[i])
            }
        }
        return out
    }
}
