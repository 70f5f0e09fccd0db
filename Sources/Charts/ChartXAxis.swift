import Foundation

/// The horizontal axis of a chart, shared by all its series.
public enum ChartXAxis: Sendable {
    /// Timestamps in milliseconds since 1970-01-01T00:00:00Z, ascending; ticks and labels are in `timeZone`.
    case time([Int64], timeZone: TimeZone)
    /// Named categories (fuels, months, states), one band each; for bar charts by category.
    case categories([String])
    /// Plain numbers, ascending (e.g. % of time for a duration curve), labelled with `unit`.
    case linear([Double], unit: String)

    var count: Int {
        switch self {
        case .time(let times, _): times.count
        case .categories(let labels): labels.count
        case .linear(let values, _): values.count
        }
    }

    var isCategorical: Bool {
        if case .categories = self { return true }
        return false
    }

    var typeName: String {
        switch self {
        case .time: "time"
        case .categories: "category"
        case .linear: "linear"
        }
    }
}
