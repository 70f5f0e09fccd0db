import Plot

extension PreparedChart {
    /// Attributes of the `<figure>`: the hooks charts.js looks for.
    var figureAttributes: KeyValuePairs<String, String?> {
        [
            "class": "chart chart-kind-\(chart.kind.rawValue)",
            "id": id,
            "data-chart": chart.kind.rawValue,
            "data-x": chart.x.typeName,
            "data-tz": timeZoneIdentifier,
            "data-src": isZoomable ? chart.options.dataSource : nil,
            "data-zoom": isZoomable ? "x" : nil,
        ]
    }

    /// Drag-to-zoom is for time axes: categories have nothing between them, and a linear axis
    /// (duration curves) is already the whole distribution.
    var isZoomable: Bool {
        guard case .time = chart.x else { return false }
        return !isEmpty
    }

    private var timeZoneIdentifier: String? {
        if case .time(_, let timeZone) = chart.x { return timeZone.identifier }
        return nil
    }

    /// The drawn data and geometry as JSON in `<script type="application/json" class="chart-data">`:
    /// data, not code, so the CSP's `script-src 'self'` allows it.
    func dataScript() -> HTMLNode {
        guard !isEmpty else { return .empty }
        return .script(.attribute(named: "type", value: "application/json"), .class("chart-data"), .raw(dataJSON))
    }

    var dataJSON: String {
        let numbers = { (values: [Double]) in JSONText.array(values.map(JSONText.number)) }
        let seriesJSON = chart.series.indices.map { index in
            let series = chart.series[index]
            return JSONText.object([
                "id": JSONText.string(series.id),
                "name": JSONText.string(series.name),
                "unit": JSONText.string(series.unit),
                "axis": series.axis == .secondary ? "2" : "1",
                "color": JSONText.string(colors[index].rawValue),
                "mark": JSONText.string(marks[index].rawValue),
                "values": numbers(values[index]),
            ])
        }
        var xUnit: String?
        var categories: String?
        switch chart.x {
        case .linear(_, let unit): xUnit = JSONText.string(unit)
        case .categories(let labels): categories = JSONText.array(labels.map(JSONText.string))
        case .time: break
        }
        return JSONText.object([
            "kind": JSONText.string(chart.kind.rawValue),
            "x": JSONText.string(chart.x.typeName),
            "tz": timeZoneIdentifier.map(JSONText.string),
            "xUnit": xUnit,
            "categories": categories,
            "xs": numbers(xs),
            "interval": JSONText.number(interval),
            "domain": numbers([domain.lowerBound, domain.upperBound]),
            "size": numbers([width, height]),
            "plot": numbers([plot.left, plot.top, plot.width, plot.height]),
            "y": numbers([y.lower, y.upper, y.step]),
            "y2": y2.map { numbers([$0.lower, $0.upper, $0.step]) },
            "yRange": chart.options.yRange.map { numbers([$0.lowerBound, $0.upperBound]) },
            "refs": JSONText.array(chart.options.referenceLines.map { numbers([$0.value, $0.axis == .secondary ? 2 : 1]) }),
            "series": JSONText.array(seriesJSON),
        ])
    }
}
