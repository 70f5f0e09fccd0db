import Foundation
import GridModel
import Logging
import Platform
import Storage

/// `serve --demo`: the demo neighbourhood (150 houses under 3 transformers, mixed PV, batteries, EVs and heat
/// pumps; `GridTopology.demo(seed: 1)`) and two one-year runs on synthetic weather, queued as ordinary
/// `simulation.run` jobs that the worker finishes within seconds of the start: pro rata within each transformer,
/// and equal share across the grid, so the comparison page has something to compare.
enum GridDemo {
    static let gridName = "Demo neighbourhood"

    static func load(_ platform: PlatformServices, logger: Logger) async throws {
        guard try await GridRepository(platform.database.db).find(name: gridName) == nil else { return }
        let topology = GridTopology.demo(seed: 1)
        let owner = try await UserRepository(platform.database.db).find(username: "admin")?.id
        let grid = try await GridRepository(platform.database.db).create(
            name: gridName, document: topology.jsonString(), houseCount: topology.allHouses.count,
            transformerCount: topology.grids.reduce(0) { $0 + $1.transformers.count }, createdBy: owner, now: platform.clock.now)
        for (strategy, scope) in [("pro-rata", "transformer"), ("equal", "grid")] {
            let body: [String: GridJSON] = [
                "grid_id": .string(grid.id.uuidString), "from": .string("2025-01-01"), "to": .string("2026-01-01"),
                "strategy": .string(strategy), "scope": .string(scope), "seed": .number(1),
                "name": .string("Demo year 2025, \(strategy == "equal" ? "equal share" : "pro rata"), \(scope) scope"),
            ]
            let run = try await SimulationStore.queue(try await SimulationStore.check(body, platform: platform), createdBy: owner, platform: platform)
            logger.notice("demo simulation queued", metadata: ["simulation": "\(run.simulation.id)", "grid": "\(grid.id)"])
        }
    }
}
