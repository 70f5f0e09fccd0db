import Foundation
import Testing
@testable import PlantData

/// EPA's own region figures (explorer files state.csv, subregion.csv, US.csv, NERC.csv for 2018 and
/// 2019): the rate rules and the sums must reproduce them to rounding.
@Suite("EPA region sheets")
struct EPARegionSheetTests {
    private func sheet(_ name: String) throws -> EGRIDSheet {
        try #require(EGRIDReader.readCSV(TestFiles.epa(name), options: ImportOptions(fileName: name)).sheets.first)
    }

    @Test func regionSheetsAreRecognisedWithTheirYears() throws {
        // Act
        let kinds = try ["state.csv", "subregion.csv", "US.csv", "NERC.csv"].map { try sheet($0) }
        // Assert
        #expect(kinds.map(\.kind) == [.state, .subregion, .us, .nercRegion])
        #expect(kinds.allSatisfy { $0.years == [2018, 2019] })
        #expect(kinds[0].regions.filter { $0.year == 2018 }.count == 51)
        #expect(kinds[1].regions.first?.name == "ASCC Alaska Grid")
    }

    @Test func us2018CarbonDioxideRateFromMassAndGeneration() throws {
        // Arrange
        let us = try sheet("US.csv").regions.first { $0.year == 2018 }
        let us2018 = try #require(us)
        // Act
        let rate = EmissionRate.output(.co2, mass: us2018.totals[.co2], generation: us2018.totals[.netGeneration])
        // Assert
        #expect(us2018.totals[.netGeneration] == 4_168_370_118)
        #expect(us2018.totals[.co2] == 1_974_101_894)
        #expect(us2018.outputRates.co2 == 947.182)
        #expect(abs(try #require(rate) - 947.182) < 0.0005)
        #expect(us2018.totals[.hg] == nil)  // "--"
    }

    @Test func everyStateRateRecomputedFromItsMassesMatchesEPA() throws {
        // Arrange
        let states = try sheet("state.csv")
        // Act
        let report = ConsistencyCheck.rates(of: states)
        // Assert: output (lb/MWh), input (lb/MMBtu) and combustion rates of every state and year.
        let rateRows = report.rows.filter { !$0.column.hasSuffix("PR") }
        #expect(rateRows.count > 51 * 2 * 18)
        #expect(rateRows.allSatisfy { $0.status != .differs }, "\(rateRows.filter { $0.status == .differs }.prefix(5))")
        #expect(rateRows.filter { $0.status == .ok }.count > 1_900)
        let txCO2 = try #require(rateRows.first { $0.region == "TX" && $0.year == 2019 && $0.column == "STCO2RTA" })
        #expect(txCO2.status == .ok)
        #expect(abs(txCO2.absoluteDifference ?? 1) <= 0.0005)
    }

    @Test func stateResourceMixFollowsEPAsShareRule() throws {
        // Arrange
        let states = try sheet("state.csv")
        // Act
        let shares = ConsistencyCheck.rates(of: states).rows.filter { $0.column.hasSuffix("PR") }
        // Assert: shares with negative fuel generation counted as 0 reproduce EPA's percentages.
        #expect(shares.count == 103 * 11)
        #expect(shares.allSatisfy { $0.status == .ok }, "\(shares.filter { $0.status != .ok }.prefix(5))")
    }

    @Test func statesSumToTheUSTotals() throws {
        // Act
        let report = ConsistencyCheck.regions(try sheet("state.csv"), against: try sheet("US.csv"))
        // Assert
        #expect(report.isConsistent, "\(report.differences.prefix(5))")
        #expect(report.counts[.ok, default: 0] > 2 * 60)
        #expect(report.unmatchedRegions.isEmpty)
    }

    @Test func subregionsSumToTheUSTotalsExceptWhereEPADisagreesWithItself() throws {
        // Act
        let report = ConsistencyCheck.regions(try sheet("subregion.csv"), against: try sheet("US.csv"))
        // Assert: every column within rounding but EPA's own inconsistencies — 2018 combustion /
        // non-combustion generation (and the combustion rates built on it), 2019 capacity.
        let differing = Set(report.differences.map { "\($0.year) \($0.column)" })
        #expect(differing == ["2018 USGENACY", "2018 USGENACN", "2018 USCO2CRT", "2019 USNAMEPCAP"])
        let capacity = try #require(report.rows.first { $0.year == 2019 && $0.column == "USNAMEPCAP" })
        #expect(capacity.published == 1_613_477.2)
        #expect(abs((capacity.computed ?? 0) - 1_607_954.5) < 1e-6)
        #expect(abs((capacity.absoluteDifference ?? 0) + 5_522.7) < 1e-6)
        let co2 = try #require(report.rows.first { $0.year == 2018 && $0.column == "USCO2AN" })
        #expect(co2.status == .ok)
        #expect(report.rows.filter { $0.status == .ok }.count > 100)
    }
}
