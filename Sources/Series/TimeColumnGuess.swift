import Foundation

/// Finds the timestamp column(s) and their format in sample data rows.
struct TimeColumnGuess {
    var column: Int
    var format: TimestampFormat
    var timeColumn: Int?
    /// Day-first and month-first both fit every sampled date.
    var ambiguous = false
    var example = ""

    private static let timeWords = ["time", "date", "zeit", "datum", "stamp", "epoch", "unix", "excel", "ts"]

    /// The leftmost column whose every non-empty sampled cell is a calendar timestamp; failing that, a numeric
    /// column that looks like Unix seconds/milliseconds or Excel serials (first column or a time-like header).
    init?(_ data: [[String]], header: [String]?) {
        let width = data.map(\.count).max() ?? 0
        func cells(_ j: Int) -> [String] { data.compactMap { j < $0.count && !$0[j].isEmpty ? $0[j] : nil } }
        func all(_ cells: [String], _ test: (UnsafePointer<UInt8>, Int) -> Bool) -> Bool {
            cells.allSatisfy { cell in Array(cell.utf8).withUnsafeBufferPointer { test($0.baseAddress!, $0.count) } }
        }
        func parses(_ cells: [String], _ format: TimestampFormat) -> Bool {
            all(cells) { p, n in TimestampParser.parse(p, 0, n, format) != nil }
        }
        for j in 0..<width {
            let c = cells(j)
            guard let first = c.first else { continue }
            var format: TimestampFormat?
            if parses(c, .iso8601) {
                format = .iso8601
            } else {
                let dayFirst = parses(c, .dayMonthYear)
                let monthFirst = parses(c, .monthDayYear)
                if dayFirst && monthFirst {
                    format = .dayMonthYear
                    // Dotted dates are day-first by convention; slashes and dashes really are ambiguous.
                    ambiguous = !first.contains(".")
                    example = first
                } else if dayFirst {
                    format = .dayMonthYear
                } else if monthFirst {
                    format = .monthDayYear
                }
            }
            guard let format else { continue }
            self.column = j
            self.format = format
            let next = cells(j + 1)
            if c.allSatisfy({ !$0.contains(":") }), !next.isEmpty,
               all(next, { p, n in TimestampParser.timeOfDay(p, 0, n) != nil }) {
                timeColumn = j + 1
            }
            return
        }
        for j in 0..<width {
            let name = header.flatMap { j < $0.count ? $0[j].lowercased() : nil } ?? ""
            let hinted = Self.timeWords.contains(where: name.contains)
            guard hinted || j == 0 else { continue }
            let numbers = cells(j).compactMap(Double.init)
            guard !numbers.isEmpty, numbers.count == cells(j).count,
                  let lo = numbers.min(), let hi = numbers.max() else { continue }
            let increasing = zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
            let format: TimestampFormat
            if lo >= 9e11 && hi <= 4.2e12 {
                format = .unixMilliseconds
            } else if lo >= 9e8 && hi <= 4.2e9 {
                format = .unixSeconds
            } else if lo >= 18_264 && hi <= 73_415 && (hinted || increasing) {
                format = .excelSerial
            } else {
                continue
            }
            self.column = j
            self.format = format
            return
        }
        return nil
    }
}
