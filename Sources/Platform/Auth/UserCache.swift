import Foundation
import Storage
import Synchronization

/// Users by id for a couple of seconds, so that authenticated reads do not query the database every time.
/// Changes made through this instance evict at once; changes made elsewhere are seen within `ttl`.
public final class UserCache: Sendable {
    private let entries = Mutex<[UUID: (User, Date)]>([:])
    let ttl: TimeInterval

    public init(ttl: TimeInterval = 2) { self.ttl = ttl }

    public func user(_ id: UUID, now: Date, load: () async throws -> User?) async throws -> User? {
        if let cached = entries.withLock({ $0[id] }), cached.1 > now { return cached.0 }
        guard let user = try await load() else { return nil }
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[id] = (user, now.addingTimeInterval(ttl))
        }
        return user
    }

    public func evict(_ id: UUID) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }
}
