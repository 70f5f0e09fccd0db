import Foundation

/// Text encodings the CSV reader understands. Everything is converted to UTF-8 while streaming.
public enum CSVEncoding: String, Sendable, Codable, CaseIterable, Hashable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Windows-1252, the superset of Latin-1 that spreadsheet exports on Western Windows produce.
    case windows1252 = "windows-1252"
}

/// Field delimiter.
public enum CSVDelimiter: String, Sendable, Codable, CaseIterable, Hashable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"
    case pipe = "|"

    var byte: UInt8 { rawValue.utf8.first! }
}

/// Decimal separator of number cells.
public enum DecimalSeparator: String, Sendable, Codable, CaseIterable, Hashable {
    case point = "."
    case comma = ","
}

/// Digit-grouping character accepted in number cells (`1.234,5`, `1,234.5`, `1 234,5`, `1'234.5`).
public enum ThousandsSeparator: String, Sendable, Codable, CaseIterable, Hashable {
    case none = ""
    case point = "."
    case comma = ","
    case space = " "
    case apostrophe = "'"
}

/// What happens to a row that cannot be read.
public enum CSVErrorPolicy: String, Sendable, Codable, CaseIterable, Hashable {
    /// The first bad row stops the import with its error; nothing is imported.
    case reject
    /// Bad rows are left out and listed in the report (``CSVImportReport/issues``).
    case skip
}

/// Rule for local times that do not exist because clocks jumped forward (02:30 on a spring DST day).
public enum NonexistentTimePolicy: String, Sendable, Codable, CaseIterable, Hashable {
    /// Such rows are errors: they stop a `reject` import and are skipped (and reported) under `skip`.
    case error
    /// Move the time forward by the gap length (02:30 → 03:30) and report it. Only on explicit request.
    case shiftForward = "shift_forward"
}

/// Rule for local times that happen twice because clocks were set back (02:30 on an autumn DST day).
public enum RepeatedTimePolicy: String, Sendable, Codable, CaseIterable, Hashable {
    /// File order decides: the first pass through the repeated hour takes the earlier (summer) offset; once the
    /// times go backwards within it, the later (winter) offset. Files that list the hour once get summer time.
    case fileOrder = "file_order"
    /// Always the first occurrence (summer offset).
    case earlier
    /// Always the second occurrence (winter offset).
    case later
}

/// One value column of the file and the series it becomes.
public struct CSVColumn: Sendable, Codable, Hashable {
    /// 0-based field index in each row.
    public var index: Int
    /// The header cell as written (used in error messages), or `column N` without a header.
    public var header: String
    /// Name of the resulting series (the header without a unit suffix unless overridden).
    public var name: String
    public var unit: String
    public var kind: QuantityKind
    /// Columns with `include == false` are not imported.
    public var include: Bool

    public init(index: Int, header: String, name: String? = nil, unit: String = "", kind: QuantityKind = .other,
                include: Bool = true) {
        self.index = index
        self.header = header
        self.name = name ?? header
        self.unit = unit
        self.kind = kind
        self.include = include
    }
}

extension CSVColumn {
    /// A column described by its header (`P [kW]`, `P_kW`) and, if the file has one, its units-row cell.
    static func guess(index: Int, header: String, unitCell: String?) -> CSVColumn {
        let (name, headerUnit) = UnitGuess.split(header: header)
        var unit = headerUnit ?? ""
        if let written = unitCell?.trimmingCharacters(in: .whitespaces), !written.isEmpty {
            unit = UnitGuess.unit(written) ?? written
        }
        return CSVColumn(index: index, header: header, name: name, unit: unit, kind: UnitGuess.kind(unit: unit, header: header))
    }
}

/// Everything the reader needs to know about a file. ``CSVSniffer/detect(sample:isCompleteFile:previewRows:timeZone:)``
/// fills it in; every field may be overridden before the import. Row numbers count CSV records from 1, which
/// equals the physical line unless a quoted field spans lines above that row.
public struct CSVSettings: Sendable, Codable, Hashable {
    public var encoding: CSVEncoding = .utf8
    public var delimiter: CSVDelimiter = .comma
    public var decimalSeparator: DecimalSeparator = .point
    public var thousandsSeparator: ThousandsSeparator = .none
    /// Row holding the column names, nil when the file has none.
    public var headerRow: Int? = 1
    /// Row holding units (`kW;°C`), if any.
    public var unitsRow: Int?
    /// First row of data; rows above it (descriptions, header, units) are not data.
    public var dataStartRow: Int = 2
    /// 0-based index of the timestamp column (the date column when ``timeColumn`` is set).
    public var timestampColumn: Int = 0
    public var timestampFormat: TimestampFormat = .iso8601
    /// A separate time-of-day column (`HH:MM[:SS]`) to combine with the date column, if any.
    public var timeColumn: Int?
    /// IANA zone for local times (cells without an offset, and Excel serials). Offsets written in a cell win.
    public var timeZone: String = "UTC"
    /// Value columns to import; nil imports every column except the timestamp column(s), named from the header.
    public var columns: [CSVColumn]?
    public var errorPolicy: CSVErrorPolicy = .reject
    public var nonexistentTimePolicy: NonexistentTimePolicy = .error
    public var repeatedTimePolicy: RepeatedTimePolicy = .fileOrder
    /// Cells (after trimming) that mean "no data" besides the empty cell; compared case-sensitively.
    public var missingValueMarkers: [String] = ["NaN", "nan", "NA", "N/A", "n/a", "null", "NULL", "-", "--"]
    /// Most issues kept in the report (counts stay exact beyond it) so a hopeless file cannot exhaust memory.
    public var maxReportedIssues: Int = 100_000

    public init() {}

    var numberSyntax: NumberSyntax {
        NumberSyntax(decimal: decimalSeparator.rawValue.utf8.first!, thousands: thousandsSeparator.rawValue.utf8.first ?? 0)
    }
}
