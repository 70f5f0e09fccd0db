/// Writes RFC 4180 CSV: fields with separators, quotes or line breaks are quoted; numbers plain
/// (no exponent, no thousands separators); missing values are empty cells, never 0.
struct CSVWriter {
    private(set) var text = ""

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double?) -> String { value.map(NumberFormatting.plain) ?? "" }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
