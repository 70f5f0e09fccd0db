import Foundation

extension EGRIDReader {
    /// Reads an `.xlsx` workbook: every sheet that is eGRID data (by its name — `PLNT23`, `ST23`,
    /// `Unit_File` — or by its codes) becomes an `EGRIDSheet`; others (`Contents`, notes) are
    /// listed in `skippedSheets`. Number formats are ignored: a year column that the workbook
    /// formats as a date (EPA's `untyronl`) reads as the years it holds, with a warning.
    public static func readWorkbook(_ data: Data, options: ImportOptions = ImportOptions()) throws -> EGRIDFile {
        let workbook = try XlsxWorkbook(data: data)
        var sheets: [EGRIDSheet] = []
        var skipped: [String] = []
        for entry in workbook.sheets {
            let worksheet = try workbook.worksheet(entry)
            let namedKind = SheetHeader.kindAndYear(fromSheetName: entry.name)?.0
            do {
                guard let sheet = try readWorksheet(worksheet, name: entry.name, options: options) else {
                    skipped.append(entry.name)
                    continue
                }
                sheets.append(sheet)
            } catch let error as EGRIDImportError {
                // A sheet that is not eGRID data may fail header detection; one that is named as
                // eGRID data must not.
                if namedKind == nil, case .badHeader = error.reason { skipped.append(entry.name); continue }
                throw error.inSheet(entry.name)
            }
        }
        guard !sheets.isEmpty else {
            throw EGRIDImportError(.unrecognized("the workbook has no eGRID sheet (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))"))
        }
        let years = Array(Set(sheets.flatMap(\.years))).sorted()
        return EGRIDFile(identity: identity(years: years, options: options), encoding: .utf8, sheets: sheets, skippedSheets: skipped)
    }

    private static func readWorksheet(_ ws: XlsxWorksheet, name: String, options: ImportOptions) throws -> EGRIDSheet? {
        var header: SheetHeader?
        var headerRows: [[String]] = []
        var firstData = ws.rows.endIndex
        for (k, row) in ws.rows.enumerated() where !row.cells.isEmpty {
            let width = (row.cells.map(\.column).max() ?? -1) + 1
            var cells = [String](repeating: "", count: width)
            for c in row.cells { cells[c.column] = String(decoding: c.value, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            headerRows.append(cells)
            if SheetHeader.isCodeRow(cells) {
                header = try makeHeader(codes: cells, descriptions: headerRows.count == 2 ? headerRows[0] : nil, line: row.number)
                firstData = k + 1
                break
            }
            if headerRows.count == 2 {
                throw EGRIDImportError(.badHeader("expected a row of column codes (like PSTATABB, ORISPL) in row 1 or 2"), line: row.number)
            }
        }
        guard let header else { return nil }
        var grid = RawGrid(columnCount: header.codes.count)
        for row in ws.rows[firstData...] where !row.cells.isEmpty {
            if let extra = row.cells.first(where: { $0.column >= header.codes.count }) {
                throw EGRIDImportError(.badHeader("a value stands in column \(extra.column + 1), beyond the last code"), line: row.number)
            }
            grid.appendRow(line: row.number, cells: row.cells)
        }
        return try assembleSheet(header: header, grid: grid, encoding: .utf8, sheetName: name, options: options, dateColumns: ws.dateColumns)
    }
}
