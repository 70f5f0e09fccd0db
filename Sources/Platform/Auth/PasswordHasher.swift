import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt on the shared thread pool, never on an event loop: a hash at cost 12 takes a quarter of a second.
public final class PasswordHasher: Sendable {
    public let cost: UInt8
    /// Checked when the username is unknown, so that a wrong username costs as much time as a wrong password.
    /// Made on first use rather than at start: start-up stays fast.
    private let decoyHash = Mutex<String?>(nil)

    public init(cost: UInt8) {
        self.cost = cost
    }

    private func decoy() -> String {
        decoyHash.withLock { hash in
            if let hash { return hash }
            let made = Bcrypt.hash("decoy password that no one has", cost: cost)
            hash = made
            return made
        }
    }

    /// bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated.
    public static let maximumBytes = 72
    public static let minimumLength = 8

    /// Why a new password is not acceptable, or nil.
    public static func weakness(of password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "must be at most \(maximumBytes) bytes" }
        if AppConfig.wellKnownPasswords.contains(password.lowercased()) { return "is a well-known password" }
        return nil
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let known = hash != nil
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash ?? self.decoy()) }
        return matches && known
    }
}
