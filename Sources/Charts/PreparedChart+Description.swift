extension PreparedChart {
    /// The `<desc>` text: the caller's summary, then what the chart shows, in sentences.
    var description: String {
        var sentences: [String] = []
        if let summary = chart.summary, !summary.isEmpty { sentences.append(summary) }
        guard !isEmpty else { return (sentences + ["No data."]).joined(separator: " ") }
        let names = chart.series.map { $0.unit.isEmpty ? $0.name : "\($0.name) (\($0.unit))" }
        sentences.append("\(chart.kind.noun) of \(names.count) series: \(names.joined(separator: ", ")).")
        sentences.append(xDescription)
        for (series, values) in zip(chart.series, values) {
            let finite = values.filter(\.isFinite)
            let unit = series.unit.isEmpty ? "" : " " + series.unit
            if let low = finite.min(), let high = finite.max() {
                sentences.append("\(series.name): \(ChartNumber.format(low)) to \(ChartNumber.format(high))\(unit).")
            } else {
                sentences.append("\(series.name): no data.")
            }
        }
        if let reducedFrom {
            sentences.append("Reduced from \(ChartNumber.format(Double(reducedFrom), decimals: 0)) to \(ChartNumber.format(Double(xs.count), decimals: 0)) points per series by keeping each pixel column's minimum and maximum.")
        }
        return sentences.joined(separator: " ")
    }

    private var xDescription: String {
        switch chart.x {
        case .time(_, let timeZone):
            let clock = WallClock(timeZone: timeZone)
            let first = LocalTimeText.dateTime(Int64(xs[0]), clock: clock), last = LocalTimeText.dateTime(Int64(xs[xs.count - 1]), clock: clock)
            return "From \(first) to \(last), \(timeZone.identifier) time."
        case .linear(_, let unit):
            let suffix = unit.isEmpty ? "" : " " + unit
            return "X from \(ChartNumber.format(xs[0]))\(suffix) to \(ChartNumber.format(xs[xs.count - 1]))\(suffix)."
        case .categories(let labels):
            let shown = labels.prefix(12).joined(separator: ", ")
            return labels.count > 12 ? "\(labels.count) categories: \(shown), …" : "Categories: \(shown)."
        }
    }
}
