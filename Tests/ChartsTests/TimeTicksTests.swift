import Foundation
import Testing
@testable import Charts

@Suite struct TimeTicksTests {
    static let spansAt700Pixels: [(span: Double, step: TimeTickStep)] = [
        (600, .minute1),
        (3_600, .minutes15),
        (86_400, .hours3),
        (7 * 86_400, .day1),
        (31 * 86_400, .week1),
        (300 * 86_400, .month1),
        (366 * 86_400, .months3),
        (5 * 365.25 * 86_400, .year1),
        (25 * 365.25 * 86_400, .years5),
    ]

    @Test func choosesStepBySpanAt700Pixels() {
        for (span, step) in Self.spansAt700Pixels {
            #expect(TimeTickStep.choose(spanSeconds: span, pixelWidth: 700) == step, "span \(span)")
        }
    }

    @Test func narrowChartsGetCoarserSteps() {
        #expect(TimeTickStep.choose(spanSeconds: 86_400, pixelWidth: 1_400) == .hours3)
        #expect(TimeTickStep.choose(spanSeconds: 86_400, pixelWidth: 280) == .hours6)
        #expect(TimeTickStep.choose(spanSeconds: 86_400, pixelWidth: 200) == .hours12)
    }

    @Test func labelsOneDayEveryThreeHoursWithMidnightAsDay() {
        // Arrange
        let from = ms("2025-01-01T00:00:00+01:00"), to = ms("2025-01-02T00:00:00+01:00")

        // Act
        let (step, ticks) = TimeTicks.ticks(from: from, to: to, pixelWidth: 700, timeZone: zone("Europe/Zurich"))

        // Assert
        #expect(step == .hours3)
        #expect(ticks.map(\.label) == ["Wed 01", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "Thu 02"])
        #expect(ticks.first?.time == from)
        #expect(ticks.last?.time == to)
    }

    @Test func skipsTheMissingHourWhenClocksSpringForward() {
        // Arrange: Zurich jumps from 02:00 to 03:00 on 2025-03-30.
        let from = ms("2025-03-30T00:00:00+01:00"), to = ms("2025-03-30T05:00:00+02:00")

        // Act
        let ticks = TimeTicks.ticks(from: from, to: to, step: .hour1, timeZone: zone("Europe/Zurich"))

        // Assert
        #expect(ticks.map(\.label) == ["Sun 30", "01:00", "03:00", "04:00", "05:00"])
        #expect(ticks[2].time - ticks[1].time == hour)
    }

    @Test func labelsTheRepeatedHourOnceWhenClocksFallBack() {
        // Arrange: Zurich goes from 03:00 back to 02:00 on 2025-10-26.
        let from = ms("2025-10-26T00:00:00+02:00"), to = ms("2025-10-26T04:00:00+01:00")

        // Act
        let ticks = TimeTicks.ticks(from: from, to: to, step: .hour1, timeZone: zone("Europe/Zurich"))

        // Assert
        #expect(ticks.map(\.label) == ["Sun 26", "01:00", "02:00", "03:00", "04:00"])
        #expect(ticks[2].time == ms("2025-10-26T02:00:00+02:00"))
        #expect(ticks[3].time - ticks[2].time == 2 * hour)
    }

    @Test func dayTicksStayAtLocalMidnightAcrossDST() {
        // Arrange
        let tz = zone("America/New_York")
        let from = ms("2025-03-07T00:00:00-05:00"), to = ms("2025-03-12T00:00:00-04:00")

        // Act
        let ticks = TimeTicks.ticks(from: from, to: to, step: .day1, timeZone: tz)

        // Assert
        #expect(ticks.map(\.label) == ["Fri 07", "Sat 08", "Sun 09", "Mon 10", "Tue 11", "Wed 12"])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        for tick in ticks {
            let date = Date(timeIntervalSince1970: Double(tick.time) / 1_000)
            #expect(calendar.startOfDay(for: date) == date)
        }
        #expect(ticks[3].time - ticks[2].time == 23 * hour)
    }

    @Test func aSkippedMidnightTicksAtTheDaysFirstInstant() {
        // Arrange: Chile moved clocks from 00:00 to 01:00 on 2024-09-08.
        let from = ms("2024-09-06T00:00:00-04:00"), to = ms("2024-09-10T00:00:00-03:00")

        // Act
        let ticks = TimeTicks.ticks(from: from, to: to, step: .day1, timeZone: zone("America/Santiago"))

        // Assert
        #expect(ticks.map(\.label) == ["Fri 06", "Sat 07", "Sun 08", "Mon 09", "Tue 10"])
        #expect(ticks[2].time == ms("2024-09-08T01:00:00-03:00"))
    }

    @Test func alignsToHalfHourOffsetZones() {
        // Arrange
        let from = ms("2025-01-01T01:00:00+05:30"), to = ms("2025-01-01T10:00:00+05:30")

        // Act
        let ticks = TimeTicks.ticks(from: from, to: to, step: .hours3, timeZone: zone("Asia/Kolkata"))

        // Assert
        #expect(ticks.map(\.label) == ["03:00", "06:00", "09:00"])
        #expect(ticks[0].time == ms("2024-12-31T21:30:00Z"))
    }

    @Test func weeksStartOnMonday() {
        let ticks = TimeTicks.ticks(from: ms("2025-03-01T00:00:00Z"), to: ms("2025-03-31T00:00:00Z"), step: .week1, timeZone: zone("UTC"))
        #expect(ticks.map(\.label) == ["Mon 03", "Mon 10", "Mon 17", "Mon 24", "Mon 31"])
    }

    @Test func quartersAndYears() {
        // Arrange
        let tz = zone("Europe/Berlin")

        // Act
        let quarters = TimeTicks.ticks(from: ms("2025-01-01T00:00:00+01:00"), to: ms("2026-01-01T00:00:00+01:00"), pixelWidth: 700, timeZone: tz)
        let years = TimeTicks.ticks(from: ms("2000-01-01T00:00:00+01:00"), to: ms("2025-06-01T00:00:00+02:00"), pixelWidth: 700, timeZone: tz)

        // Assert
        #expect(quarters.step == .months3)
        #expect(quarters.ticks.map(\.label) == ["Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026"])
        #expect(quarters.ticks[1].time == ms("2025-04-01T00:00:00+02:00"))
        #expect(years.step == .years5)
        #expect(years.ticks.map(\.label) == ["2000", "2005", "2010", "2015", "2020", "2025"])
    }

    @Test func minuteTicksAndEmptyRanges() {
        let ticks = TimeTicks.ticks(from: ms("2025-01-01T10:02:30Z"), to: ms("2025-01-01T10:20:00Z"), step: .minutes5, timeZone: zone("UTC"))
        #expect(ticks.map(\.label) == ["10:05", "10:10", "10:15", "10:20"])
        #expect(TimeTicks.ticks(from: 10, to: 0, step: .hour1, timeZone: zone("UTC")).isEmpty)
    }
}
