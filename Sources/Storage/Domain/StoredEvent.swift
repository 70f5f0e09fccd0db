import Foundation

/// A live event as stored for `Last-Event-ID` resume and fanned out to subscribers.
public struct StoredEvent: Codable, Sendable, Equatable {
    /// Monotonic per database; the SSE `id:`.
    public var id: Int64
    /// For example `jobs`, `job:UUID`, `audit`.
    public var topic: String
    /// For example `job.progress`, `job.state`.
    public var type: String
    /// JSON text.
    public var data: String
    /// When set, only this user (or someone allowed to see everyone's) receives the event.
    public var ownerID: UUID?
    public var createdAt: Date

    public init(id: Int64, topic: String, type: String, data: String, ownerID: UUID?, createdAt: Date) {
        self.id = id
        self.topic = topic
        self.type = type
        self.data = data
        self.ownerID = ownerID
        self.createdAt = createdAt
    }
}
