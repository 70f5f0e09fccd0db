import Foundation
import Logging
import Platform
import Storage
import Testing
import TestSupport

/// Several instances on one PostgreSQL: live events cross by LISTEN/NOTIFY. (SQLite is one process: skipped.)
@Suite struct CrossInstanceTests {
    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func eventsPublishedOnOneInstanceReachSubscribersOfAnother() async throws {
        try await TestDatabase.withDatabase { first in
            // Arrange: a second instance on the same schema, listening.
            let url = TestDatabase.postgresURL!
            let logger = Logger(label: "test")
            let second = try await AppDatabase.open(.postgres(url: url), poolSize: 2, schema: first.schema, logger: logger)
            let publisher = EventBus(database: first, clock: .system, logger: logger)
            let receiver = EventBus(database: second, clock: .system, logger: logger)
            let listener = Task { try await PostgresEventListener(bus: receiver, url: url, logger: logger).run() }
            let (_, events) = receiver.subscribe(topics: ["jobs"])
            try await Task.sleep(for: .milliseconds(500))  // let LISTEN take effect

            // Act
            let sent = try await publisher.publish(topic: "jobs:\(UUID().uuidString.lowercased())", type: "job.progress", data: ["progress": 0.5])

            // Assert
            let received = await withTaskGroup(of: StoredEvent?.self) { group in
                group.addTask { for await event in events { return event }; return nil }
                group.addTask { try? await Task.sleep(for: .seconds(10)); return nil }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            #expect(received?.id == sent.id)
            #expect(received?.type == "job.progress")
            listener.cancel()
            await second.shutdown()
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func twoWorkersOnOneQueueRunEachJobOnce() async throws {
        try await TestDatabase.withDatabase { database in
            let jobs = JobRepository(database.db, kind: database.kind)
            let now = Date()
            for _ in 0..<30 { _ = try await jobs.enqueue(kind: "k", payload: "{}", createdBy: nil, now: now) }
            let logger = Logger(label: "test")
            let other = try await AppDatabase.open(.postgres(url: TestDatabase.postgresURL!), poolSize: 2, schema: database.schema, logger: logger)
            let otherJobs = JobRepository(other.db, kind: other.kind)
            async let a: [UUID] = Self.drain(jobs, worker: "instance-a")
            async let b: [UUID] = Self.drain(otherJobs, worker: "instance-b")
            let (fromA, fromB) = try await (a, b)
            #expect(fromA.count + fromB.count == 30)
            #expect(Set(fromA).isDisjoint(with: Set(fromB)))
            await other.shutdown()
        }
    }

    static func drain(_ jobs: JobRepository, worker: String) async throws -> [UUID] {
        var claimed: [UUID] = []
        while let job = try await jobs.claim(kinds: ["k"], workerID: worker, now: Date()) { claimed.append(job.id) }
        return claimed
    }
}
