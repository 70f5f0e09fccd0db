import Foundation

/// One labelled position on a time axis.
struct TimeTick: Equatable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    var time: Int64
    var label: String
}

/// Tick positions and labels for a time axis, aligned to local wall-clock time in one time zone.
enum TimeTicks {
    /// Ticks within `from...to` (milliseconds), spaced for `pixelWidth`.
    static func ticks(from: Int64, to: Int64, pixelWidth: Double, timeZone: TimeZone) -> (step: TimeTickStep, ticks: [TimeTick]) {
        let span = Double(max(0, to - from)) / 1_000
        let step = TimeTickStep.choose(spanSeconds: span, pixelWidth: pixelWidth)
        return (step, ticks(from: from, to: to, step: step, timeZone: timeZone))
    }

    static func ticks(from: Int64, to: Int64, step: TimeTickStep, timeZone: TimeZone) -> [TimeTick] {
        guard to >= from else { return [] }
        let clock = WallClock(timeZone: timeZone)
        let fromSeconds = CivilCalendar.floorDiv(from, 1_000)
        let toSeconds = CivilCalendar.floorDiv(to + 999, 1_000)
        // Wall time runs backwards at a DST fall-back, so the last wall time to visit is bounded by
        // the larger of the two end offsets, plus one step so the final boundary is reached.
        let margin = min(Int64(step.nominalSeconds), CivilCalendar.secondsPerDay)
        let lastWall = toSeconds + max(clock.offset(at: fromSeconds), clock.offset(at: toSeconds)) + margin
        var wall = floorWall(clock.wall(fromSeconds), to: step)
        var result: [TimeTick] = []
        while wall <= lastWall {
            let instant = clock.instant(forWall: wall)
            let ms = instant.seconds * 1_000
            // A skipped sub-day tick would repeat the label of the next one; a skipped midnight is
            // still the start of its day.
            let keep: Bool
            if case .skipped = instant { keep = step.labelLevel != .time } else { keep = true }
            if keep, ms >= from, ms <= to, ms > (result.last?.time ?? .min) {
                result.append(TimeTick(time: ms, label: label(wall: wall, level: step.labelLevel)))
            }
            wall = advance(wall, by: step)
        }
        return result
    }

    /// The last tick boundary at or before `wall`.
    static func floorWall(_ wall: Int64, to step: TimeTickStep) -> Int64 {
        let day = CivilCalendar.secondsPerDay
        switch step.advance {
        case .seconds(let s) where s == 7 * day:
            let days = CivilCalendar.floorDiv(wall, day)
            return (days - CivilCalendar.weekday(fromDays: days)) * day
        case .seconds(let s):
            return CivilCalendar.floorDiv(wall, s) * s
        case .months(let n):
            let date = CivilCalendar.day(fromDays: CivilCalendar.floorDiv(wall, day))
            let index = CivilCalendar.floorDiv(date.year * 12 + date.month - 1, n) * n
            return monthStart(index)
        }
    }

    static func advance(_ wall: Int64, by step: TimeTickStep) -> Int64 {
        switch step.advance {
        case .seconds(let s):
            return wall + s
        case .months(let n):
            let date = CivilCalendar.day(fromDays: CivilCalendar.floorDiv(wall, CivilCalendar.secondsPerDay))
            return monthStart(date.year * 12 + date.month - 1 + n)
        }
    }

    private static func monthStart(_ monthIndex: Int64) -> Int64 {
        let year = CivilCalendar.floorDiv(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        return CivilCalendar.days(year: year, month: month, day: 1) * CivilCalendar.secondsPerDay
    }

    /// `14:00`, `Mon 03`, `Mar 2025` or `2025`; a time-level tick at local midnight names its day instead.
    static func label(wall: Int64, level: TimeTickStep.LabelLevel) -> String {
        let days = CivilCalendar.floorDiv(wall, CivilCalendar.secondsPerDay)
        let secondOfDay = wall - days * CivilCalendar.secondsPerDay
        let date = CivilCalendar.day(fromDays: days)
        switch level {
        case .time where secondOfDay != 0:
            return pad(secondOfDay / 3_600) + ":" + pad(secondOfDay % 3_600 / 60)
        case .time, .day:
            return CivilCalendar.weekdayNames[Int(CivilCalendar.weekday(fromDays: days))] + " " + pad(date.day)
        case .month:
            return CivilCalendar.monthNames[Int(date.month - 1)] + " " + String(date.year)
        case .year:
            return String(date.year)
        }
    }

    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
