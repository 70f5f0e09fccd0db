import Foundation
import Storage

/// First-start work: the admin account.
public enum Bootstrap {
    public struct AdminAccount: Sendable {
        public let username: String
        /// Set only when the password was generated here; print it once, it is not stored anywhere in clear.
        public let generatedPassword: String?
    }

    /// On an empty database, creates `admin` with `auth.admin_password` (POWERHOUSE_ADMIN_PASSWORD), or a
    /// generated password that is returned to be printed once. Returns nil when accounts already exist.
    public static func createAdminIfNeeded(_ platform: PlatformServices) async throws -> AdminAccount? {
        let database = platform.database
        guard try await UserRepository(database.db).count() == 0 else { return nil }
        let generated = platform.config.adminPassword == nil ? generatePassword() : nil
        let password = platform.config.adminPassword ?? generated!
        let hash = try await platform.auth.hasher.hash(password)
        let now = platform.clock.now
        try await database.db.transaction { tx in
            let admin = try await UserRepository(tx).create(
                username: "admin", displayName: "Administrator", passwordHash: hash, role: .admin, now: now)
            try await AuditRepository(tx).record(
                AuditRecordInput(
                    actorID: nil, actorName: "system", action: "user.create", objectType: "user",
                    objectID: admin.id.uuidString, outcome: .success, requestID: "bootstrap",
                    detail: "first start: admin account created"),
                at: now)
        }
        return AdminAccount(username: "admin", generatedPassword: generated)
    }

    /// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 115 bits.
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
