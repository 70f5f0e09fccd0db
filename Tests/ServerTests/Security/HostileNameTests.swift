import Foundation
import PlantData
import Platform
@testable import Server
import Testing

/// User-chosen names reach pages as text and as attribute values (form values, prompts, chart data, map data).
/// Plot escapes text but not attributes, so every module page is rendered here with names built to break out of
/// both.
@Suite struct HostileNameTests {
    static let name = #"x"><script>alert(1)</script><b title='"#
    static let unit = #"kW" onmouseover="alert(2)"#

    /// A name escaped into text stays visible as characters; what must never appear is markup made from it.
    static func assertInert(_ html: String, _ page: String) {
        #expect(!html.contains("<script>alert(1)"), "\(page): a name became a script element")
        #expect(!html.contains("<b title="), "\(page): a name became markup")
        // A raw quote then onmouseover inside a tag means a value ended its attribute and added one.
        let brokenTag = html.range(of: #"<[^>]*" onmouseover="#, options: .regularExpression)
        #expect(brokenTag == nil, "\(page): a value broke out of its attribute: \(brokenTag.map { html[$0] } ?? "")")
    }

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func assertPagesInert(_ app: TestApp, _ pages: [String]) async throws {
        for page in pages {
            let response = try await app.request(.get, page, as: .engineer)
            #expect(response.status == .ok, "\(page): \(response.status)")
            assertInert(response.text, page)
        }
    }

    @Test func seriesPagesKeepNamesInert() async throws {
        try await TestApp.run { app in
            let created = try await app.request(.post, "/api/v1/series", as: .engineer,
                                                json: try Self.json(["name": Self.name, "unit": Self.unit, "kind": "power"]))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(GridTest.string(try app.json(created)["id"]))
            try await Self.assertPagesInert(app, ["/series", "/series/\(id)"])
        }
    }

    @Test func gridPagesKeepNamesInert() async throws {
        try await TestApp.run { app in
            let created = try await app.request(.post, "/api/v1/grids", as: .engineer, json: try Self.json([
                "name": Self.name, "transformers": [["name": Self.unit, "capacity_kw": 50]],
            ]))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(GridTest.string(try app.json(created)["id"]))
            let house = try await app.request(.post, "/api/v1/grids/\(id)/houses", as: .engineer, json: try Self.json([
                "name": Self.name, "transformer": Self.unit, "annual_consumption_kwh": 3000, "tags": [Self.unit],
            ]))
            #expect(house.status == .created, "\(house.text)")
            let houseName = Self.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await Self.assertPagesInert(app, ["/grid", "/grid/grids/\(id)", "/grid/grids/\(id)/houses/\(houseName)",
                                                  "/grid/simulations/new"])
        }
    }

    @Test func plantPagesKeepNamesInert() async throws {
        try await TestApp.run(withWorker: true) { app in
            // The demo sheet with its first plant and one operator renamed (CSV-quoted, quotes doubled).
            var csv = String(decoding: DemoDataset.plantSheetCSV(seed: 1, plantCount: 20, year: 2023), as: UTF8.self)
            let quoted = "\"" + Self.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let firstName = try #require(csv.range(of: #"Demo \w+ \w+ 1,"#, options: .regularExpression))
            csv.replaceSubrange(firstName, with: quoted + ",")
            csv = csv.replacingOccurrences(of: "Demo Operator 1,", with: "\"" + Self.unit.replacingOccurrences(of: "\"", with: "\"\"") + "\",")
            let job = try await app.importAndWait(Data(csv.utf8), fileName: Self.name,
                                                  query: "release=" + Self.unit.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(job["state"] == "succeeded", "\(job)")
            let plants = try await app.getJSON("/api/v1/plants?q=script")["items"]?.asArray ?? []
            let plant = try #require(plants.first?["id"]?.asString ?? plants.first?["id"]?.asNumber.map { String(Int($0)) })
            try await Self.assertPagesInert(app, ["/plants", "/plants/list", "/plants/list?q=" + "%22%3E%3Cb%20title%3D",
                                                  "/plants/plant/\(plant)", "/plants/regions", "/plants/datasets"])
        }
    }
}
