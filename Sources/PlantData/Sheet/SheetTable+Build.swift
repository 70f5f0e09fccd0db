extension SheetTable {
    /// Types the raw cells column by column (see `ColumnTyping`), normalises percent columns to
    /// fractions and pads FIPS codes. Throws on the first cell of a numeric column that is not a number.
    static func build(
        header: SheetHeader, grid: RawGrid, kind: SheetKind, encoding: TextEncoding,
        warnings: inout [String]
    ) throws -> SheetTable {
        var columns: [SheetColumn] = []
        var percentSigns: [Bool] = []
        columns.reserveCapacity(header.codes.count)
        for c in 0..<header.codes.count {
            let code = header.codes[c]
            let upper = code.uppercased()
            let description = header.descriptions.flatMap { c < $0.count ? $0[c] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            var sawPercent = false
            let values: SheetColumn.Values
            switch ColumnTyping.classify(upper, kind: kind) {
            case .text:
                values = .texts(texts(grid, column: c, encoding: encoding, padTo: ColumnTyping.fipsWidth(upper)))
            case .strictNumber:
                switch numbers(grid, column: c, rejectLeadingZeros: false) {
                case .success(let parsed):
                    values = .numbers(parsed.values); sawPercent = parsed.sawPercent
                case .failure(let bad):
                    let raw = TextDecoding.string(grid.bytes[grid.range(row: bad.row, column: c)], encoding: encoding)
                    throw EGRIDImportError(.notANumber(value: raw), line: grid.lines[bad.row], column: code)
                }
            case .inferred:
                switch numbers(grid, column: c, rejectLeadingZeros: true) {
                case .success(let parsed):
                    values = .numbers(parsed.values); sawPercent = parsed.sawPercent
                case .failure:
                    values = .texts(texts(grid, column: c, encoding: encoding, padTo: nil))
                }
            }
            columns.append(SheetColumn(code: code, description: description, values: values, normalizedFromPercent: false))
            percentSigns.append(sawPercent)
        }
        columns = normalizePercentFamilies(columns, percentSigns: percentSigns, warnings: &warnings)
        return SheetTable(columns: columns, rowCount: grid.rowCount, lines: grid.lines)
    }

    private struct BadCell: Error { let row: Int }

    private static func numbers(
        _ grid: RawGrid, column c: Int, rejectLeadingZeros: Bool
    ) -> Result<(values: [Double], sawPercent: Bool), BadCell> {
        var out = [Double](repeating: .nan, count: grid.rowCount)
        var sawPercent = false
        let failure: Int? = grid.bytes.withUnsafeBufferPointer { all -> Int? in
            for r in 0..<grid.rowCount {
                let range = grid.range(row: r, column: c)
                let cell = UnsafeBufferPointer(rebasing: all[range])
                if rejectLeadingZeros, cell.count >= 2, cell[0] == 0x30, cell[1] >= 0x30 && cell[1] <= 0x39 { return r }
                switch NumberParser.parse(cell) {
                case .missing: break
                case .number(let v, let percent):
                    out[r] = v
                    if percent { sawPercent = true }
                case .invalid: return r
                }
            }
            return nil
        }
        if let failure { return .failure(BadCell(row: failure)) }
        return .success((out, sawPercent))
    }

    private static func texts(_ grid: RawGrid, column c: Int, encoding: TextEncoding, padTo width: Int?) -> [String?] {
        var out = [String?](repeating: nil, count: grid.rowCount)
        for r in 0..<grid.rowCount {
            var cell = grid.bytes[grid.range(row: r, column: c)]
            while let f = cell.first, f == 0x20 || f == 0x09 { cell = cell.dropFirst() }
            while let l = cell.last, l == 0x20 || l == 0x09 { cell = cell.dropLast() }
            if cell.isEmpty || (cell.count == 2 && cell.first == 0x2D && cell.last == 0x2D) { continue }
            var s = TextDecoding.string(cell, encoding: encoding)
            if let width, s.count < width, s.allSatisfy(\.isASCIIDigitCharacter) {
                s = String(repeating: "0", count: width - s.count) + s
            }
            out[r] = s
        }
        return out
    }

    /// Decides per family whether the source used percent numbers and divides them by 100.
    ///
    /// Rule: a family is in percent when any of its cells carried a `%` sign, or when most of its
    /// non-zero magnitudes exceed 1 (shares and capacity factors are fractions ≤ 1 for nearly every
    /// plant; a value above 1 happens, e.g. a share of a plant whose net generation is small or
    /// negative, but not for most of them).
    private static func normalizePercentFamilies(
        _ columns: [SheetColumn], percentSigns: [Bool], warnings: inout [String]
    ) -> [SheetColumn] {
        var families: [ColumnTyping.PercentFamily: [Int]] = [:]
        for (i, c) in columns.enumerated() where c.isNumeric {
            if let family = ColumnTyping.percentFamily(c.code.uppercased()) { families[family, default: []].append(i) }
        }
        var out = columns
        for (_, members) in families {
            var above = 0, atMostOne = 0
            var sign = false
            for i in members {
                sign = sign || percentSigns[i]
                guard case .numbers(let v) = columns[i].values else { continue }
                for x in v where !x.isNaN && x != 0 { if abs(x) > 1.000_001 { above += 1 } else { atMostOne += 1 } }
            }
            guard sign || above > atMostOne else { continue }
            for i in members {
                guard case .numbers(let v) = columns[i].values else { continue }
                let c = columns[i]
                out[i] = SheetColumn(code: c.code, description: c.description, values: .numbers(v.map { $0 / 100 }), normalizedFromPercent: true)
            }
            let codes = members.map { columns[$0].code }.joined(separator: ", ")
            warnings.append("percent numbers divided by 100 to give fractions in \(codes)")
        }
        return out
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
