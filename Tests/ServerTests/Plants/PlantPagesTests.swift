import Foundation
import HTTPTypes
import NIOCore
import PlantData
import Platform
@testable import Server
import Storage
import Testing
import WebUI

/// The Plants pages render for every reader, say when data is synthetic, and the upload form imports.
@Suite struct PlantPagesTests {
    @Test func withoutDataThePagesInviteAnImport() async throws {
        try await TestApp.run { app in
            // Act
            let map = try await app.request(.get, "/plants", as: .viewer)
            let regions = try await app.request(.get, "/plants/regions", as: .viewer)
            let datasets = try await app.request(.get, "/plants/datasets", as: .viewer)

            // Assert
            #expect(map.status == .ok)
            #expect(map.text.contains("No eGRID data is loaded yet"))
            #expect(regions.status == .ok)
            #expect(datasets.status == .ok)
            #expect(!datasets.text.contains("Import a file"), "a viewer may not import")
        }
    }

    @Test func everyPageRendersTheDemoAndSaysItIsSynthetic() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            try await PlantFiles.demo(platform: platform, plants: 90)
        }) { app, dataset in
            // Arrange
            let plants = try DemoDataset.load(seed: 1, plantCount: 90, year: 2023).sheet(.plant)!.plants
            let plant = plants[3]
            let uris = [
                "/plants", "/plants?state=\(plant.state)&fuel_category=GAS", "/plants/list", "/plants/list?sort=co2&order=desc",
                "/plants/plant/\(plant.id)", "/plants/regions", "/plants/regions?level=subregion", "/plants/regions?level=us&source=published",
                "/plants/regions/state/\(plant.state)", "/plants/regions/subregion/\(plant.subregion!)/report",
                "/plants/consistency", "/plants/datasets",
            ]

            for uri in uris {
                // Act
                let page = try await app.request(.get, uri, as: .viewer)

                // Assert
                #expect(page.status == .ok, "\(uri): \(page.status) \(page.text.prefix(300))")
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(page.text.contains("synthetic") || page.text.contains("Synthetic"), "\(uri) must say the data is synthetic")
                #expect(!page.text.contains("style=\""), "\(uri): no inline styles (CSP)")
                #expect(!page.text.contains("<script>"), "\(uri): no inline scripts (CSP)")
            }
            _ = dataset
        }
    }

    @Test func theMapDrawsOneLinkedCirclePerPlantWithCoordinates() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 60) }) { app, _ in
            // Arrange
            let plants = try DemoDataset.load(seed: 1, plantCount: 60, year: 2023).sheet(.plant)!.plants
            let located = plants.filter { $0.latitude != nil && $0.longitude != nil }

            // Act
            let page = try await app.request(.get, "/plants", as: .viewer).text

            // Assert
            #expect(page.components(separatedBy: "<circle class=\"pd ").count - 1 == located.count)
            #expect(page.contains("href=\"/plants/plant/\(located[0].id)\""))
            #expect(page.contains("/static/js/plants-map.js"))
            #expect(page.contains("/static/css/plants.css"))
            #expect(page.contains("Albers equal-area"))
        }
    }

    @Test func theMapProjectionPutsCitiesWhereTheyBelong() {
        // Arrange: d3's geoAlbersUsa puts New York at about (794.6, 176.5) and Los Angeles at (150.2, 297.9).
        func point(_ lat: Double, _ lon: Double, _ state: String) -> PlantMapSVG.Point {
            .init(id: "x", name: "x", state: state, latitude: lat, longitude: lon, fuelCategory: nil, netGeneration: nil, capacity: nil)
        }

        // Act
        let newYork = PlantMapSVG.project(point(40.7128, -74.006, "NY"))
        let losAngeles = PlantMapSVG.project(point(34.05, -118.24, "CA"))
        let honolulu = PlantMapSVG.project(point(21.3, -157.86, "HI"))

        // Assert
        #expect(abs(newYork.x - 794.6) < 0.5 && abs(newYork.y - 176.5) < 0.5)
        #expect(abs(losAngeles.x - 150.2) < 0.5 && abs(losAngeles.y - 297.9) < 0.5)
        #expect(honolulu.x > 265 && honolulu.x < 395 && honolulu.y > 430 && honolulu.y < 522, "inside the Hawaii inset")
    }

    @Test func theUploadFormImportsAFileAndTheSameFileAgainChangesNothing() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let (session, csrf) = try await WebFlowTests.logIn(app)
            let file = try PlantFiles.data("US.csv")
            let boundary = "----powerhouse-test-boundary"
            func body(token: String) -> ByteBuffer {
                var text = ""
                for (name, value) in [("csrf_token", token), ("release", "eGRID explorer"), ("year", "")] {
                    text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"US.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                var buffer = ByteBuffer(string: text)
                buffer.writeBytes(file)
                buffer.writeString("\r\n--\(boundary)--\r\n")
                return buffer
            }
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: "ph_session=\(session)"]

            // Act
            let forged = try await app.request(.post, "/plants/imports", headers: headers, body: body(token: "forged"))
            let posted = try await app.request(.post, "/plants/imports", headers: headers, body: body(token: csrf))
            let jobs = try await JobRepository(app.platform.database.db, kind: app.platform.database.kind).list(
                JobFilter(kind: "plants.import"), before: nil, limit: 5)
            let job = try await app.waitForJob(try #require(jobs.first).id.uuidString.lowercased(), as: .admin)
            let again = try await app.request(.post, "/plants/imports", headers: headers, body: body(token: csrf))

            // Assert
            #expect(forged.status == .forbidden)
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/plants/datasets?done=job-submitted")
            #expect(job["state"] == "succeeded", "\(job)")
            let datasets = try await PlantRepository(app.platform.database.db).datasets()
            #expect(datasets.map(\.releaseLabel) == ["eGRID explorer"])
            #expect(datasets.first?.sha256 == PlantFileHash.sha256(file))
            #expect(again.status == .ok)
            #expect(again.text.contains("Nothing changed"))
        }
    }
}
