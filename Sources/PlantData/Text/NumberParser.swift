import Foundation

/// Parses numbers the way they appear in EPA sheets exported from Excel.
///
/// Accepted: `1234.5`, `"23,077"` (thousands separators in groups of three), `-2,428`, `(2,428)`
/// (accounting negatives, as newer workbooks display them), `1.5E-05`, and a trailing `%`
/// (reported, so the column can be normalised to a fraction). Blank and `--` mean "no data".
enum NumberParser {
    enum Result: Equatable {
        case missing
        case number(Double, percent: Bool)
        case invalid
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> Result {
        var start = 0, end = p.count
        while start < end && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
        while end > start && (p[end - 1] == 0x20 || p[end - 1] == 0x09) { end -= 1 }
        if start == end { return .missing }
        if end - start == 2 && p[start] == 0x2D && p[start + 1] == 0x2D { return .missing }  // "--"

        var negative = false
        var percent = false
        if p[end - 1] == 0x25 { percent = true; end -= 1 }  // %
        if start < end && p[start] == 0x28 {  // (
            guard end - start >= 3, p[end - 1] == 0x29 else { return .invalid }
            negative = true; start += 1; end -= 1
        } else if start < end && (p[start] == 0x2D || p[start] == 0x2B) {
            negative = p[start] == 0x2D; start += 1
        }
        guard start < end else { return .invalid }

        var mantissa: UInt64 = 0
        var significant = 0
        var droppedIntegerDigits = 0
        var exponent = 0
        var digits = 0
        var i = start
        // Integer part, with thousands separators checked for grouping so that "12,5,3" is rejected.
        var groupLength = 0
        var sawSeparator = false
        while i < end {
            let c = p[i]
            if c >= 0x30 && c <= 0x39 {
                if significant < 19 {
                    if mantissa != 0 || c != 0x30 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                } else {
                    droppedIntegerDigits += 1
                }
                digits += 1; groupLength += 1; i += 1
            } else if c == 0x2C {  // ,
                if digits == 0 || (sawSeparator ? groupLength != 3 : groupLength > 3) { return .invalid }
                sawSeparator = true; groupLength = 0; i += 1
            } else {
                break
            }
        }
        if sawSeparator && groupLength != 3 { return .invalid }
        exponent = droppedIntegerDigits
        if i < end && p[i] == 0x2E {  // .
            i += 1
            while i < end, p[i] >= 0x30 && p[i] <= 0x39 {
                if significant < 19 {
                    if mantissa != 0 || p[i] != 0x30 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30)
                    exponent -= 1
                }
                digits += 1; i += 1
            }
        }
        guard digits > 0 else { return .invalid }
        if i < end && (p[i] == 0x65 || p[i] == 0x45) {  // e E
            i += 1
            var expNegative = false
            if i < end && (p[i] == 0x2D || p[i] == 0x2B) { expNegative = p[i] == 0x2D; i += 1 }
            var e = 0, expDigits = 0
            while i < end, p[i] >= 0x30 && p[i] <= 0x39 {
                if e < 100_000 { e = e * 10 + Int(p[i] - 0x30) }
                expDigits += 1; i += 1
            }
            guard expDigits > 0 else { return .invalid }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return .invalid }

        var value: Double
        if mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            // Exact: both operands are exactly representable, so one rounding (Clinger's fast path).
            value = Double(mantissa)
            if exponent < 0 { value /= exactPowers[-exponent] } else if exponent > 0 { value *= exactPowers[exponent] }
        } else if let wide = extendedPrecision(mantissa, exponent) {
            value = wide
        } else {
            value = slowParse(p, start: start, end: end)
        }
        return .number(negative ? -value : value, percent: percent)
    }

    /// 17–19 significant digits (unrounded values from a workbook) in 80-bit arithmetic: the
    /// mantissa and the power of ten are exact, the product or quotient is rounded once to 64 bits,
    /// and rounding that to a Double is correct unless it lies within one 80-bit ulp of a Double
    /// midpoint — then `nil`, and strtod decides.
    @inline(__always)
    private static func extendedPrecision(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        #if arch(x86_64) || arch(i386)
        guard exponent >= -27 && exponent <= 27 else { return nil }
        let m = Float80(mantissa)
        let r = exponent < 0 ? m / extendedPowers[-exponent] : m * extendedPowers[exponent]
        let extra = r.significandBitPattern & 0x7FF
        guard extra < 0x3FF || extra > 0x401 else { return nil }
        return Double(r)
        #else
        return nil
        #endif
    }

    #if arch(x86_64) || arch(i386)
    /// 10^0 … 10^27, all exact in a 64-bit significand (5^27 < 2^64).
    private static let extendedPowers: [Float80] = (0...27).map { e in (0..<e).reduce(Float80(1)) { acc, _ in acc * 10 } }
    #endif

    /// Correctly rounded fallback for long mantissas and large exponents.
    private static func slowParse(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Double {
        // A stack buffer: this path is taken for every 17-digit value of an unrounded export.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 1) { clean in
            var n = 0
            for k in start..<end where p[k] != 0x2C { clean[n] = CChar(bitPattern: p[k]); n += 1 }
            clean[n] = 0
            return strtod(clean.baseAddress!, nil)
        }
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> Result {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    static func parse(_ string: String) -> Result {
        var s = string
        return s.withUTF8 { parse($0) }
    }
}
