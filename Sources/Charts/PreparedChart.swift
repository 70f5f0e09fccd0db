import Foundation

/// Everything a `Chart` needs to draw, computed once: layout, reduced data, stacks and scales.
struct PreparedChart {
    let chart: Chart
    /// The sanitized element id.
    let id: String
    let width: Double
    let height: Double
    let plot: PlotRect
    /// X positions: milliseconds, linear values, or category indices.
    let xs: [Double]
    /// Points per series before the min/max reduction, when it ran.
    let reducedFrom: Int?
    /// The x range the plot's width spans (categories: `0...count`).
    let domain: ClosedRange<Double>
    /// The typical spacing of `xs`: where the last step or bar ends.
    let interval: Double
    /// Values per series, `xs.count` long.
    let values: [[Double]]
    let colors: [ChartColor]
    let marks: [ChartKind]
    /// Stack edges for stacked series, by series index.
    let stacks: [Int: [StackSpan]]
    let y: NiceScale
    let y2: NiceScale?
    let yLabel: String
    let y2Label: String?

    static let margin = (top: 24.0, bottom: 24.0, outer: 8.0, tickGap: 8.0)

    init(_ chart: Chart) {
        self.chart = chart
        id = Self.sanitizedID(chart.id)
        width = Double(chart.options.width)
        height = Double(chart.options.height)
        colors = chart.series.indices.map { chart.series[$0].color ?? .palette($0) }
        marks = chart.series.map { series in
            guard series.axis == .secondary else { return chart.kind }
            return chart.kind == .step ? .step : .line
        }

        let count = chart.x.count
        var xs: [Double]
        switch chart.x {
        case .time(let times, _): xs = times.map(Double.init)
        case .linear(let numbers, _): xs = numbers
        case .categories(let labels): xs = labels.indices.map(Double.init)
        }
        var values = chart.series.map { series in
            (0..<count).map { $0 < series.values.count ? series.values[$0] : .nan }
        }
        if !chart.x.isCategorical {
            (xs, values) = Self.ordered(xs, values)
        }
        let interval = Self.typicalInterval(xs, axis: chart.x)
        self.interval = interval
        let domain = Self.domain(xs, interval: interval, axis: chart.x, kind: chart.kind)
        let plotTop = Self.margin.top, plotHeight = max(20, height - Self.margin.top - Self.margin.bottom)
        let targetTicks = max(2, Int(plotHeight / 48))

        // The left margin must fit the widest tick label, so scales come before the layout; they are
        // computed again after the reduction because stacked extremes can shift.
        let primary = chart.series.indices.filter { chart.series[$0].axis == .primary }
        let secondary = chart.series.indices.filter { chart.series[$0].axis == .secondary }
        var stacks = Self.stacks(values, primary: primary, kind: chart.kind)
        var y = Self.scale(values, indices: primary, stacks: stacks, chart: chart, side: .primary, targetTicks: targetTicks)
        var y2 = secondary.isEmpty ? nil : Self.scale(values, indices: secondary, stacks: [:], chart: chart, side: .secondary, targetTicks: targetTicks)
        let left = Self.axisWidth(y)
        let right = y2.map(Self.axisWidth) ?? 16
        plot = PlotRect(left: left, top: plotTop, width: max(20, width - left - right), height: plotHeight)

        var reducedFrom: Int?
        if !chart.x.isCategorical, xs.count > 2 * Int(plot.width) {
            let reduced = MinMaxReducer.reduce(xs: xs, columns: values, domain: domain, buckets: Int(plot.width))
            reducedFrom = xs.count
            xs = reduced.xs
            values = reduced.columns
            stacks = Self.stacks(values, primary: primary, kind: chart.kind)
            y = Self.scale(values, indices: primary, stacks: stacks, chart: chart, side: .primary, targetTicks: targetTicks)
            y2 = secondary.isEmpty ? nil : Self.scale(values, indices: secondary, stacks: [:], chart: chart, side: .secondary, targetTicks: targetTicks)
        }
        self.xs = xs
        self.values = values
        self.reducedFrom = reducedFrom
        self.domain = domain
        self.stacks = stacks
        self.y = y
        self.y2 = y2
        yLabel = chart.options.yAxisLabel ?? Self.unitLabel(chart.series, indices: primary)
        y2Label = secondary.isEmpty ? nil : (chart.options.y2AxisLabel ?? Self.unitLabel(chart.series, indices: secondary))
    }

    // MARK: scales

    /// Pixel x of a position on a continuous axis, or of a category's centre.
    func px(_ x: Double) -> Double {
        if isCategorical {
            return plot.left + (x + 0.5) * bandWidth
        }
        let span = domain.upperBound - domain.lowerBound
        return plot.left + (x - domain.lowerBound) / span * plot.width
    }

