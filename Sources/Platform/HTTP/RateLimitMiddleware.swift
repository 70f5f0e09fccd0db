import Hummingbird

/// 429 with `Retry-After` when a client IP, or (after authentication) a token, API key or session, exceeds
/// its rate. Health probes, metrics scrapes and static files are exempt: monitoring must never be throttled.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    public enum Key: Sendable { case clientIP, identity }

    let limiter: RateLimiter
    let key: Key

    public init(limiter: RateLimiter, key: Key) {
        self.limiter = limiter
        self.key = key
    }

    static func isExempt(_ path: String) -> Bool {
        path.hasPrefix("/health/") || path == "/metrics" || path.hasPrefix("/static/")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard limiter.isEnabled, !Self.isExempt(request.uri.path) else { return try await next(request, context) }
        let bucket: String?
        switch key {
        case .clientIP: bucket = "ip:" + context.clientIP
        case .identity: bucket = context.identity.map { "id:" + $0.rateLimitKey }
        }
        if let bucket, let retryAfter = limiter.take(bucket) {
            throw Problem(.rateLimited, detail: "slow down: retry in \(retryAfter) s", retryAfter: retryAfter)
        }
        return try await next(request, context)
    }
}
