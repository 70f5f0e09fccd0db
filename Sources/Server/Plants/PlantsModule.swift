import Foundation
import Logging
import PlantData
import Platform
import Storage

/// Plants: EPA eGRID power-plant analytics — imports, search, region figures, consistency, emission factors,
/// map and reports. The rules live in `PlantData`; this is the edge.
enum PlantsModule: ServerModule {
    static func registerJobs(_ platform: PlatformServices) {
        platform.jobs.registry.register(PlantImportJob.kind(platform, store: PlantStore.shared(for: platform.database)))
    }

    static func addRoutes(to routes: Routes) {
        let store = PlantStore.shared(for: routes.platform.database)
        PlantsDatasetsAPI.add(to: routes, store: store)
        PlantsRegionsAPI.add(to: routes, store: store)
        PlantsAPI.add(to: routes, store: store)
        PlantsPages.add(to: routes, store: store)
    }

    /// `serve --demo`: a synthetic plant sheet with its region sheets, labelled "synthetic demo — not EPA data".
    static func loadDemo(_ platform: PlatformServices, logger: Logger) async throws {
        let year = 2023
        let file = try DemoDataset.load(seed: 1, plantCount: 300, year: year)
        let bytes = DemoDataset.plantSheetCSV(seed: 1, plantCount: 300, year: year)
        let plan = try await PlantImportPlan.prepare(
            file, sha256: PlantFileHash.sha256(bytes), byteCount: bytes.count, synthetic: true)
        let outcome = try await PlantRepository(platform.database.db).importPlan(
            plan, actor: PlantImportActor(userID: nil, name: "system", requestID: "demo"), now: platform.clock.now)
        PlantStore.shared(for: platform.database).invalidate()
        logger.notice("loaded the synthetic eGRID demo", metadata: ["dataset": "\(outcome.dataset.id)", "plants": "\(plan.plantCount)"])
    }

    static var schemas: [String: JSONValue] { PlantSchemas.all }
}
