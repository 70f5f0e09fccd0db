import FluentKit
import Foundation

/// An API key as listed (never with its secret).
public struct APIKey: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var prefix: String
    public var scopes: [String]
    public var ownerID: UUID
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// Machine credentials: `ph_<prefix>_<secret>`; the prefix finds the row, the SHA-256 of the whole key proves it.
public struct APIKeyRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// Creates a key and returns it with its plaintext, which is shown once and never stored.
    public func create(name: String, scopes: [String], ownerID: UUID, expiresAt: Date?, now: Date) async throws
        -> (APIKey, String)
    {
        let prefix = String(CredentialRepository.newSecret().filter(\.isLetter).prefix(8)).lowercased()
        let plaintext = "ph_\(prefix)_\(CredentialRepository.newSecret())"
        let record = APIKeyRecord()
        record.id = UUID()
        record.name = name
        record.prefix = prefix
        record.keyHash = CredentialRepository.hash(plaintext)
        record.scopes = scopes.joined(separator: ",")
        record.ownerID = ownerID
        record.createdAt = now
        record.expiresAt = expiresAt
        try await record.create(on: db)
        return (Self.domain(record), plaintext)
    }

    /// The key behind a presented plaintext, if it exists, is not revoked and has not expired.
    public func authenticate(_ plaintext: String, now: Date) async throws -> APIKey? {
        guard let record = try await APIKeyRecord.query(on: db)
            .filter(\.$keyHash == CredentialRepository.hash(plaintext)).first(),
            record.revokedAt == nil, record.expiresAt.map({ $0 > now }) ?? true
        else { return nil }
        return Self.domain(record)
    }

    public func touch(id: UUID, now: Date) async throws {
        try await APIKeyRecord.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
    }

    public func list(ownerID: UUID?) async throws -> [APIKey] {
        var query = APIKeyRecord.query(on: db).sort(\.$createdAt, .descending)
        if let ownerID { query = query.filter(\.$ownerID == ownerID) }
        return try await query.all().map(Self.domain)
    }

    public func find(id: UUID) async throws -> APIKey? {
        try await APIKeyRecord.find(id, on: db).map(Self.domain)
    }

    public func revoke(id: UUID, now: Date) async throws -> APIKey? {
        guard let record = try await APIKeyRecord.find(id, on: db) else { return nil }
        if record.revokedAt == nil {
            record.revokedAt = now
            try await record.update(on: db)
        }
        return Self.domain(record)
    }

    static func domain(_ record: APIKeyRecord) -> APIKey {
        APIKey(
            id: record.id!, name: record.name, prefix: record.prefix,
            scopes: record.scopes.split(separator: ",").map(String.init), ownerID: record.ownerID,
            createdAt: record.createdAt, expiresAt: record.expiresAt, lastUsedAt: record.lastUsedAt,
            revokedAt: record.revokedAt)
    }
}
