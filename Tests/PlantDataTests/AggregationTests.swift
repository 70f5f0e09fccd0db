import Foundation
import Testing
@testable import PlantData

@Suite("Region aggregation rules")
struct AggregationTests {
    @Test func sumsSkipMissingValuesButAllMissingStaysMissing() {
        // Arrange
        let plants = [
            plant(1, capacity: 100, generation: 1000, co2: nil),
            plant(2, capacity: nil, generation: 500, co2: nil),
            plant(3, capacity: 50, generation: nil, co2: nil),
        ]
        // Act
        let tx = PlantAggregator.aggregate(plants, by: .state)[0]
        // Assert
        #expect(tx.totals[.capacity] == 150)
        #expect(tx.totals[.netGeneration] == 1500)
        #expect(tx.totals.mass(.co2) == nil)  // no data at all: missing, not 0
        #expect(tx.outputRates.co2 == nil)
        #expect(tx.totals.plantCount == 3)
    }

    @Test func ratesComeFromSummedMassesNotFromAveragedPlantRates() {
        // Arrange: 1000 t over 1000 MWh (2000 lb/MWh) and 10 t over 9000 MWh (2.2 lb/MWh).
        let plants = [
            plant(1, generation: 1000, co2: 1000, ch4: 30),
            plant(2, generation: 9000, co2: 10, ch4: 20),
        ]
        // Act
        let tx = PlantAggregator.aggregate(plants, by: .state)[0]
        // Assert: 2000 × 1010 / 10000, not the mean of 2000 and 2.22.
        #expect(tx.outputRates.co2 == 202)
        #expect(tx.outputRates.ch4 == 50.0 / 10000)  // lb / MWh, no 2000
    }

    @Test func capacityFactorUsesTheHoursOfTheDataYear() {
        // Arrange
        let leap = [plant(1, year: 2024, capacity: 10, generation: 87_840)]
        let common = [plant(1, year: 2023, capacity: 10, generation: 87_600)]
        // Act / Assert
        #expect(PlantAggregator.aggregate(leap, by: .us)[0].capacityFactor == 1)
        #expect(PlantAggregator.aggregate(common, by: .us)[0].capacityFactor == 1)
    }

    @Test func resourceMixCountsNegativeGenerationAsZero() {
        // Arrange: pumped storage (-100 MWh of hydro) beside 900 MWh of gas and 100 of wind.
        let plants = [
            plant(1, generationByFuel: [.gas: 900, .wind: 100]),
            plant(2, fuel: "HYDRO", generationByFuel: [.hydro: -100]),
        ]
        // Act
        let mix = PlantAggregator.aggregate(plants, by: .state)[0].resourceMix
        // Assert
        #expect(mix[.gas] == 0.9)
        #expect(mix[.wind] == 0.1)
        #expect(mix[.hydro] == 0)
        #expect(mix[.coal] == nil)
    }

    @Test func groupsByEveryLevelAndByFuel() {
        // Arrange
        let plants = [
            plant(1, state: "TX", subregion: "ERCT", fuel: "GAS", capacity: 10),
            plant(2, state: "TX", subregion: "SPSO", ba: "SWPP", nerc: "SPP", fuel: "WIND", capacity: 20),
            plant(3, state: "AK", subregion: "AKGD", ba: nil, nerc: "ASCC", fuel: "GAS", capacity: 5),
        ]
        // Act
        let all = PlantAggregator.aggregateAll(plants)
        let byFuel = PlantAggregator.aggregate(plants, by: .state, byFuel: true)
        // Assert
        #expect(all[.state]!.map(\.code) == ["AK", "TX"])
        #expect(all[.subregion]!.map(\.code) == ["AKGD", "ERCT", "SPSO"])
        #expect(all[.balancingAuthority]!.map(\.code) == ["ERCO", "SWPP"])  // AK plant has no BA
        #expect(all[.us]!.map { $0.totals[.capacity] } == [35])
        #expect(byFuel.map { "\($0.code) \($0.fuelCategory!)" } == ["AK GAS", "TX GAS", "TX WIND"])
    }
}

@Suite("Consistency of plant and region sheets")
struct ConsistencyTests {
    @Test func plantsAggregatedByStateMatchTheStateSheetButThePlantedError() throws {
        // Arrange
        let plants = try #require(EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets.first)
        let states = try #require(EGRIDReader.readCSV(TestFiles.fixture("state_codes_year.csv")).sheets.first)
        // Act
        let report = ConsistencyCheck.plants(plants, against: states)
        // Assert: only 2023 is compared; TX capacity was inflated by 10 % in the fixture.
        #expect(Set(report.rows.map(\.year)) == [2023])
        let differing = Set(report.differences.map { "\($0.region) \($0.column)" })
        #expect(differing == ["TX STNAMEPCAP"])
        let capacity = try #require(report.differences.first)
        #expect(abs((capacity.relativeDifference ?? 0) + 0.1 / 1.1) < 1e-3)
        #expect(report.counts[.ok, default: 0] > 500)
        #expect(report.unmatchedRegions.isEmpty)
    }
}

@Suite("Consistency of typed records, as the server stores them")
struct TypedConsistencyTests {
    @Test func typedPlantsAgainstTypedRecordsFindThePlantedError() throws {
        // Arrange
        let plants = try EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets[0].plants
        let records = try EGRIDReader.readCSV(TestFiles.fixture("state_codes_year.csv")).sheets[0].regions
        // Act
        let report = ConsistencyCheck.plants(plants, against: records)
        // Assert
        #expect(Set(report.differences.map { "\($0.region) \($0.column)" }) == ["TX STNAMEPCAP"])
        #expect(report.rows.contains { $0.column == "STCO2RTA" && $0.status == .ok })
        #expect(report.rows.contains { $0.column == "STGSPR" && $0.status == .ok })
    }
}
