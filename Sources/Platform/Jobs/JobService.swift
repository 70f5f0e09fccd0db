import FluentKit
import Foundation
import Storage

/// Queues jobs and announces their state changes. Modules use it to start their work (imports, runs).
public struct JobService: Sendable {
    public let database: AppDatabase
    public let registry: JobRegistry
    public let events: EventBus
    public let clock: AppClock

    public init(database: AppDatabase, registry: JobRegistry, events: EventBus, clock: AppClock) {
        self.database = database
        self.registry = registry
        self.events = events
        self.clock = clock
    }

    /// Queues a job on `db` (pass a transaction to queue atomically with other writes), then call
    /// `announce(_:)` after it commits so that workers and watchers hear of it.
    public func enqueue(kind: String, payload: String, createdBy: UUID?, on db: any Database) async throws -> Job {
        guard let jobKind = registry.kind(kind) else { throw Problem.invalid("/kind", "unknown job kind \"\(kind)\"") }
        return try await JobRepository(db, kind: database.kind).enqueue(
            kind: kind, payload: payload, createdBy: createdBy, maxAttempts: jobKind.maxAttempts, now: clock.now)
    }

    /// Publishes the job's current state on its topic (`job.queued`, `job.running`, `job.succeeded`, …).
    public func announce(_ job: Job) async {
        do {
            try await events.publish(
                topic: EventTopics.job(job.id), type: "job.\(job.state.rawValue)", data: job, ownerID: job.createdBy)
        } catch {
            events.logger.warning("could not publish job event", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }
}
