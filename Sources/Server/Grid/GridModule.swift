import Foundation
import GridModel
import Logging
import Platform
import Storage

/// The Grid module's edge: topology storage and CRUD, weather uploads, simulation runs as jobs, results and
/// comparisons, the pages, and the demo neighbourhood.
enum GridModule: ServerModule {
    static func registerJobs(_ platform: PlatformServices) {
        platform.jobs.registry.register(SimulationJob.kind(platform))
    }

    static func addRoutes(to routes: Routes) {
        GridRoutes.add(to: routes)
        WeatherRoutes.add(to: routes)
        SimulationRoutes.add(to: routes)
        GridPages.add(to: routes)
    }

    static var schemas: [String: JSONValue] { GridSchemas.all }

    static func loadDemo(_ platform: PlatformServices, logger: Logger) async throws {
        try await GridDemo.load(platform, logger: logger)
    }
}
