/// The rectangle inside the SVG where marks are drawn, in SVG pixels.
struct PlotRect: Equatable, Sendable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double

    var right: Double { left + width }
    var bottom: Double { top + height }
}

/// Estimated text widths, to reserve margins without measuring fonts (12px system sans-serif).
enum TextWidth {
    static func estimate(_ text: String) -> Double {
        Double(text.count) * 7
    }
}
