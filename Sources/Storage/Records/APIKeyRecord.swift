import FluentKit
import Foundation

/// Row of `api_keys`: a machine credential acting for its owner, limited to its scopes.
public final class APIKeyRecord: Model, @unchecked Sendable {
    public static let schema = "api_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// The public part of the key (`ph_<prefix>_…`), shown in lists so that people can tell keys apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "key_hash") public var keyHash: String
    /// Comma-separated permission names.
    @Field(key: "scopes") public var scopes: String
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
}
