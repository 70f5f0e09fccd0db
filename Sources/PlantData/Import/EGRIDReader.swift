import Foundation

/// Reads eGRID files: CSV exports of any sheet and `.xlsx` workbooks.
///
/// All-or-nothing: either every row is typed, or an `EGRIDImportError` names the first bad cell.
public enum EGRIDReader {
    /// Reads any eGRID file: a workbook when the bytes are a zip container (`PK`), CSV otherwise.
    public static func read(_ data: Data, options: ImportOptions = ImportOptions()) throws -> EGRIDFile {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? try readWorkbook(data, options: options) : try readCSV(data, options: options)
    }

    /// Reads one sheet saved as CSV (or tab-separated text): UTF-8 with or without BOM, UTF-16,
    /// or Windows-1252; CRLF or LF; two header rows (descriptions, codes) or one row of codes.
    public static func readCSV(_ data: Data, options: ImportOptions = ImportOptions()) throws -> EGRIDFile {
        try TextDecoding.withNormalizedBytes(data) { buffer, encoding in
            try readCSV(buffer, encoding: encoding, options: options)
        }
    }

    private static func readCSV(_ buffer: UnsafeRawBufferPointer, encoding: TextEncoding, options: ImportOptions) throws -> EGRIDFile {
        let delimiter = detectDelimiter(buffer)
        var headerRows: [[String]] = []
        var header: SheetHeader?
        var grid = RawGrid(columnCount: 0)

        do {
            try CSVTokenizer.records(in: buffer, delimiter: delimiter) { record in
                if let h = header {
                    if isBlankRecord(record) { return }
                    // A row of another width is a broken row or a stray quote that swallowed
                    // line breaks: reading it would shift values into the wrong columns.
                    // Trailing blank fields beyond the header (Excel's ragged exports) are fine.
                    var width = record.count
                    while width > h.codes.count && record.field(width - 1).allSatisfy({ $0 == 0x20 }) { width -= 1 }
                    if width != h.codes.count {
                        throw EGRIDImportError(.wrongFieldCount(found: record.count, expected: h.codes.count), line: record.line)
                    }
                    grid.appendRow(line: record.line, fieldBytes: record.bytes[...], fieldEnds: record.fieldEnds)
                    return
                }
                let cells = (0..<record.count).map { TextDecoding.string(record.field($0), encoding: encoding).trimmingCharacters(in: .whitespaces) }
                if cells.allSatisfy(\.isEmpty) { return }
                headerRows.append(cells)
                if SheetHeader.isCodeRow(cells) {
                    let h = try makeHeader(codes: cells, descriptions: headerRows.count == 2 ? headerRows[0] : nil, line: record.line)
                    header = h
                    grid = RawGrid(columnCount: h.codes.count, expectedBytes: buffer.count)
                } else if headerRows.count == 2 {
                    throw EGRIDImportError(.badHeader("expected a row of column codes (like PSTATABB, ORISPL) in line 1 or 2"), line: record.line)
                }
            }
        } catch let e as CSVTokenizer.UnterminatedQuote {
            throw EGRIDImportError(.unterminatedQuote, line: e.line)
        }
        guard let header else { throw EGRIDImportError(.badHeader("the file has no header row of column codes")) }
        return try assemble(header: header, grid: grid, encoding: encoding, sheetName: nil, options: options, dateColumns: [])
    }

