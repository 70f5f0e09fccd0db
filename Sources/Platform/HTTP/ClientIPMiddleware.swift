import Hummingbird
import NIOCore

/// Works out the client's address: the socket peer, or — only when that peer is a trusted proxy — the last
/// address in `X-Forwarded-For` that is not itself a trusted proxy.
public struct ClientIPMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let trustedProxies: Set<String>
    let behindProxy: Bool

    public init(trustedProxies: Set<String>, behindProxy: Bool) {
        self.trustedProxies = trustedProxies
        self.behindProxy = behindProxy
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.clientIP = clientIP(request, peer: context.remoteAddress?.ipAddress)
        return try await next(request, context)
    }

    func clientIP(_ request: Request, peer: String?) -> String {
        let peer = peer ?? "unknown"
        guard behindProxy, trustedProxies.contains(peer),
            let forwarded = request.headers[.init("X-Forwarded-For")!]
        else { return peer }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.last { !trustedProxies.contains($0) } ?? peer
    }
}
