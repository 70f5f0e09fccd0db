import Foundation
import Synchronization

/// Counts failed logins per account and per client IP over a sliding window. Past the limit, logins for that
/// account or from that IP get 429 with `Retry-After` until the oldest failure leaves the window — even with
/// the right password, so that guessing cannot go on.
public final class LoginThrottle: Sendable {
    let maxPerAccount: Int
    let maxPerIP: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    public init(maxPerAccount: Int, maxPerIP: Int, window: TimeInterval) {
        self.maxPerAccount = maxPerAccount
        self.maxPerIP = maxPerIP
        self.window = window
    }

    /// Seconds to wait before another attempt, or nil when one is allowed.
    public func retryAfter(username: String, ip: String, now: Date) -> Int? {
        failures.withLock { failures in
            let waits = [
                wait(&failures, key: "user:\(username)", limit: maxPerAccount, now: now),
                wait(&failures, key: "ip:\(ip)", limit: maxPerIP, now: now),
            ].compactMap { $0 }
            return waits.max()
        }
    }

    public func recordFailure(username: String, ip: String, now: Date) {
        failures.withLock { failures in
            failures["user:\(username)", default: []].append(now)
            failures["ip:\(ip)", default: []].append(now)
            if failures.count > 100_000 {
                failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
            }
        }
    }

    /// A successful login clears the account's count (not the IP's: one good password does not excuse many bad ones).
    public func recordSuccess(username: String) {
        _ = failures.withLock { $0.removeValue(forKey: "user:\(username)") }
    }

    private func wait(_ failures: inout [String: [Date]], key: String, limit: Int, now: Date) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }
}
