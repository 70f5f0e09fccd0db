import FluentKit
import Foundation
import SQLKit

/// Filter for listing jobs.
public struct JobFilter: Sendable {
    public var createdBy: UUID?
    public var state: JobState?
    public var kind: String?

    public init(createdBy: UUID? = nil, state: JobState? = nil, kind: String? = nil) {
        self.createdBy = createdBy
        self.state = state
        self.kind = kind
    }
}

/// The durable job queue.
///
/// Claiming is one atomic `UPDATE … WHERE id = (SELECT … LIMIT 1)`; on PostgreSQL the inner select takes
/// `FOR UPDATE SKIP LOCKED`, so several instances share one queue without handing a job out twice. SQLite
/// serialises writers, which gives the same guarantee.
public struct JobRepository: Sendable {
    let db: any Database
    let kind: AppDatabase.Kind

    public init(_ db: any Database, kind: AppDatabase.Kind) {
        self.db = db
        self.kind = kind
    }

    public func enqueue(
        id: UUID = UUID(), kind jobKind: String, payload: String, createdBy: UUID?, maxAttempts: Int = 3, now: Date
    ) async throws -> Job {
        let record = JobRecord()
        record.id = id
        record.kind = jobKind
        record.state = JobState.queued.rawValue
        record.progress = 0
        record.payload = payload
        record.createdBy = createdBy
        record.createdAt = now
        record.attempts = 0
        record.maxAttempts = maxAttempts
        record.cancelRequested = false
        try await record.create(on: db)
        return record.domain
    }

    public func find(id: UUID) async throws -> Job? {
        try await JobRecord.find(id, on: db)?.domain
    }

    /// Newest first; `before` is the `(createdAt, id)` of the last job of the previous page.
    public func list(_ filter: JobFilter, before: (Date, UUID)?, limit: Int) async throws -> [Job] {
        var query = JobRecord.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let (date, id) = before {
            query = query.group(.or) { group in
                group.filter(\.$createdAt < date)
                group.group(.and) { same in
                    same.filter(\.$createdAt == date)
                    same.filter(\.$id < id)
                }
            }
        }
        if let createdBy = filter.createdBy { query = query.filter(\.$createdBy == createdBy) }
        if let state = filter.state { query = query.filter(\.$state == state.rawValue) }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        return try await query.limit(limit).all().map(\.domain)
    }

    public func count(state: JobState) async throws -> Int {
        try await JobRecord.query(on: db).filter(\.$state == state.rawValue).count()
    }

    /// Takes the oldest queued job of one of `kinds` for `workerID`, or returns nil when there is none.
    public func claim(kinds: [String], workerID: String, now: Date) async throws -> Job? {
        guard !kinds.isEmpty else { return nil }
        let sql = db as! any SQLDatabase
        let kindList = SQLList(kinds.map { SQLBind($0) })
        let lock = kind == .postgres ? SQLRaw(" FOR UPDATE SKIP LOCKED") : SQLRaw("")
        // The heartbeat is set in the same statement: a running job without one counts as an orphan, and a
        // second statement would leave a window in which another worker's recovery re-queues the job.
        let rows = try await sql.raw(
            """
            UPDATE jobs SET state = 'running', worker_id = \(bind: workerID), attempts = attempts + 1,
                            started_at = \(bind: now), heartbeat_at = \(bind: now)
            WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND cancel_requested = \(bind: false)
                        AND kind IN (\(kindList)) ORDER BY created_at, id LIMIT 1\(lock))
            RETURNING id
            """
        ).all()
        guard let row = rows.first else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        return try await find(id: id)
    }

    /// Records progress and returns whether cancellation was asked for meanwhile.
    public func reportProgress(id: UUID, workerID: String, progress: Double, message: String?, now: Date)
        async throws -> Bool
    {
        var update = JobRecord.query(on: db).filter(\.$id == id).filter(\.$workerID == workerID)
            .set(\.$progress, to: min(max(progress, 0), 1)).set(\.$heartbeatAt, to: now)
        if let message { update = update.set(\.$message, to: message) }
        try await update.update()
        return try await JobRecord.find(id, on: db)?.cancelRequested ?? true
    }

