import Foundation

/// Number formatting shared by tick labels, the data table, `<desc>` and (mirrored) charts.js.
///
/// Always `.` for decimals and `,` for thousands, independent of the server's locale, so that
/// rendered charts are identical everywhere.
enum ChartNumber {
    /// `value` with exactly `decimals` digits after the point, grouped by thousands.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let decimals = max(0, min(decimals, 12))
        // Round half away from zero first (as people do, and as charts.js does for positives);
        // printf alone would round an exact 1234.5 to the even 1234.
        let factor = Foundation.pow(10, Double(decimals))
        let rounded = Swift.abs(value) < 1e15 ? (value * factor).rounded(.toNearestOrAwayFromZero) / factor : value
        var text = String(format: "%.\(decimals)f", rounded)
        var sign = ""
        if text.hasPrefix("-") {
            text.removeFirst()
            // "-0" and "-0.00" are just zero.
            if text.contains(where: { $0 != "0" && $0 != "." }) { sign = "-" }
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = grouped(String(parts[0]))
        return sign + integer + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `value` with about four significant digits and no trailing zeros: `12.35`, `1,235`, `0.01235`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        guard value != 0 else { return "0" }
        let decimals = min(6, max(0, 3 - Int(Foundation.log10(Swift.abs(value)).rounded(.down))))
        var text = format(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
