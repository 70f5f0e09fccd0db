import FluentKit
import Foundation

/// Row of `events`: the recent history of live events, so that a client can resume with `Last-Event-ID`.
public final class EventRecord: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(custom: .id, generatedBy: .database) public var id: Int64?
    @Field(key: "topic") public var topic: String
    @Field(key: "type") public var type: String
    @Field(key: "data") public var data: String
    /// Set for events only their owner (and those allowed to see everyone's) may receive, such as a job's progress.
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    var domain: StoredEvent {
        StoredEvent(id: id!, topic: topic, type: type, data: data, ownerID: ownerID, createdAt: createdAt)
    }
}
