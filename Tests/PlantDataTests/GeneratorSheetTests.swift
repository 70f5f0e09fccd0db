import Foundation
import Testing
@testable import PlantData

@Suite("EPA's real generator file, egrid_GEN16.csv")
struct GeneratorSheetTests {
    @Test func parsesAllGeneratorsWithSpotChecks() throws {
        // Arrange
        let data = try TestFiles.epa("egrid_GEN16.csv")
        // Act
        let file = try EGRIDReader.readCSV(data, options: ImportOptions(releaseLabel: "2016"))
        // Assert
        let sheet = try #require(file.sheets.first)
        #expect(sheet.kind == .generator)
        #expect(sheet.years == [2016])
        let gens = sheet.generators
        #expect(gens.count == 26_183)
        // Line 3: the first generator.
        #expect(gens[0].sequence == 1)
        #expect(gens[0].plantName == "7-Mile Ridge Wind Project")
        #expect(gens[0].plantID == 60814)
        #expect(gens[0].generatorID == "WT1")
        #expect(gens[0].nameplateCapacity == 1.8)
        #expect(gens[0].netGeneration == nil)
        #expect(gens[0].line == 3)
        // Line 26: "12,064" in quotes.
        #expect(gens[23].plantName == "Anchorage 1")
        #expect(gens[23].generatorID == "4")
        #expect(gens[23].capacityFactor == 0.051)
        #expect(gens[23].netGeneration == 12064)
        #expect(gens[23].netGenerationOzone == 4834)
        #expect(gens[23].yearOnline == 1972)
        // Line 60: negative "-2,392" (a battery).
        #expect(gens[57].netGeneration == -2392)
        #expect(gens[57].primeMover == "BA")
        // Leading zeros in generator ids survive.
        #expect(gens[799].generatorID == "0290")
        #expect(gens[801].generatorID == "001")
        // The last line.
        #expect(gens[26182].plantName == "Wyodak")
        #expect(gens[26182].netGeneration == 2_056_358)
        #expect(gens[26182].nameplateCapacity == 402.3)
        // Totals (pandas: NAMEPCAP sum 1,515,006.8 MW; GENNTAN sum 4,075,323,316 MWh; 5,367 blank).
        let capacity = gens.compactMap(\.nameplateCapacity).reduce(0, +)
        #expect(abs(capacity - 1_515_006.8) < 1e-6)
        #expect(gens.compactMap(\.netGeneration).reduce(0, +) == 4_075_323_316)
        #expect(gens.filter { $0.netGeneration == nil }.count == 5_367)
    }
}
