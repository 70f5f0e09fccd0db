import Crypto
import FluentKit
import Foundation

/// Refresh tokens, browser sessions and API keys. Secrets are random, shown once, and stored only as SHA-256:
/// they carry 256 bits of entropy, so a fast hash is enough (bcrypt is for human passwords).
public struct CredentialRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 32 random bytes as URL-safe base64 without padding.
    public static func newSecret() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    // MARK: refresh tokens

    public enum RefreshOutcome: Sendable, Equatable {
        case rotated(userID: UUID, newToken: String)
        /// The token had already been rotated: someone replayed it, so its whole family is now revoked.
        case reused(userID: UUID)
        case invalid
    }

    /// Issues the first token of a new family (a login).
    public func issueRefreshToken(userID: UUID, now: Date, lifetime: TimeInterval) async throws -> String {
        try await insertRefreshToken(userID: userID, familyID: UUID(), now: now, lifetime: lifetime)
    }

    private func insertRefreshToken(userID: UUID, familyID: UUID, now: Date, lifetime: TimeInterval) async throws
        -> String
    {
        let secret = Self.newSecret()
        let record = RefreshTokenRecord()
        record.id = UUID()
        record.userID = userID
        record.familyID = familyID
        record.tokenHash = Self.hash(secret)
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
        return secret
    }

    /// Rotates a refresh token: the presented one is spent, a new one of the same family is returned.
    /// Call inside a transaction so that two concurrent rotations cannot both succeed.
    public func rotateRefreshToken(_ token: String, now: Date, lifetime: TimeInterval) async throws -> RefreshOutcome {
        guard let record = try await RefreshTokenRecord.query(on: db).filter(\.$tokenHash == Self.hash(token)).first()
        else { return .invalid }
        if record.rotatedAt != nil {
            try await revokeFamily(record.familyID, now: now)
            return .reused(userID: record.userID)
        }
        guard record.revokedAt == nil, record.expiresAt > now else { return .invalid }
        // Conditional update: only one rotation of this token can win.
        let spent = try await RefreshTokenRecord.query(on: db)
            .filter(\.$id == record.id!).filter(\.$rotatedAt == nil)
            .set(\.$rotatedAt, to: now).update()
        _ = spent
        let fresh = try await insertRefreshToken(
            userID: record.userID, familyID: record.familyID, now: now, lifetime: lifetime)
        return .rotated(userID: record.userID, newToken: fresh)
    }

    public func revokeFamily(_ familyID: UUID, now: Date) async throws {
        try await RefreshTokenRecord.query(on: db)
            .filter(\.$familyID == familyID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// Revokes the family of the given token (logout). Returns the owner, or nil for an unknown token.
    public func revokeRefreshToken(_ token: String, now: Date) async throws -> UUID? {
        guard let record = try await RefreshTokenRecord.query(on: db).filter(\.$tokenHash == Self.hash(token)).first()
        else { return nil }
        try await revokeFamily(record.familyID, now: now)
        return record.userID
    }

    public func revokeAllRefreshTokens(userID: UUID, now: Date) async throws {
        try await RefreshTokenRecord.query(on: db)
            .filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    // MARK: sessions

    public struct Session: Sendable, Equatable {
        public var id: UUID
        public var userID: UUID
        public var csrfToken: String
        public var expiresAt: Date
    }

    /// Creates a browser session; returns the cookie value and the session.
    public func createSession(userID: UUID, now: Date, lifetime: TimeInterval) async throws -> (String, Session) {
        let secret = Self.newSecret()
        let record = SessionRecord()
        record.id = UUID()
        record.tokenHash = Self.hash(secret)
        record.userID = userID
        record.csrfToken = Self.newSecret()
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
        return (secret, Session(id: record.id!, userID: userID, csrfToken: record.csrfToken, expiresAt: record.expiresAt))
    }

    public func session(cookie: String, now: Date) async throws -> Session? {
        guard let record = try await SessionRecord.query(on: db).filter(\.$tokenHash == Self.hash(cookie)).first(),
            record.expiresAt > now
        else { return nil }
        return Session(id: record.id!, userID: record.userID, csrfToken: record.csrfToken, expiresAt: record.expiresAt)
    }

    public func deleteSession(cookie: String) async throws {
        try await SessionRecord.query(on: db).filter(\.$tokenHash == Self.hash(cookie)).delete()
    }

    public func deleteSessions(userID: UUID) async throws {
        try await SessionRecord.query(on: db).filter(\.$userID == userID).delete()
    }

    public func deleteExpiredSessions(now: Date) async throws {
        try await SessionRecord.query(on: db).filter(\.$expiresAt <= now).delete()
    }
}
