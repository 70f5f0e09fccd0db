import FluentKit
import Foundation
import Hummingbird
import Platform
import Storage

/// Login, token refresh and logout for API clients; `/api/v1/me` for whoever is calling.
enum AuthRoutes {
    struct LoginRequest: Decodable {
        let username: String
        let password: String
    }

    struct RefreshRequest: Decodable {
        let refreshToken: String
    }

    struct LogoutRequest: Decodable {
        let refreshToken: String?
        /// Also voids every access token of the account, on every device.
        let everywhere: Bool?
    }

    struct TokenResponse: Encodable {
        let accessToken: String
        let refreshToken: String
        let tokenType = "Bearer"
        let expiresIn: Int
    }

    static func add(to routes: Routes) {
        let platform = routes.platform
        let auth = platform.auth

        routes.add(
            Endpoint(.post, "/api/v1/auth/login", access: .open, summary: "Log in with username and password", tag: "auth",
                     audit: "auth.login", request: "LoginRequest", response: "TokenResponse")
        ) { request, context in
            let body = try await JSONBody.decode(LoginRequest.self, from: request, context: context)
            let user = try await authenticatePassword(
                username: body.username, password: body.password, context: context, platform: platform)
            let now = platform.clock.now
            let refresh = try await platform.database.db.transaction { tx in
                let token = try await CredentialRepository(tx).issueRefreshToken(
                    userID: user.id, now: now, lifetime: platform.config.refreshTokenTTL)
                try await UserRepository(tx).recordLogin(id: user.id, at: now)
                var audited = context
                audited.identity = Identity(user: user, method: .accessToken)
                try await platform.auditor.record(on: tx, context: audited, objectType: "user", objectID: user.id.uuidString)
                return token
            }
            let access = try await auth.tokens.issue(for: user, now: now)
            return try .json(TokenResponse(accessToken: access, refreshToken: refresh, expiresIn: Int(platform.config.accessTokenTTL)))
        }

        routes.add(
            Endpoint(.post, "/api/v1/auth/refresh", access: .open,
                     summary: "Exchange a refresh token for new tokens (the old one is spent)", tag: "auth",
                     audit: "auth.refresh", request: "RefreshRequest", response: "TokenResponse")
        ) { request, context in
            let body = try await JSONBody.decode(RefreshRequest.self, from: request, context: context)
            let now = platform.clock.now
            // Reuse must revoke the family even though the answer is 401, so the transaction commits either way.
            let outcome = try await platform.database.db.transaction { tx in
                let outcome = try await CredentialRepository(tx).rotateRefreshToken(
                    body.refreshToken, now: now, lifetime: platform.config.refreshTokenTTL)
                switch outcome {
                case .rotated(let userID, _):
                    try await platform.auditor.record(on: tx, context: context, objectType: "user", objectID: userID.uuidString)
                case .reused(let userID):
                    try await AuditRepository(tx).record(
                        AuditRecordInput(
                            actorID: userID, actorName: "unknown", action: "auth.refresh", objectType: "user",
                            objectID: userID.uuidString, outcome: .denied, requestID: context.requestID,
                            detail: "a spent refresh token was presented again: its whole family is revoked",
                            ip: context.clientIP),
                        at: now)
                    context.auditTrail.recorded = true
                case .invalid:
                    break
                }
                return outcome
            }
            guard case .rotated(let userID, let newToken) = outcome else {
                throw Problem(.unauthenticated, detail: "the refresh token is invalid, expired or already used; log in again")
            }
            guard let user = try await auth.activeUser(userID, now: now) else {
                throw Problem(.unauthenticated, detail: "the account is disabled")
            }
            let access = try await auth.tokens.issue(for: user, now: now)
            return try .json(TokenResponse(accessToken: access, refreshToken: newToken, expiresIn: Int(platform.config.accessTokenTTL)))
        }

        routes.add(
            Endpoint(.post, "/api/v1/auth/logout", access: .open,
                     summary: "Revoke a refresh token's family; with everywhere=true also every access token", tag: "auth",
                     audit: "auth.logout", request: "LogoutRequest")
        ) { request, context in
            let body = try await JSONBody.decode(LogoutRequest.self, from: request, context: context)
            let now = platform.clock.now
            let everywhere = body.everywhere == true
            if everywhere { _ = try context.requireIdentity() }
            try await platform.database.db.transaction { tx in
                var owner: UUID?
                if let token = body.refreshToken {
                    owner = try await CredentialRepository(tx).revokeRefreshToken(token, now: now)
                }
                if everywhere, let identity = context.identity {
                    owner = identity.user.id
                    _ = try await UserRepository(tx).update(id: identity.user.id, now: now, revokeTokens: true)
                    try await CredentialRepository(tx).revokeAllRefreshTokens(userID: identity.user.id, now: now)
                    try await CredentialRepository(tx).deleteSessions(userID: identity.user.id)
                }
                try await platform.auditor.record(
                    on: tx, context: context, objectType: "user", objectID: owner?.uuidString,
                    detail: everywhere ? "everywhere" : nil)
            }
            if everywhere, let identity = context.identity { auth.users.evict(identity.user.id) }
            return .noContent()
        }

        routes.add(
            Endpoint(.get, "/api/v1/me", access: .authenticated, summary: "Who is calling, with their permissions",
                     tag: "auth", response: "Me")
        ) { _, context in
            let identity = try context.requireIdentity()
            let method: String
            switch identity.method {
            case .accessToken: method = "access_token"
            case .apiKey: method = "api_key"
            case .session: method = "session"
            }
            let permissions = Permission.allCases.filter(identity.can).map(\.rawValue)
            return try .json(MeView(user: UserView(identity.user), permissions: permissions, authenticatedWith: method))
        }
    }

    /// Checks a password with throttling, and audits a failure. Shared by the API login and the login page.
    static func authenticatePassword(
        username: String, password: String, context: AppRequestContext, platform: PlatformServices
    ) async throws -> User {
        let auth = platform.auth
        let name = UserRepository.normalise(username)
        guard !name.isEmpty, !password.isEmpty, name.count <= 64, password.utf8.count <= 1024 else {
            throw Problem(.validation, detail: "username and password are required",
                          errors: [.init(field: "/username", message: "is required"), .init(field: "/password", message: "is required")])
        }
        let now = platform.clock.now
        if let wait = auth.throttle.retryAfter(username: name, ip: context.clientIP, now: now) {
            await platform.auditor.recordRefusal(
                context: context, outcome: .denied, objectType: "user", objectID: nil,
                detail: "login throttled", actorName: name, action: "auth.login")
            context.auditTrail.recorded = true
            throw Problem(.loginThrottled, detail: "too many failed logins; try again in \(wait) s", retryAfter: wait)
        }
        let found = try await UserRepository(platform.database.db).credentials(username: name)
        let matches = try await auth.hasher.verify(password, hash: found?.passwordHash)
        guard let user = found?.user, matches, !user.disabled else {
            auth.throttle.recordFailure(username: name, ip: context.clientIP, now: now)
            let reason = found == nil ? "unknown user" : (matches ? "account disabled" : "wrong password")
            await platform.auditor.recordRefusal(
                context: context, outcome: .failure, objectType: "user", objectID: found?.user.id.uuidString,
                detail: reason, actorName: name, action: "auth.login")
            context.auditTrail.recorded = true
            throw Problem(.unauthenticated, detail: matches && found != nil ? "this account is disabled" : "wrong username or password")
        }
        auth.throttle.recordSuccess(username: name)
        return user
    }
}
