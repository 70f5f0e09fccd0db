import Hummingbird
import Logging

/// One log line per request at `info`: method, route, status and milliseconds, with the request id the
/// RequestSetupMiddleware put in the logger metadata. Skipped entirely when the level is above info.
public struct AccessLogMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard context.logger.logLevel <= .info else { return try await next(request, context) }
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "route": .string(context.endpointPath ?? "unmatched"), "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.2f", milliseconds)), "ip": .string(context.clientIP),
        ])
        return response
    }
}
