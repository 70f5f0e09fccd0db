import Foundation
import Testing
@testable import GridModel

/// Our BDEW profiles against demandlib 0.2.2 (fixtures from reference/grid/make_bdew_reference.py).
@Suite("BDEW profiles vs demandlib")
struct BDEWReferenceTests {
    static func fixture(_ name: String) throws -> [[String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    }

    /// One house per profile with 1,000 kWh/a, no randomisation, the whole year in UTC (demandlib is naive local time).
    static func yearOfProfiles(_ year: Int) throws -> (SimulationPeriod, [[Double]]) {
        let houses = StandardLoadProfile.allCases.map { House(name: $0.rawValue, transformer: "T", annualConsumptionKWh: 1000, profile: $0) }
        let topology = GridTopology(grids: [Grid(name: "G", transformers: [Transformer(name: "T", capacityKW: 1)], houses: houses)])
        let period = try SimulationPeriod(from: LocalDate(year: year, month: 1, day: 1), to: LocalDate(year: year + 1, month: 1, day: 1))
        let source = try StandardLoadSource(topology: topology, period: period, seed: 1, randomization: .none)
        let series = (0..<3).map { h in
            var values = [Double](repeating: 0, count: period.stepCount)
            values.withUnsafeMutableBufferPointer { source.fill(house: h, steps: 0..<period.stepCount, into: $0) }
            return values
        }
        return (period, series)
    }

    @Test(arguments: [2025, 2024])
    func dailyEnergyMatchesDemandlib(year: Int) throws {
        // Arrange
        let rows = try Self.fixture("bdew_\(year)_daily")
        // Act
        let (period, series) = try Self.yearOfProfiles(year)
        // Assert
        #expect(rows.count == (LocalDate.isLeap(year) ? 366 : 365))
        #expect(period.stepCount == rows.count * 96)
        var worst = 0.0
        for (d, row) in rows.enumerated() {
            for p in 0..<3 {
                let ours = series[p][(d * 96)..<(d * 96 + 96)].reduce(0, +) / 4
                let theirs = Double(row[p + 1])!
                worst = max(worst, abs(ours - theirs) / theirs)
            }
        }
        #expect(worst < 1e-12)
    }

    @Test func quarterHoursMatchDemandlibOnSampleDays() throws {
        // Arrange: holidays, weekends, season edges, Good Friday and Christmas Eve.
        let rows = try Self.fixture("bdew_2025_samples")
        let (period, series) = try Self.yearOfProfiles(2025)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        // Act / Assert
        var worst = 0.0
        for row in rows {
            let date = try #require(formatter.date(from: row[0] + ":00Z") ?? formatter.date(from: row[0]))
            let i = Int(date.timeIntervalSince(period.start) / 900)
            for p in 0..<3 { worst = max(worst, abs(series[p][i] - Double(row[p + 1])!) / Double(row[p + 1])!) }
        }
        #expect(rows.count == 12 * 96)
        #expect(worst < 1e-12)
    }

    @Test func annualTotalsAreTheAnnualConsumption() throws {
        // Arrange / Act
        let (_, series) = try Self.yearOfProfiles(2025)
        let totals = series.map { $0.reduce(0, +) / 4 }
        // Assert: G0 and L0 exactly; dynamised H0 ≈ 1000.089 kWh like demandlib (BDEW's polynomial is not renormalised).
        #expect(isClose(totals[1], 1000, tolerance: 1e-12) && isClose(totals[2], 1000, tolerance: 1e-12))
        #expect(abs(totals[0] - 1000.0892403201605) < 1e-8)
    }

    @Test func easterAndHolidays() {
        #expect(HolidayCalendar.easterSunday(year: 2025) == LocalDate(year: 2025, month: 4, day: 20))
        #expect(HolidayCalendar.easterSunday(year: 2024) == LocalDate(year: 2024, month: 3, day: 31))
        #expect(HolidayCalendar.germanyNational.isHoliday(LocalDate(year: 2025, month: 6, day: 9)))  // Whit Monday
        #expect(!HolidayCalendar.germanyNational.isHoliday(LocalDate(year: 2025, month: 6, day: 10)))
    }
}
