import Foundation

/// Elementary functions built from IEEE basic operations only (+ − × ÷, exact scaling), so results are
/// bit-identical on every platform. libm's `sin`/`exp` may differ in the last bit between glibc and Darwin,
/// which would make "same seed, same values" false after rounding. Accuracy is ~1e-15 relative, plenty for
/// synthetic data.
public enum DeterministicMath {
    private static let piOver2Hi = 1.57079632673412561417e+00
    private static let piOver2Lo = 6.07710050650619224932e-11
    private static let ln2Hi = 6.93147180369123816490e-01
    private static let ln2Lo = 1.90821492927058770002e-10

    public static func sin(_ x: Double) -> Double { quadrant(x, shift: 0) }

    public static func cos(_ x: Double) -> Double { quadrant(x, shift: 1) }

    /// Reduces to |r| <= π/4 around k·π/2 (Cody–Waite, two-part π/2); cos is sin a quarter turn on.
    private static func quadrant(_ x: Double, shift: Int) -> Double {
        guard x.isFinite else { return .nan }
        let k = (x / (.pi / 2)).rounded()
        let r = (x - k * piOver2Hi) - k * piOver2Lo
        switch (Int(k.truncatingRemainder(dividingBy: 4) + 4) + shift) % 4 {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    /// Taylor series on |r| <= π/4; terms up to r^17 keep the error below 1e-16.
    private static func sinKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = r
        var sum = r
        for n in stride(from: 2, through: 16, by: 2) {
            term = -term * r2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    private static func cosKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0
        var sum = 1.0
        for n in stride(from: 1, through: 15, by: 2) {
            term = -term * r2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / 0.693147180559945309417).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0
        var sum = 1.0
        for n in 1...20 {
            term = term * r / Double(n)
            sum += term
        }
        return scale(sum, Int(k))
    }

    /// Natural logarithm for x > 0 (NaN otherwise, −∞ at 0).
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var e = Int(x.exponent)
        var m = Double(sign: .plus, exponent: 0, significand: x.significand)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var sum = s
        for n in stride(from: 3, through: 31, by: 2) {
            power *= s2
            sum += power / Double(n)
        }
        return 2 * sum + Double(e) * ln2Hi + Double(e) * ln2Lo
    }

    public static func sqrt(_ x: Double) -> Double { x.squareRoot() }

    /// Multiplies by 2^k exactly, in two steps so intermediate powers stay representable.
    private static func scale(_ x: Double, _ k: Int) -> Double {
        let half = k / 2
        return x * Double(sign: .plus, exponent: half, significand: 1)
            * Double(sign: .plus, exponent: k - half, significand: 1)
    }
}
