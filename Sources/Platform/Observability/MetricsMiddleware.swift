import Hummingbird

/// Counts requests and measures latency by route pattern, method and final status (after errors became
/// problems, so a 404 is counted as a 404).
public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let metrics: AppMetrics

    public init(metrics: AppMetrics) { self.metrics = metrics }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.requestFinished(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}
