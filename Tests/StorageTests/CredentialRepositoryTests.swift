import Foundation
import Testing
@testable import Storage
import TestSupport

@Suite struct CredentialRepositoryTests {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func refreshRotationAndReuseRevokesFamily() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let user = try await UserRepository(database.db).create(
                username: "Ada", displayName: "Ada", passwordHash: "x", role: .engineer, now: t0)
            let credentials = CredentialRepository(database.db)
            let first = try await credentials.issueRefreshToken(userID: user.id, now: t0, lifetime: 3600)

            // Act
            guard case .rotated(_, let second) = try await credentials.rotateRefreshToken(first, now: t0, lifetime: 3600)
            else { Issue.record("first rotation failed"); return }
            let replay = try await credentials.rotateRefreshToken(first, now: t0, lifetime: 3600)
            let afterReplay = try await credentials.rotateRefreshToken(second, now: t0, lifetime: 3600)

            // Assert
            #expect(replay == .reused(userID: user.id))
            #expect(afterReplay == .invalid, "the whole family is revoked after a replay")
        }
    }

    @Test func expiredRefreshTokenIsInvalid() async throws {
        try await TestDatabase.withDatabase { database in
            let user = try await UserRepository(database.db).create(
                username: "b", displayName: "B", passwordHash: "x", role: .viewer, now: t0)
            let credentials = CredentialRepository(database.db)
            let token = try await credentials.issueRefreshToken(userID: user.id, now: t0, lifetime: 10)
            #expect(try await credentials.rotateRefreshToken(token, now: t0.addingTimeInterval(11), lifetime: 10) == .invalid)
            #expect(try await credentials.rotateRefreshToken("not-a-token", now: t0, lifetime: 10) == .invalid)
        }
    }

    @Test func usernamesAreUniqueIgnoringCase() async throws {
        try await TestDatabase.withDatabase { database in
            let users = UserRepository(database.db)
            _ = try await users.create(username: "Grace", displayName: "G", passwordHash: "x", role: .analyst, now: t0)
            await #expect(throws: UserRepository.UsernameTaken.self) {
                _ = try await users.create(username: "grace ", displayName: "G2", passwordHash: "x", role: .analyst, now: t0)
            }
        }
    }

    @Test func apiKeysAuthenticateUntilRevoked() async throws {
        try await TestDatabase.withDatabase { database in
            let user = try await UserRepository(database.db).create(
                username: "m", displayName: "M", passwordHash: "x", role: .engineer, now: t0)
            let keys = APIKeyRepository(database.db)
            let (key, plaintext) = try await keys.create(name: "meter gateway", scopes: ["series.write"], ownerID: user.id, expiresAt: nil, now: t0)
            #expect(plaintext.hasPrefix("ph_\(key.prefix)_"))
            #expect(try await keys.authenticate(plaintext, now: t0)?.id == key.id)
            #expect(try await keys.authenticate(plaintext + "x", now: t0) == nil)
            _ = try await keys.revoke(id: key.id, now: t0)
            #expect(try await keys.authenticate(plaintext, now: t0) == nil)
        }
    }
}
