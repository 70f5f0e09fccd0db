import Foundation
import Platform
@testable import Server
import Storage
import Testing

/// Rates recomputed from summed masses, through the API, against EPA's own 2018/2019 US, state and
/// subregion rows; regions summing to the US total.
@Suite struct PlantRatesAPITests {
    static func arrange(_ platform: PlatformServices) async throws {
        try await PlantFiles.cliImport(["US.csv", "state.csv", "subregion.csv", "NERC.csv"], platform: platform)
    }

    /// Half a unit in the last decimal EPA wrote.
    static func halfUnit(_ v: Double) -> Double { RegionRollup.halfUnit(v) }

    @Test func usCO2RateOf2018IsEPAs947point182() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, _ in
            // Act
            let body = try await app.getJSON("/api/v1/plants/aggregates?level=us&source=published&year=2018")

            // Assert
            let us = try #require(body["items"]?.asArray.first)
            #expect(body["source"] == "published")
            #expect(us["totals"]?["net_generation_mwh"]?.asNumber == 4_168_370_118)
            #expect(us["totals"]?["co2_tons"]?.asNumber == 1_974_101_894)
            let rate = try #require(us["output_rates_lb_per_mwh"]?["co2"]?.asNumber)
            #expect(abs(rate - 947.182) <= 0.0005, "2000 × 1,974,101,894 / 4,168,370,118 = \(rate)")
            #expect(us["published_output_rates_lb_per_mwh"]?["co2"]?.asNumber == 947.182)
        }
    }

    @Test func everyStatesRecomputedRatesMatchEPAsPublishedOnes() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, _ in
            for year in [2018, 2019] {
                // Act
                let items = try await app.getJSON("/api/v1/plants/aggregates?level=state&source=published&year=\(year)")["items"]?.asArray ?? []

                // Assert: 2000 × tons / MWh (lb / MWh for CH4, N2O) from the state's own sums, to EPA's rounding.
                #expect(items.count >= 51)
                var compared = 0
                for state in items {
                    for pollutant in ["co2", "ch4", "n2o", "co2e", "nox", "so2"] {
                        guard let ours = state["output_rates_lb_per_mwh"]?[pollutant]?.asNumber,
                            let epa = state["published_output_rates_lb_per_mwh"]?[pollutant]?.asNumber
                        else { continue }
                        let massKey = ["ch4", "n2o"].contains(pollutant) ? "\(pollutant)_lb" : "\(pollutant)_tons"
                        let mass = state["totals"]?[massKey]?.asNumber ?? 0
                        let generation = state["totals"]?["net_generation_mwh"]?.asNumber ?? 1
                        let slack = Self.halfUnit(epa) + abs(ours) * (Self.halfUnit(mass) / max(abs(mass), 1e-9) + Self.halfUnit(generation) / abs(generation)) + 1e-9
                        #expect(abs(ours - epa) <= slack, "\(year) \(state["code"] ?? "?") \(pollutant): ours \(ours), EPA \(epa)")
                        compared += 1
                    }
                }
                #expect(compared > 250)
            }
        }
    }

    @Test func texas2018And2019ComeBackAsEPAPublishedThem() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, _ in
            // Act
            let items = try await app.getJSON("/api/v1/plants/aggregates?level=state&source=published&code=TX&year=2019")["items"]?.asArray ?? []
            let trend = try await app.getJSON("/api/v1/plants/trends?level=state&code=TX&metric=co2_rate&source=published")

            // Assert
            #expect(items.count == 1)
            #expect(items.first?["published_output_rates_lb_per_mwh"]?["co2"]?.asNumber == 909.538)
            let points = trend["items"]?.asArray.first?["points"]?.asArray ?? []
            #expect(points.map { $0["year"] } == [2018, 2019])
            #expect(points.map { $0["value"] } == [979.062, 909.538])
            let change = trend["items"]?.asArray.first?["changes"]?.asArray.first?["absolute"]?.asNumber ?? 0
            #expect(abs(change - (909.538 - 979.062)) < 1e-9)
        }
    }

    @Test func subregionsAndStatesSumToTheUSTotal() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await Self.arrange(platform) }) { app, _ in
            // Act
            let report2018 = try await app.getJSON("/api/v1/plants/consistency?year=2018")
            let report2019 = try await app.getJSON("/api/v1/plants/consistency?year=2019")

            // Assert: net generation, masses and heat input add up, within EPA's rounding.
            func rollup(_ report: JSONValue, _ level: String, _ column: String) -> JSONValue? {
                report["rollups"]?.asArray.first { $0["level"]?.asString == level && $0["column"]?.asString == column }
            }
            for level in ["subregion", "state"] {
                for column in ["net_generation_mwh", "co2_tons", "heat_input_mmbtu", "nox_tons", "so2_tons", "generation_coal_mwh"] {
                    let row = try #require(rollup(report2018, level, column), "\(level) \(column)")
                    #expect(row["status"] == "ok", "2018 \(level) \(column): \(row)")
                }
            }
            #expect(rollup(report2018, "subregion", "net_generation_mwh")?["us"]?.asNumber == 4_168_370_118)
            // Where EPA disagrees with itself, the report says so: 2019 subregion capacity 1,607,954.5 MW vs US 1,613,477.2 MW.
            let capacity = try #require(rollup(report2019, "subregion", "capacity_mw"))
            #expect(capacity["status"] == "differs")
            #expect(abs((capacity["sum"]?.asNumber ?? 0) - 1_607_954.5) < 0.01)
            #expect(report2019["consistent"] == false)
        }
    }

    @Test func plantAggregatesAgreeWithTheRegionSheetsBuiltFromThem() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 150) }) { app, _ in
            // Act: the demo's region sheets are EPA's rule applied to its plants, so the report must agree.
            let report = try await app.getJSON("/api/v1/plants/consistency")
            let bySubregion = try await app.getJSON("/api/v1/plants/aggregates?level=subregion")
            let byFuel = try await app.getJSON("/api/v1/plants/aggregates?level=us&by_fuel=true")
            let us = try await app.getJSON("/api/v1/plants/aggregates?level=us")

            // Assert
            #expect(report["consistent"] == true, "\(report["counts"] ?? .null)")
            #expect((report["counts"]?["ok"]?.asNumber ?? 0) > 100)
            #expect(report["plant_dataset"]?["synthetic"] == true)
            let items = bySubregion["items"]?.asArray ?? []
            let summed = items.compactMap { $0["totals"]?["net_generation_mwh"]?.asNumber }.reduce(0, +)
            let total = us["items"]?.asArray.first?["totals"]?["net_generation_mwh"]?.asNumber ?? 0
            #expect(abs(summed - total) <= 1e-6 * abs(total))
            let fuels = byFuel["items"]?.asArray ?? []
            #expect(fuels.count > 3)
            #expect(fuels.allSatisfy { $0["fuel_category"]?.asString != nil })
            let plantCount = fuels.compactMap { $0["plant_count"]?.asNumber }.reduce(0, +)
            #expect(plantCount == 150)
            // Rates come from summed masses, never averaged.
            let row = try #require(us["items"]?.asArray.first)
            let co2 = row["totals"]?["co2_tons"]?.asNumber ?? 0
            let generation = row["totals"]?["net_generation_mwh"]?.asNumber ?? 1
            #expect(abs((row["output_rates_lb_per_mwh"]?["co2"]?.asNumber ?? 0) - 2000 * co2 / generation) < 1e-9)
        }
    }

    @Test func regionCSVExportUsesEPACodes() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 60) }) { app, _ in
            // Act
            let response = try await app.request(.get, "/api/v1/plants/aggregates.csv?level=subregion", as: .viewer)

            // Assert
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
            let header = response.text.split(separator: "\n").first ?? ""
            #expect(header.hasPrefix("YEAR,SUBRGN,SRNAME,SRNUMPLT,SRNAMEPCAP"))
            #expect(header.contains("SRCO2RTA"))
        }
    }
}
