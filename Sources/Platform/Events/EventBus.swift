import Foundation
import Logging
import Storage
import Synchronization

/// Live events: stored (for `Last-Event-ID` resume), delivered to this instance's subscribers at once, and —
/// on PostgreSQL — announced with `NOTIFY` so that the other instances deliver them to theirs.
public final class EventBus: Sendable {
    struct Subscriber {
        let topics: [String]
        let continuation: AsyncStream<StoredEvent>.Continuation
    }

    let database: AppDatabase
    let clock: AppClock
    let logger: Logger
    /// Distinguishes this process in NOTIFY payloads, so that it does not deliver its own events twice.
    public let instanceID: String
    private let subscribers = Mutex<[UUID: Subscriber]>([:])

    public init(database: AppDatabase, clock: AppClock, logger: Logger, instanceID: String = UUID().uuidString) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.instanceID = instanceID
    }

    /// The NOTIFY channel; the schema is part of it so that instances on different schemas stay apart.
    public var channel: String { "powerhouse_events_" + (database.schema ?? "public") }

    /// Stores and delivers an event. Call after the change it announces has committed.
    @discardableResult
    public func publish(topic: String, type: String, data: some Encodable, ownerID: UUID? = nil) async throws
        -> StoredEvent
    {
        let json = String(decoding: try AppJSON.encoder.encode(data), as: UTF8.self)
        let event = try await EventRepository(database.db).append(
            topic: topic, type: type, data: json, ownerID: ownerID, at: clock.now)
        deliver(event)
        if database.kind == .postgres {
            try await database.sql.raw("SELECT pg_notify(\(bind: channel), \(bind: "\(instanceID):\(event.id)"))").run()
        }
        return event
    }

    /// Subscribes to topics; events arrive on the stream until `unsubscribe`. A subscriber that falls more
    /// than 1,000 events behind loses the oldest (it can resume from the store with its last id).
    public func subscribe(topics: [String]) -> (id: UUID, events: AsyncStream<StoredEvent>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<StoredEvent>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        subscribers.withLock { $0[id] = Subscriber(topics: topics, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    public func unsubscribe(_ id: UUID) {
        let removed = subscribers.withLock { $0.removeValue(forKey: id) }
        removed?.continuation.finish()
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Hands an event to local subscribers whose topics match.
    func deliver(_ event: StoredEvent) {
        let targets = subscribers.withLock { subscribers in
            subscribers.values.filter { $0.topics.contains { EventTopics.matches(subscription: $0, topic: event.topic) } }
        }
        for target in targets { target.continuation.yield(event) }
    }

    /// A NOTIFY from some instance: fetch and deliver the event unless it was ours.
    func received(notification payload: String) async {
        let parts = payload.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, String(parts[0]) != instanceID, let id = Int64(parts[1]) else { return }
        do {
            if let event = try await EventRepository(database.db).event(id: id) { deliver(event) }
        } catch {
            logger.warning("could not load notified event", metadata: ["event": "\(id)", "error": "\(error)"])
        }
    }

    /// Stored events after `lastID` on the given subscriptions, oldest first.
    public func replay(after lastID: Int64, topics: [String], limit: Int = 1000) async throws -> [StoredEvent] {
        try await EventRepository(database.db).events(after: lastID, subscriptions: topics, limit: limit)
    }

    public func prune(retention: TimeInterval) async throws {
        try await EventRepository(database.db).prune(olderThan: clock.now.addingTimeInterval(-retention))
    }
}
