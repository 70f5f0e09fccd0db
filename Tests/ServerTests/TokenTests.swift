import Crypto
import Foundation
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

/// Access tokens that must not work, refresh rotation and its reuse detection, disabled accounts.
@Suite struct TokenTests {
    @Test func missingExpiredTamperedAndForeignTokensGet401() async throws {
        try await TestApp.run { app in
            let valid = app.tokens[.viewer]!
            #expect(try await app.request(.get, "/api/v1/me", token: valid).status == .ok)

            // No token
            let none = try await app.request(.get, "/api/v1/me")
            #expect(none.status == .unauthorized)
            #expect(none.isProblem && none.problemType == "/problems/unauthenticated")

            // Expired: one hour and a second later
            app.clock.advance(by: 3601)
            let expired = try await app.request(.get, "/api/v1/me", token: valid)
            #expect(expired.status == .unauthorized)
            #expect(expired.text.contains("expired"))
            app.clock.advance(by: -3601)

            // Tampered payload, same signature
            var parts = valid.split(separator: ".").map(String.init)
            parts[1] = Self.base64URL(Data(#"{"sub":"\#(app.users[.admin]!.id)","ver":1,"role":"admin","iss":"powerhouse","aud":["powerhouse-api"],"exp":9999999999,"iat":1,"jti":"x"}"#.utf8))
            #expect(try await app.request(.get, "/api/v1/me", token: parts.joined(separator: ".")).status == .unauthorized)

            // Signed with another secret
            let foreign = Self.sign(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: Self.claims(app), secret: "another secret of sufficient length!!")
            #expect(try await app.request(.get, "/api/v1/me", token: foreign).status == .unauthorized)

            // alg: none, no signature
            let unsigned = Self.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + Self.base64URL(Data(Self.claims(app).utf8)) + "."
            #expect(try await app.request(.get, "/api/v1/me", token: unsigned).status == .unauthorized)

            // Right secret, wrong audience / issuer
            let wrongAudience = Self.sign(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: Self.claims(app, audience: "someone-else"), secret: TestApp.jwtSecret)
            #expect(try await app.request(.get, "/api/v1/me", token: wrongAudience).status == .unauthorized)
            let wrongIssuer = Self.sign(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: Self.claims(app, issuer: "evil"), secret: TestApp.jwtSecret)
            #expect(try await app.request(.get, "/api/v1/me", token: wrongIssuer).status == .unauthorized)

            // Control: the same construction with the right values is accepted, so the rejections above are real.
            let forged = Self.sign(header: #"{"alg":"HS256","typ":"JWT"}"#, claims: Self.claims(app), secret: TestApp.jwtSecret)
            #expect(try await app.request(.get, "/api/v1/me", token: forged).status == .ok)

            // Garbage
            #expect(try await app.request(.get, "/api/v1/me", token: "not.a.jwt").status == .unauthorized)
            #expect(try await app.request(.get, "/api/v1/me", headers: [.authorization: "Basic YWRtaW46eA=="]).status == .unauthorized)
        }
    }

    @Test func loginReturnsTheContractFieldsAndRefreshRotates() async throws {
        try await TestApp.run { app in
            // Act
            let login = try await app.login("admin")
            let body = try app.json(login)

            // Assert: the contract
            #expect(login.status == .ok)
            #expect(body["token_type"] == "Bearer")
            #expect(body["expires_in"] == 3600)
            guard case .string(let access)? = body["access_token"], case .string(let refresh)? = body["refresh_token"] else {
                Issue.record("tokens missing: \(login.text)"); return
            }
            #expect(try await app.request(.get, "/api/v1/me", token: access).status == .ok)

            let rotated = try await app.request(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(rotated.status == .ok)
            guard case .string(let second)? = try app.json(rotated)["refresh_token"] else { Issue.record("no token"); return }
            #expect(second != refresh)

            // Reusing the spent token revokes the family: the newer token dies too.
            let replay = try await app.request(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(replay.status == .unauthorized)
            let afterReplay = try await app.request(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(second)"}"#)
            #expect(afterReplay.status == .unauthorized)
            #expect(try await app.auditEntries(action: "auth.refresh").contains { $0.outcome == .denied })
        }
    }

    @Test func logoutRevokesTheRefreshToken() async throws {
        try await TestApp.run { app in
            guard case .string(let refresh)? = try app.json(try await app.login("admin"))["refresh_token"] else { return }
            #expect(try await app.request(.post, "/api/v1/auth/logout", json: #"{"refresh_token":"\#(refresh)"}"#).status == .noContent)
            #expect(try await app.request(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#).status == .unauthorized)
        }
    }

    @Test func disabledUsersTokensStopWorking() async throws {
        try await TestApp.run { app in
            let analyst = app.users[.analyst]!
            let token = app.tokens[.analyst]!
            #expect(try await app.request(.get, "/api/v1/me", token: token).status == .ok)

            let disable = try await app.request(.patch, "/api/v1/users/\(analyst.id)", as: .admin, json: #"{"disabled":true}"#)
            #expect(disable.status == .ok)

            #expect(try await app.request(.get, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await app.login("analyst1").status == .unauthorized)
        }
    }

    @Test func roleChangeVoidsOldTokens() async throws {
        try await TestApp.run { app in
            let viewer = app.users[.viewer]!
            _ = try await app.request(.patch, "/api/v1/users/\(viewer.id)", as: .admin, json: #"{"role":"engineer"}"#)
            #expect(try await app.request(.get, "/api/v1/me", as: .viewer).status == .unauthorized)
        }
    }

    @Test func repeatedFailedLoginsAreThrottledWithRetryAfter() async throws {
        try await TestApp.run { app in
            for _ in 0..<5 { #expect(try await app.login("engineer1", "wrong password!").status == .unauthorized) }
            let throttled = try await app.login("engineer1", "wrong password!")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] != nil)
            // Even the right password waits: guessing must not go on.
            #expect(try await app.login("engineer1").status == .tooManyRequests)
            app.clock.advance(by: 901)
            #expect(try await app.login("engineer1").status == .ok)
        }
    }

    @Test func unknownUserAndWrongPasswordLookTheSame() async throws {
        try await TestApp.run { app in
            let unknown = try await app.login("nobody", "whatever password")
            let wrong = try await app.login("viewer1", "whatever password")
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(try app.json(unknown)["detail"] == app.json(wrong)["detail"])
        }
    }

    static func claims(_ app: TestApp, audience: String = "powerhouse-api", issuer: String = "powerhouse") -> String {
        let admin = app.users[.admin]!
        let now = Int(app.clock.now.timeIntervalSince1970)
        return #"{"sub":"\#(admin.id.uuidString)","ver":\#(admin.tokenVersion),"role":"admin","iss":"\#(issuer)","aud":["\#(audience)"],"exp":\#(now + 600),"iat":\#(now),"jti":"t"}"#
    }

    static func sign(header: String, claims: String, secret: String) -> String {
        let input = base64URL(Data(header.utf8)) + "." + base64URL(Data(claims.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return input + "." + base64URL(Data(mac))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
