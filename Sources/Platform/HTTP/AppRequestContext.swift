import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// Per-request state: who is calling, the request id, and where the audit entry of this request goes.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// From `X-Request-ID` when the client sent a sensible one, else generated. Echoed in the response.
    public var requestID: String = ""
    /// Set by the authenticator; nil for anonymous requests.
    public var identity: Identity?
    /// Why a presented credential was refused (bad signature, expired, revoked…); nil when none was presented.
    public var authFailure: String?
    /// The client's IP: the socket peer, or the first untrusted hop of `X-Forwarded-For` behind trusted proxies.
    public var clientIP: String = "unknown"
    /// The action name the current endpoint audits under, set by the endpoint wrapper.
    public var auditAction: String?
    /// Shared with the endpoint wrapper so it can tell whether the handler wrote its audit entry.
    public var auditTrail = AuditTrail()
    /// JSON bodies larger than this get 413 (streamed uploads use their own limit).
    public var jsonBodyLimit: Int = 1 << 20

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    public var maxUploadSize: Int { jsonBodyLimit }

    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public var responseEncoder: JSONEncoder { AppJSON.encoder }

    /// The caller, or a 401 problem.
    public func requireIdentity() throws -> Identity {
        guard let identity else {
            throw Problem(.unauthenticated, detail: authFailure ?? "send a bearer token, an API key or a session cookie")
        }
        return identity
    }
}

/// Remembers whether a request wrote its audit entry; a reference so that the handler's copy of the context
/// and the endpoint wrapper's copy see the same flag.
public final class AuditTrail: @unchecked Sendable {
    private let lock = NSLock()
    private var _recorded = false

    public init() {}

    public var recorded: Bool {
        get { lock.withLock { _recorded } }
        set { lock.withLock { _recorded = newValue } }
    }
}

/// The one JSON style of the API: snake_case keys, ISO 8601 UTC timestamps, sorted keys (stable bytes).
public enum AppJSON {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.date(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an ISO 8601 timestamp such as 2025-01-31T12:00:00Z")
            }
            return date
        }
        return decoder
    }()
}

/// ISO 8601 in UTC with optional fractional seconds, the way every timestamp of the API is written.
public enum ISO8601 {
    public static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: seconds.rounded(.down) != seconds))
    }

    public static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
