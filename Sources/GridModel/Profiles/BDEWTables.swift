import Foundation

/// BDEW standard load profiles over a calendar, reproducing demandlib's `ElecSlp` (0.2.2) exactly:
/// each profile is normalised so that a calendar year sums to one, holidays use the Sunday table,
/// seasons are winter (1 Nov – 20 Mar), transition (21 Mar – 14 May, 15 Sep – 31 Oct) and summer (15 May – 14 Sep),
/// and H0 is multiplied by BDEW's dynamisation polynomial afterwards (not renormalised, as in demandlib and in
/// BDEW's own method, so a dynamised H0 year sums to about 1.0001 of the annual consumption).
public enum BDEWTables {
    /// Power in kW per kWh of annual consumption for every step of `calendar` (multiply by the annual kWh).
    /// Steps longer than 15 minutes average the quarter hours they cover; shorter ones hold their quarter's value.
    public static func normalizedPower(_ profile: StandardLoadProfile, calendar: StepCalendar, holidays: HolidayCalendar) -> [Double] {
        let table = values(profile)
        var yearSums: [Int: Double] = [:]
        let stepMinutes = calendar.period.stepMinutes
        var out = [Double](repeating: 0, count: calendar.period.stepCount)
        for i in 0..<out.count {
            let day = calendar.day(ofStep: i)
            let year = day.date.year
            let sum: Double
            if let cached = yearSums[year] { sum = cached } else {
                sum = yearSum(table, year: year, holidays: holidays)
                yearSums[year] = sum
            }
            let base = tableOffset(day)
            let yearQuarter0 = (day.date.dayOfYear - 1) * 96
            var t = Int(calendar.minuteOfStep[i])
            let end = t + stepMinutes
            var acc = 0.0
            while t < end {
                let q = min(t / 15, 95)
                let next = min((q + 1) * 15, end)
                var v = table[base + q]
                if profile == .h0 { v *= dynamisation(quarterOfYear: yearQuarter0 + q) }
                acc += v * Double(next - t)
                t = next
                if q == 95 && next >= 1440 { break }
            }
            // Fraction of the year per quarter hour × 4 quarters per hour = kW per kWh/a.
            out[i] = acc / Double(max(1, min(stepMinutes, t - Int(calendar.minuteOfStep[i])))) / sum * 4
        }
        return out
    }

    /// BDEW's dynamisation factor, `F(t) = −3.92e−10·t⁴ + 3.2e−7·t³ − 7.02e−5·t² + 2.1e−3·t + 1.24`,
    /// with demandlib's normalisation tweak of the first coefficient (−3.916649251e−10) and its fractional day
    /// `t = (q + 1) / 96` for the zero-based quarter hour `q` of the year.
    public static func dynamisation(quarterOfYear q: Int) -> Double {
        let t = Double(q + 1) / 96
        return -3.916649251e-10 * t * t * t * t + 3.2e-7 * t * t * t - 7.02e-5 * t * t + 0.0021 * t + 1.24
    }

    /// 0 winter, 1 transition, 2 summer.
    public static func season(month: Int, day: Int) -> Int {
        switch (month, day) {
        case (1...2, _), (3, ...20), (11...12, _): 0
        case (3, _), (4, _), (5, ...14), (9, 15...), (10, _): 1
        default: 2
        }
    }

    /// 0 workday, 1 Saturday, 2 Sunday or holiday.
    public static func dayType(_ day: StepCalendar.Day) -> Int {
        day.isSundayLike ? 2 : day.weekday == 6 ? 1 : 0
    }

    static func values(_ profile: StandardLoadProfile) -> [Double] {
        switch profile {
        case .h0: h0
        case .g0: g0
        case .l0: l0
        }
    }

    static func tableOffset(_ day: StepCalendar.Day) -> Int {
        (season(month: day.date.month, day: day.date.day) * 3 + dayType(day)) * 96
    }

    /// Sum of the raw quarter-hour values over the whole calendar year, the divisor of demandlib's normalisation.
    static func yearSum(_ table: [Double], year: Int, holidays: HolidayCalendar) -> Double {
        var dayTotals = [Double](repeating: 0, count: 9)
        for j in 0..<9 { dayTotals[j] = table[(j * 96)..<(j * 96 + 96)].reduce(0, +) }
        var sum = 0.0
        let first = LocalDate(year: year, month: 1, day: 1).epochDay
        let count = LocalDate.isLeap(year) ? 366 : 365
        for e in first..<(first + count) {
            let date = LocalDate(epochDay: e)
            let day = StepCalendar.Day(date: date, weekday: date.weekday, isHoliday: holidays.isHoliday(date))
            sum += dayTotals[tableOffset(day) / 96]
        }
        return sum
    }
}