    public func heartbeat(ids: [UUID], workerID: String, now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await JobRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$workerID == workerID)
            .filter(\.$state == JobState.running.rawValue).set(\.$heartbeatAt, to: now).update()
    }

    /// Moves a running job owned by `workerID` to a final state. Returns the job, or nil when the worker no
    /// longer owns it (it was recovered as an orphan meanwhile).
    public func finish(
        id: UUID, workerID: String, state: JobState, resultRef: String?, error: String?, message: String?, now: Date
    ) async throws -> Job? {
        guard let record = try await JobRecord.find(id, on: db),
            record.state == JobState.running.rawValue, record.workerID == workerID
        else { return nil }
        record.state = state.rawValue
        record.finishedAt = now
        record.resultRef = resultRef
        record.error = error
        if let message { record.message = message }
        if state == .succeeded { record.progress = 1 }
        try await record.update(on: db)
        return record.domain
    }

    /// Gives a running job back to the queue without counting the attempt: its worker is shutting down cleanly.
    public func release(id: UUID, workerID: String) async throws -> Job? {
        guard let record = try await JobRecord.find(id, on: db),
            record.state == JobState.running.rawValue, record.workerID == workerID
        else { return nil }
        record.state = record.cancelRequested ? JobState.cancelled.rawValue : JobState.queued.rawValue
        record.attempts = max(0, record.attempts - 1)
        record.workerID = nil
        record.progress = 0
        record.message = "released by a worker that shut down"
        try await record.update(on: db)
        return record.domain
    }

    public enum CancelOutcome: Sendable, Equatable {
        /// Was queued: now cancelled.
        case cancelled(Job)
        /// Is running: the worker will stop at its next progress report.
        case requested(Job)
        case alreadyFinished(Job)
        case notFound
    }

    public func requestCancel(id: UUID, now: Date) async throws -> CancelOutcome {
        guard let record = try await JobRecord.find(id, on: db) else { return .notFound }
        switch JobState(rawValue: record.state) ?? .failed {
        case .queued:
            record.state = JobState.cancelled.rawValue
            record.cancelRequested = true
            record.finishedAt = now
            record.message = "cancelled before it started"
            try await record.update(on: db)
            return .cancelled(record.domain)
        case .running:
            record.cancelRequested = true
            try await record.update(on: db)
            return .requested(record.domain)
        case .succeeded, .failed, .cancelled:
            return .alreadyFinished(record.domain)
        }
    }

    /// Running jobs whose worker has not sent a heartbeat since `staleBefore` lost their worker (crash, kill,
    /// power cut). Jobs are atomic, so running one again is safe: each goes back to the queue until it has used
    /// its attempts, then fails. Returns the jobs changed.
    public func recoverOrphans(staleBefore: Date, now: Date) async throws -> [Job] {
        let stale = try await JobRecord.query(on: db)
            .filter(\.$state == JobState.running.rawValue)
            .group(.or) { group in
                group.filter(\.$heartbeatAt < staleBefore)
                group.filter(\.$heartbeatAt == nil)
            }
            .all()
        var changed: [Job] = []
        for record in stale {
            if record.cancelRequested {
                record.state = JobState.cancelled.rawValue
                record.finishedAt = now
                record.message = "cancelled; its worker stopped before acknowledging"
            } else if record.attempts < record.maxAttempts {
                record.state = JobState.queued.rawValue
                record.progress = 0
                record.message = "re-queued: worker \(record.workerID ?? "?") stopped during attempt \(record.attempts)"
            } else {
                record.state = JobState.failed.rawValue
                record.finishedAt = now
                record.error = "worker stopped during the last attempt (\(record.attempts) of \(record.maxAttempts))"
            }
            record.workerID = nil
            try await record.update(on: db)
            changed.append(record.domain)
        }
        return changed
    }
}
