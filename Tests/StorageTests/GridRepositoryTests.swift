import Foundation
import Series
import Testing
@testable import Storage
import TestSupport

/// Stored grids, weather files and simulation runs, on SQLite and (with POWERHOUSE_TEST_DATABASE_URL) PostgreSQL.
@Suite struct GridRepositoryTests {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func gridsAreVersionedAndNamedUniquely() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let grids = GridRepository(database.db)
            let a = try await grids.create(name: "Elm Street", document: "{\"v\":1}", houseCount: 3, transformerCount: 1, createdBy: nil, now: t0)
            _ = try await grids.create(name: "Ash Lane", document: "{}", houseCount: 0, transformerCount: 1, createdBy: nil, now: t0)

            // Act
            let updated = try await grids.update(id: a.id, expectedVersion: 1, name: "Elm Road", document: "{\"v\":2}", houseCount: 4,
                                                 transformerCount: 2, now: t0.addingTimeInterval(5))
            await #expect(throws: GridRepository.WriteError.versionChanged(current: 2)) {
                _ = try await grids.update(id: a.id, expectedVersion: 1, document: "{\"v\":3}", houseCount: 4, transformerCount: 2, now: t0)
            }
            await #expect(throws: GridRepository.WriteError.nameTaken("ASH LANE")) {
                _ = try await grids.create(name: "ASH LANE", document: "{}", houseCount: 0, transformerCount: 1, createdBy: nil, now: t0)
            }
            await #expect(throws: GridRepository.WriteError.nameTaken("ash lane")) {
                _ = try await grids.update(id: a.id, expectedVersion: 2, name: "ash lane", document: "{}", houseCount: 0, transformerCount: 1, now: t0)
            }
            let listed = try await grids.list(limit: 10)
            let searched = try await grids.list(search: "ROAD", limit: 10)
            let page2 = try await grids.list(after: "ash lane", limit: 10)

            // Assert
            #expect(updated.version == 2 && updated.document == "{\"v\":2}" && updated.name == "Elm Road" && updated.houseCount == 4)
            #expect(updated.updatedAt == t0.addingTimeInterval(5))
            #expect(listed.map(\.name) == ["Ash Lane", "Elm Road"])
            #expect(listed.allSatisfy { $0.document.isEmpty }, "lists leave the documents in the database")
            #expect(searched.map(\.name) == ["Elm Road"])
            #expect(page2.map(\.name) == ["Elm Road"])
            #expect(try await grids.find(name: "elm road")?.id == a.id)
            #expect(try await grids.delete(id: a.id))
            #expect(try await grids.delete(id: a.id) == false)
            #expect(try await grids.count() == 1)
        }
    }

    @Test func weatherFilesKeepTheirBytes() async throws {
        try await TestDatabase.withDatabase { database in
            let weather = GridWeatherRepository(database.db)
            let bytes = Data("a,b\n1,2\n".utf8)
            let stored = try await weather.create(name: "w.csv", format: "csv", content: bytes, description: "CSV: 1 × 60 min",
                                                  latitude: nil, longitude: nil, createdBy: nil, now: t0)
            #expect(try await weather.find(id: stored.id) == stored)
            #expect(try await weather.content(id: stored.id) == bytes)
            #expect(try await weather.list(limit: 5).map(\.id) == [stored.id])
            #expect(try await weather.delete(id: stored.id))
            #expect(try await weather.find(id: stored.id) == nil)
        }
    }

    @Test func aRunsResultsArriveTogetherAndLeaveTogether() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let runs = GridSimulationRepository(database.db)
            let run = try await runs.create(
                name: "run", gridID: UUID(), gridName: "G", gridVersion: 3, jobID: UUID(), parameters: "{}", topology: "{\"t\":1}", weatherID: nil,
                weatherName: "synthetic", houseCount: 2, createdBy: nil, now: t0)
            let data = SeriesData(timestamps: [0, 900_000, 1_800_000], values: [1, 2, 3])
            let metadata = SeriesMetadata(id: "", name: "flow", unit: "kW", kind: .power, source: .simulation,
                                          tags: ["grid.simulation": run.id.uuidString.lowercased()], regularity: .fixed(stepMillis: 900_000))

            // Act
            let stored = try await database.db.transaction { tx -> Bool in
                let series = try await SeriesStore(tx).create(PreparedSeries(metadata: metadata, data: data), ownerID: nil, now: t0)
                return try await GridSimulationRepository(tx).complete(
                    id: run.id, kpis: "{\"k\":1}",
                    houses: [SimulationHouseRow(position: 0, name: "B", grid: "G", transformer: "T", result: "{}"),
                             SimulationHouseRow(position: 1, name: "A", grid: "G", transformer: "T", result: "{\"x\":1}")],
                    series: [SimulationSeriesLink(level: "transformer", name: "T", metric: "flow_kw", seriesID: series.id)], now: t0)
            }
            let again = try await runs.complete(id: run.id, kpis: "{}", houses: [], series: [], now: t0)
            try await runs.setState(id: run.id, "failed", error: "late", now: t0)
            let found = try await runs.find(id: run.id)
            let listed = try await runs.list(before: nil, limit: 5)

            // Assert
            #expect(stored)
            #expect(again == false, "a finished run is never completed twice")
            #expect(found?.state == "succeeded" && found?.kpis == "{\"k\":1}" && found?.error == nil, "setState leaves a succeeded run alone")
            #expect(listed.first?.topology == "", "lists leave the snapshot in the database")
            #expect(try await runs.houses(simulationID: run.id).map(\.name) == ["B", "A"], "in topology order")
            #expect(try await runs.houses(simulationID: run.id, names: ["A"]).map(\.result) == ["{\"x\":1}"])
            let links = try await runs.seriesLinks(simulationID: run.id, level: "transformer")
            #expect(links.count == 1)
            #expect(try await runs.find(jobID: run.jobID)?.id == run.id)

            // Act: delete takes the series along
            #expect(try await runs.delete(id: run.id))
            #expect(try await SeriesStore(database.db).find(id: links[0].seriesID) == nil)
            #expect(try await runs.houses(simulationID: run.id).isEmpty)
            #expect(try await runs.count() == 0)
        }
    }
}
