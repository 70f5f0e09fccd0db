import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Prepares every request's context in one step (each middleware layer costs a call and a context copy):
///
/// - the request id: the client's `X-Request-ID` when it is short and plain, else a new one; put in the logger
///   metadata and echoed in the response, errors included;
/// - the client's address: the socket peer, or — only when that peer is a trusted proxy — the last address in
///   `X-Forwarded-For` that is not itself a trusted proxy;
/// - the JSON body limit.
public struct RequestSetupMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    static let requestIDHeader = HTTPField.Name("X-Request-ID")!
    static let forwardedForHeader = HTTPField.Name("X-Forwarded-For")!

    let trustedProxies: Set<String>
    let behindProxy: Bool
    let jsonBodyLimit: Int

    public init(trustedProxies: Set<String>, behindProxy: Bool, jsonBodyLimit: Int) {
        self.trustedProxies = trustedProxies
        self.behindProxy = behindProxy
        self.jsonBodyLimit = jsonBodyLimit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let requestID = request.headers[Self.requestIDHeader].flatMap(Self.acceptRequestID) ?? UUID().uuidString.lowercased()
        context.requestID = requestID
        context.logger[metadataKey: "request_id"] = .string(requestID)
        context.clientIP = clientIP(request, peer: context.remoteAddress?.ipAddress)
        context.jsonBodyLimit = jsonBodyLimit
        var response = try await next(request, context)
        response.headers[Self.requestIDHeader] = requestID
        return response
    }

    /// Client ids are echoed into headers and logs, so only short, plain ones are kept.
    static func acceptRequestID(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else { return nil }
        return value
    }

    public func clientIP(_ request: Request, peer: String?) -> String {
        let peer = peer ?? "unknown"
        guard behindProxy, trustedProxies.contains(peer), let forwarded = request.headers[Self.forwardedForHeader] else {
            return peer
        }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.last { !trustedProxies.contains($0) } ?? peer
    }
}
