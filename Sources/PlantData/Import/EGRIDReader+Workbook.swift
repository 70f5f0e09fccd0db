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
        let rows = ws.rows
        var firstData = rows.endIndex
        for (k, row) in rows.enumerated() {
            let width = (row.cells.map { ws.cells[$0].column }.max() ?? -1) + 1
            var cells = [String](repeating: "", count: width)
            for i in row.cells {
                cells[ws.cells[i].column] = String(decoding: ws.bytes[ws.range(i)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
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
        var grid = RawGrid(columnCount: header.codes.count, expectedBytes: ws.bytes.count)
        var ends = [Int](repeating: 0, count: header.codes.count)
        for row in rows[firstData...] {
            // A row's cells lie in column order and end to end in `ws.bytes`: copy them in one go
            // and give empty columns zero-length cells.
            let start = ws.range(row.cells.lowerBound).lowerBound
            var next = row.cells.lowerBound
            var end = start
            for column in 0..<ends.count {
                if next < row.cells.upperBound && ws.cells[next].column == column {
                    end = ws.cells[next].end
                    next += 1
                }
                ends[column] = end - start
            }
            guard next == row.cells.upperBound else {
                let column = ws.cells[next].column
                throw EGRIDImportError(.badHeader(column < ends.count
                    ? "the cells of the row are out of order" : "a value stands in column \(column + 1), beyond the last code"), line: row.number)
            }
            grid.appendRow(line: row.number, fieldBytes: ws.bytes[start..<end], fieldEnds: ends)
        }
        return try assembleSheet(header: header, grid: grid, encoding: .utf8, sheetName: name, options: options, dateColumns: ws.dateColumns)
    }
}
