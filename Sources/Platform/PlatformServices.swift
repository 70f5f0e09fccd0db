import Foundation
import Logging
import Storage

/// Everything the platform provides to routes, pages, jobs and modules, built once per instance.
public struct PlatformServices: Sendable {
    public let config: AppConfig
    public let database: AppDatabase
    public let clock: AppClock
    public let logger: Logger
    public let auth: AuthServices
    public let auditor: Auditor
    public let events: EventBus
    public let jobs: JobService
    public let metrics: AppMetrics
    public let ipLimiter: RateLimiter
    public let tokenLimiter: RateLimiter

    /// Wires the services on an open database. Does not migrate or create accounts: see `Bootstrap`.
    public init(config: AppConfig, database: AppDatabase, clock: AppClock = .system, logger: Logger) async {
        self.config = config
        self.database = database
        self.clock = clock
        self.logger = logger
        let tokens = await TokenService(
            secret: config.signingSecret(), issuer: config.jwtIssuer, audience: config.jwtAudience,
            lifetime: config.accessTokenTTL)
        auth = AuthServices(
            database: database, tokens: tokens, hasher: PasswordHasher(cost: config.bcryptCost),
            throttle: LoginThrottle(
                maxPerAccount: config.loginMaxFailures, maxPerIP: config.loginMaxFailuresPerIP,
                window: config.loginWindow),
            users: UserCache(), clock: clock, config: config)
        auditor = Auditor(database: database, clock: clock)
        events = EventBus(database: database, clock: clock, logger: logger)
        let registry = JobRegistry(profile: config.profile)
        registry.register(BuiltinJobs.demoSleep)
        registry.register(BuiltinJobs.vacuum(eventRetention: config.eventRetention, clock: clock))
        jobs = JobService(database: database, registry: registry, events: events, clock: clock)
        metrics = AppMetrics()
        metrics.databasePoolSize.set(Double(database.poolSize))
        ipLimiter = RateLimiter(rate: config.ratePerIP, burstSeconds: config.rateBurstSeconds, clock: clock)
        tokenLimiter = RateLimiter(rate: config.ratePerToken, burstSeconds: config.rateBurstSeconds, clock: clock)
    }

    /// A worker for this instance's job queue share, or nil when `jobs.workers` is 0.
    public func makeWorker() -> JobWorker? {
        guard config.jobWorkers > 0 else { return nil }
        return JobWorker(
            jobs: jobs, concurrency: config.jobWorkers, pollInterval: config.jobPollInterval, lease: config.jobLease,
            eventRetention: config.eventRetention, logger: logger, metrics: metrics)
    }
}
