/// Why a file was rejected. Import is all-or-nothing: the first problem rejects the whole file, and
/// the message says where (line and column code) and what, so the user can fix the file.
public struct EGRIDImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// A cell of a numeric column holds something that is not a number.
        case notANumber(value: String)
        /// A required cell (a plant's ORISPL, a region's code) is blank.
        case missingValue
        /// A data row has more or fewer fields than the header has columns.
        case wrongFieldCount(found: Int, expected: Int)
        /// A quoted field never closes.
        case unterminatedQuote
        /// The header rows are not eGRID's (no row of column codes).
        case badHeader(String)
        /// The file's kind or year cannot be told, or it is not an eGRID sheet.
        case unrecognized(String)
        /// The xlsx container or its XML is damaged.
        case badWorkbook(String)
    }

    public let reason: Reason
    /// Physical line (CSV) or worksheet row (xlsx), when the problem has one.
    public let line: Int?
    /// Column code, when the problem has one.
    public let column: String?
    /// Worksheet name, for workbooks.
    public let sheet: String?

    public init(_ reason: Reason, line: Int? = nil, column: String? = nil, sheet: String? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// E.g. `line 1,234, column "NAMEPCAP": "12.3.4" is not a number`.
    public var description: String {
        var place: [String] = []
        if let sheet { place.append("sheet \"\(sheet)\"") }
        if let line { place.append("line \(NumberFormatting.grouped(line))") }
        if let column { place.append("column \"\(column)\"") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        switch reason {
        case .notANumber(let value): return prefix + "\"\(value)\" is not a number"
        case .missingValue: return prefix + "a value is required here but the cell is blank"
        case .wrongFieldCount(let found, let expected):
            return prefix + "\(found) fields, but the header has \(expected) columns"
        case .unterminatedQuote: return prefix + "a quoted field is never closed"
        case .badHeader(let why), .unrecognized(let why), .badWorkbook(let why): return prefix + why
        }
    }

    func inSheet(_ name: String?) -> EGRIDImportError {
        EGRIDImportError(reason, line: line, column: column, sheet: sheet ?? name)
    }
}
