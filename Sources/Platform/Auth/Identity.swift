import Foundation
import Storage

/// An authenticated caller: the user, and how they proved it.
public struct Identity: Sendable {
    public enum Method: Sendable, Equatable {
        /// A JWT access token from `/api/v1/auth/login`.
        case accessToken
        /// An API key; it may do only what both its owner's role and its scopes allow.
        case apiKey(id: UUID, scopes: Set<Permission>)
        /// A browser session cookie; unsafe requests must echo the CSRF token.
        case session(id: UUID, csrfToken: String)
    }

    public let user: User
    public let method: Method

    public init(user: User, method: Method) {
        self.user = user
        self.method = method
    }

    public func can(_ permission: Permission) -> Bool {
        guard PermissionMatrix.allows(user.role, permission) else { return false }
        if case .apiKey(_, let scopes) = method { return scopes.contains(permission) }
        return true
    }

    /// Rate limits count per credential: each API key and session separately, tokens per user.
    var rateLimitKey: String {
        switch method {
        case .accessToken: "user:\(user.id)"
        case .apiKey(let id, _): "key:\(id)"
        case .session(let id, _): "session:\(id)"
        }
    }

    public var actorName: String {
        if case .apiKey(let id, _) = method { return "\(user.username) (api key \(id.uuidString.prefix(8).lowercased()))" }
        return user.username
    }
}
