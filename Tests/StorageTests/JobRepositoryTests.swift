import Foundation
import Testing
@testable import Storage
import TestSupport

@Suite struct JobRepositoryTests {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func claimHandsOutOldestQueuedJobOnce() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let jobs = JobRepository(database.db, kind: database.kind)
            let first = try await jobs.enqueue(kind: "demo.sleep", payload: "{}", createdBy: nil, now: t0)
            _ = try await jobs.enqueue(kind: "demo.sleep", payload: "{}", createdBy: nil, now: t0.addingTimeInterval(1))
            _ = try await jobs.enqueue(kind: "other.kind", payload: "{}", createdBy: nil, now: t0.addingTimeInterval(2))

            // Act
            let a = try await jobs.claim(kinds: ["demo.sleep"], workerID: "w1", now: t0)
            let b = try await jobs.claim(kinds: ["demo.sleep"], workerID: "w2", now: t0)
            let c = try await jobs.claim(kinds: ["demo.sleep"], workerID: "w3", now: t0)

            // Assert
            #expect(a?.id == first.id)
            #expect(a?.state == .running)
            #expect(a?.attempts == 1)
            #expect(a?.workerID == "w1")
            #expect(b != nil && b?.id != a?.id)
            #expect(c == nil, "the other kind is not claimed by a worker that does not know it")
        }
    }

    @Test func concurrentClaimsNeverShareAJob() async throws {
        try await TestDatabase.withDatabase { database in
            let jobs = JobRepository(database.db, kind: database.kind)
            for i in 0..<20 {
                _ = try await jobs.enqueue(kind: "k", payload: "{}", createdBy: nil, now: t0.addingTimeInterval(Double(i)))
            }
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let job = try await jobs.claim(kinds: ["k"], workerID: "w\(worker)", now: t0) {
                            mine.append(job.id)
                        }
                        return mine
                    }
                }
                var all: [UUID] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == 20)
            #expect(Set(claimed).count == 20)
        }
    }

    /// The claim writes the heartbeat in the same statement: a recovery running at the same moment must not take
    /// a freshly claimed job for an orphan (it did when the heartbeat was a second statement, and ran jobs twice).
    @Test func aJustClaimedJobIsNotAnOrphan() async throws {
        try await TestDatabase.withDatabase { database in
            let jobs = JobRepository(database.db, kind: database.kind)
            _ = try await jobs.enqueue(kind: "k", payload: "{}", createdBy: nil, now: t0)

            let claimed = try #require(try await jobs.claim(kinds: ["k"], workerID: "w", now: t0.addingTimeInterval(5)))
            let recovered = try await jobs.recoverOrphans(staleBefore: t0.addingTimeInterval(4), now: t0.addingTimeInterval(5))

            #expect(recovered.isEmpty)
            #expect(claimed.state == .running)
            #expect(abs((claimed.startedAt ?? .distantPast).timeIntervalSince(t0.addingTimeInterval(5))) < 0.001)
            #expect(abs((claimed.heartbeatAt ?? .distantPast).timeIntervalSince(t0.addingTimeInterval(5))) < 0.001)
        }
    }

    @Test func orphansAreRequeuedUntilAttemptsRunOutThenFail() async throws {
        try await TestDatabase.withDatabase { database in
            let jobs = JobRepository(database.db, kind: database.kind)
            let job = try await jobs.enqueue(kind: "k", payload: "{}", createdBy: nil, maxAttempts: 2, now: t0)

            _ = try await jobs.claim(kinds: ["k"], workerID: "dead", now: t0)
            let firstRecovery = try await jobs.recoverOrphans(staleBefore: t0.addingTimeInterval(60), now: t0.addingTimeInterval(61))
            #expect(firstRecovery.map(\.state) == [.queued])

            _ = try await jobs.claim(kinds: ["k"], workerID: "dead-again", now: t0.addingTimeInterval(62))
            let finish = try await jobs.finish(id: job.id, workerID: "dead", state: .succeeded, resultRef: nil, error: nil, message: nil, now: t0)
            #expect(finish == nil, "a worker that lost the job cannot finish it")
            let secondRecovery = try await jobs.recoverOrphans(staleBefore: t0.addingTimeInterval(200), now: t0.addingTimeInterval(201))
            #expect(secondRecovery.map(\.state) == [.failed])
            #expect(try await jobs.find(id: job.id)?.error?.contains("2 of 2") == true)
        }
    }

    @Test func cancellingQueuedJobIsImmediateAndRunningJobIsRequested() async throws {
        try await TestDatabase.withDatabase { database in
            let jobs = JobRepository(database.db, kind: database.kind)
            let queued = try await jobs.enqueue(kind: "k", payload: "{}", createdBy: nil, now: t0)
            let running = try await jobs.enqueue(kind: "r", payload: "{}", createdBy: nil, now: t0)
            _ = try await jobs.claim(kinds: ["r"], workerID: "w", now: t0)

            guard case .cancelled(let c) = try await jobs.requestCancel(id: queued.id, now: t0) else {
                Issue.record("queued job not cancelled"); return
            }
            #expect(c.state == .cancelled)
            guard case .requested = try await jobs.requestCancel(id: running.id, now: t0) else {
                Issue.record("running job cancel not requested"); return
            }
            let asked = try await jobs.reportProgress(id: running.id, workerID: "w", progress: 0.5, message: nil, now: t0)
            #expect(asked)
            #expect(try await jobs.claim(kinds: ["k"], workerID: "w", now: t0) == nil)
        }
    }
}
