import Foundation

/// The downsampling algorithms, as a query parameter (`downsample=lttb`).
public enum DownsampleMethod: String, Sendable, Codable, CaseIterable, Hashable {
    case lttb
    case minMax = "minmax"
}

/// Reduces a series to at most a given number of points for drawing.
public enum Downsample {
    /// Runs the chosen method; the output never exceeds `maxPoints`.
    public static func apply(_ method: DownsampleMethod, to data: SeriesData, maxPoints: Int) -> SeriesData {
        switch method {
        case .lttb: lttb(data, maxPoints: maxPoints)
        case .minMax: minMax(data, maxPoints: maxPoints)
        }
    }

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
            if hasPrevious && hasNext {
                // Twice the triangle's area, expanded to |A·y + B·x + C|; a NaN y gives a NaN area, which never
                // compares greater, so gaps need no extra test in this hot loop.
                let a = ax - cx
                let b = cy - ay
                let c = -a * ay - b * ax
                for j in start..<end {
                    let area = abs(a * v[j] + b * x(j) + c)
                    if area > bestArea {
                        bestArea = area
                        best = j
                    }
                }
            } else {
                for j in start..<end where !v[j].isNaN {
                    let area = hasPrevious ? abs(v[j] - ay) : (hasNext ? abs(v[j] - cy) : 0)
                    if area > bestArea {
                        bestArea = area
                        best = j
                    }
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
                let scale = Double(buckets) / (Double(t[n - 1] &- t0) + 1)
                @inline(__always) func bucket(_ i: Int) -> Int { Int(Double(t[i] &- t0) * scale) }
                var first = 0
                while first < n {
                    // Binary search for the bucket's end, then a tight scan of its values.
                    let b = bucket(first)
                    var lo = first + 1
                    var hi = n
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if bucket(mid) > b { hi = mid } else { lo = mid + 1 }
                    }
                    appendExtremes(t, v, first, lo, into: &out)
                    first = lo
                }
            }
        }
        return out
    }

    /// Appends the minimum and maximum of `v[start..<end]` in time order (NaN ignored; one NaN point if the
    /// range has no value). Strict comparisons keep the first occurrence of ties.
    @inline(__always)
    private static func appendExtremes(
        _ t: UnsafeBufferPointer<Int64>, _ v: UnsafeBufferPointer<Double>, _ start: Int, _ end: Int,
        into out: inout SeriesData
    ) {
        var k = start
        while k < end && v[k].isNaN { k += 1 }
        guard k < end else {
            out.append(t[start], .nan)
            return
        }
        var lo = k
        var hi = k
        var low = v[k]
        var high = v[k]
        k += 1
        while k < end {
            let y = v[k]
            if y < low {
                low = y
                lo = k
            }
            if y > high {
                high = y
                hi = k
            }
            k += 1
        }
        if lo == hi {
            out.append(t[lo], v[lo])
        } else {
            out.append(t[min(lo, hi)], v[min(lo, hi)])
            out.append(t[max(lo, hi)], v[max(lo, hi)])
        }
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
