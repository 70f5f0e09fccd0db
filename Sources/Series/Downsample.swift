import Foundation

/// Reduces a series to at most a given number of points for drawing.
public enum Downsample {
    /// Largest-Triangle-Three-Buckets: keeps the first and last point and, from each of `maxPoints - 2` equal
    /// index buckets, the point spanning the largest triangle with the previously kept point and the next
    /// bucket's average. Output never exceeds `maxPoints` and stays in time order.
    ///
    /// NaN ("no data") is never averaged or chosen as a peak. A bucket holding only NaN yields one NaN point
    /// (at its first timestamp), so a chart breaks its line there instead of bridging the gap; gaps narrower
    /// than a bucket disappear, which at chart resolution is below a pixel.
    public static func lttb(_ data: SeriesData, maxPoints: Int) -> SeriesData {
        let n = data.count
        if n <= maxPoints { return data }
        if maxPoints <= 2 { return endpoints(data, maxPoints) }
        var out = SeriesData()
        out.reserveCapacity(maxPoints)
        data.timestamps.withUnsafeBufferPointer { t in
            data.values.withUnsafeBufferPointer { v in
                lttb(t, v, maxPoints, into: &out)
            }
        }
        return out
    }

    private static func lttb(
        _ t: UnsafeBufferPointer<Int64>, _ v: UnsafeBufferPointer<Double>, _ m: Int, into out: inout SeriesData
    ) {
        let n = t.count
        let t0 = t[0]
        let bucketSize = Double(n - 2) / Double(m - 2)
        // x as offsets from the first timestamp keeps doubles exact for any realistic span.
        @inline(__always) func x(_ i: Int) -> Double { Double(t[i] &- t0) }
        out.append(t[0], v[0])
        var a = 0
        for bucket in 0..<(m - 2) {
            let start = Int(Double(bucket) * bucketSize) + 1
            let end = min(Int(Double(bucket + 1) * bucketSize) + 1, n - 1)
            let nextEnd = min(Int(Double(bucket + 2) * bucketSize) + 1, n)
            var sumX = 0.0
            var sumY = 0.0
            var nextCount = 0
            for j in end..<nextEnd where !v[j].isNaN {
                sumX += x(j)
                sumY += v[j]
                nextCount += 1
            }
            let hasNext = nextCount > 0
            let cx = hasNext ? sumX / Double(nextCount) : 0
            let cy = hasNext ? sumY / Double(nextCount) : 0
            let hasPrevious = !v[a].isNaN
            let ax = x(a)
            let ay = v[a]
            var best = -1
            var bestArea = -1.0
            for j in start..<end where !v[j].isNaN {
                let area: Double
                if hasPrevious && hasNext {
                    area = abs((ax - cx) * (v[j] - ay) - (ax - x(j)) * (cy - ay))
                } else if hasPrevious {
                    area = abs(v[j] - ay)
                } else if hasNext {
                    area = abs(v[j] - cy)
                } else {
                    area = 0
                }
                if area > bestArea {
                    bestArea = area
                    best = j
                }
            }
            a = best >= 0 ? best : start
            out.append(t[a], v[a])
        }
        out.append(t[n - 1], v[n - 1])
    }

    /// Min/max per time bucket: the span is cut into `maxPoints / 2` equal time buckets and each keeps its
    /// minimum and maximum point in time order (one point when they coincide), so no peak is ever lost.
    /// A bucket with only NaN yields one NaN point at its first timestamp (a gap in the chart).
    public static func minMax(_ data: SeriesData, maxPoints: Int) -> SeriesData {
        let n = data.count
        if n <= maxPoints { return data }
        if maxPoints < 2 { return endpoints(data, maxPoints) }
        let buckets = maxPoints / 2
        var out = SeriesData()
        out.reserveCapacity(maxPoints)
        data.timestamps.withUnsafeBufferPointer { t in
            data.values.withUnsafeBufferPointer { v in
                let t0 = t[0]
                let span = Double(t[n - 1] &- t0) + 1
                let scale = Double(buckets) / span
                var i = 0
                while i < n {
                    let bucket = Int(Double(t[i] &- t0) * scale)
                    var lo = -1
                    var hi = -1
                    let first = i
                    while i < n && Int(Double(t[i] &- t0) * scale) == bucket {
                        let y = v[i]
                        if !y.isNaN {
                            if lo < 0 || y < v[lo] { lo = i }
                            if hi < 0 || y > v[hi] { hi = i }
                        }
                        i += 1
                    }
                    if lo < 0 {
                        out.append(t[first], .nan)
                    } else if lo == hi {
                        out.append(t[lo], v[lo])
                    } else {
                        out.append(t[min(lo, hi)], v[min(lo, hi)])
                        out.append(t[max(lo, hi)], v[max(lo, hi)])
                    }
                }
            }
        }
        return out
    }

    private static func endpoints(_ data: SeriesData, _ maxPoints: Int) -> SeriesData {
        switch maxPoints {
        case ..<1: SeriesData()
        case 1: data[0..<1]
        default: SeriesData(timestamps: [data.timestamps[0], data.timestamps[data.count - 1]],
                            values: [data.values[0], data.values[data.count - 1]])
        }
    }
}
