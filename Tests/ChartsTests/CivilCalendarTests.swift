import Testing
@testable import Charts

@Suite struct CivilCalendarTests {
    @Test func roundTripsDaysAcrossCenturiesAndLeapYears() {
        // Arrange
        let samples: [Int64] = [-719_468, -1, 0, 59, 11_016, 19_782, 20_147, 2_932_896]

        // Act / Assert
        for days in samples {
            let date = CivilCalendar.day(fromDays: days)
            #expect(CivilCalendar.days(year: date.year, month: date.month, day: date.day) == days)
        }
    }

    @Test func knowsKnownDates() {
        #expect(CivilCalendar.day(fromDays: 0) == .init(year: 1970, month: 1, day: 1))
        #expect(CivilCalendar.days(year: 2024, month: 2, day: 29) == 19_782)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.day(fromDays: -1) == .init(year: 1969, month: 12, day: 31))
    }

    @Test func weekdayStartsOnMonday() {
        #expect(CivilCalendar.weekday(fromDays: 0) == 3)  // Thursday 1970-01-01
        #expect(CivilCalendar.weekday(fromDays: CivilCalendar.days(year: 2025, month: 3, day: 3)) == 0)
        #expect(CivilCalendar.weekday(fromDays: -4) == 6)  // Sunday 1969-12-28
    }
}
