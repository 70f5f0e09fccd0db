import FluentKit
import Foundation

/// Row of `jobs`.
public final class JobRecord: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "state") public var state: String
    @Field(key: "progress") public var progress: Double
    @OptionalField(key: "message") public var message: String?
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "result_ref") public var resultRef: String?
    @OptionalField(key: "error") public var error: String?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @Field(key: "cancel_requested") public var cancelRequested: Bool
    @OptionalField(key: "worker_id") public var workerID: String?
    @OptionalField(key: "heartbeat_at") public var heartbeatAt: Date?

    public init() {}

    var domain: Job {
        Job(
            id: id!, kind: kind, state: JobState(rawValue: state) ?? .failed, progress: progress, message: message,
            payload: payload, resultRef: resultRef, error: error, createdBy: createdBy, createdAt: createdAt,
            startedAt: startedAt, finishedAt: finishedAt, attempts: attempts, maxAttempts: maxAttempts,
            cancelRequested: cancelRequested, workerID: workerID, heartbeatAt: heartbeatAt)
    }
}
