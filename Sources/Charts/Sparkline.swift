import Plot

/// A small axis-less line for dashboard cards: the shape of recent values and a dot on the latest.
///
/// The SVG is an image named by `label` plus the latest value and the range, so the card still
/// says something to a screen reader.
public struct Sparkline: Component, Sendable {
    /// What the line shows, e.g. `Load, last 24 h`.
    public var label: String
    /// Oldest first; `.nan` leaves a gap.
    public var values: [Double]
    public var unit: String
    /// Nil uses the first palette colour.
    public var color: ChartColor?
    public var width: Int
    public var height: Int
    /// Fills the area under the line.
    public var filled: Bool
    /// Fixes the vertical range (e.g. `0...100` for a state of charge) instead of fitting the data.
    public var range: ClosedRange<Double>?

    public init(label: String, values: [Double], unit: String = "", color: ChartColor? = nil, width: Int = 120, height: Int = 32, filled: Bool = true, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.values = values
        self.unit = unit
        self.color = color
        self.width = max(8, width)
        self.height = max(8, height)
        self.filled = filled
        self.range = range
    }

    public var body: Component {
        let (xs, ys) = points()
        let pad = 2.0, w = Double(width), h = Double(height)
        let finite = ys.filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0, high = range?.upperBound ?? finite.max() ?? 1
        let span = high > low ? high - low : 1
        let count = max(1, xs.count - 1)
        let px = xs.map { pad + $0 / Double(count) * (w - 2 * pad) }
        // A flat series sits mid-height rather than on the bottom edge.
        let py = ys.map { $0.isFinite ? (high > low ? h - pad - ($0 - low) / span * (h - 2 * pad) : h / 2) : .nan }
        var children: [HTMLNode] = []
        if filled, low <= high {
            let base = Array(repeating: h - pad, count: py.count)
            children.append(.leaf("path", ["class": "sparkline-area", "d": PathBuilder.area(xs: px, tops: py, bases: base)]))
        }
        children.append(.leaf("path", ["class": "sparkline-line", "d": PathBuilder.line(xs: px, ys: py), "fill": "none"]))
        if let last = py.indices.last(where: { py[$0].isFinite }) {
            children.append(.leaf("circle", ["class": "sparkline-dot", "cx": svgNumber(px[last]), "cy": svgNumber(py[last]), "r": "2"]))
        }
        return HTMLNode.tag("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "sparkline " + (color ?? .palette(0)).className,
            "viewBox": "0 0 \(width) \(height)",
            "width": String(width),
            "height": String(height),
            "role": "img",
            "aria-label": accessibleLabel,
        ], children)
    }

    /// `Load, last 24 h: latest 3.2 kW, range 1.1 to 5.3 kW.`
    var accessibleLabel: String {
        let finite = values.filter(\.isFinite)
        guard let latest = finite.last, let low = finite.min(), let high = finite.max() else { return label + ": no data." }
        let unit = self.unit.isEmpty ? "" : " " + self.unit
        return "\(label): latest \(ChartNumber.format(latest))\(unit), range \(ChartNumber.format(low)) to \(ChartNumber.format(high))\(unit)."
    }

    /// Index positions and values, reduced to two per pixel when there are more.
    func points() -> (xs: [Double], ys: [Double]) {
        let xs = values.indices.map(Double.init)
        guard values.count > 2 * width else { return (xs, values) }
        let reduced = MinMaxReducer.reduce(xs: xs, columns: [values], domain: 0...Double(values.count), buckets: width)
        let scale = Double(values.count - 1) / Double(max(1, reduced.xs.count - 1))
        // Re-index so that the reduced points spread over the full width again.
        return (reduced.xs.indices.map { Double($0) * scale }, reduced.columns[0])
    }
}
