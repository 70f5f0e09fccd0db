import Foundation
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

@Suite struct JobTests {
    /// Polls a job until `done` holds or a few seconds pass (the worker runs in real time).
    static func waitFor(_ app: TestApp, _ id: String, as role: Role = .admin, timeout: Double = 10,
                        _ done: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let job = try app.json(try await app.request(.get, "/api/v1/jobs/\(id)", as: role))
            if done(job) || Date() > deadline { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func submit(_ app: TestApp, _ payload: String, as role: Role = .engineer) async throws -> String {
        let response = try await app.request(.post, "/api/v1/jobs", as: role, json: #"{"kind":"demo.sleep","payload":\#(payload)}"#)
        #expect(response.status == .accepted)
        guard case .string(let id)? = try app.json(response)["id"] else { throw Problem(.internal) }
        return id
    }

    @Test func progressEventsArriveInOrderAndTheJobSucceeds() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange / Act
            let id = try await Self.submit(app, #"{"seconds":0.25,"steps":5}"#)
            // Replay from the start and follow until the final state (8 events: queued, running, 5 × progress, succeeded).
            let stream = try await app.request(.get, "/api/v1/jobs/\(id)/events?max_events=8&max_seconds=10", as: .engineer,
                                               headers: [.init("Last-Event-ID")!: "0"])

            // Assert
            #expect(stream.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let events = Self.parse(stream.text)
            #expect(events.map(\.type) == ["job.queued", "job.running"] + Array(repeating: "job.progress", count: 5) + ["job.succeeded"])
            let ids = events.map(\.id)
            #expect(ids == ids.sorted() && Set(ids).count == ids.count, "event ids increase")
            let progress = events.filter { $0.type == "job.progress" }.compactMap { event -> Double? in
                guard case .number(let value)? = (try? JSONDecoder().decode(JSONValue.self, from: Data(event.data.utf8)))?["progress"] else { return nil }
                return value
            }
            #expect(progress == [0.2, 0.4, 0.6, 0.8, 1.0])
            let job = try await Self.waitFor(app, id) { $0["state"] == "succeeded" }
            #expect(job["state"] == "succeeded")
            #expect(job["progress"] == 1)

            // Resume: after the fourth event only the rest arrives.
            let resumed = try await app.request(.get, "/api/v1/jobs/\(id)/events?max_events=4&max_seconds=2", as: .engineer,
                                                headers: [.init("Last-Event-ID")!: String(ids[3])])
            #expect(Self.parse(resumed.text).map(\.id) == Array(ids[4...]))
        }
    }

    @Test func cancellingARunningJobStopsIt() async throws {
        try await TestApp.run(withWorker: true) { app in
            let id = try await Self.submit(app, #"{"seconds":20,"steps":200}"#)
            _ = try await Self.waitFor(app, id) { $0["state"] == "running" }
            let cancel = try await app.request(.post, "/api/v1/jobs/\(id)/cancel", as: .engineer)
            #expect(cancel.status == .accepted)
            let job = try await Self.waitFor(app, id) { $0["state"] == "cancelled" }
            #expect(job["state"] == "cancelled")
            // Cancelling again is a conflict: it has already finished.
            #expect(try await app.request(.post, "/api/v1/jobs/\(id)/cancel", as: .engineer).status == .conflict)
        }
    }

    @Test func aFailingJobIsFailedWithItsError() async throws {
        try await TestApp.run(withWorker: true) { app in
            let id = try await Self.submit(app, #"{"seconds":0,"steps":1,"fail":true}"#)
            let job = try await Self.waitFor(app, id) { $0["state"] == "failed" }
            #expect(job["state"] == "failed")
            #expect(job["error"] == "failed on purpose, as the payload asked")
        }
    }

    /// A worker that died mid-job (no heartbeats) leaves the job `running`; after the lease the next worker
    /// re-queues it and runs it again, as the README says.
    @Test func jobInterruptedByACrashIsRequeuedAndRunAgain() async throws {
        try await TestDatabaseWithCrashedJob.run { app, jobID in
            let job = try await Self.waitFor(app, jobID.uuidString) { $0["state"] == "succeeded" }
            #expect(job["state"] == "succeeded")
            #expect(job["attempts"] == 2, "the crashed attempt counts")
        }
    }

    @Test func othersJobsAreInvisible() async throws {
        try await TestApp.run { app in
            let id = try await Self.submit(app, #"{"seconds":0}"#, as: .engineer)
            #expect(try await app.request(.get, "/api/v1/jobs/\(id)", as: .analyst).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/jobs/\(id)/cancel", as: .analyst).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/jobs/\(id)/events?max_events=1", as: .analyst).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/events?topics=jobs:\(id)&max_events=1", as: .analyst).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/jobs/\(id)", as: .admin).status == .ok)
            let list = try app.json(try await app.request(.get, "/api/v1/jobs", as: .analyst))
            #expect(list["items"] == [])

            // On the shared topic the analyst receives nothing of the engineer's job; the admin does.
            let analystStream = try await app.request(.get, "/api/v1/events?topics=jobs&max_seconds=1", as: .analyst,
                                                      headers: [.init("Last-Event-ID")!: "0"])
            #expect(Self.parse(analystStream.text).isEmpty)
            let adminStream = try await app.request(.get, "/api/v1/events?topics=jobs&max_events=1&max_seconds=2", as: .admin,
                                                    headers: [.init("Last-Event-ID")!: "0"])
            #expect(Self.parse(adminStream.text).map(\.type) == ["job.queued"])
        }
    }

    @Test func eventTopicsAreChecked() async throws {
        try await TestApp.run { app async throws in
            #expect(try await app.request(.get, "/api/v1/events", as: .viewer).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/events?topics=secrets", as: .viewer).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/events?topics=jobs:not-a-uuid", as: .viewer).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/events?topics=jobs").status == .unauthorized)
        }
    }

    @Test func demoKindsAreSubmittableOnlyWithPermissionAndValidPayload() async throws {
        try await TestApp.run { app in
            #expect(try await app.request(.post, "/api/v1/jobs", as: .engineer, json: #"{"kind":"maintenance.vacuum"}"#).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/jobs", as: .engineer, json: #"{"kind":"no.such.kind"}"#).status == .unprocessableContent)
            let bad = try await app.request(.post, "/api/v1/jobs", as: .engineer, json: #"{"kind":"demo.sleep","payload":{"seconds":-1}}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("/payload/seconds"))
        }
    }

    struct Event {
        let id: Int64
        let type: String
        let data: String
    }

    static func parse(_ text: String) -> [Event] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var id: Int64?
            var type: String?
            var data: String?
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { id = Int64(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            guard let id, let type, let data else { return nil }
            return Event(id: id, type: type, data: data)
        }
    }
}

/// Arranges a job that a dead worker left `running`, then starts an application with a worker.
enum TestDatabaseWithCrashedJob {
    static func run(_ body: @Sendable (TestApp, UUID) async throws -> Void) async throws {
        try await TestApp.run(withWorker: true, beforeStart: { platform, clock in
            let jobs = JobRepository(platform.database.db, kind: platform.database.kind)
            let job = try await jobs.enqueue(kind: "demo.sleep", payload: #"{"seconds":0,"steps":1}"#, createdBy: nil, now: clock.now)
            _ = try await jobs.claim(kinds: ["demo.sleep"], workerID: "crashed-worker", now: clock.now)
            // The lease (2 s in tests) passes without a heartbeat.
            clock.advance(by: 3)
            return job.id
        }) { app, id in try await body(app, id) }
    }
}
