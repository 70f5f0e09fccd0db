import Foundation
import Platform
@testable import Server
import Storage
import Testing

/// The contract the Grid simulation relies on: `GET /api/v1/plants/emission-factors?year=&subregion=`.
@Suite struct PlantEmissionFactorsAPITests {
    @Test func publishedSubregionRatesInBothUnits() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            try await PlantFiles.cliImport(["subregion.csv"], platform: platform)
        }) { app, _ in
            // Act
            let factors = try await app.getJSON("/api/v1/plants/emission-factors?year=2018&subregion=ERCT")
            let latest = try await app.getJSON("/api/v1/plants/emission-factors?subregion=erct")

            // Assert
            #expect(factors["year"] == 2018)
            #expect(factors["subregion"] == "ERCT")
            #expect(factors["source"] == "published")
            #expect(factors["lb_per_mwh"]?["co2"]?.asNumber == 931.672)
            #expect(factors["lb_per_mwh"]?["ch4"]?.asNumber == 0.066)
            let kg = try #require(factors["kg_per_kwh"]?["co2"]?.asNumber)
            #expect(abs(kg - 931.672 * 0.45359237 / 1000) < 1e-12)
            #expect(factors["dataset"]?["file_name"] == "subregion.csv")
            #expect(latest["year"] == 2019, "without a year: the latest year that has the subregion")
            #expect(latest["lb_per_mwh"]?["co2"]?.asNumber == 868.64)
        }
    }

    @Test func fromPlantsWhenNoSubregionSheetIsLoaded() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            try await PlantFiles.demo(platform: platform, plants: 80, withRegions: false)
        }) { app, _ in
            // Arrange
            let subregion = try #require(try await app.getJSON("/api/v1/plants/aggregates?level=subregion")["items"]?.asArray.first)
            let code = try #require(subregion["code"]?.asString)

            // Act
            let factors = try await app.getJSON("/api/v1/plants/emission-factors?year=2023&subregion=\(code)")

            // Assert
            #expect(factors["source"] == "plants")
            #expect(factors["lb_per_mwh"]?["co2"] == subregion["output_rates_lb_per_mwh"]?["co2"])
            #expect(factors["dataset"]?["synthetic"] == true)
        }
    }

    @Test func wrongParametersAreNamed() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            try await PlantFiles.cliImport(["subregion.csv"], platform: platform)
        }) { app, _ in
            // Act
            let missing = try await app.request(.get, "/api/v1/plants/emission-factors?year=2018", as: .viewer)
            let badYear = try await app.request(.get, "/api/v1/plants/emission-factors?year=two&subregion=ERCT", as: .viewer)
            let badCode = try await app.request(.get, "/api/v1/plants/emission-factors?subregion=ER%20CT", as: .viewer)
            let unknown = try await app.request(.get, "/api/v1/plants/emission-factors?year=2018&subregion=ZZZZ", as: .viewer)
            let noYear = try await app.request(.get, "/api/v1/plants/emission-factors?year=2005&subregion=ERCT", as: .viewer)

            // Assert
            #expect(missing.status == .badRequest)
            #expect(try app.json(missing)["errors"]?.asArray.first?["field"] == "subregion")
            #expect(badYear.status == .badRequest)
            #expect(try app.json(badYear)["errors"]?.asArray.first?["field"] == "year")
            #expect(badCode.status == .badRequest)
            #expect(unknown.status == .notFound)
            #expect(noYear.status == .notFound)
            #expect(unknown.isProblem)
        }
    }
}
