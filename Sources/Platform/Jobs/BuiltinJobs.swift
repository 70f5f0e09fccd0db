import Foundation
import Storage

/// Job kinds of the platform itself.
public enum BuiltinJobs {
    /// `demo.sleep` (dev and test only): sleeps in steps, reporting progress; proves the job machinery.
    /// Payload: `{"seconds": 2, "steps": 10, "fail": false}`.
    public static let demoSleep = JobKind(
        name: "demo.sleep", summary: "sleep in steps, reporting progress (dev and test only)",
        submitPermission: .jobsSubmit, demoOnly: true,
        validate: { payload in
            if let seconds = payload["seconds"] {
                guard case .number(let value) = seconds, (0...3600).contains(value) else {
                    throw Problem.invalid("/payload/seconds", "must be a number of seconds from 0 to 3600")
                }
            }
            if let steps = payload["steps"] {
                guard case .number(let value) = steps, (1...10_000).contains(value), value == value.rounded() else {
                    throw Problem.invalid("/payload/steps", "must be a whole number from 1 to 10000")
                }
            }
        },
        run: { context in
            struct Payload: Decodable {
                var seconds: Double?
                var steps: Int?
                var fail: Bool?
            }
            let payload = (try? context.payload(as: Payload.self)) ?? Payload()
            let steps = max(1, payload.steps ?? 10)
            let pause = Duration.milliseconds(Int((payload.seconds ?? 2) * 1000 / Double(steps)))
            for step in 1...steps {
                try await Task.sleep(for: pause)
                try await context.progress(Double(step) / Double(steps), message: "step \(step) of \(steps)")
            }
            if payload.fail == true { throw Problem(.badRequest, detail: "failed on purpose, as the payload asked") }
            return JobOutcome(message: "slept \(payload.seconds ?? 2) s in \(steps) steps")
        })

    /// `maintenance.vacuum` (admin): drops expired sessions, old events and stale uploads, then compacts the database.
    public static func vacuum(eventRetention: TimeInterval, clock: AppClock) -> JobKind {
        JobKind(
            name: "maintenance.vacuum", summary: "drop expired sessions, old events and stale uploads, then compact the database",
            submitPermission: .systemMaintain, maxAttempts: 1,
            run: { context in
                let now = clock.now
                try await context.progress(0.1, message: "dropping expired sessions")
                try await CredentialRepository(context.database.db).deleteExpiredSessions(now: now)
                try await context.progress(0.3, message: "dropping old events")
                try await EventRepository(context.database.db).prune(olderThan: now.addingTimeInterval(-eventRetention))
                try await context.progress(0.4, message: "dropping stale uploads")
                try await UploadStore(database: context.database, clock: clock, limit: 0).deleteStale(olderThan: UploadStore.staleAfter)
                try await context.progress(0.5, message: "compacting")
                let statement = context.database.kind == .sqlite ? "VACUUM" : "VACUUM ANALYZE"
                try await context.database.sql.raw(.init(statement)).run()
                return JobOutcome(message: "compacted with \(statement)")
            })
    }
}
