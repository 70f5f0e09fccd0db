/// Presentation settings for a `Chart`; the defaults suit a full-width chart on a page.
public struct ChartOptions: Sendable, Hashable {
    /// Size of the SVG's coordinate system in pixels. The SVG scales to its container's width;
    /// `width` also bounds the points drawn (twice the plot area's width per series).
    public var width: Int
    public var height: Int
    /// Overrides the left axis label, which is otherwise the primary series' units (`kW`).
    public var yAxisLabel: String?
    /// Overrides the right axis label, which is otherwise the secondary series' units (`°C`).
    public var y2AxisLabel: String?
    /// Fixes the left axis range instead of fitting it to the data (e.g. `0...100` for %).
    public var yRange: ClosedRange<Double>?
    public var referenceLines: [ChartReferenceLine]
    /// Shows the title as a visible `<figcaption>`; turn off when the page has its own heading.
    public var showsCaption: Bool
    /// Nil shows a legend when there is more than one series.
    public var showsLegend: Bool?
    /// Rows in the data-table fallback before it is thinned out (and says so).
    public var maxTableRows: Int
    /// Where charts.js re-requests data after a zoom, e.g. `/api/v1/series/values?ids=a,b&mode=minmax`;
    /// it appends `&from=…&to=…&points=…`. Without it, zoom only magnifies the data already on the page.
    public var dataSource: String?

    public init(
        width: Int = 800,
        height: Int = 320,
        yAxisLabel: String? = nil,
        y2AxisLabel: String? = nil,
        yRange: ClosedRange<Double>? = nil,
        referenceLines: [ChartReferenceLine] = [],
        showsCaption: Bool = true,
        showsLegend: Bool? = nil,
        maxTableRows: Int = 200,
        dataSource: String? = nil
    ) {
        self.width = max(120, width)
        self.height = max(80, height)
        self.yAxisLabel = yAxisLabel
        self.y2AxisLabel = y2AxisLabel
        self.yRange = yRange
        self.referenceLines = referenceLines
        self.showsCaption = showsCaption
        self.showsLegend = showsLegend
        self.maxTableRows = max(1, maxTableRows)
        self.dataSource = dataSource
    }
}
