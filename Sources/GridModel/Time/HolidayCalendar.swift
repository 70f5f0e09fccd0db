import Foundation

/// Which days the load profiles treat as Sundays.
///
/// BDEW prescribes that public holidays use the Sunday profile. We apply Germany's nine nationwide holidays
/// (plus the one-off 2017 Reformation Day); regional holidays (Epiphany, Corpus Christi, …) differ by state and
/// are left out unless given as `custom`. BDEW also suggests treating 24 and 31 December as Saturdays; demandlib does
/// not, and neither do we, so that our profiles match the reference tool.
public enum HolidayCalendar: Sendable, Equatable {
    case none
    case germanyNational
    case custom(Set<LocalDate>)

    public func isHoliday(_ date: LocalDate) -> Bool {
        switch self {
        case .none: false
        case .custom(let days): days.contains(date)
        case .germanyNational: HolidayCalendar.germanNationalHolidays(year: date.year).contains(date)
        }
    }

    /// Neujahr, Karfreitag, Ostermontag, Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen
    /// Einheit, 1. and 2. Weihnachtstag; Reformationstag only in 2017 (it was nationwide that year).
    public static func germanNationalHolidays(year: Int) -> Set<LocalDate> {
        let easter = easterSunday(year: year)
        var days: Set<LocalDate> = [
            LocalDate(year: year, month: 1, day: 1), easter.adding(days: -2), easter.adding(days: 1),
            LocalDate(year: year, month: 5, day: 1), easter.adding(days: 39), easter.adding(days: 50),
            LocalDate(year: year, month: 10, day: 3), LocalDate(year: year, month: 12, day: 25), LocalDate(year: year, month: 12, day: 26),
        ]
        if year == 2017 { days.insert(LocalDate(year: 2017, month: 10, day: 31)) }
        return days
    }

    /// Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }
}
