/// The cells of one worksheet (`xl/worksheets/sheetN.xml`), scanned by hand into one flat byte
/// buffer (a cell per value, not an array per cell: a plant sheet has 1.7 million cells).
struct XlsxWorksheet {
    struct Cell {
        /// 1-based worksheet row number.
        var row: Int
        /// 0-based column.
        var column: Int
        /// End of the value in `bytes`; it starts where the previous cell's ends.
        var end: Int
    }

    /// Values end to end: strings resolved, numbers as written (`16625.5`).
    var bytes: [UInt8] = []
    /// Non-empty cells in document order (row by row, column by column).
    var cells: [Cell] = []
    /// Columns with at least one date-styled numeric cell.
    var dateColumns: Set<Int> = []

    /// Byte range of cell `i`'s value.
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : cells[i - 1].end)..<cells[i].end }

    /// The cells of each row, as index ranges into `cells`, in order.
    var rows: [(number: Int, cells: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        var start = 0
        for i in 1...cells.count where i == cells.count || cells[i].row != cells[start].row {
            out.append((cells[start].row, start..<i))
            start = i
        }
        return cells.isEmpty ? [] : out
    }

    /// - Parameters:
    ///   - shared: the shared-string table, for cells of type `s`.
    ///   - dateStyles: style indexes that display dates.
    static func parse(_ bytes: [UInt8], shared: [[UInt8]], dateStyles: Set<Int>) throws -> XlsxWorksheet {
        var sheet = XlsxWorksheet()
        try bytes.withUnsafeBufferPointer { p in
            guard let dataStart = XMLText.find(Array("<sheetData".utf8), in: p, from: 0) else { return }
            let rowTag = Array("<row".utf8), rowEnd = Array("</row>".utf8), cTag = Array("<c".utf8), cEnd = Array("</c>".utf8)
            let vTag = Array("<v>".utf8), vEnd = Array("</v>".utf8), isTag = Array("<is>".utf8), isEnd = Array("</is>".utf8)
            let tTag = Array("<t".utf8), tEnd = Array("</t>".utf8), dataEnd = Array("</sheetData".utf8)
            var i = dataStart
            var lastRow = 0
            var nextColumn = 0
            while i < p.count {
                guard let lt = XMLText.findByte(0x3C, in: p, from: i) else { break }
                if XMLText.matches(rowTag, in: p, at: lt), lt + 4 < p.count, p[lt + 4] == 0x20 || p[lt + 4] == 0x3E || p[lt + 4] == 0x2F {
                    guard let gt = XMLText.findByte(0x3E, in: p, from: lt) else { break }
                    var number = lastRow + 1
                    XMLText.attributes(p, lt + 4, gt) { name, value in
                        if name.count == 1 && p[name.lowerBound] == 0x72, let n = Int(String(decoding: p[value], as: UTF8.self)) { number = n }
                    }
                    lastRow = number
                    nextColumn = 0
                    i = gt + 1
                } else if XMLText.matches(rowEnd, in: p, at: lt) {
                    i = lt + rowEnd.count
                } else if XMLText.matches(cTag, in: p, at: lt), lt + 2 < p.count, p[lt + 2] == 0x20 || p[lt + 2] == 0x3E || p[lt + 2] == 0x2F {
                    guard let gt = XMLText.findByte(0x3E, in: p, from: lt) else { break }
                    var column = nextColumn
                    var type = CellType.number
                    var style: Int?
                    XMLText.attributes(p, lt + 2, gt) { name, value in
                        guard name.count == 1 else { return }
                        switch p[name.lowerBound] {
                        case 0x72: column = columnIndex(p, value) ?? column  // r
                        case 0x74: type = CellType(p, value)  // t
                        case 0x73: style = Int(String(decoding: p[value], as: UTF8.self))  // s
                        default: break
                        }
                    }
                    nextColumn = column + 1
                    if p[gt - 1] == 0x2F { i = gt + 1; continue }  // <c …/>: styled but empty
                    let end = XMLText.find(cEnd, in: p, from: gt) ?? p.count
                    let valueStart = sheet.bytes.count
                    if type == .inlineString {
                        if let isStart = XMLText.find(isTag, in: p, from: gt), isStart < end {
                            let isStop = XMLText.find(isEnd, in: p, from: isStart) ?? end
                            var k = isStart
                            while let t = XMLText.find(tTag, in: p, from: k), t < isStop {
                                guard let open = XMLText.findByte(0x3E, in: p, from: t) else { break }
                                let close = XMLText.find(tEnd, in: p, from: open) ?? isStop
                                if p[open - 1] != 0x2F { XMLText.appendDecoded(p, (open + 1)..<close, to: &sheet.bytes) }
                                k = close + 1
                            }
                        }
                    } else if let v = XMLText.find(vTag, in: p, from: gt), v < end {
                        let close = XMLText.find(vEnd, in: p, from: v) ?? end
                        let raw = (v + vTag.count)..<close
                        switch type {
                        case .shared:
                            guard let index = Int(String(decoding: p[raw], as: UTF8.self)), index >= 0, index < shared.count else {
                                throw EGRIDImportError(.badWorkbook("a cell refers to shared string \(String(decoding: p[raw], as: UTF8.self)), which does not exist"), line: lastRow)
                            }
                            sheet.bytes.append(contentsOf: shared[index])
                        case .boolean: sheet.bytes.append(contentsOf: (p[raw.lowerBound] == 0x31 ? "TRUE" : "FALSE").utf8)
                        case .error: break  // #N/A and friends: no data
                        case .number, .string, .inlineString, .date:
                            XMLText.appendDecoded(p, raw, to: &sheet.bytes)
                            if type == .number, let style, dateStyles.contains(style) { sheet.dateColumns.insert(column) }
                        }
                    }
                    if sheet.bytes.count > valueStart { sheet.cells.append(Cell(row: lastRow, column: column, end: sheet.bytes.count)) }
                    i = end + cEnd.count
                } else if XMLText.matches(dataEnd, in: p, at: lt) {
                    break
                } else {
                    i = lt + 1
                }
            }
        }
        return sheet
    }

    /// The `t` attribute of a cell, read without allocating (it is read 1.7 million times for a plant sheet).
    enum CellType {
        case number, shared, boolean, error, string, inlineString, date

        init(_ p: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) {
            switch (value.count, value.isEmpty ? 0 : p[value.lowerBound]) {
            case (1, 0x73): self = .shared  // s
            case (1, 0x62): self = .boolean  // b
            case (1, 0x65): self = .error  // e
            case (1, 0x64): self = .date  // d (ISO text)
            case (3, 0x73): self = .string  // str
            case (9, 0x69): self = .inlineString  // inlineStr
            default: self = .number
            }
        }
    }

    /// `AE24599` → 30.
    private static func columnIndex(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var n = 0
        var letters = 0
        for k in range {
            let b = p[k] | 0x20  // lowercase
            guard b >= 0x61 && b <= 0x7A else { break }
            n = n * 26 + Int(b - 0x60)
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }
}
