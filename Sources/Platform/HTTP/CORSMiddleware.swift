import Hummingbird

/// CORS for the origins named in `server.cors_origins`, and no one else. Preflights from allowed origins get
/// 204; other origins get no CORS headers, so browsers refuse the cross-origin call.
public struct AllowListCORSMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let allowedOrigins: Set<String>

    static let allowedHeaders =
        "Authorization, Content-Type, X-Request-ID, X-API-Key, X-CSRF-Token, Last-Event-ID, If-None-Match"
    static let allowedMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS"

    public init(allowedOrigins: Set<String>) {
        self.allowedOrigins = allowedOrigins
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let origin = request.headers[.origin], allowedOrigins.contains(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers = HTTPFields()
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlAllowMethods] = Self.allowedMethods
            headers[.accessControlAllowHeaders] = Self.allowedHeaders
            headers[.accessControlMaxAge] = "600"
            headers[.vary] = "Origin"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = "X-Request-ID, Retry-After, ETag"
        response.headers[.vary] = "Origin"
        return response
    }
}
