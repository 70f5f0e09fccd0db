/// How a chart draws its primary-axis series.
public enum ChartKind: String, Sendable, CaseIterable {
    /// Straight segments between points; NaN values break the line.
    case line
    /// Each value held flat until the next timestamp, as suits interval averages labelled by their start.
    case step
    /// A line filled down to zero.
    case area
    /// Areas stacked on each other (positives up, negatives down from zero).
    case stackedArea = "stacked-area"
    /// Bars side by side for each timestamp or category.
    case bars
    /// Bars stacked on each other (positives up, negatives down from zero).
    case stackedBars = "stacked-bars"

    var isStacked: Bool { self == .stackedArea || self == .stackedBars }
    var isBars: Bool { self == .bars || self == .stackedBars }
    /// Areas and bars are read against zero, so their value axis always includes it.
    var includesZero: Bool { self != .line && self != .step }

    var noun: String {
        switch self {
        case .line: "Line chart"
        case .step: "Step chart"
        case .area: "Area chart"
        case .stackedArea: "Stacked area chart"
        case .bars: "Bar chart"
        case .stackedBars: "Stacked bar chart"
        }
    }
}

/// Which value axis a series is measured against.
public enum ChartAxisSide: Sendable, Hashable {
    /// The left axis; drawn with the chart's kind.
    case primary
    /// The optional right axis (e.g. °C beside kW); always drawn as a line, or as steps in a step chart.
    case secondary
}