    func py(_ value: Double, axis: ChartAxisSide = .primary) -> Double {
        let scale = axis == .secondary ? (y2 ?? y) : y
        return plot.top + (1 - (value - scale.lower) / (scale.upper - scale.lower)) * plot.height
    }

    var bandWidth: Double {
        plot.width / Double(max(1, xs.count))
    }

    var isCategorical: Bool { chart.x.isCategorical }

    /// Where the interval starting at point `index` ends: the next point, or one typical interval on.
    func end(of index: Int) -> Double {
        index + 1 < xs.count ? xs[index + 1] : xs[index] + interval
    }

    /// Pixel x at which a series draws point `index`: bar charts put every mark mid-interval, so a
    /// secondary line sits over its bars.
    func markX(_ index: Int) -> Double {
        if isCategorical { return px(xs[index]) }
        return chart.kind.isBars ? (px(xs[index]) + px(end(of: index))) / 2 : px(xs[index])
    }

    // MARK: construction helpers

    static func sanitizedID(_ raw: String) -> String {
        let cleaned = String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        guard let first = cleaned.first, first.isLetter else { return "chart-" + cleaned }
        return cleaned
    }

    /// Points sorted by x with non-finite positions dropped, so that paths and the reduction can
    /// rely on ascending order even when a caller's data is not.
    static func ordered(_ xs: [Double], _ values: [[Double]]) -> ([Double], [[Double]]) {
        let isClean = xs.allSatisfy(\.isFinite) && zip(xs, xs.dropFirst()).allSatisfy { $0 <= $1 }
        guard !isClean else { return (xs, values) }
        let order = xs.indices.filter { xs[$0].isFinite }.sorted { xs[$0] < xs[$1] }
        return (order.map { xs[$0] }, values.map { column in order.map { column[$0] } })
    }

    static func typicalInterval(_ xs: [Double], axis: ChartXAxis) -> Double {
        let fallback: Double
        switch axis {
        case .time: fallback = 3_600_000
        case .linear, .categories: fallback = 1
        }
        var gaps: [Double] = []
        gaps.reserveCapacity(xs.count)
        for index in xs.indices.dropFirst() where xs[index] > xs[index - 1] {
            gaps.append(xs[index] - xs[index - 1])
        }
        guard !gaps.isEmpty else { return fallback }
        gaps.sort()
        return gaps[gaps.count / 2]
    }

    static func domain(_ xs: [Double], interval: Double, axis: ChartXAxis, kind: ChartKind) -> ClosedRange<Double> {
        if axis.isCategorical { return 0...Double(max(1, xs.count)) }
        guard let first = xs.first, let last = xs.last, first.isFinite, last.isFinite else { return 0...1 }
        // Steps and bars show each value for its whole interval, so the last one needs its width.
        let upper = kind == .step || kind.isBars ? last + interval : last
        return first...max(upper, first + interval)
    }

    static func stacks(_ values: [[Double]], primary: [Int], kind: ChartKind) -> [Int: [StackSpan]] {
        guard kind.isStacked else { return [:] }
        let spans = Stacking.stack(primary.map { values[$0] })
        return Dictionary(uniqueKeysWithValues: zip(primary, spans))
    }

    static func scale(_ values: [[Double]], indices: [Int], stacks: [Int: [StackSpan]], chart: Chart, side: ChartAxisSide, targetTicks: Int) -> NiceScale {
        if side == .primary, let range = chart.options.yRange {
            return NiceScale(min: range.lowerBound, max: range.upperBound, targetCount: targetTicks)
        }
        var low = Double.infinity, high = -Double.infinity
        func include(_ value: Double) {
            guard value.isFinite else { return }
            low = min(low, value)
            high = max(high, value)
        }
        for index in indices {
            if let spans = stacks[index] {
                spans.forEach { include($0.end) }
            } else {
                values[index].forEach(include)
            }
        }
        chart.options.referenceLines.filter { $0.axis == side }.forEach { include($0.value) }
        let includeZero = side == .primary && chart.kind.includesZero
        return NiceScale(min: low, max: high, targetCount: targetTicks, includeZero: includeZero)
    }

    static func axisWidth(_ scale: NiceScale) -> Double {
        let widest = scale.ticks.map { TextWidth.estimate(ChartNumber.format($0, decimals: scale.decimals)) }.max() ?? 0
        return max(36, (widest + margin.tickGap + margin.outer).rounded(.up))
    }

    /// The distinct units of the given series, in order: `kW` or `kW, kVA`.
    static func unitLabel(_ series: [ChartSeries], indices: [Int]) -> String {
        var seen: [String] = []
        for index in indices where !series[index].unit.isEmpty && !seen.contains(series[index].unit) {
            seen.append(series[index].unit)
        }
        return seen.joined(separator: ", ")
    }
}
