import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Platform
import Server
import Storage

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the server: API, web application and job workers, in one process.",
        discussion: """
            On first start with an empty database it creates the `admin` account (password from \
            POWERHOUSE_ADMIN_PASSWORD, else generated and printed once). With --demo it loads demo data once.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (default 127.0.0.1; use 0.0.0.0 to listen on every interface).")
    var host: String?

    @Option(help: "TCP port (default 8080; 0 picks a free port).")
    var port: Int?

    @Flag(help: "Load demo data on first start.")
    var demo = false

    @Flag(name: .customLong("no-migrate"), help: "Do not apply pending migrations at start (refuse to run instead).")
    var noMigrate = false

    @Option(help: "Jobs this instance runs at once (0 = none).")
    var workers: Int?

    func run() async throws {
        var extra: [String: String] = [:]
        extra["server.host"] = host
        extra["server.port"] = port.map(String.init)
        extra["jobs.workers"] = workers.map(String.init)
        if demo { extra["demo.enabled"] = "true" }
        if noMigrate { extra["database.migrate_on_start"] = "false" }
        let config = try common.loadConfig(extra: extra)
        try config.checkStartup()
        LogSetup.bootstrap(format: config.logFormat, level: config.logLevel)
        let logger = Logger(label: "powerhouse")
        let started = ContinuousClock.now

        let database = try await openDatabase(config, logger: logger)
        let platform = await PlatformServices(config: config, database: database, logger: logger)
        if config.jwtSecret == nil {
            logger.warning("no auth.jwt_secret set: using a throw-away secret, so tokens end when the server stops")
        }
        let admin = try await Bootstrap.createAdminIfNeeded(platform)
        let app = PowerhouseApp(platform: platform)
        if config.demo { try await DemoData.loadIfNeeded(platform, logger: logger) }

        let banner = StartupBanner(config: config, admin: admin, demo: config.demo, startedAt: started)
        try await app.application(onServerRunning: { port in banner.print(port: port) }).runService()
    }
}

/// Prints where to go and how to log in once the server listens: the README's quick start relies on it.
struct StartupBanner: Sendable {
    let config: AppConfig
    let admin: Bootstrap.AdminAccount?
    let demo: Bool
    let startedAt: ContinuousClock.Instant

    func print(port: Int) {
        let elapsed = ContinuousClock.now - startedAt
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var lines = ["", "  Powerhouse \(PowerhouseVersion.current) is ready at http://\(config.host):\(port)/"]
        lines.append("  database: \(config.database)   profile: \(config.profile.rawValue)   ready in \(milliseconds) ms")
        if let admin {
            if let password = admin.generatedPassword {
                lines.append("  admin account created: username \(admin.username)   password \(password)")
                lines.append("  (shown once; change it under Account, or set POWERHOUSE_ADMIN_PASSWORD before the first start)")
            } else {
                lines.append("  admin account created: username \(admin.username), password from POWERHOUSE_ADMIN_PASSWORD")
            }
        } else {
            lines.append("  log in with an existing account (`powerhouse user list`; `powerhouse user reset-password admin` if lost)")
        }
        if demo { lines.append("  demo data loaded") }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
    }
}
