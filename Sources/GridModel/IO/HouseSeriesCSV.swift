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
        guard let text = String(data: data, encoding: .utf8) else { throw SimulationError.invalidInput("\(what): not UTF-8 text") }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { Substring($0) }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else { throw SimulationError.invalidInput("\(what): empty") }
        let delimiter: Character = headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
        let header = headerLine.split(separator: delimiter, omittingEmptySubsequences: false).map { clean($0) }
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
        var columns = [[Double]](repeating: [Double](repeating: .nan, count: period.stepCount), count: header.count - 1)
        var filled = [Bool](repeating: false, count: period.stepCount)
        let startSeconds = Int(period.start.timeIntervalSince1970.rounded())
        let stepSeconds = period.stepMinutes * 60
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let lineNumber = n + 1
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map { clean($0) }
            guard fields.count == header.count else {
                throw SimulationError.invalidInput("\(what): line \(lineNumber) has \(fields.count) fields, the header has \(header.count)")
            }
            guard let stamp = parseTimestamp(fields[0]) else {
                throw SimulationError.invalidInput("\(what): line \(lineNumber), column \"\(header[0])\": \"\(fields[0])\" is not an ISO 8601 timestamp")
            }
            let step: Int
            if let offset = stamp.offsetSeconds {
                let utc = stamp.localSeconds - offset
                guard (utc - startSeconds) % stepSeconds == 0 else {
                    throw SimulationError.invalidInput("\(what): line \(lineNumber): \(fields[0]) is not on a \(period.stepMinutes)-minute step")
                }
                step = (utc - startSeconds) / stepSeconds
                if step < 0 || step >= period.stepCount { continue }
            } else {
                let key = stamp.localSeconds / 60
                guard let candidates = localIndex[key] else {
                    let date = Date(timeIntervalSince1970: Double(stamp.localSeconds - zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(stamp.localSeconds)))))
                    if date >= period.start && date < period.end, stamp.localSeconds % stepSeconds == 0 {
                        throw SimulationError.invalidInput("\(what): line \(lineNumber): \(fields[0]) does not exist in \(period.timeZoneID) (DST gap)")
                    }
                    if stamp.localSeconds % stepSeconds != 0 {
                        throw SimulationError.invalidInput("\(what): line \(lineNumber): \(fields[0]) is not on a \(period.stepMinutes)-minute step")
                    }
                    continue
                }
                step = candidates.first { !filled[$0] } ?? candidates[0]
            }
            if filled[step] { throw SimulationError.invalidInput("\(what): line \(lineNumber): timestamp \(fields[0]) appears twice") }
            filled[step] = true
            for c in 1..<fields.count {
                guard let v = Double(fields[c]), v.isFinite else {
                    throw SimulationError.invalidInput("\(what): line \(lineNumber), column \"\(header[c])\": \"\(fields[c])\" is not a number")
                }
                columns[c - 1][step] = v
            }
        }
        let missing = filled.indices.filter { !filled[$0] }
        if let first = missing.first {
            let iso = ISO8601DateFormatter()
            throw SimulationError.invalidInput("\(what): \(missing.count) step(s) of the period have no row, first \(iso.string(from: period.date(ofStep: first)))")
        }
        return Dictionary(uniqueKeysWithValues: zip(header.dropFirst(), columns))
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
