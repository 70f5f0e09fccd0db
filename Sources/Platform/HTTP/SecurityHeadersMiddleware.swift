import Hummingbird

/// Security headers on every response. Scripts and styles come only from our own origin (no inline script),
/// nothing may frame the application, and HSTS is sent when the request reached the proxy over TLS.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let behindTLSProxy: Bool
    let trustedProxies: Set<String>

    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    public init(behindTLSProxy: Bool, trustedProxies: Set<String>) {
        self.behindTLSProxy = behindTLSProxy
        self.trustedProxies = trustedProxies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if isTLS(request, context: context) {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        if request.uri.path.hasPrefix("/api/"), response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    /// TLS ends at the proxy; we believe its `X-Forwarded-Proto` only when the peer is a trusted proxy.
    public func isTLS(_ request: Request, context: Context) -> Bool {
        isTLS(peer: context.remoteAddress?.ipAddress, forwardedProto: request.headers[.init("X-Forwarded-Proto")!])
    }

    public func isTLS(peer: String?, forwardedProto: String?) -> Bool {
        guard behindTLSProxy, let peer, trustedProxies.contains(peer) else { return false }
        return forwardedProto?.lowercased() == "https"
    }
}
