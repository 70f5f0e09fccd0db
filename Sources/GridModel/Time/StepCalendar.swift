import Foundation

/// Wall-clock facts for every step of a period, computed once per run: the local day, the minute of the day,
/// and per day the civil date, weekday and holiday flag. Offsets are looked up only at DST transitions,
/// not per step, so a year costs microseconds, not a call into the time-zone database per step.
public struct StepCalendar: Sendable {
    public let period: SimulationPeriod
    /// Index into `days` for each step.
    public let dayOfStep: [Int32]
    /// Local minute of the day (0…1439) at which each step starts.
    public let minuteOfStep: [Int16]
    /// Index into `months` for each step.
    public let monthOfStep: [Int16]
    /// The local days the period touches, in order.
    public let days: [Day]
    /// The local months the period touches, as `YYYY-MM`.
    public let months: [String]

    public struct Day: Sendable, Equatable {
        public var date: LocalDate
        /// 1 = Monday … 7 = Sunday.
        public var weekday: Int
        public var isHoliday: Bool
        /// Sundays and holidays count as Sundays for BDEW; Saturdays stay Saturdays.
        public var isSundayLike: Bool { weekday == 7 || isHoliday }
    }

    public init(period: SimulationPeriod, holidays: HolidayCalendar = .germanyNational) {
        self.period = period
        let zone = TimeZone(identifier: period.timeZoneID) ?? TimeZone(identifier: "UTC")!
        var dayOfStep = [Int32](repeating: 0, count: period.stepCount)
        var minuteOfStep = [Int16](repeating: 0, count: period.stepCount)
        var monthOfStep = [Int16](repeating: 0, count: period.stepCount)
        var days: [Day] = []
        var months: [String] = []
        var offset = zone.secondsFromGMT(for: period.start)
        var nextTransition = zone.nextDaylightSavingTimeTransition(after: period.start) ?? .distantFuture
        var lastEpochDay = Int.min
        var lastMonth = (0, 0)
        let step = period.stepMinutes * 60
        let startSeconds = Int(period.start.timeIntervalSince1970.rounded())
        for i in 0..<period.stepCount {
            let utc = startSeconds + i * step
            if Double(utc) >= nextTransition.timeIntervalSince1970 {
                let date = Date(timeIntervalSince1970: Double(utc))
                offset = zone.secondsFromGMT(for: date)
                nextTransition = zone.nextDaylightSavingTimeTransition(after: date) ?? .distantFuture
            }
            let local = utc + offset
            let epochDay = Int((Double(local) / 86400).rounded(.down))
            if epochDay != lastEpochDay {
                let date = LocalDate(epochDay: epochDay)
                days.append(Day(date: date, weekday: date.weekday, isHoliday: holidays.isHoliday(date)))
                lastEpochDay = epochDay
                if (date.year, date.month) != lastMonth {
                    months.append(String(format: "%04d-%02d", date.year, date.month))
                    lastMonth = (date.year, date.month)
                }
            }
            dayOfStep[i] = Int32(days.count - 1)
            minuteOfStep[i] = Int16((local - epochDay * 86400) / 60)
            monthOfStep[i] = Int16(months.count - 1)
        }
        self.dayOfStep = dayOfStep
        self.minuteOfStep = minuteOfStep
        self.monthOfStep = monthOfStep
        self.days = days
        self.months = months
    }

    /// The local day of step `i`.
    @inline(__always) public func day(ofStep i: Int) -> Day { days[Int(dayOfStep[i])] }
}
