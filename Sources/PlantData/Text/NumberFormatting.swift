import Foundation

/// Renders numbers for messages and exports: no exponent, no trailing `.0`, shortest round-trip digits.
enum NumberFormatting {
    static func plain(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let s = "\(value)"
        guard s.contains("e") else { return s }
        return String(format: "%.15g", value)
    }

    /// `1,234` — line numbers in error messages, as people read them.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
