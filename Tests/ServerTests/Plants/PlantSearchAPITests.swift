import Foundation
import PlantData
import Platform
@testable import Server
import Storage
import Testing

/// Search, pages, detail, rankings, distributions, exports — on the synthetic demo sheet.
@Suite struct PlantSearchAPITests {
    static let plantCount = 120

    static func arrange(_ platform: PlatformServices) async throws -> [Plant] {
        try await PlantFiles.demo(platform: platform, plants: plantCount)
        return try DemoDataset.load(seed: 1, plantCount: plantCount, year: 2023).sheet(.plant)!.plants
    }

    @Test func filtersMatchTheCoreQuery() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, plants in
            // Arrange
            let state = plants[0].state
            var expected = PlantQuery()
            expected.states = [state]
            expected.minimumCapacity = 10
            let count = plants.filter(expected.matches).count

            // Act
            let page = try await app.getJSON("/api/v1/plants?state=\(state.lowercased())&min_capacity=10&limit=200")

            // Assert
            #expect(page["total"]?.asNumber == Double(count))
            #expect(page["items"]?.asArray.count == count)
            #expect(page["items"]?.asArray.allSatisfy { $0["state"]?.asString == state } == true)
            #expect(page["dataset"]?["synthetic"] == true)
            #expect(page["year"] == 2023)
        }
    }

    @Test func cursorsWalkEveryPlantOnceInSortOrder() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, _ in
            // Act
            var seen: [Double] = []
            var uri = "/api/v1/plants?sort=capacity&order=desc&limit=50"
            while true {
                let page = try await app.getJSON(uri)
                seen += page["items"]?.asArray.map { $0["capacity_mw"]?.asNumber ?? -1 } ?? []
                guard let cursor = page["next_cursor"]?.asString else { break }
                uri = "/api/v1/plants?sort=capacity&order=desc&limit=50&cursor=\(cursor)"
            }

            // Assert
            #expect(seen.count == Self.plantCount)
            let present = seen.filter { $0 >= 0 }
            #expect(present == present.sorted(by: >))
        }
    }

    @Test func detailCarriesEveryColumnOfTheRow() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, plants in
            // Arrange
            let plant = plants[5]

            // Act
            let detail = try await app.getJSON("/api/v1/plants/2023-\(plant.plantID)")
            let latest = try await app.getJSON("/api/v1/plants/\(plant.plantID)")
            let missing = try await app.request(.get, "/api/v1/plants/2023-99999999", as: .viewer)
            let nonsense = try await app.request(.get, "/api/v1/plants/not-a-plant", as: .viewer)

            // Assert
            #expect(detail["plant"]?["name"]?.asString == plant.name)
            #expect(detail == latest)
            let columns = detail["columns"]?.asArray ?? []
            #expect(columns.count == DemoDataset.plantSheetCSV(plantCount: 1).split(separator: 0x0A)[1].split(separator: 0x2C).count)
            #expect(columns.contains { $0["code"] == "PNAME" && $0["value"]?.asString == plant.name })
            #expect(detail["emissions"]?["co2_tons"]?.asNumber == plant.emissions.co2)
            #expect(missing.status == .notFound)
            #expect(nonsense.status == .notFound)
        }
    }

    @Test func rankingsAndDistributions() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, plants in
            // Act
            let top = try await app.getJSON("/api/v1/plants/top?count=5")
            let rates = try await app.getJSON("/api/v1/plants/top?rank=rate&pollutant=co2&count=3&min_generation=1000")
            let cf = try await app.getJSON("/api/v1/plants/distributions?bins=10")

            // Assert
            let expected = PlantRanking.topEmitters(plants, pollutant: .co2, count: 5)
            #expect(top["items"]?.asArray.map { $0["plant"]?["orispl"]?.asNumber } == expected.map { Double($0.plant.plantID) })
            #expect(rates["unit"] == "lb/MWh")
            #expect(rates["items"]?.asArray.count == 3)
            #expect(cf["distribution"]?["bins"]?.asArray.count == 10)
            #expect(cf["unit"] == "fraction")
        }
    }

    @Test func exportsAsCSVAndGeoJSON() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, plants in
            // Act
            let csv = try await app.request(.get, "/api/v1/plants/export.csv?fuel_category=gas", as: .viewer)
            let geo = try await app.getJSON("/api/v1/plants/geojson")

            // Assert: the CSV reads back as a plant sheet with the same plants.
            #expect(csv.status == .ok)
            let back = try EGRIDReader.read(Data(csv.text.utf8)).sheet(.plant)?.plants ?? []
            #expect(back.map(\.plantID) == plants.filter { $0.fuelCategory == "GAS" }.sorted { $0.name.lowercased() < $1.name.lowercased() }.map(\.plantID))
            #expect(geo["type"] == "FeatureCollection")
            #expect(geo["features"]?.asArray.count == plants.filter { $0.latitude != nil && $0.longitude != nil }.count)
        }
    }

    @Test func noDataYetIsA404ThatSaysWhatToDo() async throws {
        try await TestApp.run { app in
            // Act
            let response = try await app.request(.get, "/api/v1/plants/aggregates", as: .viewer)

            // Assert
            #expect(response.status == .notFound)
            #expect(try app.json(response)["detail"]?.asString?.contains("import") == true)
        }
    }
}

