/// A computed figure with how far rounding of its inputs can move it.
///
/// EPA publishes rounded values; a sum of 10,000 plant values each rounded to 3 decimals may be off
/// by up to 10,000 × 0.0005 from the sum of the unrounded values. `slack` carries that bound, so the
/// consistency report can tell "within rounding" from "different".
struct Estimate: Sendable {
    var value: Double?
    var slack: Double

    static let missing = Estimate(value: nil, slack: 0)

    /// Half a unit in the last decimal place written: 0.0005 for `947.182`, 0.5 for `4168370118`.
    static func halfUnit(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return 0 }
        var scale = 1.0
        for _ in 0...12 {
            let x = v * scale
            if abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)) { return 0.5 / scale }
            scale *= 10
        }
        return 0
    }

    mutating func add(_ v: Double) {
        value = (value ?? 0) + v
        slack += Estimate.halfUnit(v)
    }

    /// `factor × a / b` with first-order propagation of both slacks; `nil` when b ≤ 0.
    static func ratio(_ a: Estimate, _ b: Estimate, factor: Double) -> Estimate {
        guard let x = a.value, let y = b.value, y > 0 else { return .missing }
        let r = factor * x / y
        let relative = (x == 0 ? a.slack / y : a.slack / abs(x)) + b.slack / y
        return Estimate(value: r, slack: x == 0 ? factor * a.slack / y : abs(r) * relative)
    }
}
