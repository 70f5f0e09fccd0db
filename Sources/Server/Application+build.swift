import Foundation
import Hummingbird
import Logging
import Platform
import ServiceLifecycle
import Storage

/// The HTTP application of one instance: middleware, API routes and pages on top of `PlatformServices`.
public struct PowerhouseApp {
    public let platform: PlatformServices
    public let router: Router<AppRequestContext>
    public let endpoints: EndpointRegistry

    public init(platform: PlatformServices) {
        self.platform = platform
        let config = platform.config
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestSetupMiddleware(
            trustedProxies: config.trustedProxies, behindProxy: config.behindTLSProxy, jsonBodyLimit: config.jsonBodyLimit))
        router.add(middleware: RequestMetricsMiddleware(metrics: platform.metrics))
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(behindTLSProxy: config.behindTLSProxy, trustedProxies: config.trustedProxies))
        router.add(middleware: AllowListCORSMiddleware(allowedOrigins: config.corsOrigins))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RateLimitMiddleware(limiter: platform.ipLimiter, key: .clientIP))
        router.add(middleware: AuthenticatorMiddleware(auth: platform.auth))
        router.add(middleware: RateLimitMiddleware(limiter: platform.tokenLimiter, key: .identity))

        let routes = Routes(router: router, registry: EndpointRegistry(), platform: platform)
        SystemRoutes.add(to: routes)
        AuthRoutes.add(to: routes)
        UserRoutes.add(to: routes)
        APIKeyRoutes.add(to: routes)
        AuditRoutes.add(to: routes)
        JobRoutes.add(to: routes)
        EventStream.add(to: routes)
        StaticFiles.add(to: routes)
        WebRoutes.add(to: routes)
        for module in Modules.all {
            module.registerJobs(platform)
            module.addRoutes(to: routes)
        }
        self.router = router
        self.endpoints = routes.registry
    }

    /// The runnable application with its background services (job worker, cross-instance events, database).
    /// `onServerRunning` receives the port actually bound (useful with port 0).
    public func application(services extra: [any Service] = [], onServerRunning: @escaping @Sendable (Int) -> Void = { _ in })
        -> some ApplicationProtocol
    {
        var services: [any Service] = [DatabaseLifecycle(database: platform.database)]
        if case .postgres(let url) = platform.database.location {
            services.append(PostgresEventListener(bus: platform.events, url: url, logger: platform.logger))
        }
        if let worker = platform.makeWorker() { services.append(worker) }
        services += extra
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(platform.config.host, port: platform.config.port), serverName: "Powerhouse"),
            services: services,
            onServerRunning: { channel in onServerRunning(channel.localAddress?.port ?? 0) },
            logger: platform.logger)
    }
}

/// Closes the database when the service group shuts down (it is added first, so it stops last).
struct DatabaseLifecycle: Service {
    let database: AppDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