/// Every wrong parameter is a 400 problem naming it — never a 500.
@Suite struct PlantQueryParameterTests {
    static let cases: [(String, String)] = [
        ("/api/v1/plants?limit=0", "limit"),
        ("/api/v1/plants?limit=ten", "limit"),
        ("/api/v1/plants?cursor=%%%", "cursor"),
        ("/api/v1/plants?cursor=bm90LWEtY3Vyc29y", "cursor"),
        ("/api/v1/plants?year=1800", "year"),
        ("/api/v1/plants?year=twenty", "year"),
        ("/api/v1/plants?state=Texas", "state"),
        ("/api/v1/plants?fuel_category=PLUTONIUM", "fuel_category"),
        ("/api/v1/plants?min_capacity=abc", "min_capacity"),
        ("/api/v1/plants?min_capacity=-5", "min_capacity"),
        ("/api/v1/plants?min_capacity=50&max_capacity=10", "max_capacity"),
        ("/api/v1/plants?max_capacity=nan", "max_capacity"),
        ("/api/v1/plants?sort=bogus", "sort"),
        ("/api/v1/plants?order=up", "order"),
        ("/api/v1/plants/aggregates?level=county", "level"),
        ("/api/v1/plants/aggregates?by_fuel=maybe", "by_fuel"),
        ("/api/v1/plants/aggregates?source=guess", "source"),
        ("/api/v1/plants/aggregates?source=published&by_fuel=true", "by_fuel"),
        ("/api/v1/plants/aggregates.csv?source=published", "source"),
        ("/api/v1/plants/top?count=1000", "count"),
        ("/api/v1/plants/top?rank=worst", "rank"),
        ("/api/v1/plants/top?pollutant=co3", "pollutant"),
        ("/api/v1/plants/distributions?bins=0", "bins"),
        ("/api/v1/plants/distributions?metric=height", "metric"),
        ("/api/v1/plants/trends?metric=foo", "metric"),
        ("/api/v1/plants/consistency?status=bad", "status"),
        ("/api/v1/plants/facets?year=x", "year"),
        ("/api/v1/plants/geojson?state=1", "state"),
        ("/api/v1/plants/export.csv?q=" + String(repeating: "a", count: 300), "q"),
        ("/api/v1/plants/emission-factors?year=abc&subregion=ERCT", "year"),
        ("/api/v1/plants/emission-factors", "subregion"),
    ]

    @Test func badValuesAreNamed() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 20) }) { app, _ in
            for (uri, parameter) in Self.cases {
                // Act
                let response = try await app.request(.get, uri, as: .viewer)

                // Assert
                #expect(response.status == .badRequest, "\(uri): \(response.status) \(response.text.prefix(200))")
                #expect(response.isProblem, "\(uri)")
                #expect(try app.json(response)["errors"]?.asArray.first?["field"]?.asString == parameter, "\(uri): \(response.text.prefix(200))")
            }
        }
    }
}
