/// A cell of an eGRID sheet after typing. `missing` (blank or `--`) is kept apart from zero.
public enum CellValue: Sendable, Hashable, Codable {
    case missing
    case number(Double)
    case text(String)

    /// The number, or `nil` for text and missing cells.
    public var number: Double? { if case .number(let v) = self { v } else { nil } }
}

/// One column of a sheet, keyed by EPA's short code.
public struct SheetColumn: Sendable {
    /// Typed values of a column. Numbers use NaN for "no data" so that a column of 12,000 values
    /// stays one flat array; `number(at:)` turns NaN back into `nil`.
    public enum Values: Sendable {
        case numbers([Double])
        case texts([String?])
    }

    /// The code as written in the file (`PLNGENAN`, or `plngenan` in EPA's lowercase build files).
    public let code: String
    /// The long description from the row above the codes, when the sheet has one.
    public let description: String?
    public let values: Values
    /// `true` when the source held percent numbers (`27.5` or `27.5%`) that were divided by 100:
    /// every share and capacity factor is a fraction after import.
    public let normalizedFromPercent: Bool

    public var isNumeric: Bool { if case .numbers = values { true } else { false } }

    /// The number in `row`, `nil` when missing or when the column is text.
    public func number(at row: Int) -> Double? {
        guard case .numbers(let v) = values else { return nil }
        let x = v[row]
        return x.isNaN ? nil : x
    }

    /// The text in `row`; numbers are rendered without a trailing `.0`.
    public func text(at row: Int) -> String? {
        switch values {
        case .texts(let v): return v[row]
        case .numbers(let v): return v[row].isNaN ? nil : NumberFormatting.plain(v[row])
        }
    }

    public func value(at row: Int) -> CellValue {
        switch values {
        case .texts(let v): return v[row].map(CellValue.text) ?? .missing
        case .numbers(let v): return v[row].isNaN ? .missing : .number(v[row])
        }
    }
}

/// All columns of one sheet, in file order, each addressable by code (case-insensitively).
///
/// Every column is kept, including the ones a release added or renamed, so nothing in the file is
/// lost even when the typed records (`Plant`, `RegionRecord`…) only carry the core fields.
public struct SheetTable: Sendable {
    public let columns: [SheetColumn]
    public let rowCount: Int
    /// Physical line in the source of each row (for xlsx: the worksheet row number).
    public let lines: [Int]
    private let index: [String: Int]

    init(columns: [SheetColumn], rowCount: Int, lines: [Int]) {
        self.columns = columns
        self.rowCount = rowCount
        self.lines = lines
        var index: [String: Int] = [:]
        for (i, c) in columns.enumerated() where index[c.code.uppercased()] == nil { index[c.code.uppercased()] = i }
        self.index = index
    }

    /// Codes in file order.
    public var codes: [String] { columns.map(\.code) }

    /// The column with `code`, compared case-insensitively.
    public func column(_ code: String) -> SheetColumn? { index[code.uppercased()].map { columns[$0] } }

    /// The raw NaN-for-missing numbers of a numeric column.
    public func numbers(_ code: String) -> [Double]? {
        guard let c = column(code), case .numbers(let v) = c.values else { return nil }
        return v
    }

    /// One row as a map from code (as in the file) to value — for storing the columns the typed
    /// records do not carry.
    public func row(_ row: Int) -> [String: CellValue] {
        var out: [String: CellValue] = [:]
        out.reserveCapacity(columns.count)
        for c in columns { out[c.code] = c.value(at: row) }
        return out
    }
}
