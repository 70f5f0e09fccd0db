import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Platform
@testable import Server
import Storage
import Testing

/// Imports through the API (streamed upload → plants.import job) and the CLI path, of EPA's real files.
@Suite struct PlantImportAPITests {
    @Test func epaRegionSheetsImportThroughTheAPI() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let us = try PlantFiles.data("US.csv")
            let states = try PlantFiles.data("state.csv")

            // Act
            let first = try await app.importAndWait(us, fileName: "US.csv")
            let second = try await app.importAndWait(states, fileName: "state.csv", query: "release=eGRID%202018-2019")

            // Assert
            #expect(first["state"] == "succeeded", "\(first)")
            #expect(second["state"] == "succeeded", "\(second)")
            #expect(first["result_ref"]?.asString?.hasPrefix("plants-dataset:") == true)
            let datasets = try await app.getJSON("/api/v1/plants/datasets")["items"]?.asArray ?? []
            #expect(datasets.count == 2)
            let stateSet = try #require(datasets.first { $0["file_name"] == "state.csv" })
            #expect(stateSet["years"] == [2018, 2019])
            #expect(stateSet["release_label"] == "eGRID 2018-2019")
            #expect(stateSet["region_count"]?.asNumber == 103)
            #expect(stateSet["sha256"]?.asString == PlantFileHash.sha256(states))
            let audits = try await app.auditEntries(action: "plants.import")
            #expect(audits.count == 4, "the two requests (job queued) and the two jobs (dataset stored)")
        }
    }

    @Test func theSameFileAgainChangesNothing() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange
            let data = try PlantFiles.data("subregion.csv")
            let job = try await app.importAndWait(data, fileName: "subregion.csv")
            #expect(job["state"] == "succeeded")
            let before = try await app.getJSON("/api/v1/plants/datasets")

            // Act
            let again = try await app.upload(data, fileName: "renamed.csv", query: "release=other")

            // Assert
            #expect(again.status == .ok)
            let body = try app.json(again)
            #expect(body["status"] == "unchanged")
            #expect(body["job"] == .null)
            #expect(body["dataset"]?["file_name"] == "subregion.csv")
            #expect(try await app.getJSON("/api/v1/plants/datasets") == before)
            let uploads = try await PlantRepository(app.platform.database.db).datasets()
            #expect(uploads.count == 1)
        }
    }

    @Test func aBadFileIsRejectedWithItsPlaceAndLeavesNothing() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: EPA's state sheet with one number broken on line 4.
            var lines = String(decoding: try PlantFiles.data("state.csv"), as: UTF8.self).components(separatedBy: "\n")
            var cells = lines[3].components(separatedBy: ",")
            let column = lines[0].components(separatedBy: ",").firstIndex(of: "STNAMEPCAP")!
            cells[column] = "12.3.4"
            lines[3] = cells.joined(separator: ",")
            let broken = Data(lines.joined(separator: "\n").utf8)

            // Act
            let job = try await app.importAndWait(broken, fileName: "state.csv")

            // Assert
            #expect(job["state"] == "failed")
            let error = job["error"]?.asString ?? ""
            #expect(error.contains("line 4"), "\(error)")
            #expect(error.contains("STNAMEPCAP"), "\(error)")
            #expect(error.contains("12.3.4"), "\(error)")
            #expect(try await PlantRepository(app.platform.database.db).datasets().isEmpty)
            let leftover = try await app.platform.database.sql.raw("SELECT COUNT(*) AS n FROM uploads").first()
            #expect(try leftover?.decode(column: "n", as: Int.self) == 0, "the upload of a rejected file is deleted")
            let rows = try await app.platform.database.sql.raw("SELECT COUNT(*) AS n FROM plant_regions").first()
            #expect(try rows?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test func uploadsThatAreNotFilesAreRefused() async throws {
        try await TestApp.run { app in
            // Act
            let json = try await app.request(.post, "/api/v1/plants/imports", as: .engineer, json: "{}")
            let empty = try await app.upload(Data(), fileName: "empty.csv")
            let viewer = try await app.upload(Data("x".utf8), fileName: "x.csv", as: .viewer)
            let badYear = try await app.upload(Data("x".utf8), fileName: "x.csv", query: "year=20x3")

            // Assert
            #expect(json.status == .unsupportedMediaType)
            #expect(empty.status == .unprocessableContent)
            #expect(viewer.status == .forbidden)
            #expect(badYear.status == .badRequest)
            #expect(try app.json(badYear)["errors"]?.asArray.first?["field"] == "year")
        }
    }

    @Test func theCLIPathImportsTheRealGeneratorAndWorkbookFiles() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            // Arrange / Act: as `powerhouse import egrid egrid_GEN16.csv access_unit_file_2021.xlsx` would.
            try await PlantFiles.cliImport(["egrid_GEN16.csv", "access_unit_file_2021.xlsx"], platform: platform)
            try await PlantFiles.cliImport(["egrid_GEN16.csv"], platform: platform)  // again: a no-op
        }) { app, _ in
            // Assert
            let datasets = try await app.getJSON("/api/v1/plants/datasets")["items"]?.asArray ?? []
            #expect(datasets.count == 2)
            let generators = try #require(datasets.first { $0["file_name"] == "egrid_GEN16.csv" })
            #expect(generators["generator_count"]?.asNumber == 26_183)
            #expect(generators["years"] == [2016])
            let units = try #require(datasets.first { $0["file_name"] == "access_unit_file_2021.xlsx" })
            #expect(units["unit_count"]?.asNumber == 24_598)
            #expect(units["years"] == [2021])
            #expect(units["imported_by"] == "cli")
        }
    }

    @Test func deletingADatasetIsAuditedAndForgetsItsAnswers() async throws {
        try await TestApp.run(beforeStart: { platform, _ in
            try await PlantFiles.demo(platform: platform, plants: 30)
        }) { app, dataset in
            // Arrange
            #expect(try await app.request(.get, "/api/v1/plants", as: .viewer).status == .ok)

            // Act
            let refused = try await app.request(.delete, "/api/v1/plants/datasets/\(dataset.id)", as: .viewer)
            let deleted = try await app.request(.delete, "/api/v1/plants/datasets/\(dataset.id)", as: .engineer)

            // Assert
            #expect(refused.status == .forbidden)
            #expect(deleted.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/plants", as: .viewer).status == .notFound)
            #expect(try await app.auditEntries(action: "plants.dataset.delete").contains { $0.outcome == .success })
        }
    }
}
