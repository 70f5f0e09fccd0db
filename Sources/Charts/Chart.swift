import Plot

/// A server-rendered SVG chart inside a `<figure>`, with legend, data-table fallback and the data
/// block that charts.js uses for tooltips and zoom.
///
/// Use it as a Plot component (`Chart(…)` inside a `@ComponentBuilder`, or
/// `.component(chart)` in `Node` code) or call `render()` for the HTML string. The markup is complete
/// without JavaScript; see charts.js for what it adds.
///
/// ```swift
/// Chart(id: "feeder-load", title: "Feeder load", kind: .line,
///       x: .time(times, timeZone: TimeZone(identifier: "Europe/Zurich")!),
///       series: [ChartSeries(name: "Load", unit: "kW", values: load),
///                ChartSeries(name: "Outdoor", unit: "°C", values: temperature, axis: .secondary)])
/// ```
public struct Chart: Component, Sendable {
    /// Unique on the page: the figure's `id` and the prefix of the ids `aria-labelledby` points at.
    public var id: String
    /// Becomes the SVG `<title>` and the visible caption.
    public var title: String
    /// A sentence for screen readers placed first in `<desc>`; the chart adds what it shows.
    public var summary: String?
    public var kind: ChartKind
    public var x: ChartXAxis
    public var series: [ChartSeries]
    public var options: ChartOptions

    public init(
        id: String,
        title: String,
        summary: String? = nil,
        kind: ChartKind = .line,
        x: ChartXAxis,
        series: [ChartSeries],
        options: ChartOptions = ChartOptions()
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.kind = kind
        self.x = x
        self.series = series
        self.options = options
    }

    public var body: Component {
        let prepared = PreparedChart(self)
        return HTMLNode.tag("figure", prepared.figureAttributes, [
            options.showsCaption ? .tag("figcaption", ["class": "chart-caption"], [.safeText(title)]) : .empty,
            prepared.svg(),
            prepared.legend(),
            prepared.dataTable(),
            prepared.dataScript(),
        ])
    }
}
