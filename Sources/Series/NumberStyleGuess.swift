import Foundation

/// Decimal and grouping characters from the number cells of a sample.
enum NumberStyleGuess {
    static let syntaxes: [NumberSyntax] = [
        NumberSyntax(decimal: UInt8(ascii: "."), thousands: 0), NumberSyntax(decimal: UInt8(ascii: ","), thousands: 0),
        NumberSyntax(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: ",")),
        NumberSyntax(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")),
        NumberSyntax(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: " ")),
        NumberSyntax(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: " ")),
        NumberSyntax(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: "'")),
    ]

    /// A comma or point followed by other than exactly three digits can only be a decimal separator; when
    /// both appear in one cell the later one is. Only three-digit groups (`1,234`) are ambiguous: with `;` as
    /// delimiter (the European convention) they are read as decimal comma, otherwise as grouping.
    static func guess<S: Sequence<String>>(_ cells: S, delimiter: CSVDelimiter) -> (DecimalSeparator, ThousandsSeparator) {
        var commaDecimal = 0
        var pointDecimal = 0
        var commaThreeDigits = 0
        var pointThreeDigits = 0
        var space = false
        var apostrophe = false
        var pointGroups = false
        var commaGroups = false
        for cell in cells {
            let c = Array(cell.utf8)
            guard c.contains(where: { $0 &- 48 < 10 }),
                  c.allSatisfy({ $0 &- 48 < 10 || ",.-+ 'eE".utf8.contains($0) }) else { continue }
            let lastComma = c.lastIndex(of: UInt8(ascii: ","))
            let lastPoint = c.lastIndex(of: UInt8(ascii: "."))
            if c.dropFirst().contains(UInt8(ascii: " ")) { space = true }
            if c.contains(UInt8(ascii: "'")) { apostrophe = true }
            switch (lastComma, lastPoint) {
            case let (comma?, point?):
                if comma > point {
                    commaDecimal += 1
                    pointGroups = true
                } else {
                    pointDecimal += 1
                    commaGroups = true
                }
            case let (comma?, nil) where delimiter != .comma:
                let digitsAfter = c.count - comma - 1
                if digitsAfter == 3 && c.filter({ $0 == UInt8(ascii: ",") }).count == 1 { commaThreeDigits += 1 } else { commaDecimal += 1 }
            case let (nil, point?):
                let digitsAfter = c.count - point - 1
                if digitsAfter == 3 && c.filter({ $0 == UInt8(ascii: ".") }).count == 1 { pointThreeDigits += 1 } else { pointDecimal += 1 }
            default:
                break
            }
        }
        let decimalComma = delimiter != .comma && (commaDecimal > pointDecimal
            || (commaDecimal == 0 && pointDecimal == 0 && commaThreeDigits > 0 && delimiter == .semicolon))
        if decimalComma {
            if pointThreeDigits > 0 || pointGroups { return (.comma, .point) }
            return (.comma, space ? .space : .none)
        }
        // Grouping commas in a comma-delimited file can only come from quoted cells, which is fine.
        if commaGroups || (delimiter != .comma && commaThreeDigits > 0) { return (.point, .comma) }
        return (.point, apostrophe ? .apostrophe : (space ? .space : .none))
    }
}
