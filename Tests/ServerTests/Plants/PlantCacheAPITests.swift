import Foundation
import HTTPTypes
import PlantData
import Platform
@testable import Server
import Storage
import Testing

/// Answers are cached per dataset and query, validated with ETags, and forgotten when an import changes
/// what the query would answer.
@Suite struct PlantCacheAPITests {
    @Test func etagAndIfNoneMatchGive304() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 50) }) { app, _ in
            // Arrange
            let first = try await app.request(.get, "/api/v1/plants/aggregates?level=state", as: .viewer)
            let etag = try #require(first.headers[.eTag])

            // Act
            let again = try await app.request(.get, "/api/v1/plants/aggregates?level=state", as: .viewer, headers: [.ifNoneMatch: etag])
            let other = try await app.request(.get, "/api/v1/plants/aggregates?level=state", as: .viewer, headers: [.ifNoneMatch: "\"nope\""])

            // Assert
            #expect(first.status == .ok)
            #expect(first.headers[.cacheControl] == "private, no-cache")
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)
            #expect(other.status == .ok)
            #expect(other.text == first.text)
        }
    }

    @Test func anImportThroughTheAPIInvalidatesCachedAnswers() async throws {
        try await TestApp.run(withWorker: true, beforeStart: { platform, _ in
            try await PlantFiles.demo(platform: platform, plants: 50, withRegions: false)
        }) { app, _ in
            // Arrange: an answer cached from the first release of 2023.
            let before = try await app.request(.get, "/api/v1/plants?state=TX&limit=5", as: .viewer)
            let etag = try #require(before.headers[.eTag])
            #expect(try await app.request(.get, "/api/v1/plants?state=TX&limit=5", as: .viewer, headers: [.ifNoneMatch: etag]).status == .notModified)

            // Act: a revised 2023 plant sheet (the newest import of a year answers for it).
            let revised = DemoDatasetFixture.sheet(plants: 70, seed: 9)
            app.clock.advance(by: 60)
            let job = try await app.importAndWait(revised, fileName: "PLNT23_rev.csv", query: "release=2023%20revised")
            let after = try await app.request(.get, "/api/v1/plants?state=TX&limit=5", as: .viewer, headers: [.ifNoneMatch: etag])

            // Assert
            #expect(job["state"] == "succeeded", "\(job)")
            #expect(after.status == .ok, "the old ETag no longer matches")
            #expect(after.headers[.eTag] != etag)
            #expect(try app.json(after)["dataset"]?["release_label"] == "2023 revised")
            let old = try await app.getJSON("/api/v1/plants?state=TX&limit=5&release=2023%20synthetic%20demo%20(seed%201)%20%E2%80%94%20not%20EPA%20data")
            #expect(old["dataset"]?["synthetic"] == true, "the earlier release stays available by its label")
        }
    }

    @Test func aCLIImportIsSeenWhenTheCatalogIsRevalidated() async throws {
        try await TestApp.run(beforeStart: { platform, _ in try await PlantFiles.demo(platform: platform, plants: 40) }) { app, _ in
            // Arrange: a store that revalidates on every request (the shared one does every 2 s).
            let store = PlantStore(database: app.platform.database, revalidateAfter: .zero)
            let before = try await store.catalog()
            let scope = try await store.plants(try #require(before.datasets.first))

            // Act: another process (here: the CLI path against the same database) adds a dataset.
            try await PlantFiles.cliImport(["US.csv"], platform: app.platform)
            let after = try await store.catalog()

            // Assert
            #expect(before.datasets.count == 1)
            #expect(scope.count == 40)
            #expect(after.datasets.count == 2)
            #expect(after.fingerprint != before.fingerprint)
        }
    }
}

/// A synthetic plant sheet in EPA's format, for imports through the API.
enum DemoDatasetFixture {
    static func sheet(plants: Int, seed: UInt64, year: Int = 2023) -> Data {
        DemoDataset.plantSheetCSV(seed: seed, plantCount: plants, year: year)
    }
}
