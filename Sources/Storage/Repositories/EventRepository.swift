import FluentKit
import Foundation

/// Recent live events, kept so that SSE clients can resume after a disconnect.
public struct EventRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func append(topic: String, type: String, data: String, ownerID: UUID?, at: Date) async throws -> StoredEvent {
        let record = EventRecord()
        record.topic = topic
        record.type = type
        record.data = data
        record.ownerID = ownerID
        record.createdAt = at
        try await record.create(on: db)
        return record.domain
    }

    /// Events after `id` whose topic is one of `subscriptions` or below one (`jobs` covers `jobs:<id>`), oldest
    /// first. Subscriptions are plain names checked by the caller, so `LIKE` needs no escaping.
    public func events(after id: Int64, subscriptions: [String], limit: Int) async throws -> [StoredEvent] {
        guard !subscriptions.isEmpty else { return [] }
        return try await EventRecord.query(on: db)
            .filter(\.$id > id)
            .group(.or) { group in
                for subscription in subscriptions {
                    group.filter(\.$topic == subscription)
                    group.filter(\.$topic, .custom("LIKE"), subscription + ":%")
                }
            }
            .sort(\.$id).limit(limit).all().map(\.domain)
    }

    public func event(id: Int64) async throws -> StoredEvent? {
        try await EventRecord.find(id, on: db)?.domain
    }

    public func latestID() async throws -> Int64 {
        try await EventRecord.query(on: db).sort(\.$id, .descending).first()?.id ?? 0
    }

    /// Drops events older than the retention window; resume beyond it starts from now.
    public func prune(olderThan cutoff: Date) async throws {
        try await EventRecord.query(on: db).filter(\.$createdAt < cutoff).delete()
    }
}
