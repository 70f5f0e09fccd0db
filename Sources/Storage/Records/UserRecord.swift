import FluentKit
import Foundation

/// Row of `users`. Usernames are stored lower-cased so that uniqueness ignores case on both databases.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    @Field(key: "disabled") public var disabled: Bool
    @Field(key: "token_version") public var tokenVersion: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?

    public init() {}

    init(id: UUID, username: String, displayName: String, passwordHash: String, role: Role, now: Date) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.disabled = false
        self.tokenVersion = 1
        self.createdAt = now
        self.updatedAt = now
    }

    var domain: User {
        User(
            id: id!, username: username, displayName: displayName, role: Role(rawValue: role) ?? .viewer,
            disabled: disabled, tokenVersion: tokenVersion, createdAt: createdAt, lastLoginAt: lastLoginAt)
    }
}
