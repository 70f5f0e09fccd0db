/// The typed records of a sheet, by kind.
public enum SheetRecords: Sendable {
    case plants([Plant])
    case generators([Generator])
    case units([GeneratingUnit])
    case regions([RegionRecord])
}

/// One sheet as imported: its kind and years, every column by code (`table`), and typed records.
public struct EGRIDSheet: Sendable {
    public let kind: SheetKind
    /// Worksheet name for workbooks (`PLNT23`), `nil` for CSV files.
    public let name: String?
    /// Data years in the sheet, ascending.
    public let years: [Int]
    public let table: SheetTable
    public let records: SheetRecords
    /// Things the reader normalised or worked around, for the import log
    /// (e.g. percent columns divided by 100, a year column formatted as a date).
    public let warnings: [String]

    public var plants: [Plant] { if case .plants(let v) = records { v } else { [] } }
    public var generators: [Generator] { if case .generators(let v) = records { v } else { [] } }
    public var units: [GeneratingUnit] { if case .units(let v) = records { v } else { [] } }
    public var regions: [RegionRecord] { if case .regions(let v) = records { v } else { [] } }
    /// Number of records.
    public var count: Int { table.rowCount }
}

/// A file as imported: a CSV file gives one sheet, a workbook one per eGRID sheet it holds
/// (sheets that are not eGRID data, like `Contents`, are skipped).
public struct EGRIDFile: Sendable {
    public let identity: DatasetIdentity
    /// Character encoding of a CSV file (workbooks are always UTF-8).
    public let encoding: TextEncoding
    public let sheets: [EGRIDSheet]
    /// Workbook sheets that are not eGRID data (`Contents`, notes).
    public let skippedSheets: [String]

    public init(identity: DatasetIdentity, encoding: TextEncoding, sheets: [EGRIDSheet], skippedSheets: [String] = []) {
        self.identity = identity
        self.encoding = encoding
        self.sheets = sheets
        self.skippedSheets = skippedSheets
    }

    /// The first sheet of `kind`.
    public func sheet(_ kind: SheetKind) -> EGRIDSheet? { sheets.first { $0.kind == kind } }
}
