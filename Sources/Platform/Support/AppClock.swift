import Foundation
import Synchronization

/// Where the platform reads the time: the system clock in production, a settable one in tests (token expiry,
/// throttling windows and audit times are then deterministic).
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public static let system = AppClock { Date() }

    public var now: Date { read() }
}

/// A clock tests move by hand.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public var clock: AppClock { AppClock { [self] in self.now } }
}
