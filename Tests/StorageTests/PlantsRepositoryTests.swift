import Foundation
import PlantData
import Testing
@testable import Storage
import TestSupport

@Suite struct PlantsRepositoryTests {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)
    let actor = PlantImportActor(userID: nil, name: "test", requestID: "test")

    static func demoPlan(plants: Int = 40, year: Int = 2023, seed: UInt64 = 1) async throws -> PlantImportPlan {
        let data = DemoDataset.plantSheetCSV(seed: seed, plantCount: plants, year: year)
        let file = try EGRIDReader.read(data, options: ImportOptions(releaseLabel: "\(year) test", fileName: "PLNT\(year % 100).csv"))
        return try await PlantImportPlan.prepare(file, sha256: PlantFileHash.sha256(data), byteCount: data.count)
    }

    @Test func everyPlantFieldSurvivesTheRoundTrip() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange: a plant with every typed field set, nothing nil.
            let plan = try await Self.demoPlan(plants: 12)
            var plants = plan.plants
            var p = plants[0]
            p.sequence = 7; p.fipsState = "01"; p.fipsCounty = "003"; p.county = "Baldwin"; p.latitude = 30.5
            p.longitude = -87.9; p.operatorName = "Op"; p.operatorCode = "42"; p.utilityName = "Ut"; p.utilityID = "195"
            p.sector = "Electric Utility"; p.balancingAuthorityCode = "SOCO"; p.balancingAuthorityName = "Southern"
            p.subregion = "SRSO"; p.subregionName = "SERC South"; p.nercRegion = "SERC"; p.isoRTO = "NA"
            p.primaryFuel = "NG"; p.fuelCategory = "GAS"; p.nameplateCapacity = 100.5; p.capacityFactor = 0.25
            p.netGeneration = -12.5; p.heatInput = 1e6; p.totalHeatInput = 1.1e6; p.mercury = 0.001
            for (k, pollutant) in Pollutant.allCases.enumerated() {
                p.emissions[pollutant] = Double(k) + 0.5
                p.outputRates[pollutant] = Double(k) + 100.25
            }
            for (k, fuel) in ResourceFuel.allCases.enumerated() {
                p.generationByFuel[fuel] = Double(k) * 10 - 5
                p.resourceMix[fuel] = Double(k) / 100
            }
            plants[0] = p

            // Act
            let cells = PlantRowCodec.cells(p)
            let back = PlantRowCodec.plant(cells)

            // Assert: the codec, and the table through a real import.
            #expect(back == p)
            #expect(cells.count == PlantRowCodec.typedColumns.count)
            let outcome = try await PlantRepository(database.db).importPlan(plan, actor: actor, now: t0)
            let stored = try await PlantRepository(database.db).plants(datasetID: outcome.dataset.id)
            #expect(stored == plan.plants)
        }
    }

    @Test func typedColumnsMatchTheMigration() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange / Act: insert one plant row with every column of the plan.
            let plan = try await Self.demoPlan(plants: 3)
            let outcome = try await PlantRepository(database.db).importPlan(plan, actor: actor, now: t0)

            // Assert: a missing or misnamed column would have failed the insert; the count proves the rows.
            #expect(outcome.isNew)
            #expect(try await PlantRepository(database.db).plants(datasetID: outcome.dataset.id).count == 3)
        }
    }

    @Test func sameFileTwiceIsANoOp() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let repository = PlantRepository(database.db)
            let plan = try await Self.demoPlan()
            let first = try await repository.importPlan(plan, actor: actor, now: t0)

            // Act
            let second = try await repository.importPlan(plan, actor: actor, now: t0.addingTimeInterval(60))

            // Assert
            #expect(first.isNew)
            #expect(!second.isNew)
            #expect(second.dataset.id == first.dataset.id)
            #expect(try await repository.datasets().count == 1)
            #expect(try await repository.plants(datasetID: first.dataset.id).count == plan.plantCount)
            let audits = try await AuditRepository(database.db).list(AuditFilter(action: "plants.import"), before: nil, limit: 10)
            #expect(audits.count == 1, "the no-op writes no audit entry")
        }
    }

    @Test func aFailureInsideTheTransactionLeavesNothing() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            struct Boom: Error {}
            let repository = PlantRepository(database.db)
            let plan = try await Self.demoPlan()

            // Act
            await #expect(throws: Boom.self) {
                try await repository.importPlan(plan, actor: actor, now: t0, alsoInTransaction: { _ in throw Boom() })
            }

            // Assert
            #expect(try await repository.datasets().isEmpty)
            let audits = try await AuditRepository(database.db).list(AuditFilter(action: "plants.import"), before: nil, limit: 10)
            #expect(audits.isEmpty)
            let fingerprint = try await repository.fingerprint()
            #expect(fingerprint.hasPrefix("0@"))
        }
    }

    @Test func regionRecordsAndSheetsComeBack() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange: the demo's plant sheet plus its five region sheets.
            let file = try DemoDataset.load(seed: 3, plantCount: 30, year: 2022)
            let plan = try await PlantImportPlan.prepare(file, sha256: String(repeating: "a", count: 64), byteCount: 1, synthetic: true)

            // Act
            let outcome = try await PlantRepository(database.db).importPlan(plan, actor: actor, now: t0)
            let regions = try await PlantRepository(database.db).regions(datasetID: outcome.dataset.id)
            let dataset = try #require(try await PlantRepository(database.db).dataset(id: outcome.dataset.id))

            // Assert
            #expect(regions == file.sheets.flatMap(\.regions))
            #expect(dataset.synthetic)
            #expect(dataset.sheets.map(\.kind) == file.sheets.map(\.kind))
            #expect(dataset.sheets[0].codes == file.sheets[0].table.codes)
            #expect(dataset.years == [2022])
        }
    }

    @Test func everyCellIsKeptByCode() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let plan = try await Self.demoPlan(plants: 5)
            let outcome = try await PlantRepository(database.db).importPlan(plan, actor: actor, now: t0)
            let plant = plan.plants[2]

            // Act
            let cells = try #require(try await PlantRepository(database.db).plantCells(
                datasetID: outcome.dataset.id, year: plant.year, plantID: plant.plantID))

            // Assert: all columns of the sheet, in order, with the typed values.
            #expect(cells.map(\.code) == plan.sheets[0].codes)
            let byCode = Dictionary(cells.map { ($0.code, $0.value) }, uniquingKeysWith: { a, _ in a })
            #expect(byCode["PNAME"] == .text(plant.name))
            #expect(byCode["ORISPL"] == .number(Double(plant.plantID)))
            #expect(byCode["PLNGENAN"] == plant.netGeneration.map(CellValue.number) ?? .missing)
        }
    }

    @Test func generatorsOfTheRealGEN16FileAreStoredAndFoundByPlant() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let data = try EGRIDFiles.data("egrid_GEN16.csv")
            let file = try EGRIDReader.read(data, options: ImportOptions(fileName: "egrid_GEN16.csv"))
            let plan = try await PlantImportPlan.prepare(file, sha256: PlantFileHash.sha256(data), byteCount: data.count)

            // Act
            let outcome = try await PlantRepository(database.db).importPlan(plan, actor: actor, now: t0)
            let generators = try await PlantRepository(database.db).generators(datasetID: outcome.dataset.id, year: 2016, plantID: 60814)

            // Assert
            #expect(outcome.dataset.generatorCount == 26_183)
            #expect(generators.map(\.generatorID) == ["WT1"])
            #expect(generators.first?.nameplateCapacity == 1.8)
        }
    }

    @Test func deletingADatasetRemovesItsRows() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let repository = PlantRepository(database.db)
            let outcome = try await repository.importPlan(try await Self.demoPlan(), actor: actor, now: t0)

            // Act
            let deleted = try await repository.delete(id: outcome.dataset.id)

            // Assert
            #expect(deleted)
            #expect(try await repository.datasets().isEmpty)
            #expect(try await repository.plants(datasetID: outcome.dataset.id).isEmpty)
            #expect(try await repository.delete(id: outcome.dataset.id) == false)
        }
    }

    @Test func theNewestImportOfAYearAnswersUnlessAReleaseIsNamed() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange: two releases of 2023 and one of 2022.
            let repository = PlantRepository(database.db)
            let a = try await repository.importPlan(try await Self.demoPlan(seed: 1), actor: actor, now: t0).dataset
            let b = try await repository.importPlan(try await Self.demoPlan(plants: 41, seed: 2), actor: actor, now: t0.addingTimeInterval(10)).dataset
            let c = try await repository.importPlan(try await Self.demoPlan(year: 2022), actor: actor, now: t0.addingTimeInterval(20)).dataset

            // Act
            let catalog = PlantCatalog(datasets: try await repository.datasets(), fingerprint: try await repository.fingerprint())

            // Assert
            #expect(catalog.years(.plant) == [2022, 2023])
            #expect(catalog.source(.plant, year: 2023)?.id == b.id)
            #expect(catalog.source(.plant, year: 2022)?.id == c.id)
            #expect(catalog.source(.plant, year: 2023, release: "2023 test")?.id == b.id)
            #expect(catalog.source(.plant, year: 2021) == nil)
            #expect(a.id != b.id)
            #expect(catalog.fingerprint.hasPrefix("3@"))
        }
    }
}