    /// Turns a header and raw grid into a typed sheet (shared by the CSV and xlsx paths).
    static func assembleSheet(
        header: SheetHeader, grid: RawGrid, encoding: TextEncoding, sheetName: String?,
        options: ImportOptions, dateColumns: Set<Int>
    ) throws -> EGRIDSheet? {
        let upperCodes = header.codes.map { $0.uppercased() }
        var kind: SheetKind?
        var codeYear: Int?
        if let first = upperCodes.first, let (k, y) = SheetHeader.kindAndYear(fromSequenceCode: first) {
            kind = k; codeYear = y
        }
        var nameYear: Int?
        if let sheetName, let (k, y) = SheetHeader.kindAndYear(fromSheetName: sheetName) {
            if kind == nil, SheetHeader.kind(fromCodes: Set(upperCodes)) == nil || SheetHeader.kind(fromCodes: Set(upperCodes)) == k { kind = k }
            nameYear = y
        }
        if kind == nil { kind = SheetHeader.kind(fromCodes: Set(upperCodes)) }
        guard let kind else { return nil }

        var warnings: [String] = []
        let table = try SheetTable.build(header: header, grid: grid, kind: kind, encoding: encoding, warnings: &warnings)
        for c in dateColumns.sorted() where c < table.columns.count {
            let column = table.columns[c]
            if case .numbers(let v) = column.values {
                let present = v.filter { !$0.isNaN }
                let range = present.isEmpty ? "" : " (\(NumberFormatting.plain(present.min()!))–\(NumberFormatting.plain(present.max()!)))"
                warnings.append("column \(column.code) is formatted as a date in the workbook; its cells were read as the numbers they hold\(range)")
            }
        }
        let sheetYear = codeYear ?? nameYear ?? options.fileName.flatMap(SheetHeader.year(fromFileName:)) ?? options.year
        if sheetYear == nil && table.column("YEAR") == nil && table.rowCount > 0 {
            throw EGRIDImportError(.unrecognized(
                "the data year is in neither the codes (like SEQPLT23), a Year column, the sheet name nor the file name: give the year with the import"))
        }
        let records: SheetRecords
        switch kind {
        case .plant: records = .plants(try Plant.all(from: table, year: sheetYear))
        case .generator: records = .generators(try Generator.all(from: table, year: sheetYear))
        case .unit: records = .units(try GeneratingUnit.all(from: table, year: sheetYear))
        case .state, .balancingAuthority, .subregion, .nercRegion, .us:
            records = .regions(try RegionRecord.all(from: table, level: kind.regionLevel!, year: sheetYear))
        }
        let years: [Int]
        if let yearColumn = table.numbers("YEAR") {
            years = Set(yearColumn.filter { !$0.isNaN }.map { Int($0) }).union(yearColumn.contains(where: \.isNaN) ? [sheetYear].compactMap { $0 } : []).sorted()
        } else {
            years = sheetYear.map { [$0] } ?? []
        }
        return EGRIDSheet(kind: kind, name: sheetName, years: years, table: table, records: records, warnings: warnings)
    }

    static func identity(years: [Int], options: ImportOptions) -> DatasetIdentity {
        let label = options.releaseLabel ?? years.map(String.init).joined(separator: ", ")
        return DatasetIdentity(years: years, releaseLabel: label, sha256: options.sha256, fileName: options.fileName)
    }

    private static func assemble(
        header: SheetHeader, grid: RawGrid, encoding: TextEncoding, sheetName: String?,
        options: ImportOptions, dateColumns: Set<Int>
    ) throws -> EGRIDFile {
        guard let sheet = try assembleSheet(header: header, grid: grid, encoding: encoding, sheetName: sheetName, options: options, dateColumns: dateColumns) else {
            throw EGRIDImportError(.unrecognized("not an eGRID sheet: the codes name no plant, generator, unit or region columns (first code: \(header.codes.first ?? ""))"))
        }
        return EGRIDFile(identity: identity(years: sheet.years, options: options), encoding: encoding, sheets: [sheet])
    }

    static func makeHeader(codes rawCodes: [String], descriptions: [String]?, line: Int) throws -> SheetHeader {
        var codes = rawCodes
        while let last = codes.last, last.isEmpty { codes.removeLast() }
        var seen: [String: Int] = [:]
        for (i, code) in codes.enumerated() {
            guard !code.isEmpty else {
                throw EGRIDImportError(.badHeader("column \(i + 1) has no code"), line: line)
            }
            if let first = seen[code.uppercased()] {
                throw EGRIDImportError(.badHeader("the code appears twice (columns \(first + 1) and \(i + 1))"), line: line, column: code)
            }
            seen[code.uppercased()] = i
        }
        return SheetHeader(codes: codes, descriptions: descriptions, rowCount: descriptions == nil ? 1 : 2)
    }

    private static func isBlankRecord(_ record: CSVRecord) -> Bool {
        record.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Tab when the first line has tabs and no commas (Excel's "Text (Tab delimited)"), else comma.
    private static func detectDelimiter(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var tabs = 0, commas = 0
        for b in bytes.prefix(65_536) {
            if b == 0x0A { break }
            if b == 0x09 { tabs += 1 } else if b == 0x2C { commas += 1 }
        }
        return tabs > 0 && commas == 0 ? 0x09 : 0x2C
    }
}
