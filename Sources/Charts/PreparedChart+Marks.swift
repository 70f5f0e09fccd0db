import Plot

extension PreparedChart {
    /// One `<g class="chart-series c-…" data-series="i">` with the series' paths or bars.
    func seriesMarks(_ index: Int) -> HTMLNode {
        let series = chart.series[index]
        // Categories have no intervals to hold a value over, so steps become lines there.
        let mark = marks[index] == .step && isCategorical ? .line : marks[index]
        let xs = self.xs.indices.map(markX)
        let stack = stacks[index]
        let tops = stack.map { $0.map { py($0.end) } } ?? values[index].map { py($0, axis: series.axis) }
        var children: [HTMLNode] = []
        switch mark {
        case .line:
            children.append(line(PathBuilder.line(xs: xs, ys: tops)))
        case .step:
            let ends = isCategorical ? xs : self.xs.indices.map { px(end(of: $0)) }
            children.append(line(PathBuilder.step(xs: xs, ends: ends, ys: tops)))
        case .area, .stackedArea:
            let zero = py(max(y.lower, min(y.upper, 0)))
            let bases = stack.map { $0.map { $0.isMissing ? .nan : py($0.base) } } ?? Array(repeating: zero, count: xs.count)
            children.append(.leaf("path", ["class": "chart-area", "d": PathBuilder.area(xs: xs, tops: tops, bases: bases)]))
            children.append(line(PathBuilder.line(xs: xs, ys: tops)))
        case .bars, .stackedBars:
            children = bars(index)
        }
        return .tag("g", ["class": "chart-series \(colors[index].className)", "data-series": String(index)], children)
    }

    private func line(_ d: String) -> HTMLNode {
        // fill="none" keeps lines readable even if charts.css fails to load.
        .leaf("path", ["class": "chart-line", "d": d, "fill": "none"])
    }

    private func bars(_ index: Int) -> [HTMLNode] {
        let barSeries = chart.series.indices.filter { marks[$0].isBars }
        let slot = barSeries.firstIndex(of: index) ?? 0
        let grouped = chart.kind == .bars ? barSeries.count : 1
        return self.xs.indices.compactMap { point in
            let value = values[index][point]
            guard value.isFinite else { return nil }
            var (left, width) = barSlot(point)
            width /= Double(grouped)
            if grouped > 1 { left += Double(slot) * width }
            let span = stacks[index]?[point] ?? StackSpan(base: 0, end: value)
            let edges = [py(span.base), py(span.end)].map { max(plot.top, min(plot.bottom, $0)) }
            return .leaf("rect", [
                "class": "chart-bar",
                "x": svgNumber(left),
                "y": svgNumber(edges.min() ?? 0),
                "width": svgNumber(width),
                "height": svgNumber(abs(edges[1] - edges[0])),
            ])
        }
    }

    /// Left edge and width of the space all bars at one point share.
    private func barSlot(_ point: Int) -> (left: Double, width: Double) {
        if isCategorical {
            return (px(xs[point]) - bandWidth * 0.35, bandWidth * 0.7)
        }
        let start = px(xs[point]), end = px(end(of: point))
        let width = max(0.5, (end - start) * 0.8)
        return (start + (end - start - width) / 2, width)
    }
}
