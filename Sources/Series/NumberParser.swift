import Foundation

/// Decimal and grouping characters of a number column (`12,5` with decimal comma, `1.234,5` with `.` grouping).
struct NumberSyntax: Sendable, Equatable {
    var decimal: UInt8 = UInt8(ascii: ".")
    /// 0 when no grouping character is accepted.
    var thousands: UInt8 = 0
}

/// Byte-level float parsing. Plain decimals take an exact fast path (Clinger: a mantissa below 2^53 scaled by
/// an exactly representable power of ten is one correctly rounded operation); anything longer or stranger goes
/// through `Double(String)`, so every result equals correct rounding of the written decimal.
enum NumberParser {
    static let powers: [Double] = DecimalScheme.powers

    /// Parses the whole span `[start, end)` (already trimmed); nil when it is not a number.
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ syntax: NumberSyntax) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if p[i] == UInt8(ascii: "+") {
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var truncated = false
        // Grouping is strict: 1–3 digits, then groups of exactly 3, so `12.5` is not read as 125.
        var run = 0
        var groups = 0
        while i < end {
            let c = p[i]
            let d = c &- 48
            if d < 10 {
                sawDigit = true
                run += 1
                if mantissa == 0 && d == 0 {
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significant += 1
                } else {
                    exponent += 1
                    truncated = true
                }
                i += 1
            } else if c == syntax.thousands && syntax.thousands != 0 && sawDigit {
                if groups == 0 ? run > 3 : run != 3 { return nil }
                groups += 1
                run = 0
                i += 1
            } else {
                break
            }
        }
        if groups > 0 && run != 3 { return nil }
        if i < end && p[i] == syntax.decimal {
            i += 1
            while i < end {
                let d = p[i] &- 48
                guard d < 10 else { break }
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significant += 1
                    exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return slowPath(p, start, end, syntax) }
        if i < end && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var digits = 0
            while i < end, p[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(p[i] &- 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            exponent += exponentNegative ? -e : e
        }
        guard i == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let v = exponent < 0 ? m / powers[-exponent] : m * powers[exponent]
            return negative ? -v : v
        }
        return slowPath(p, start, end, syntax)
    }

    /// Normalises grouping and decimal characters and lets the standard library round correctly.
    private static func slowPath(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ syntax: NumberSyntax) -> Double? {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(end - start)
        for i in start..<end {
            let c = p[i]
            if c == syntax.thousands && syntax.thousands != 0 { continue }
            if c == syntax.decimal {
                ascii.append(UInt8(ascii: "."))
                continue
            }
            // Only decimal syntax and the words inf/infinity/nan; no hex floats, no other separators.
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "e"),
                 UInt8(ascii: "E"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "t"),
                 UInt8(ascii: "T"), UInt8(ascii: "y"), UInt8(ascii: "Y"):
                ascii.append(c)
            case UInt8(ascii: "."):
                return nil  // a point that is neither the decimal nor the grouping character
            default:
                return nil
            }
        }
        return Double(String(decoding: ascii, as: UTF8.self))
    }
}
