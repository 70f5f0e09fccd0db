import Foundation
import Testing
@testable import PlantData

@Suite("Exports")
struct ExportTests {
    private func fixturePlants() throws -> [Plant] {
        try EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets[0].plants
    }

    @Test func plantCSVReadsBackToTheSamePlants() throws {
        // Arrange
        let plants = try fixturePlants()
        // Act
        let csv = PlantExport.csv(plants)
        let back = try EGRIDReader.readCSV(Data(csv.utf8)).sheets[0]
        // Assert
        #expect(back.kind == .plant)
        #expect(back.plants.count == plants.count)
        for (a, b) in zip(plants, back.plants) {
            #expect(a.name == b.name)
            #expect(a.fipsState == b.fipsState)
            #expect(a.netGeneration == b.netGeneration)
            #expect(a.emissions == b.emissions)
            #expect(a.resourceMix == b.resourceMix)
            #expect(a.capacityFactor == b.capacityFactor)
        }
        #expect(csv.contains("\"Barry \"\"Big\"\" Plant, Unit A\""))
    }

    @Test func regionCSVIsARegionSheetThatMatchesItsPlants() throws {
        // Arrange
        let plantSheet = try #require(EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets.first)
        let aggregates = PlantAggregator.aggregate(plantSheet.plants, by: .subregion)
        // Act
        let csv = RegionExport.csv(aggregates)
        let sheet = try #require(EGRIDReader.readCSV(Data(csv.utf8)).sheets.first)
        let report = ConsistencyCheck.plants(plantSheet, against: sheet)
        // Assert
        #expect(sheet.kind == .subregion)
        #expect(sheet.regions.map(\.code) == aggregates.map(\.code))
        #expect(report.isConsistent, "\(report.differences.prefix(3))")
    }

    @Test func byFuelRegionCSVHasAFuelColumn() {
        // Arrange
        let aggregates = PlantAggregator.aggregate([plant(1, fuel: "GAS", capacity: 1), plant(2, fuel: "WIND", capacity: 2)], by: .state, byFuel: true)
        // Act
        let lines = RegionExport.csv(aggregates).split(separator: "\n")
        // Assert
        #expect(lines[0].hasPrefix("YEAR,PSTATABB,PLFUELCT,STNUMPLT,STNAMEPCAP"))
        #expect(lines[1].hasPrefix("2023,TX,GAS,1,1,"))
        #expect(lines.count == 3)
    }

    @Test func geoJSONHasLonLatPointsAndSkipsPlantsWithoutCoordinates() throws {
        // Arrange
        let plants = [plant(1, generation: 1000, co2: 500, name: "A", latitude: 29.7, longitude: -95.3), plant(2, name: "B")]
        // Act
        let (data, skipped) = try PlantGeoJSON.encode(plants)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Assert
        #expect(skipped == 1)
        #expect(json["type"] as? String == "FeatureCollection")
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 1)
        let geometry = try #require(features[0]["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [-95.3, 29.7])
        let properties = try #require(features[0]["properties"] as? [String: Any])
        #expect(properties["name"] as? String == "A")
        #expect(properties["co2RateLbPerMWh"] as? Double == 1000)
    }
}
