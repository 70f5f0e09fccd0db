extension SheetTable {
    /// Types the raw cells column by column (see `ColumnTyping`), normalises percent columns to
    /// fractions and pads FIPS codes. Throws on the first cell of a numeric column that is not a number.
    static func build(
        header: SheetHeader, grid: RawGrid, kind: SheetKind, encoding: TextEncoding,
        warnings: inout [String]
    ) throws -> SheetTable {
        let codes = header.codes
        let classes = codes.map { ColumnTyping.classify($0.uppercased(), kind: kind) }
        let parsed = try parseNumbers(grid, classes: classes, codes: codes, encoding: encoding)
        var columns: [SheetColumn] = []
        var percentSigns: [Bool] = []
        columns.reserveCapacity(codes.count)
        for c in 0..<codes.count {
            let code = codes[c]
            let description = header.descriptions.flatMap { c < $0.count ? $0[c] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            let values: SheetColumn.Values
            if let numbers = parsed.columns[c] {
                values = .numbers(numbers)
            } else {
                let pad = classes[c] == .text ? ColumnTyping.fipsWidth(code.uppercased()) : nil
                values = .texts(texts(grid, column: c, encoding: encoding, padTo: pad))
            }
            columns.append(SheetColumn(code: code, description: description, values: values, normalizedFromPercent: false))
            percentSigns.append(parsed.percentSigns[c])
        }
        columns = normalizePercentFamilies(columns, percentSigns: percentSigns, warnings: &warnings)
        return SheetTable(columns: columns, rowCount: grid.rowCount, lines: grid.lines)
    }

    /// Parses every numeric and inferred column in one row-major pass over the grid (the order the
    /// bytes lie in memory, and the order in which the first bad cell of the file is met).
    /// Returns `nil` for text columns and for inferred columns that turned out to hold text.
    private static func parseNumbers(
        _ grid: RawGrid, classes: [ColumnTyping.Class], codes: [String], encoding: TextEncoding
    ) throws -> (columns: [[Double]?], percentSigns: [Bool]) {
        let rows = grid.rowCount, width = grid.columnCount
        var slot = [Int](repeating: -1, count: width)
        var numericColumns: [Int] = []
        for c in 0..<width where classes[c] != .text { slot[c] = numericColumns.count; numericColumns.append(c) }
        var flat = [Double](repeating: .nan, count: numericColumns.count * rows)
        var failed = [Bool](repeating: false, count: width)
        var percent = [Bool](repeating: false, count: width)
        var badCell: (row: Int, column: Int)?
        flat.withUnsafeMutableBufferPointer { out in
            grid.withCells { all, ends in
                var start = 0
                rowLoop: for r in 0..<rows {
                    for c in 0..<width {
                        let end = ends[r * width + c]
                        defer { start = end }
                        let k = slot[c]
                        if k < 0 || failed[c] { continue }
                        let cell = UnsafeBufferPointer(rebasing: all[start..<end])
                        let inferred = classes[c] == .inferred
                        if inferred, cell.count >= 2, cell[0] == 0x30, cell[1] >= 0x30 && cell[1] <= 0x39 {
                            failed[c] = true  // "0123": an id with leading zeros, not a number
                            continue
                        }
                        switch NumberParser.parse(cell) {
                        case .missing: break
                        case .number(let v, let sign):
                            out[k * rows + r] = v
                            if sign { percent[c] = true }
                        case .invalid:
                            if inferred { failed[c] = true } else { badCell = (r, c); break rowLoop }
                        }
                    }
                }
            }
        }
        if let bad = badCell {
            let raw = TextDecoding.string(grid.bytes[grid.range(row: bad.row, column: bad.column)], encoding: encoding)
            throw EGRIDImportError(.notANumber(value: raw), line: grid.lines[bad.row], column: codes[bad.column])
        }
        var columns = [[Double]?](repeating: nil, count: width)
        for (k, c) in numericColumns.enumerated() where !failed[c] { columns[c] = Array(flat[(k * rows)..<((k + 1) * rows)]) }
        return (columns, percent)
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
