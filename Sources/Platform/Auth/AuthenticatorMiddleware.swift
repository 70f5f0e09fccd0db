import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Resolves who is calling from, in this order: `Authorization: Bearer <JWT>`, an API key (`X-API-Key` or
/// `Authorization: Bearer ph_…`), the `ph_session` cookie. A credential that is presented but wrong is
/// remembered as `authFailure`; routes that need a caller answer 401 with that reason.
public struct AuthenticatorMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    public static let sessionCookie = "ph_session"
    static let apiKeyHeader = HTTPField.Name("X-API-Key")!

    let auth: AuthServices

    public init(auth: AuthServices) { self.auth = auth }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        switch try await auth.identify(request) {
        case .anonymous: break
        case .identified(let identity):
            context.identity = identity
            context.logger[metadataKey: "user"] = .string(identity.user.username)
        case .rejected(let reason):
            context.authFailure = reason
        }
        return try await next(request, context)
    }
}

/// Everything authentication needs, shared by the middleware, the auth routes and the pages.
public struct AuthServices: Sendable {
    public let database: AppDatabase
    public let tokens: TokenService
    public let hasher: PasswordHasher
    public let throttle: LoginThrottle
    public let users: UserCache
    public let clock: AppClock
    public let config: AppConfig

    public init(database: AppDatabase, tokens: TokenService, hasher: PasswordHasher, throttle: LoginThrottle,
                users: UserCache, clock: AppClock, config: AppConfig) {
        self.database = database
        self.tokens = tokens
        self.hasher = hasher
        self.throttle = throttle
        self.users = users
        self.clock = clock
        self.config = config
    }

    public enum Outcome: Sendable {
        case anonymous
        case identified(Identity)
        case rejected(String)
    }

    public func identify(_ request: Request) async throws -> Outcome {
        let now = clock.now
        if let apiKey = request.headers[AuthenticatorMiddleware.apiKeyHeader] {
            return try await identify(apiKey: apiKey, now: now)
        }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                return .rejected("use Authorization: Bearer <token>")
            }
            let credential = String(parts[1]).trimmingCharacters(in: .whitespaces)
            if credential.hasPrefix("ph_") { return try await identify(apiKey: credential, now: now) }
            return try await identify(accessToken: credential, now: now)
        }
        if let cookie = Self.cookie(AuthenticatorMiddleware.sessionCookie, in: request) {
            return try await identify(sessionCookie: cookie, now: now)
        }
        return .anonymous
    }

    private func identify(accessToken: String, now: Date) async throws -> Outcome {
        let verified: TokenService.Verified
        do {
            verified = try await tokens.verify(accessToken, now: now)
        } catch {
            return .rejected(error.description)
        }
        guard let user = try await activeUser(verified.userID, now: now) else {
            return .rejected("the account is disabled or no longer exists")
        }
        guard user.tokenVersion == verified.tokenVersion else {
            return .rejected("the access token was revoked; log in again")
        }
        return .identified(Identity(user: user, method: .accessToken))
    }

    private func identify(apiKey: String, now: Date) async throws -> Outcome {
        guard let key = try await APIKeyRepository(database.db).authenticate(apiKey, now: now) else {
            return .rejected("the API key is unknown, revoked or expired")
        }
        guard let user = try await activeUser(key.ownerID, now: now) else {
            return .rejected("the API key's owner is disabled")
        }
        // Recording every use would turn each read into a write; a minute's precision is enough.
        if key.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await APIKeyRepository(database.db).touch(id: key.id, now: now)
        }
        let scopes = Set(key.scopes.compactMap(Permission.init(rawValue:)))
        return .identified(Identity(user: user, method: .apiKey(id: key.id, scopes: scopes)))
    }

    private func identify(sessionCookie: String, now: Date) async throws -> Outcome {
        guard let session = try await CredentialRepository(database.db).session(cookie: sessionCookie, now: now) else {
            return .rejected("the session has expired; log in again")
        }
        guard let user = try await activeUser(session.userID, now: now) else {
            return .rejected("the account is disabled")
        }
        return .identified(Identity(user: user, method: .session(id: session.id, csrfToken: session.csrfToken)))
    }

    public func activeUser(_ id: UUID, now: Date) async throws -> User? {
        let user = try await users.user(id, now: now) { try await UserRepository(database.db).find(id: id) }
        guard let user, !user.disabled else { return nil }
        return user
    }

    public static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return String(parts[1]).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
