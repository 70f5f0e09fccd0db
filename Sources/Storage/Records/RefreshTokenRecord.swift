import FluentKit
import Foundation

/// Row of `refresh_tokens`. Only the SHA-256 of the opaque token is stored. Tokens of one login form a
/// family; presenting a token that was already rotated revokes the whole family (reuse detection).
public final class RefreshTokenRecord: Model, @unchecked Sendable {
    public static let schema = "refresh_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "family_id") public var familyID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "rotated_at") public var rotatedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
}
