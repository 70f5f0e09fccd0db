/// Reads typed fields from a `SheetTable` row by row, with columns looked up once by the caller.
enum TableReader {
    @inline(__always)
    static func value(_ column: [Double]?, _ row: Int) -> Double? {
        guard let column else { return nil }
        let x = column[row]
        return x.isNaN ? nil : x
    }

    @inline(__always)
    static func text(_ column: SheetColumn?, _ row: Int) -> String? { column?.text(at: row) }

    /// The row's data year: the `YEAR` column when there is one, else the sheet's year.
    static func year(_ yearColumn: [Double]?, _ row: Int, sheetYear: Int?, line: Int) throws -> Int {
        if let y = value(yearColumn, row) { return Int(y) }
        if let sheetYear { return sheetYear }
        throw EGRIDImportError(.missingValue, line: line, column: "YEAR")
    }

    /// Calls `body` for each row with its line, data year and ORISPL — what every facility sheet
    /// (unit, generator, plant) needs first — plus the sequence number when the sheet opens with one.
    static func forEachFacility(
        _ t: SheetTable, sheetYear: Int?, _ body: (_ row: Int, _ line: Int, _ year: Int, _ plantID: Int, _ sequence: Int?) throws -> Void
    ) throws {
        let yearCol = t.numbers("YEAR"), idCol = t.numbers("ORISPL")
        let seqCol = t.columns.first.flatMap { $0.code.uppercased().hasPrefix("SEQ") ? t.numbers($0.code) : nil }
        guard idCol != nil else { throw EGRIDImportError(.badHeader("the sheet needs the ORISPL column"), column: "ORISPL") }
        for r in 0..<t.rowCount {
            let line = t.lines[r]
            let year = try TableReader.year(yearCol, r, sheetYear: sheetYear, line: line)
            let id = try requiredInt(idCol, r, code: "ORISPL", line: line)
            try body(r, line, year, id, value(seqCol, r).map { Int($0) })
        }
    }

    /// An integer id that must be there (ORISPL).
    static func requiredInt(_ column: [Double]?, _ row: Int, code: String, line: Int) throws -> Int {
        guard let v = value(column, row) else { throw EGRIDImportError(.missingValue, line: line, column: code) }
        guard v == v.rounded() else { throw EGRIDImportError(.notANumber(value: NumberFormatting.plain(v)), line: line, column: code) }
        return Int(v)
    }
}
