import Foundation

extension SheetTable {
    /// Types the raw cells column by column (see `ColumnTyping`), normalises percent columns to
    /// fractions and pads FIPS codes. Throws on the first cell of a numeric column that is not a number.
    static func build(
        header: SheetHeader, grid: RawGrid, kind: SheetKind, encoding: TextEncoding,
        warnings: inout [String]
    ) throws -> SheetTable {
        let codes = header.codes
        let classes = codes.map { ColumnTyping.classify($0.uppercased(), kind: kind) }
        let pads = codes.map { ColumnTyping.fipsWidth($0.uppercased()) }
        let parsed = try parseCells(grid, classes: classes, codes: codes, pads: pads, encoding: encoding)
        var columns: [SheetColumn] = []
        var percentSigns: [Bool] = []
        columns.reserveCapacity(codes.count)
        for c in 0..<codes.count {
            let code = codes[c]
            let description = header.descriptions.flatMap { c < $0.count ? $0[c] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            let values: SheetColumn.Values
            if let numbers = parsed.numbers[c] {
                values = .numbers(numbers)
            } else if let texts = parsed.texts[c] {
                values = .texts(texts)
            } else {
                // An inferred column that turned out to hold text: a second, column-wise pass.
                values = .texts(texts(grid, column: c, encoding: encoding, padTo: nil))
            }
            columns.append(SheetColumn(code: code, description: description, values: values, normalizedFromPercent: false))
            percentSigns.append(parsed.percentSigns[c])
        }
        columns = normalizePercentFamilies(columns, percentSigns: percentSigns, warnings: &warnings)
        return SheetTable(columns: columns, rowCount: grid.rowCount, lines: grid.lines)
    }

    /// Types every cell in one row-major pass over the grid — the order the bytes lie in memory
    /// (a column-wise pass strides 1.6 KB per row and misses the cache on every cell), and the
    /// order in which the first bad cell of the file is met. Numbers go to `numbers`, text-class
    /// columns to `texts`; an inferred column that turns out to hold text gets neither.
    private static func parseCells(
        _ grid: RawGrid, classes: [ColumnTyping.Class], codes: [String], pads: [Int?], encoding: TextEncoding
    ) throws -> (numbers: [[Double]?], texts: [[String?]?], percentSigns: [Bool]) {
        let rows = grid.rowCount, width = grid.columnCount
        var slot = [Int](repeating: -1, count: width)
        var textSlot = [Int](repeating: -1, count: width)
        var numericColumns: [Int] = [], textColumns: [Int] = []
        for c in 0..<width {
            if classes[c] == .text { textSlot[c] = textColumns.count; textColumns.append(c) } else { slot[c] = numericColumns.count; numericColumns.append(c) }
        }
        var flat = [Double](repeating: .nan, count: numericColumns.count * rows)
        var flatTexts = [String?](repeating: nil, count: textColumns.count * rows)
        // Plants come sorted by state, so many text cells repeat the one above (state, BA,
        // subregion, source flags): reuse that string instead of building a new one.
        var previous = [Range<Int>](repeating: 0..<0, count: width)
        var failed = [Bool](repeating: false, count: width)
        var percent = [Bool](repeating: false, count: width)
        var badCell: (row: Int, column: Int)?
        flat.withUnsafeMutableBufferPointer { out in
            flatTexts.withUnsafeMutableBufferPointer { outTexts in
                grid.withCells { all, ends in
                    var start = 0
                    rowLoop: for r in 0..<rows {
                        for c in 0..<width {
                            let end = ends[r * width + c]
                            defer { start = end }
                            let t = textSlot[c]
                            if t >= 0 {
                                var a = start, b = end
                                while a < b && (all[a] == 0x20 || all[a] == 0x09) { a += 1 }
                                while b > a && (all[b - 1] == 0x20 || all[b - 1] == 0x09) { b -= 1 }
                                if a == b || (b - a == 2 && all[a] == 0x2D && all[a + 1] == 0x2D) { continue }
                                let p = previous[c]
                                if r > 0, p.count == b - a, memcmp(all.baseAddress! + p.lowerBound, all.baseAddress! + a, b - a) == 0 {
                                    outTexts[t * rows + r] = outTexts[t * rows + r - 1]
                                    continue
                                }
                                outTexts[t * rows + r] = text(UnsafeBufferPointer(rebasing: all[a..<b]), encoding: encoding, padTo: pads[c])
                                previous[c] = a..<b
                                continue
                            }
                            let k = slot[c]
                            if failed[c] { continue }
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
                        // A blank text cell breaks the run of repeats.
                        for c in textColumns where outTexts[textSlot[c] * rows + r] == nil { previous[c] = 0..<0 }
                    }
                }
            }
        }
        if let bad = badCell {
            let raw = TextDecoding.string(grid.bytes[grid.range(row: bad.row, column: bad.column)], encoding: encoding)
            throw EGRIDImportError(.notANumber(value: raw), line: grid.lines[bad.row], column: codes[bad.column])
        }
        var numbers = [[Double]?](repeating: nil, count: width)
        for (k, c) in numericColumns.enumerated() where !failed[c] { numbers[c] = Array(flat[(k * rows)..<((k + 1) * rows)]) }
        var texts = [[String?]?](repeating: nil, count: width)
        for (t, c) in textColumns.enumerated() { texts[c] = Array(flatTexts[(t * rows)..<((t + 1) * rows)]) }
        return (numbers, texts, percent)
    }

    /// One text cell: decoded, FIPS codes padded back to their width.
    private static func text(_ cell: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, padTo width: Int?) -> String {
        var s = encoding == .utf8 ? String(decoding: cell, as: UTF8.self) : TextDecoding.string(cell, encoding: encoding)
        if let width, cell.count < width, cell.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            s = String(repeating: "0", count: width - cell.count) + s
        }
        return s
    }

    private static func texts(_ grid: RawGrid, column c: Int, encoding: TextEncoding, padTo width: Int?) -> [String?] {
        grid.withCells { all, ends in
            (0..<grid.rowCount).map { r -> String? in
                let k = r * grid.columnCount + c
                var start = k == 0 ? 0 : ends[k - 1], end = ends[k]
                while start < end && (all[start] == 0x20 || all[start] == 0x09) { start += 1 }
                while end > start && (all[end - 1] == 0x20 || all[end - 1] == 0x09) { end -= 1 }
                if start == end || (end - start == 2 && all[start] == 0x2D && all[start + 1] == 0x2D) { return nil }
                return text(UnsafeBufferPointer(rebasing: all[start..<end]), encoding: encoding, padTo: width)
            }
        }
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

