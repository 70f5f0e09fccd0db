import Foundation

/// A value-axis domain widened to "nice" round ticks (1, 2 or 5 × 10^k).
struct NiceScale: Equatable, Sendable {
    var lower: Double
    var upper: Double
    var step: Double

    /// Tick values from `lower` to `upper`, rounded so that `0.1 + 0.2` prints as `0.3`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        let decimals = Double(self.decimals)
        let factor = Foundation.pow(10, decimals)
        return (0..<count).map { ((lower + Double($0) * step) * factor).rounded() / factor }
    }

    /// Digits after the decimal point that tick labels need for this step.
    var decimals: Int {
        max(0, Int(-Foundation.log10(step).rounded(.down)))
    }

    /// A scale covering `min...max` with about `targetCount` intervals.
    ///
    /// Non-finite input falls back to `0...1`; a flat range is widened so a constant series sits
    /// mid-chart instead of on an edge.
    init(min: Double, max: Double, targetCount: Int, includeZero: Bool = false) {
        var low = min, high = max
        if !low.isFinite || !high.isFinite || low > high {
            low = 0
            high = 1
        }
        if includeZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        if low == high {
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.1
            // With zero included the range can only be flat at zero; grow it upwards.
            low -= includeZero ? 0 : pad
            high += pad
        }
        let raw = (high - low) / Double(Swift.max(1, targetCount))
        let magnitude = Foundation.pow(10, Foundation.log10(raw).rounded(.down))
        let residual = raw / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        step = factor * magnitude
        // The tiny tolerance keeps 0.30000000000000004 / 0.1 from adding a whole extra step.
        lower = (low / step + 1e-9).rounded(.down) * step
        upper = (high / step - 1e-9).rounded(.up) * step
        if upper <= lower { upper = lower + step }
    }
}
