/// Reduces many points to at most two per pixel column, keeping each column's minimum and maximum.
///
/// The Series library downsamples before charts see the data; this pass is the safety net that
/// keeps an SVG small when a caller passes a year of 1-minute data anyway. All series share one x
/// array, so each column emits its first and last x, and every series puts its extreme values on
/// those two positions in the order they occurred: a spike stays a spike in every series.
enum MinMaxReducer {
    struct Result: Equatable {
        var xs: [Double]
        var columns: [[Double]]
    }

    /// - Parameters:
    ///   - xs: ascending positions.
    ///   - columns: one value array per series, each `xs.count` long.
    ///   - domain: the x range that `buckets` pixel columns span.
    static func reduce(xs: [Double], columns: [[Double]], domain: ClosedRange<Double>, buckets: Int) -> Result {
        let buckets = max(1, buckets)
        let span = domain.upperBound - domain.lowerBound
        func bucket(_ x: Double) -> Int {
            guard span > 0 else { return 0 }
            return min(buckets - 1, max(0, Int((x - domain.lowerBound) / span * Double(buckets))))
        }
        var result = Result(xs: [], columns: Array(repeating: [], count: columns.count))
        result.xs.reserveCapacity(min(xs.count, 2 * buckets))
        var start = 0
        while start < xs.count {
            let column = bucket(xs[start])
            var end = start + 1
            while end < xs.count, bucket(xs[end]) == column { end += 1 }
            if end - start <= 2 {
                result.xs.append(contentsOf: xs[start..<end])
                for (index, values) in columns.enumerated() {
                    result.columns[index].append(contentsOf: values[start..<end])
                }
            } else {
                result.xs.append(xs[start])
                result.xs.append(xs[end - 1])
                for (index, values) in columns.enumerated() {
                    let (first, second) = extremes(values[start..<end])
                    result.columns[index].append(first)
                    result.columns[index].append(second)
                }
            }
            start = end
        }
        return result
    }

    /// The minimum and maximum of the finite values in the order they occur, or NaN twice if there are none.
    private static func extremes(_ values: ArraySlice<Double>) -> (Double, Double) {
        var minIndex = -1, maxIndex = -1
        for index in values.indices where values[index].isFinite {
            if minIndex < 0 || values[index] < values[minIndex] { minIndex = index }
            if maxIndex < 0 || values[index] > values[maxIndex] { maxIndex = index }
        }
        guard minIndex >= 0 else { return (.nan, .nan) }
        return minIndex <= maxIndex ? (values[minIndex], values[maxIndex]) : (values[maxIndex], values[minIndex])
    }
}
