import FluentKit
import Foundation

/// Accounts. Works on the pool or inside a transaction: pass whichever `Database` you hold.
public struct UserRepository: Sendable {
    public struct UsernameTaken: Error {}

    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// Usernames compare without case; they are stored lower-cased.
    public static func normalise(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public func create(
        id: UUID = UUID(), username: String, displayName: String, passwordHash: String, role: Role, now: Date
    ) async throws -> User {
        let name = Self.normalise(username)
        if try await UserRecord.query(on: db).filter(\.$username == name).first() != nil { throw UsernameTaken() }
        let record = UserRecord(
            id: id, username: name, displayName: displayName, passwordHash: passwordHash, role: role, now: now)
        try await record.create(on: db)
        return record.domain
    }

    public func find(id: UUID) async throws -> User? {
        try await UserRecord.find(id, on: db)?.domain
    }

    public func find(username: String) async throws -> User? {
        try await UserRecord.query(on: db).filter(\.$username == Self.normalise(username)).first()?.domain
    }

    /// The account and its bcrypt hash, for password checks only.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        guard let record = try await UserRecord.query(on: db).filter(\.$username == Self.normalise(username)).first()
        else { return nil }
        return (record.domain, record.passwordHash)
    }

    public func passwordHash(id: UUID) async throws -> String? {
        try await UserRecord.find(id, on: db)?.passwordHash
    }

    /// Users ordered by username; `after` is the last username of the previous page.
    public func list(after: String?, limit: Int) async throws -> [User] {
        var query = UserRecord.query(on: db).sort(\.$username)
        if let after { query = query.filter(\.$username > after) }
        return try await query.limit(limit).all().map(\.domain)
    }

    public func count() async throws -> Int {
        try await UserRecord.query(on: db).count()
    }

    public func countActiveAdmins() async throws -> Int {
        try await UserRecord.query(on: db)
            .filter(\.$role == Role.admin.rawValue).filter(\.$disabled == false).count()
    }

    /// Changes a user and invalidates every token issued before (the token version moves on).
    public func update(
        id: UUID, now: Date, role: Role? = nil, disabled: Bool? = nil, passwordHash: String? = nil,
        displayName: String? = nil, revokeTokens: Bool = false
    ) async throws -> User? {
        guard let record = try await UserRecord.find(id, on: db) else { return nil }
        var revoke = revokeTokens
        if let role, role.rawValue != record.role {
            record.role = role.rawValue
            revoke = true
        }
        if let disabled, disabled != record.disabled {
            record.disabled = disabled
            revoke = revoke || disabled
        }
        if let passwordHash {
            record.passwordHash = passwordHash
            revoke = true
        }
        if let displayName { record.displayName = displayName }
        if revoke { record.tokenVersion += 1 }
        record.updatedAt = now
        try await record.update(on: db)
        return record.domain
    }

    public func recordLogin(id: UUID, at: Date) async throws {
        try await UserRecord.query(on: db).filter(\.$id == id).set(\.$lastLoginAt, to: at).update()
    }
}
