import Foundation

/// Reads `--loads` / `--pv` files: a timestamp column, then one column per house name, values in kW.
///
/// Timestamps are ISO 8601 (`2025-01-01T00:15:00Z`, `…+01:00`, or `2025-01-01 00:15` without offset = wall-clock
/// time in the topology's zone). Each step of the period must be covered exactly once; rows outside the period are
/// ignored. In the autumn DST repeat, naive wall-clock rows are assigned to the two occurrences in file order; a naive
/// timestamp inside the spring gap is an error. Delimiter: comma or semicolon (from the header).
public enum HouseSeriesCSV {
    /// Series per house name (kW per step of `period`). Errors collect every unknown column and name the line.
    public static func read(_ data: Data, period: SimulationPeriod, houseNames: Set<String>, what: String = "file") throws -> [String: [Double]] {
        try data.withUnsafeBytes { raw in
            try read(bytes: raw.bindMemory(to: UInt8.self), period: period, houseNames: houseNames, what: what)
        }
    }

    /// Byte-level parsing: a year of 15-minute values for a thousand houses is 35 million numbers, so no `String` per
    /// field; numbers go through `strtod` (correctly rounded) from a small buffer.
    static func read(bytes: UnsafeBufferPointer<UInt8>, period: SimulationPeriod, houseNames: Set<String>, what: String) throws -> [String: [Double]] {
        var lines = LineScanner(bytes)
        guard let headerRange = lines.next() else { throw SimulationError.invalidInput("\(what): empty") }
        let headerText = String(decoding: bytes[headerRange], as: UTF8.self)
        let delimiter: UInt8 = headerText.contains(";") && !headerText.contains(",") ? 59 : 44
        let header = fields(bytes, headerRange, delimiter).map { clean(Substring(String(decoding: bytes[$0], as: UTF8.self))) }
        guard header.count >= 2 else { throw SimulationError.invalidInput("\(what): needs a timestamp column and at least one house column") }
        var problems: [String] = []
        var seen: Set<String> = []
        for name in header.dropFirst() {
            if !houseNames.contains(name) { problems.append("column \"\(name)\" is not a house of the topology") }
            if !seen.insert(name).inserted { problems.append("column \"\(name)\" appears twice") }
        }
        if !problems.isEmpty { throw SimulationError.invalidInput("\(what): " + problems.joined(separator: "; ")) }

        let calendar = StepCalendar(period: period, holidays: .none)
        let zone = TimeZone(identifier: period.timeZoneID) ?? TimeZone(identifier: "UTC")!
        var localIndex: [Int: [Int]] = [:]
        for i in 0..<period.stepCount {
            let key = calendar.days[Int(calendar.dayOfStep[i])].date.epochDay * 1440 + Int(calendar.minuteOfStep[i])
            localIndex[key, default: []].append(i)
        }
        let columnCount = header.count - 1
        var columns = [Double](repeating: .nan, count: columnCount * period.stepCount)
        var filled = [Bool](repeating: false, count: period.stepCount)
        let startSeconds = Int(period.start.timeIntervalSince1970.rounded())
        let stepSeconds = period.stepMinutes * 60
        var lineNumber = 1
        var ranges = [Range<Int>]()
        ranges.reserveCapacity(header.count)
        while let line = lines.next() {
            lineNumber += 1
            if line.allSatisfy({ bytes[$0] == 32 || bytes[$0] == 9 }) { continue }
            ranges.removeAll(keepingCapacity: true)
            fields(bytes, line, delimiter, into: &ranges)
            func text(_ r: Range<Int>) -> String { clean(Substring(String(decoding: bytes[r], as: UTF8.self))) }
            guard ranges.count == header.count else {
                throw SimulationError.invalidInput("\(what): line \(lineNumber) has \(ranges.count) fields, the header has \(header.count)")
            }
            guard let stamp = parseTimestamp(text(ranges[0])) else {
                throw SimulationError.invalidInput("\(what): line \(lineNumber), column \"\(header[0])\": \"\(text(ranges[0]))\" is not an ISO 8601 timestamp")
            }
            let step: Int
            if let offset = stamp.offsetSeconds {
                let utc = stamp.localSeconds - offset
                guard (utc - startSeconds) % stepSeconds == 0 else {
                    throw SimulationError.invalidInput("\(what): line \(lineNumber): \(text(ranges[0])) is not on a \(period.stepMinutes)-minute step")
                }
                step = (utc - startSeconds) / stepSeconds
                if step < 0 || step >= period.stepCount { continue }
            } else {
                guard let candidates = localIndex[stamp.localSeconds / 60] else {
                    if stamp.localSeconds % stepSeconds != 0 {
                        throw SimulationError.invalidInput("\(what): line \(lineNumber): \(text(ranges[0])) is not on a \(period.stepMinutes)-minute step")
                    }
                    let guess = Date(timeIntervalSince1970: Double(stamp.localSeconds - zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(stamp.localSeconds)))))
                    if guess >= period.start && guess < period.end {
                        throw SimulationError.invalidInput("\(what): line \(lineNumber): \(text(ranges[0])) does not exist in \(period.timeZoneID) (DST gap)")
                    }
                    continue
                }
                step = candidates.first { !filled[$0] } ?? candidates[0]
            }
            if filled[step] { throw SimulationError.invalidInput("\(what): line \(lineNumber): timestamp \(text(ranges[0])) appears twice") }
            filled[step] = true
            for c in 1..<ranges.count {
                guard let v = number(bytes, ranges[c]), v.isFinite else {
                    throw SimulationError.invalidInput("\(what): line \(lineNumber), column \"\(header[c])\": \"\(text(ranges[c]))\" is not a number")
                }
                columns[(c - 1) * period.stepCount + step] = v
            }
        }
        if let first = filled.firstIndex(of: false) {
            let missing = filled.lazy.filter { !$0 }.count
            throw SimulationError.invalidInput("\(what): \(missing) step(s) of the period have no row, first \(ISO8601DateFormatter().string(from: period.date(ofStep: first)))")
        }
        return Dictionary(uniqueKeysWithValues: header.dropFirst().enumerated().map { c, name in
            (name, Array(columns[(c * period.stepCount)..<((c + 1) * period.stepCount)]))
        })
    }

    /// Lines of a byte buffer, without their `\n` or `\r\n`.
    struct LineScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> Range<Int>? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            position = end + 1
            var stop = end
            if stop > start, bytes[stop - 1] == 13 { stop -= 1 }
            return start..<stop
        }
    }

    /// Field ranges of a line; a field in double quotes may contain the delimiter.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ delimiter: UInt8) -> [Range<Int>] {
        var out: [Range<Int>] = []
        fields(bytes, line, delimiter, into: &out)
        return out
    }

    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ delimiter: UInt8, into out: inout [Range<Int>]) {
        var start = line.lowerBound
        var i = start
        var quoted = false
        while i < line.upperBound {
            let b = bytes[i]
            if b == 34 { quoted.toggle() } else if b == delimiter && !quoted {
                out.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        out.append(start..<line.upperBound)
    }

    /// A plain decimal number (optional spaces, sign, digits, point, exponent) via `strtod`; nil for anything else.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, bytes[lo] == 32 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 32 { hi -= 1 }
        let n = hi - lo
        guard n > 0, n < 64 else { return nil }
        for i in lo..<hi {
            switch bytes[i] {
            case 48...57, 43, 45, 46, 69, 101: continue  // digits + - . E e
            default: return nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
            for i in 0..<n { buffer[i] = CChar(bitPattern: bytes[lo + i]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + n ? value : nil
        }
    }

    private static func clean(_ s: Substring) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("\""), t.hasSuffix("\""), t.count >= 2 { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// Wall-clock seconds since 1970 of the written date and time, and the written UTC offset if any.
    static func parseTimestamp(_ s: String) -> (localSeconds: Int, offsetSeconds: Int?)? {
        let chars = Array(s.utf8)
        func num(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= chars.count else { return nil }
            var v = 0
            for i in a..<(a + n) {
                guard chars[i] >= 48, chars[i] <= 57 else { return nil }
                v = v * 10 + Int(chars[i] - 48)
            }
            return v
        }
        guard chars.count >= 16, let y = num(0, 4), chars[4] == 45, let mo = num(5, 2), chars[7] == 45, let d = num(8, 2),
              chars[10] == 84 || chars[10] == 32, let h = num(11, 2), chars[13] == 58, let mi = num(14, 2),
              (1...12).contains(mo), (1...LocalDate.daysInMonth(y, mo)).contains(d), h < 24, mi < 60 else { return nil }
        var i = 16
        var sec = 0
        if i < chars.count, chars[i] == 58 {
            guard let s2 = num(17, 2), s2 < 60 else { return nil }
            sec = s2
            i = 19
            if i < chars.count, chars[i] == 46 {  // fractional seconds
                i += 1
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
            }
        }
        let local = LocalDate(year: y, month: mo, day: d).epochDay * 86400 + h * 3600 + mi * 60 + sec
        if i == chars.count { return (local, nil) }
        if chars[i] == 90, i + 1 == chars.count { return (local, 0) }  // Z
        guard chars[i] == 43 || chars[i] == 45, let oh = num(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < chars.count {
            let j = chars[i + 3] == 58 ? i + 4 : i + 3
            guard let m = num(j, 2), j + 2 == chars.count else { return nil }
            om = m
        } else if i + 3 != chars.count { return nil }
        let sign = chars[i] == 43 ? 1 : -1
        return (local, sign * (oh * 3600 + om * 60))
    }
}
