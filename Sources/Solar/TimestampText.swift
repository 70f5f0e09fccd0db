import Foundation

/// A parsed timestamp field: wall-clock fields with an optional explicit UTC offset, or an epoch.
struct TimestampText {
    var year = 1970, month = 1, day = 1, hour = 0, minute = 0
    var second = 0.0
    var offsetSeconds: Int?
    var epochMilliseconds: Int64?

    static func parse(_ field: Substring) -> TimestampText? {
        let s = field.trimmingWhitespace
        if !s.isEmpty, s.allSatisfy(\.isNumber), let n = Int64(s) {
            return TimestampText(epochMilliseconds: s.count >= 12 ? n : n * 1000)
        }
        let chars = Array(s.utf8)
        var i = 0
        func integer(_ maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < chars.count, digits < maxDigits, chars[i] >= 48, chars[i] <= 57 {
                value = value * 10 + Int(chars[i] - 48); i += 1; digits += 1
            }
            return digits > 0 ? value : nil
        }
        func skip(_ set: String) -> Bool {
            guard i < chars.count, set.utf8.contains(chars[i]) else { return false }
            i += 1; return true
        }
        var t = TimestampText()
        guard let y = integer(4), skip("-/"), let mo = integer(2), skip("-/"), let d = integer(2) else { return nil }
        (t.year, t.month, t.day) = (y, mo, d)
        if skip("T ") {
            guard let h = integer(2), skip(":"), let mi = integer(2) else { return nil }
            (t.hour, t.minute) = (h, mi)
            if skip(":") {
                guard let sec = integer(2) else { return nil }
                t.second = Double(sec)
                if skip(".,") {
                    let start = i
                    guard let fraction = integer(9) else { return nil }
                    t.second += Double(fraction) / pow(10, Double(i - start))
                }
            }
        }
        while i < chars.count, chars[i] == 32 { i += 1 }
        if i == chars.count { return t }
        if skip("Zz") || String(decoding: chars[i...], as: UTF8.self) == "UTC" { t.offsetSeconds = 0; return t }
        let sign = chars[i] == 45 ? -1 : 1
        guard skip("+-"), let oh = integer(2) else { return nil }
        _ = skip(":")
        let om = integer(2) ?? 0
        guard i == chars.count else { return nil }
        t.offsetSeconds = sign * (oh * 3600 + om * 60)
        return t
    }

    /// UTC milliseconds; naive wall-clock times are read in `zone` (DST-aware) or at the site's
    /// standard offset. `previous` resolves the repeated hour when clocks go back.
    func unixMilliseconds(location: Location, zone: TimeZone?, after previous: Int64?) -> Int64 {
        if let epochMilliseconds { return epochMilliseconds }
        let wall = CivilTime.unixMilliseconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                              second: second, utcOffsetHours: 0)
        if let offsetSeconds { return wall - Int64(offsetSeconds) * 1000 }
        guard let zone else { return wall - Int64((location.utcOffsetHours * 3_600_000).rounded()) }
        let wallDate = Date(timeIntervalSince1970: Double(wall) / 1000)
        // The offsets in force just before and after this wall time: equal except around a change.
        let offsets = [zone.secondsFromGMT(for: wallDate.addingTimeInterval(-86_400 / 2)),
                       zone.secondsFromGMT(for: wallDate.addingTimeInterval(86_400 / 2))]
        let candidates = offsets.map { wall - Int64($0) * 1000 }
            .filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0) / 1000)) * 1000 == Int(wall - $0) }
        let ordered = candidates.isEmpty ? [wall - Int64(offsets[0]) * 1000] : candidates.sorted()
        if let previous, let later = ordered.first(where: { $0 > previous }) { return later }
        return ordered[0]
    }
}
