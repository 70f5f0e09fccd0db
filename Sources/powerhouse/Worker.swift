import ArgumentParser
import Hummingbird
import Logging
import Platform
import ServiceLifecycle
import Server
import Storage

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run job workers without the HTTP server (scale out on PostgreSQL: several workers share one queue).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Jobs this process runs at once.")
    var workers: Int?

    func run() async throws {
        var extra: [String: String] = [:]
        extra["jobs.workers"] = workers.map(String.init) ?? "2"
        let config = try common.loadConfig(extra: extra)
        try config.checkStartup()
        LogSetup.bootstrap(format: config.logFormat, level: config.logLevel)
        let logger = Logger(label: "powerhouse.worker")
        let database = try await openDatabase(config, logger: logger)
        let platform = await PlatformServices(config: config, database: database, logger: logger)
        _ = PowerhouseApp(platform: platform)  // registers module job kinds, as serve does
        guard let worker = platform.makeWorker() else { throw ValidationError("--workers must be at least 1") }
        var services: [any Service] = [worker]
        if case .postgres(let url) = config.database {
            services.append(PostgresEventListener(bus: platform.events, url: url, logger: logger))
        }
        logger.notice("worker started", metadata: ["worker": "\(worker.workerID)", "concurrency": "\(config.jobWorkers)"])
        let group = ServiceGroup(
            configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await database.shutdown()
    }
}
