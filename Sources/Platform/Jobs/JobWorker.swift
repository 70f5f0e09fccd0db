import Foundation
import Logging
import ServiceLifecycle
import Storage
import Synchronization

/// Runs queued jobs: inside `serve` (as many at once as `jobs.workers`), or alone as `powerhouse worker`.
///
/// It wakes when a `job.queued` event arrives (from any instance) and otherwise polls. While jobs run it sends
/// heartbeats; it also recovers jobs whose worker stopped sending them (see `JobRepository.recoverOrphans`).
/// On graceful shutdown it stops claiming, cancels its running jobs and puts them back in the queue.
public final class JobWorker: Service, Sendable {
    let jobs: JobService
    let concurrency: Int
    let pollInterval: TimeInterval
    let lease: TimeInterval
    let eventRetention: TimeInterval
    let logger: Logger
    let metrics: AppMetrics?
    public let workerID: String
    private let signal = WakeSignal()
    private let activeJobs = Mutex<Set<UUID>>([])
    private let stopping = Mutex(false)

    public init(
        jobs: JobService, concurrency: Int, pollInterval: TimeInterval, lease: TimeInterval,
        eventRetention: TimeInterval, logger: Logger, metrics: AppMetrics?,
        workerID: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    ) {
        self.jobs = jobs
        self.concurrency = concurrency
        self.pollInterval = pollInterval
        self.lease = lease
        self.eventRetention = eventRetention
        self.logger = logger
        self.metrics = metrics
        self.workerID = workerID
    }

    private var repository: JobRepository { JobRepository(jobs.database.db, kind: jobs.database.kind) }

    public func wake() { signal.fire() }

    public func run() async throws {
        let (subscription, queued) = jobs.events.subscribe(topics: [EventTopics.jobs.name])
        let listener = Task { [signal] in
            for await event in queued where event.type == "job.queued" { signal.fire() }
        }
        defer {
            jobs.events.unsubscribe(subscription)
            listener.cancel()
        }
        await recoverOrphans()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.maintenanceLoop() }
                while !self.isStopping {
                    if self.activeCount < self.concurrency, let job = await self.claim() {
                        group.addTask { await self.execute(job) }
                        continue
                    }
                    await self.signal.wait(timeout: .milliseconds(Int(self.pollInterval * 1000)))
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.stopping.withLock { $0 = true }
            self.signal.fire()
        }
    }

    var isStopping: Bool { stopping.withLock { $0 } || Task.isCancelled }
    var activeCount: Int { activeJobs.withLock { $0.count } }

    private func claim() async -> Job? {
        do {
            guard let job = try await repository.claim(kinds: jobs.registry.names, workerID: workerID, now: jobs.clock.now)
            else { return nil }
            activeJobs.withLock { _ = $0.insert(job.id) }
            return job
        } catch {
            logger.error("could not claim a job", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func execute(_ job: Job) async {
        defer { activeJobs.withLock { _ = $0.remove(job.id) } }
        var logger = self.logger
        logger[metadataKey: "job"] = .string(job.id.uuidString)
        logger[metadataKey: "job_kind"] = .string(job.kind)
        await jobs.announce(job)
        guard let kind = jobs.registry.kind(job.kind) else {
            await finish(job, .failed, outcome: nil, error: "this build does not know job kind \(job.kind)")
            return
        }
        let reporter = ProgressReporter(
            jobID: job.id, ownerID: job.createdBy, workerID: workerID, database: jobs.database, events: jobs.events,
            clock: jobs.clock)
        let context = JobContext(job: job, database: jobs.database, logger: logger, reporter: reporter)
        let started = ContinuousClock.now
        do {
            let outcome = try await kind.run(context)
            await finish(job, .succeeded, outcome: outcome, error: nil)
        } catch is JobCancelled {
            await finish(job, .cancelled, outcome: JobOutcome(message: "cancelled on request"), error: nil)
        } catch is CancellationError where isStopping {
            await release(job)
        } catch let problem as Problem {
            await finish(job, .failed, outcome: nil, error: problem.detail ?? problem.title)
        } catch {
            logger.error("job failed", metadata: ["error": "\(error)"])
            await finish(job, .failed, outcome: nil, error: "\(error)")
        }
        metrics?.jobFinished(kind: job.kind, duration: ContinuousClock.now - started)
    }

    private func finish(_ job: Job, _ state: JobState, outcome: JobOutcome?, error: String?) async {
        do {
            let finished = try await repository.finish(
                id: job.id, workerID: workerID, state: state, resultRef: outcome?.resultRef, error: error,
                message: outcome?.message, now: jobs.clock.now)
            if let finished {
                metrics?.jobOutcome(kind: job.kind, state: state)
                await jobs.announce(finished)
            } else {
                logger.warning("job was taken from this worker before it finished", metadata: ["job": "\(job.id)"])
            }
        } catch {
            logger.error("could not record the end of a job", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    private func release(_ job: Job) async {
        do {
            if let released = try await repository.release(id: job.id, workerID: workerID) {
                await jobs.announce(released)
            }
        } catch {
            logger.error("could not release a job at shutdown", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    /// Heartbeats for our jobs, orphan recovery for everyone's, and event pruning.
    private func maintenanceLoop() async {
        let beat = max(0.05, min(lease / 3, 10))
        var sinceRecovery: TimeInterval = 0
        var sincePrune: TimeInterval = 0
        while !isStopping {
            try? await Task.sleep(for: .milliseconds(Int(beat * 1000)))
            if Task.isCancelled { return }
            let ids = Array(activeJobs.withLock { $0 })
            do {
                try await repository.heartbeat(ids: ids, workerID: workerID, now: jobs.clock.now)
            } catch {
                logger.warning("heartbeat failed", metadata: ["error": "\(error)"])
            }
            sinceRecovery += beat
            sincePrune += beat
            if sinceRecovery >= lease / 2 {
                sinceRecovery = 0
                await recoverOrphans()
            }
            if sincePrune >= 3600 {
                sincePrune = 0
                try? await jobs.events.prune(retention: eventRetention)
            }
        }
    }

    /// See `JobRepository.recoverOrphans`: re-queued while attempts remain, then failed.
    public func recoverOrphans() async {
        do {
            let now = jobs.clock.now
            let changed = try await repository.recoverOrphans(staleBefore: now.addingTimeInterval(-lease), now: now)
            for job in changed {
                logger.notice("recovered a job whose worker stopped", metadata: ["job": "\(job.id)", "state": "\(job.state.rawValue)"])
                await jobs.announce(job)
            }
            if changed.contains(where: { $0.state == .queued }) { signal.fire() }
        } catch {
            logger.error("orphan recovery failed", metadata: ["error": "\(error)"])
        }
    }
}
