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
        switch prefix(p, start, end, syntax) {
        case .value(let v, let next): return next == end ? v : nil
        case .unusual: return slowPath(p, start, end, syntax)
        case .invalid: return nil
        }
    }

    enum Prefix {
        /// A plain decimal ending at `next` (the first byte that is not part of it).
        case value(Double, next: Int)
        /// Needs the careful path: more than 19 digits, a large exponent, `inf`, `nan`.
        case unusual
        case invalid
    }

    /// Reads the number starting at `start` and stops at the first byte that cannot belong to it, without
    /// looking further than `end`. The CSV fast path uses it to parse and find the field end in one pass.
    @inline(__always)
    static func prefix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ syntax: NumberSyntax) -> Prefix {
        if let quick = plainPrefix(p, start, end, syntax) { return quick }
        return generalPrefix(p, start, end, syntax)
    }

    /// The overwhelmingly common shape, `-123.456`: at most 19 digits, no grouping, no exponent. Returns nil
    /// for anything else so the general reader can start over.
    @inline(__always)
    private static func plainPrefix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ syntax: NumberSyntax) -> Prefix? {
        let decimal = syntax.decimal
        var i = start
        guard i < end else { return nil }
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let digitsStart = i
        var mantissa: UInt64 = 0
        while i < end {
            let d = p[i] &- 48
            guard d < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        let integerDigits = i - digitsStart
        var fraction = 0
        if i < end && p[i] == decimal {
            i += 1
            let fractionStart = i
            while i < end {
                let d = p[i] &- 48
                guard d < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            fraction = i - fractionStart
        }
        let digits = integerDigits + fraction
        guard digits > 0, digits <= 19, fraction <= 22, mantissa <= 1 << 53 else { return nil }
        // An exponent or a grouping character means the general reader must look at the whole cell.
        if i < end && ((p[i] | 0x20) == UInt8(ascii: "e") || (p[i] == syntax.thousands && syntax.thousands != 0)) {
            return nil
        }
        let m = Double(mantissa)
        let v = fraction == 0 ? m : m / powers[fraction]
        return .value(negative ? -v : v, next: i)
    }

    private static func generalPrefix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ syntax: NumberSyntax) -> Prefix {
        var i = start
        guard i < end else { return .invalid }
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
                if groups == 0 ? run > 3 : run != 3 { return .invalid }
                groups += 1
                run = 0
                i += 1
            } else {
                break
            }
        }
        if groups > 0 && run != 3 { return .invalid }
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
        guard sawDigit else { return .unusual }
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
            guard digits > 0 else { return .invalid }
            exponent += exponentNegative ? -e : e
        }
        if mantissa == 0 { return .value(negative ? -0.0 : 0.0, next: i) }
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let v = exponent < 0 ? m / powers[-exponent] : m * powers[exponent]
            return .value(negative ? -v : v, next: i)
        }
        return .unusual
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
            guard c &- 48 < 10 || "+-eEiInNfFaAtTyY".utf8.contains(c) else { return nil }
            ascii.append(c)
        }
        return Double(String(decoding: ascii, as: UTF8.self))
    }
}
