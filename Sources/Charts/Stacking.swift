/// Where one stacked value starts (nearer zero) and ends (`base + value`).
struct StackSpan: Equatable, Sendable {
    var base: Double
    var end: Double

    static let missing = StackSpan(base: .nan, end: .nan)
    var isMissing: Bool { !end.isFinite }
}

enum Stacking {
    /// Stacks series in order: positive values upwards from zero, negative values downwards, so
    /// imports and exports can share one stack. A NaN value leaves a gap in its own layer only and
    /// adds nothing to the layers above it.
    static func stack(_ columns: [[Double]]) -> [[StackSpan]] {
        let count = columns.map(\.count).max() ?? 0
        var positive = Array(repeating: 0.0, count: count)
        var negative = Array(repeating: 0.0, count: count)
        return columns.map { values in
            (0..<count).map { index in
                let value = index < values.count ? values[index] : .nan
                guard value.isFinite else { return .missing }
                if value >= 0 {
                    defer { positive[index] += value }
                    return StackSpan(base: positive[index], end: positive[index] + value)
                }
                defer { negative[index] += value }
                return StackSpan(base: negative[index], end: negative[index] + value)
            }
        }
    }
}
