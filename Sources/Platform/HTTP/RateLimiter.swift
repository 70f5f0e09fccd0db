import Foundation
import Synchronization

/// Token buckets by key (client IP, token subject): `rate` requests per second, bursts up to
/// `rate × burstSeconds`. In memory, per instance: with several instances each enforces its own share.
public final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let rate: Double
    let capacity: Double
    let clock: AppClock
    private let buckets = Mutex<[String: Bucket]>([:])

    /// `rate` 0 disables the limiter. The clock is the platform's, so tests can hold time still.
    public init(rate: Double, burstSeconds: Double, clock: AppClock = .system) {
        self.rate = rate
        self.capacity = max(1, rate * burstSeconds)
        self.clock = clock
    }

    public var isEnabled: Bool { rate > 0 }

    /// Takes one token for `key`; returns nil when allowed, else the seconds until the next token.
    public func take(_ key: String) -> Int? {
        guard isEnabled else { return nil }
        let now = clock.now.timeIntervalSince1970
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            defer {
                buckets[key] = bucket
                if buckets.count > 50_000 { Self.dropFull(&buckets, now: now, rate: rate, capacity: capacity) }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    /// Buckets that have refilled carry no information; dropping them bounds memory under many clients.
    private static func dropFull(_ buckets: inout [String: Bucket], now: Double, rate: Double, capacity: Double) {
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate < capacity }
    }
}
