import Foundation
import Testing
@testable import PlantData

@Suite("Plant search")
struct PlantQueryTests {
    private let plants = [
        plant(1, state: "TX", fuel: "GAS", capacity: 500, generation: 2_000_000, co2: 800_000, name: "Bayou Gas"),
        plant(2, state: "TX", subregion: "SPSO", ba: "SWPP", nerc: "SPP", fuel: "WIND", capacity: 200, generation: 600_000, co2: 0, name: "Plains Wind"),
        plant(3, state: "AK", subregion: "AKGD", ba: nil, nerc: "ASCC", fuel: "OIL", capacity: 20, generation: 50_000, co2: 40_000, name: "Café Diesel"),
        plant(4, state: "TX", fuel: "COAL", capacity: nil, generation: nil, co2: nil, name: "Old Coal"),
    ]

    @Test func filtersCombine() {
        // Arrange
        var q = PlantQuery()
        q.states = ["TX"]
        q.fuelCategories = ["gas", "wind"]
        q.minimumCapacity = 100
        // Act
        let page = q.run(on: plants)
        // Assert
        #expect(page.items.map(\.plantID) == [1, 2])
        #expect(page.total == 2)
    }

    @Test func regionFiltersAndAccentInsensitiveText() {
        // Arrange
        var byRegion = PlantQuery()
        byRegion.subregions = ["SPSO"]
        var byText = PlantQuery()
        byText.text = "cafe"
        // Act / Assert
        #expect(byRegion.run(on: plants).items.map(\.plantID) == [2])
        #expect(byText.run(on: plants).items.map(\.name) == ["Café Diesel"])
    }

    @Test func capacityRangeExcludesPlantsWithoutCapacity() {
        // Arrange
        var q = PlantQuery()
        q.maximumCapacity = 10_000
        // Act / Assert
        #expect(!q.run(on: plants).items.contains { $0.plantID == 4 })
    }

    @Test func sortsWithMissingLastAndPages() {
        // Arrange
        var q = PlantQuery()
        q.sort = .co2
        q.descending = true
        q.limit = 2
        // Act
        let first = q.run(on: plants)
        q.offset = first.nextOffset ?? 0
        let second = q.run(on: plants)
        // Assert
        #expect(first.items.map(\.plantID) == [1, 3])
        #expect(first.nextOffset == 2)
        #expect(second.items.map(\.plantID) == [2, 4])  // zero before missing
        #expect(second.nextOffset == nil)
    }
}

@Suite("Rankings, distributions, trends, factors")
struct AnalyticsTests {
    @Test func topEmittersAndHighestRatesWithMinimumGeneration() {
        // Arrange
        let plants = [
            plant(1, generation: 1_000_000, co2: 500_000),  // 1000 lb/MWh
            plant(2, generation: 10, co2: 50),  // 10,000 lb/MWh, tiny
            plant(3, generation: 2_000_000, co2: 2_000_000),  // 2000 lb/MWh
        ]
        // Act
        let emitters = PlantRanking.topEmitters(plants, pollutant: .co2, count: 2)
        let rates = PlantRanking.highestRates(plants, pollutant: .co2, count: 5, minimumGeneration: 1_000)
        // Assert
        #expect(emitters.map(\.plant.plantID) == [3, 1])
        #expect(emitters.map(\.rank) == [1, 2])
        #expect(rates.map(\.plant.plantID) == [3, 1])
        #expect(rates.map(\.value) == [2000, 1000])
    }

    @Test func distributionHasNumPyQuantilesAndAHistogram() {
        // Arrange: NumPy: np.quantile([1,2,3,4,10], [0.25, 0.5, 0.9]) = [2, 3, 7.6]
        let values: [Double?] = [1, 2, 3, 4, 10, nil]
        // Act
        let d = Distribution(values, binCount: 3, probabilities: [0.25, 0.5, 0.9])
        // Assert
        #expect(d.count == 5)
        #expect(d.missing == 1)
        #expect(zip(d.quantiles.map(\.value), [2, 3, 7.6]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(d.bins.map(\.count) == [3, 1, 1])  // [1, 4), [4, 7), [7, 10]
        #expect(d.bins.first?.lower == 1)
        #expect(d.bins.last?.upper == 10)
        #expect(d.mean == 4)
    }

