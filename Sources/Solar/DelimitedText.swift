/// The small amount of CSV the weather readers need: quoted fields, a chosen delimiter, line
/// numbers for error messages, and numbers that may use a decimal comma.
struct DelimitedText {
    /// Lines with their 1-based line numbers; blank lines are skipped.
    let lines: [(number: Int, text: Substring)]

    init(_ text: String) {
        var result: [(Int, Substring)] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let trimmed = line.last == "\r" ? line.dropLast() : line
            if !trimmed.allSatisfy(\.isWhitespace) { result.append((number, trimmed)) }
        }
        lines = result
    }

    /// Splits one line into fields, honouring double quotes ("a, b" stays one field).
    static func fields(_ line: Substring, delimiter: Character = ",") -> [Substring] {
        guard line.contains("\"") else { return line.split(separator: delimiter, omittingEmptySubsequences: false) }
        var fields: [Substring] = []
        var start = line.startIndex
        var inQuotes = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { inQuotes.toggle() } else if c == delimiter && !inQuotes {
                fields.append(unquoted(line[start..<i]))
                start = line.index(after: i)
            }
            i = line.index(after: i)
        }
        fields.append(unquoted(line[start..<line.endIndex]))
        return fields
    }

    private static func unquoted(_ field: Substring) -> Substring {
        let trimmed = field.drop(while: \.isWhitespace)
        if trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 2 { return trimmed.dropFirst().dropLast() }
        return field
    }

    /// A number from a field, or a `WeatherError` naming the line and column.
    static func number(_ field: Substring, line: Int, column: String, decimalComma: Bool = false) throws -> Double {
        let trimmed = field.trimmingWhitespace
        if let value = Double(trimmed) { return value }
        if decimalComma, let value = Double(String(trimmed.map { $0 == "," ? "." : $0 })) { return value }
        throw WeatherError.badValue(line: line, column: column, value: String(field))
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
