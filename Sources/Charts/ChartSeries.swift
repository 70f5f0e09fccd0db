/// One named series of values, aligned index by index with the chart's x axis.
public struct ChartSeries: Sendable, Hashable {
    /// Identifies the series in re-requested data (`series[].id` in the `data-src` JSON).
    public var id: String
    public var name: String
    /// Shown on the axis, in the legend and tooltips (`kW`, `°C`); may be empty.
    public var unit: String
    /// One value per x position; `.nan` means no data and leaves a gap. Missing trailing values count as NaN.
    public var values: [Double]
    /// Nil takes the next palette colour.
    public var color: ChartColor?
    public var axis: ChartAxisSide

    /// - Parameter id: Defaults to `name`.
    public init(id: String? = nil, name: String, unit: String, values: [Double], color: ChartColor? = nil, axis: ChartAxisSide = .primary) {
        self.id = id ?? name
        self.name = name
        self.unit = unit
        self.values = values
        self.color = color
        self.axis = axis
    }
}

/// A horizontal line at a fixed value, such as a transformer's rated power.
public struct ChartReferenceLine: Sendable, Hashable {
    public var value: Double
    public var label: String
    public var axis: ChartAxisSide
    public var color: ChartColor

    public init(value: Double, label: String, axis: ChartAxisSide = .primary, color: ChartColor = .limit) {
        self.value = value
        self.label = label
        self.axis = axis
        self.color = color
    }
}
