import Plot

extension PreparedChart {
    var showsLegend: Bool {
        chart.options.showsLegend ?? (chart.series.count > 1)
    }

    /// An HTML list rather than SVG text, so long names wrap and the list reads naturally.
    func legend() -> HTMLNode {
        guard showsLegend, !chart.series.isEmpty else { return .empty }
        let hasSecondary = chart.series.contains { $0.axis == .secondary }
        let items: [Node<HTML.ListContext>] = chart.series.indices.map { index in
            let series = chart.series[index]
            let swatch = marks[index] == .line || marks[index] == .step ? "chart-swatch chart-swatch-line" : "chart-swatch"
            return .li(
                .class("chart-legend-item " + colors[index].className),
                .safeAttribute("data-series", String(index)),
                .tag("span", ["class": swatch, "aria-hidden": "true"]),
                .safeText(series.name),
                series.unit.isEmpty ? .empty : .tag("span", ["class": "chart-legend-unit"], [.safeText(series.unit)]),
                hasSecondary && series.axis == .secondary ? .tag("span", ["class": "chart-legend-axis"], [.safeText("right axis")]) : .empty
            )
        }
        return .ul(.class("chart-legend"), .group(items))
    }
}
