import Foundation
import Logging
import Platform
import Series
import Storage

/// Time series: storage, import, query API, pages and demo data.
enum SeriesModule: ServerModule {
    static func registerJobs(_ platform: PlatformServices) {
        platform.jobs.registry.register(SeriesImportJob.kind(platform))
    }

    static func addRoutes(to routes: Routes) {
        SeriesRoutes.add(to: routes)
        SeriesImportRoutes.add(to: routes)
        SeriesPages.add(to: routes)
    }

    static var schemas: [String: JSONValue] { SeriesSchemas.all }

    /// A year of 15-minute household load, PV and outdoor temperature, and a month of 1-minute vibration.
    static func loadDemo(_ platform: PlatformServices, logger: Logger) async throws {
        let year: Int64 = 1_735_689_600_000  // 2025-01-01T00:00:00Z
        let yearEnd: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
        let month: Int64 = 31 * 86_400_000
        let demo: [(Synthetic.Profile, String, Int64, Int64, Int64)] = [
            (.householdLoad, "Household load (demo)", year, yearEnd, 900_000),
            (.pv, "Rooftop PV (demo)", year, yearEnd, 900_000),
            (.temperature, "Outdoor temperature (demo)", year, yearEnd, 900_000),
            (.vibration, "Pump vibration (demo)", yearEnd - month, yearEnd, 60_000),
        ]
        let now = platform.clock.now
        try await platform.database.db.transaction { tx in
            for (index, (profile, name, from, to, step)) in demo.enumerated() {
                let series = Synthetic.series(profile, id: "", from: from, to: to, stepMillis: step, seed: UInt64(42 + index))
                var metadata = series.metadata
                metadata.name = name
                metadata.tags["site"] = "demo"
                metadata.timeZone = "Europe/Berlin"
                try await SeriesStore(tx).create(PreparedSeries(metadata: metadata, data: series.data), ownerID: nil, now: now)
            }
        }
        logger.notice("demo series loaded", metadata: ["series": "\(demo.count)"])
    }
}