    @Test func capacityFactorDistributionCountsOutOfRangeValues() {
        // Arrange
        var p = [plant(1), plant(2), plant(3)]
        p[0].capacityFactor = 0.5
        p[1].capacityFactor = 1.2
        // Act
        let d = Distribution.capacityFactors(p, binCount: 10)
        // Assert
        #expect(d.count == 2)
        #expect(d.missing == 1)
        #expect(d.aboveRange == 1)
        #expect(d.bins[5].count == 1)
    }

    @Test func yearOverYearFromEPAStateSheet() throws {
        // Arrange
        let states = try #require(EGRIDReader.readCSV(TestFiles.epa("state.csv")).sheets.first).regions
        // Act
        let trends = YearOverYear.trends(states.filter { $0.code == "TX" }, metrics: [.co2, .co2Rate])
        // Assert: TX CO2 233,425,577.1 → 219,689,749 tons; rate 979.062 → 909.538 lb/MWh.
        let co2 = try #require(trends.first { $0.metric == .co2 })
        #expect(co2.points.map(\.year) == [2018, 2019])
        let change = try #require(co2.changes.first)
        #expect(abs(change.absolute - (219_689_749 - 233_425_577.1)) < 1e-6)
        #expect(abs((change.relative ?? 0) - (219_689_749 / 233_425_577.1 - 1)) < 1e-12)
        let rate = try #require(trends.first { $0.metric == .co2Rate }?.changes.first)
        #expect(abs(rate.absolute - (909.538 - 979.062)) < 1e-9)
    }

    @Test func subregionEmissionFactorsInBothUnits() throws {
        // Arrange
        let records = try #require(EGRIDReader.readCSV(TestFiles.epa("subregion.csv")).sheets.first).regions
        // Act
        let erct = try #require(EmissionFactors.subregion("ERCT", year: 2019, records: records))
        // Assert: EPA's ERCT 2019 output rates.
        #expect(erct.source == .published)
        #expect(erct.poundsPerMegawattHour.co2 == 868.64)
        #expect(erct.poundsPerMegawattHour.co2e == 872.389)
        #expect(erct.poundsPerMegawattHour.ch4 == 0.057)
        #expect(abs((erct.kilogramsPerKilowattHour.co2 ?? 0) - 0.394_008_476_277) < 1e-12)  // 868.64 × 0.45359237 / 1000
    }

    @Test func emissionFactorsFromPlantsWhenNoSheetIsLoaded() throws {
        // Arrange
        let plants = try EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets[0].plants
        let subregion = try #require(plants.first { ($0.emissions.co2 ?? 0) > 0 }?.subregion)
        // Act
        let f = try #require(EmissionFactors.subregion(subregion, year: 2023, plants: plants))
        // Assert
        let own = plants.filter { $0.subregion == subregion }
        let co2 = own.compactMap(\.emissions.co2).reduce(0, +), gen = own.compactMap(\.netGeneration).reduce(0, +)
        #expect(f.source == .plants)
        #expect(abs((f.poundsPerMegawattHour.co2 ?? 0) - 2000 * co2 / gen) < 1e-9)
    }
}

@Suite("Plant facets")
struct PlantFacetTests {
    @Test func countsEveryFilterValue() {
        // Arrange
        let plants = [
            plant(1, state: "TX", fuel: "GAS", capacity: 5),
            plant(2, state: "TX", fuel: "WIND", capacity: 50),
            plant(3, state: "AK", ba: nil, fuel: "GAS"),
        ]
        // Act
        let facets = PlantFacets(plants)
        // Assert
        #expect(facets.states == [.init(value: "AK", count: 1), .init(value: "TX", count: 2)])
        #expect(facets.fuelCategories.map(\.count) == [2, 1])
        #expect(facets.balancingAuthorities == [.init(value: "ERCO", count: 2)])
        #expect(facets.capacityRange == 5...50)
        #expect(facets.years == [.init(value: "2023", count: 3)])
    }
}
