import Foundation

/// An account as the rest of the platform sees it (never with its password hash).
public struct User: Codable, Sendable, Equatable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var role: Role
    public var disabled: Bool
    /// Bumped whenever existing credentials must stop working (disable, password reset, role change);
    /// access tokens carry the version they were issued for.
    public var tokenVersion: Int
    public var createdAt: Date
    public var lastLoginAt: Date?

    public init(
        id: UUID, username: String, displayName: String, role: Role, disabled: Bool, tokenVersion: Int,
        createdAt: Date, lastLoginAt: Date?
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.disabled = disabled
        self.tokenVersion = tokenVersion
        self.createdAt = createdAt
        self.lastLoginAt = lastLoginAt
    }
}
