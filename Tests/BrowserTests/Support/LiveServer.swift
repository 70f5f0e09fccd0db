import Foundation
import Logging
import Platform
import Server
import Storage
import TestSupport

/// A real Powerhouse server on 127.0.0.1 and a port the system picks, on a fresh test database.
///
/// It runs no job worker of its own: a test that needs one starts it with `startWorker()` at the moment it chooses
/// (after the page is listening), so that no event can be missed before the browser subscribes.
struct LiveServer: Sendable {
    static let adminPassword = "correct horse battery staple"

    let baseURL: URL
    let platform: PlatformServices

    /// - Parameter demo: load the demo data set (series, plants, a grid) before the server starts.
    static func run<T: Sendable>(demo: Bool = false, _ body: @Sendable (LiveServer) async throws -> T) async throws -> T {
        try await TestDatabase.withDatabase { database in
            let config = try AppConfig.defaults(profile: .test, overrides: [
                "server.host": "127.0.0.1", "server.port": "0", "auth.jwt_secret": String(repeating: "b", count: 48),
                "auth.admin_password": adminPassword, "limits.rate_per_ip": "0", "limits.rate_per_token": "0",
                "jobs.workers": "0", "events.heartbeat": "1",
            ])
            var logger = Logger(label: "browser-test")
            logger.logLevel = .warning
            let platform = await PlatformServices(config: config, database: database, logger: logger)
            _ = try await Bootstrap.createAdminIfNeeded(platform)
            let app = PowerhouseApp(platform: platform)
            // After the app: its modules register the job kinds the demo data queues.
            if demo { try await DemoData.loadIfNeeded(platform, logger: logger) }
            let (ports, announce) = AsyncStream<Int>.makeStream()
            // `run()`, not `runService()`: no signal handlers, so the test process's SIGINT/SIGTERM stay its own;
            // cancelling the task stops the server.
            let server = Task { try await app.application(onServerRunning: { port in announce.yield(port) }).run() }
            defer { server.cancel() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let live = LiveServer(baseURL: URL(string: "http://127.0.0.1:\(port)/")!, platform: platform)
            let result = try await body(live)
            server.cancel()
            _ = await server.result
            return result
        }
    }

    /// Starts running queued jobs until the returned task is cancelled.
    func startWorker() -> Task<Void, Never> {
        let worker = JobWorker(
            jobs: platform.jobs, concurrency: 1, pollInterval: 0.05, lease: 5, eventRetention: 3600,
            logger: platform.logger, metrics: nil)
        return Task { try? await worker.run() }
    }

    /// An account with a role, made directly in the database (arrange steps need no browser).
    @discardableResult
    func createUser(_ username: String, role: Role, password: String = adminPassword) async throws -> User {
        let hash = try await platform.auth.hasher.hash(password)
        return try await UserRepository(platform.database.db).create(
            username: username, displayName: username.capitalized, passwordHash: hash, role: role, now: Date())
    }
}
