import Foundation

/// Life cycle of a durable job. `queued → running → succeeded | failed | cancelled`; a running job whose
/// worker died goes back to `queued` (or `failed` after its last attempt), see `JobRepository.recoverOrphans`.
public enum JobState: String, Codable, Sendable, CaseIterable {
    case queued, running, succeeded, failed, cancelled

    public var isFinished: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// A unit of background work with progress, as stored in the `jobs` table.
public struct Job: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var state: JobState
    /// 0…1.
    public var progress: Double
    public var message: String?
    /// JSON text given by whoever queued the job; interpreted by the job kind's handler.
    public var payload: String
    /// Where the result lives (for example `series:UUID`), set on success.
    public var resultRef: String?
    public var error: String?
    public var createdBy: UUID?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var attempts: Int
    public var maxAttempts: Int
    public var cancelRequested: Bool
    public var workerID: String?
    public var heartbeatAt: Date?

    public init(
        id: UUID, kind: String, state: JobState, progress: Double, message: String?, payload: String,
        resultRef: String?, error: String?, createdBy: UUID?, createdAt: Date, startedAt: Date?,
        finishedAt: Date?, attempts: Int, maxAttempts: Int, cancelRequested: Bool, workerID: String?,
        heartbeatAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.state = state
        self.progress = progress
        self.message = message
        self.payload = payload
        self.resultRef = resultRef
        self.error = error
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.cancelRequested = cancelRequested
        self.workerID = workerID
        self.heartbeatAt = heartbeatAt
    }
}
