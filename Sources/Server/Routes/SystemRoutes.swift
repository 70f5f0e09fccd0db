import Foundation
import Hummingbird
import Platform
import Storage
import Synchronization

/// Health probes, Prometheus metrics and the API description.
enum SystemRoutes {
    struct Health: Encodable {
        let status: String
        let version: String
        let database: String?
        let checks: [String: String]?
    }

    /// Once the database has been seen fully migrated it stays so for this binary; later probes only ping.
    final class MigrationState: Sendable {
        let migrated = Mutex(false)
    }

    static func add(to routes: Routes) {
        let platform = routes.platform
        let registry = routes.registry
        let migrationState = MigrationState()

        // Liveness is probed often and never changes: its body is encoded once.
        let liveBody = ByteBuffer(bytes: try! AppJSON.encoder.encode(
            Health(status: "ok", version: PowerhouseVersion.current, database: nil, checks: nil)))
        routes.add(
            Endpoint(.get, "/health/live", access: .open, kind: .operations, summary: "The process is up", tag: "operations",
                     response: "Health")
        ) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: liveBody))
        }

        routes.add(
            Endpoint(.get, "/health/ready", access: .open, kind: .operations,
                     summary: "Ready to serve: the database answers and is migrated (503 otherwise)", tag: "operations",
                     response: "Health")
        ) { _, _ in
            var checks: [String: String] = [:]
            var ready = true
            let start = ContinuousClock.now
            do {
                try await platform.database.ping()
                platform.metrics.databasePing.record(ContinuousClock.now - start)
                checks["database"] = "ok"
                if !migrationState.migrated.withLock({ $0 }) {
                    let pending = try await platform.database.pendingMigrations()
                    if pending.isEmpty {
                        migrationState.migrated.withLock { $0 = true }
                    } else {
                        ready = false
                        checks["migrations"] = "pending: \(pending.joined(separator: ", ")); run powerhouse migrate"
                    }
                }
                if checks["migrations"] == nil { checks["migrations"] = "ok" }
            } catch {
                ready = false
                checks["database"] = "unreachable"
            }
            let health = Health(
                status: ready ? "ok" : "unavailable", version: PowerhouseVersion.current,
                database: platform.database.kind.rawValue, checks: checks)
            return try .json(health, status: ready ? .ok : .serviceUnavailable)
        }

        routes.add(
            Endpoint(.get, "/metrics", access: .open, kind: .operations, summary: "Prometheus metrics (text format)",
                     tag: "operations", responseType: "text/plain")
        ) { _, _ in
            let jobs = JobRepository(platform.database.db, kind: platform.database.kind)
            platform.metrics.queueDepth.set(Double(try await jobs.count(state: .queued)))
            platform.metrics.runningJobs.set(Double(try await jobs.count(state: .running)))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: platform.metrics.render())))
        }

        routes.add(
            Endpoint(.get, "/api/openapi.json", access: .open, kind: .operations, summary: "This API description (OpenAPI 3.1)",
                     tag: "operations", responseType: "application/json")
        ) { _, _ in
            let document = OpenAPIDocument.build(endpoints: registry.all, version: PowerhouseVersion.current)
            return try .json(document)
        }
    }
}
