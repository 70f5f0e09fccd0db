import Foundation

/// What a sample cell looks like.
enum CellType: Equatable {
    case empty, number, dateTime, date, timeOfDay, text

    init(_ cell: String, _ delimiter: UInt8) {
        if cell.isEmpty { self = .empty; return }
        let bytes = Array(cell.utf8)
        self = bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress!
            for format in [TimestampFormat.iso8601, .dayMonthYear, .monthDayYear]
            where TimestampParser.parse(p, 0, b.count, format) != nil {
                return bytes.contains(UInt8(ascii: ":")) ? .dateTime : .date
            }
            if TimestampParser.timeOfDay(p, 0, b.count) != nil { return .timeOfDay }
            for syntax in NumberStyleGuess.syntaxes where syntax.decimal != delimiter {
                if NumberParser.parse(p, 0, b.count, syntax) != nil { return .number }
            }
            return CSVSettings().missingValueMarkers.contains(cell) ? .empty : .text
        }
    }

    var isTime: Bool { self == .dateTime || self == .date }
}

/// Where header, units and data sit for one delimiter candidate, and how convincing that is.
struct Layout {
    var fieldCount: Int
    var dataStart: Int
    var header: Int?
    var units: Int?
    var score: Double

    init?(_ rows: [[String]]) {
        guard !rows.isEmpty else { return nil }
        // The data block is at the end of the sample: its field count is the commonest in the last half.
        var tally: [Int: Int] = [:]
        for row in rows.suffix(max(1, rows.count / 2)) { tally[row.count, default: 0] += 1 }
        guard let count = tally.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key })?.key,
              count >= 2 else { return nil }
        fieldCount = count
        let delimiterless: UInt8 = 0
        let types = rows.map { row in row.map { CellType($0, delimiterless) } }
        func isData(_ i: Int) -> Bool {
            guard rows[i].count == count else { return false }
            let t = types[i]
            let typed = t.filter { $0 == .number || $0.isTime || $0 == .timeOfDay }.count
            let text = t.filter { $0 == .text }.count
            return typed > 0 && text * 2 < count && (t.contains(where: \.isTime) || text == 0)
        }
        guard let start = rows.indices.first(where: { i in isData(i) && (i + 1 == rows.count || isData(i + 1)) })
        else { return nil }
        dataStart = start
        let dataRows = rows.indices.dropFirst(start).filter(isData)
        let typedCells = dataRows.reduce(0) { sum, i in sum + types[i].filter { $0 != .text && $0 != .empty }.count }
        score = Double(dataRows.count) * Double(typedCells) / Double(max(1, dataRows.count * count))
            * (1 + Double(count) / 1000)
        header = nil
        units = nil
        if start > 0 {
            let above = start - 1
            let unitCells = rows[above].filter { !$0.isEmpty }
            if rows[above].count == count, !unitCells.isEmpty,
               unitCells.filter({ UnitGuess.unit($0) != nil }).count * 2 >= unitCells.count, start >= 2,
               rows[above - 1].count == count {
                units = above
                header = above - 1
            } else if rows[above].count == count || rows[above].count == count - 1 {
                header = above
            }
        }
    }
}
