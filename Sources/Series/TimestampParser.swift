import Foundation

/// A parsed timestamp cell: either an instant (UTC) or a wall-clock time still to be placed in a zone.
struct ParsedTime: Equatable {
    var millis: Int64
    /// True when `millis` is local civil time (no offset was written).
    var isLocal: Bool
}

/// Hand-written byte parsers for the ``TimestampFormat`` cases; no `DateFormatter`, no `Calendar`.
enum TimestampParser {
    private static let excelEpochDays = CivilDate.days(year: 1899, month: 12, day: 30)

    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ format: TimestampFormat) -> ParsedTime? {
        switch format {
        case .iso8601: return iso(p, start, end)
        case .dayMonthYear: return dateFirst(p, start, end, dayFirst: true)
        case .monthDayYear: return dateFirst(p, start, end, dayFirst: false)
        case .unixSeconds:
            guard let v = NumberParser.parse(p, start, end, NumberSyntax()), abs(v) < 1e14 else { return nil }
            return ParsedTime(millis: Int64((v * 1000).rounded()), isLocal: false)
        case .unixMilliseconds:
            guard let v = NumberParser.parse(p, start, end, NumberSyntax()), abs(v) < 1e17 else { return nil }
            return ParsedTime(millis: Int64(v.rounded()), isLocal: false)
        case .excelSerial:
            guard let v = NumberParser.parse(p, start, end, NumberSyntax()), v >= 1, v < 2_958_466 else { return nil }
            let whole = v.rounded(.down)
            // The 1900 system counts a fictitious 1900-02-29 (serial 60), so serials below 61 sit one day later.
            guard whole != 60 else { return nil }
            let days = excelEpochDays + Int64(whole) + (whole < 60 ? 1 : 0)
            let seconds = Int64(((v - whole) * 86_400).rounded())
            return ParsedTime(millis: days * CivilDate.millisPerDay + seconds * 1000, isLocal: true)
        }
    }

    /// `HH:MM[:SS[.fff]]` (also `H:MM`) as milliseconds since midnight; for split date and time columns.
    static func timeOfDay(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var i = start
        guard let ms = clock(p, &i, end), i == end else { return nil }
        return ms
    }

    // MARK: pieces

    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, min: Int, max: Int) -> Int64? {
        var v: Int64 = 0
        var n = 0
        while i < end && n < max {
            let d = p[i] &- 48
            guard d < 10 else { break }
            v = v * 10 + Int64(d)
            n += 1
            i += 1
        }
        return n >= min ? v : nil
    }

    @inline(__always)
    private static func expect(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, _ c: UInt8) -> Bool {
        guard i < end && p[i] == c else { return false }
        i += 1
        return true
    }

    @inline(__always)
    private static func dayNumber(_ y: Int64, _ m: Int64, _ d: Int64) -> Int64? {
        guard m >= 1 && m <= 12 && d >= 1 && d <= CivilDate.daysInMonth(year: y, month: m) else { return nil }
        return CivilDate.days(year: y, month: m, day: d)
    }

    /// `HH:MM[:SS[.fraction]]` at `i`; advances `i`.
    @inline(__always)
    private static func clock(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> Int64? {
        // 24:00 is accepted as the end of the day (some utilities label the last quarter of a day so).
        guard let h = digits(p, &i, end, min: 1, max: 2), expect(p, &i, end, UInt8(ascii: ":")),
              let mi = digits(p, &i, end, min: 2, max: 2), h < 24 || (h == 24 && mi == 0), mi < 60 else { return nil }
        var ms = (h * 60 + mi) * 60_000
        if expect(p, &i, end, UInt8(ascii: ":")) {
            guard let s = digits(p, &i, end, min: 2, max: 2), s < 60, h < 24 || s == 0 else { return nil }
            ms += s * 1000
            if i < end && (p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",")) {
                i += 1
                var scale: Int64 = 100
                var n = 0
                while i < end, p[i] &- 48 < 10 {
                    ms += Int64(p[i] &- 48) * scale
                    scale /= 10
                    n += 1
                    i += 1
                }
                guard n > 0 else { return nil }
            }
        }
        // US exports write `1:45 PM`.
        var j = i
        while j < end && p[j] == UInt8(ascii: " ") { j += 1 }
        if j + 1 < end && (p[j + 1] | 0x20) == UInt8(ascii: "m") {
            let marker = p[j] | 0x20
            guard marker == UInt8(ascii: "a") || marker == UInt8(ascii: "p") else { return ms }
            guard h >= 1 && h <= 12 else { return nil }
            let hour24 = (h % 12) + (marker == UInt8(ascii: "p") ? 12 : 0)
            ms += (hour24 - h) * 3_600_000
            i = j + 2
        }
        return ms
    }

    /// Optional offset after the clock: `Z`, `±HH:MM`, `±HHMM`, `±HH`; returns nil for malformed, and
    /// `.some(nil)` for no offset at all.
    @inline(__always)
    private static func offset(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> Int64?? {
        if i == end { return .some(nil) }
        if p[i] == UInt8(ascii: "Z") || p[i] == UInt8(ascii: "z") {
            i += 1
            return i == end ? .some(0) : nil
        }
        guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = p[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let h = digits(p, &i, end, min: 2, max: 2), h <= 18 else { return nil }
        var m: Int64 = 0
        if i < end {
            _ = expect(p, &i, end, UInt8(ascii: ":"))
            guard let mm = digits(p, &i, end, min: 2, max: 2), mm < 60 else { return nil }
            m = mm
        }
        guard i == end else { return nil }
        return .some(sign * (h * 60 + m) * 60_000)
    }

    /// Date and optional time/offset after the date part; shared tail of every calendar format.
    @inline(__always)
    private static func tail(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, day: Int64) -> ParsedTime? {
        var ms = day * CivilDate.millisPerDay
        if i == end { return ParsedTime(millis: ms, isLocal: true) }
        guard p[i] == UInt8(ascii: "T") || p[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let clockMillis = clock(p, &i, end) else { return nil }
        ms += clockMillis
        let spaced = i < end && p[i] == UInt8(ascii: " ")
        while i < end && p[i] == UInt8(ascii: " ") { i += 1 }
        // `01.01.2024 00:00 - 01.01.2024 00:15`: an interval, labelled (as everywhere here) by its start.
        if spaced && i + 1 < end && p[i] == UInt8(ascii: "-") && p[i + 1] == UInt8(ascii: " ") {
            return ParsedTime(millis: ms, isLocal: true)
        }
        guard let offset = offset(p, &i, end) else { return nil }
        if let offset { return ParsedTime(millis: ms - offset, isLocal: false) }
        return ParsedTime(millis: ms, isLocal: true)
    }

    private static func iso(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTime? {
        if let quick = fixedISO(p, start, end) { return quick }
        var i = start
        guard let y = digits(p, &i, end, min: 4, max: 4), expect(p, &i, end, UInt8(ascii: "-")),
              let m = digits(p, &i, end, min: 1, max: 2), expect(p, &i, end, UInt8(ascii: "-")),
              let d = digits(p, &i, end, min: 1, max: 2), let day = dayNumber(y, m, d) else { return nil }
        return tail(p, &i, end, day: day)
    }

    /// `YYYY-MM-DDTHH:MM:SS` with optional `Z`, read at fixed positions: the shape of most machine exports.
    @inline(__always)
    private static func fixedISO(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedTime? {
        let n = end - start
        guard n == 19 || (n == 20 && p[start + 19] == UInt8(ascii: "Z")) else { return nil }
        let q = p + start
        guard q[4] == UInt8(ascii: "-"), q[7] == UInt8(ascii: "-"), q[10] == UInt8(ascii: "T") || q[10] == UInt8(ascii: " "),
              q[13] == UInt8(ascii: ":"), q[16] == UInt8(ascii: ":") else { return nil }
        @inline(__always) func two(_ k: Int) -> Int64? {
            let a = q[k] &- 48
            let b = q[k + 1] &- 48
            return a < 10 && b < 10 ? Int64(a) * 10 + Int64(b) : nil
        }
        guard let c = two(0), let y = two(2), let m = two(5), let d = two(8), let h = two(11), let mi = two(14),
              let s = two(17), h < 24, mi < 60, s < 60, let day = dayNumber(c * 100 + y, m, d) else { return nil }
        let millis = day * CivilDate.millisPerDay + ((h * 60 + mi) * 60 + s) * 1000
        return ParsedTime(millis: millis, isLocal: n == 19)
    }

    private static func dateFirst(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, dayFirst: Bool) -> ParsedTime? {
        var i = start
        guard let a = digits(p, &i, end, min: 1, max: 2), i < end else { return nil }
        let separator = p[i]
        guard separator == UInt8(ascii: ".") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-")
        else { return nil }
        i += 1
        guard let b = digits(p, &i, end, min: 1, max: 2), expect(p, &i, end, separator) else { return nil }
        let yearStart = i
        guard var y = digits(p, &i, end, min: 2, max: 4), i - yearStart != 3 else { return nil }
        if i - yearStart == 2 { y += 2000 }
        guard let day = dayFirst ? dayNumber(y, b, a) : dayNumber(y, a, b) else { return nil }
        return tail(p, &i, end, day: day)
    }
}
