import Foundation
import Logging
import Storage
import Synchronization

/// What a running job sees: its row, the database, and a way to report progress (which is also where it
/// learns that it was cancelled).
public struct JobContext: Sendable {
    public let job: Job
    public let database: AppDatabase
    public let logger: Logger
    let reporter: ProgressReporter

    public func payload<T: Decodable>(as type: T.Type) throws -> T {
        try AppJSON.decoder.decode(T.self, from: Data(job.payload.utf8))
    }

    /// Reports progress (0…1). Writes and publishes at most every 200 ms (and always for a new message or the
    /// end), so a tight loop may call it freely. Throws `JobCancelled` once cancellation was asked for.
    public func progress(_ fraction: Double, message: String? = nil) async throws {
        try Task.checkCancellation()
        try await reporter.report(fraction, message: message)
    }
}

/// Throttles progress writes and carries the cancellation flag read back from the database.
final class ProgressReporter: Sendable {
    struct State {
        var lastWrite: Date = .distantPast
        var lastMessage: String?
        var cancelled = false
    }

    let jobID: UUID
    let ownerID: UUID?
    let workerID: String
    let database: AppDatabase
    let events: EventBus
    let clock: AppClock
    private let state = Mutex(State())
    static let interval: TimeInterval = 0.2

    init(jobID: UUID, ownerID: UUID?, workerID: String, database: AppDatabase, events: EventBus, clock: AppClock) {
        self.jobID = jobID
        self.ownerID = ownerID
        self.workerID = workerID
        self.database = database
        self.events = events
        self.clock = clock
    }

    func report(_ fraction: Double, message: String?) async throws {
        let now = clock.now
        let due = state.withLock { state in
            if state.cancelled { return false }
            let changed = message != nil && message != state.lastMessage
            guard changed || fraction >= 1 || now.timeIntervalSince(state.lastWrite) >= Self.interval else { return false }
            state.lastWrite = now
            if let message { state.lastMessage = message }
            return true
        }
        if due {
            let cancelRequested = try await JobRepository(database.db, kind: database.kind).reportProgress(
                id: jobID, workerID: workerID, progress: fraction, message: message, now: now)
            if cancelRequested { state.withLock { $0.cancelled = true } }
            let progressEvent = JobProgressEvent(id: jobID, progress: min(max(fraction, 0), 1), message: message)
            try await events.publish(topic: EventTopics.job(jobID), type: "job.progress", data: progressEvent, ownerID: ownerID)
        }
        if state.withLock({ $0.cancelled }) { throw JobCancelled() }
    }
}

/// Payload of `job.progress` events.
public struct JobProgressEvent: Codable, Sendable {
    public var id: UUID
    public var progress: Double
    public var message: String?
}
