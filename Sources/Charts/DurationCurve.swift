/// Duration curves: values sorted from highest to lowest against the share of time they are reached,
/// as used for transformer loading and plant dispatch.
public enum DurationCurve {
    /// The curve resampled at `points` evenly spaced percentages from 0 to 100.
    ///
    /// At `p` % the value is the one reached or exceeded during at least `p` % of the finite values,
    /// so `values(50)` is the upper median and `values(100)` the minimum. NaN values are ignored.
    /// Resampling lets curves of series with different lengths share one x axis.
    public static func curve(_ values: [Double], points: Int = 201) -> (percent: [Double], values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted(by: >)
        let points = max(2, points)
        let percent = (0..<points).map { Double($0) * 100 / Double(points - 1) }
        guard !sorted.isEmpty else { return (percent, Array(repeating: .nan, count: points)) }
        let n = Double(sorted.count)
        let curve = percent.map { p in
            let rank = Int((p / 100 * n - 1e-9).rounded(.up)) - 1
            return sorted[min(sorted.count - 1, max(0, rank))]
        }
        return (percent, curve)
    }

    /// A line chart of each series' duration curve against "% of time".
    ///
    /// - Parameter series: raw values (any length, NaN ignored); each is replaced by its curve.
    public static func chart(id: String, title: String, summary: String? = nil, series: [ChartSeries], points: Int = 201, options: ChartOptions = ChartOptions()) -> Chart {
        var percent: [Double] = []
        let curves = series.map { input in
            var output = input
            (percent, output.values) = curve(input.values, points: points)
            return output
        }
        let explanation = "Values sorted from highest to lowest against the share of time they are reached or exceeded."
        return Chart(
            id: id, title: title,
            summary: [summary, explanation].compactMap { $0 }.joined(separator: " "),
            kind: .line,
            x: .linear(percent.isEmpty ? curve([], points: points).percent : percent, unit: "%"),
            series: curves, options: options)
    }
}
