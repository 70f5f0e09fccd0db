import Foundation
import Testing
@testable import PlantData

@Suite("Synthetic demo dataset")
struct DemoDatasetTests {
    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        // Act
        let a = DemoDataset.plantSheetCSV(seed: 1)
        let b = DemoDataset.plantSheetCSV(seed: 1)
        let c = DemoDataset.plantSheetCSV(seed: 2)
        // Assert
        #expect(a == b)
        #expect(a != c)
    }

    @Test func loadsAsAnEGRIDDatasetLabelledSynthetic() throws {
        // Act
        let file = try DemoDataset.load(seed: 1)
        // Assert
        #expect(file.identity.releaseLabel == "2023 synthetic demo (seed 1) — not EPA data")
        #expect(file.identity.years == [2023])
        #expect(file.sheets.map(\.kind) == [.plant, .state, .balancingAuthority, .subregion, .nercRegion, .us])
        let plants = try #require(file.sheet(.plant)).plants
        #expect(plants.count == 300)
        #expect(Set(plants.map(\.state)).count >= 5)
        #expect(Set(plants.compactMap(\.subregion)).count >= 6)
        #expect(plants.allSatisfy { $0.name.hasPrefix("Demo ") })
        #expect(plants.contains { ($0.netGeneration ?? 0) < 0 })  // written as (1,234)
        #expect(plants.contains { ($0.emissions.co2 ?? 0) > 1_000 })
    }

    @Test func demoRegionSheetsAreConsistentWithItsPlants() throws {
        // Arrange
        let file = try DemoDataset.load(seed: 3, plantCount: 200)
        let plants = try #require(file.sheet(.plant))
        // Act
        let reports = file.sheets.filter { $0.kind.regionLevel != nil }.map { ConsistencyCheck.plants(plants, against: $0) }
        // Assert
        #expect(reports.count == 5)
        for report in reports { #expect(report.isConsistent, "\(report.differences.prefix(3))") }
        let factors = try #require(EmissionFactors.subregion("ERCT", year: 2023, records: file.sheet(.subregion)?.regions ?? []))
        #expect((factors.poundsPerMegawattHour.co2 ?? 0) > 0)
    }
}
