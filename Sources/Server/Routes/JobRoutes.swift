import FluentKit
import Foundation
import Hummingbird
import Platform
import Storage

/// The job queue: list, inspect, submit (built-in kinds), cancel, and follow a job's events.
enum JobRoutes {
    struct SubmitJob: Decodable {
        let kind: String
        let payload: JSONValue?
    }

    struct KindView: Encodable {
        let name: String
        let summary: String
        let permission: String?
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(
            Endpoint(.get, "/api/v1/jobs", access: .permission(.jobsRead),
                     summary: "Jobs, newest first: your own, or everyone's with jobs.read_all", tag: "jobs",
                     parameters: [
                        .init("state", "string", "queued, running, succeeded, failed or cancelled"),
                        .init("kind", "string", "job kind"), .init("limit", "integer", "page size, 1–200"),
                        .init("cursor", "string", "from next_cursor"),
                     ],
                     response: "JobPage")
        ) { request, context in
            let identity = try context.requireIdentity()
            let query = Query(request)
            let filter = try JobFilter(
                createdBy: identity.can(.jobsReadAll) ? nil : identity.user.id, state: query.enum("state", JobState.self),
                kind: query.string("kind"))
            let limit = try query.limit()
            let before = try query.cursor().map(decodeJobCursor)
            let jobs = try await JobRepository(platform.database.db, kind: platform.database.kind)
                .list(filter, before: before, limit: limit + 1)
            return try .json(Page(fetched: jobs.map(JobView.init), limit: limit, cursorOf: {
                "\($0.createdAt.timeIntervalSince1970)|\($0.id.uuidString)"
            }))
        }

        routes.add(
            Endpoint(.get, "/api/v1/job-kinds", access: .permission(.jobsRead),
                     summary: "Job kinds this server runs, and which you may submit here", tag: "jobs", response: "JobKindList")
        ) { _, context in
            let identity = try context.requireIdentity()
            let kinds = platform.jobs.registry.all.map { kind in
                KindView(name: kind.name, summary: kind.summary, permission: kind.submitPermission?.rawValue)
            }.filter { kind in kind.permission.flatMap(Permission.init(rawValue:)).map(identity.can) ?? false }
            return try .json(["items": kinds])
        }

        routes.add(
            Endpoint(.post, "/api/v1/jobs", access: .permission(.jobsSubmit),
                     summary: "Queue a job of a built-in kind (module jobs are started by their own routes)", tag: "jobs",
                     audit: "job.submit", request: "SubmitJob", response: "Job", status: 202)
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await JSONBody.decode(SubmitJob.self, from: request, context: context)
            let job = try await submit(kind: body.kind, payload: body.payload ?? .object([:]), identity: identity,
                                       context: context, platform: platform)
            return try .json(JobView(job), status: .accepted, headers: [.location: "/api/v1/jobs/\(job.id)"])
        }

        routes.add(
            Endpoint(.get, "/api/v1/jobs/:id", access: .permission(.jobsRead), summary: "One job", tag: "jobs",
                     response: "Job")
        ) { _, context in
            let job = try await visibleJob(context: context, platform: platform)
            return try .json(JobView(job))
        }

        routes.add(
            Endpoint(.post, "/api/v1/jobs/:id/cancel", access: .permission(.jobsCancel),
                     summary: "Cancel a job: at once if queued, at its next progress report if running", tag: "jobs",
                     audit: "job.cancel", response: "Job", status: 202)
        ) { _, context in
            let job = try await cancel(context: context, platform: platform)
            return try .json(JobView(job), status: .accepted)
        }

        routes.add(
            Endpoint(.get, "/api/v1/jobs/:id/events", access: .permission(.jobsRead),
                     summary: "Server-Sent Events of one job (state changes and progress); resumes with Last-Event-ID",
                     tag: "jobs",
                     parameters: [
                        .init("max_events", "integer", "close after this many events (scripts, tests)"),
                        .init("max_seconds", "integer", "close after this many seconds"),
                     ],
                     responseType: "text/event-stream")
        ) { request, context in
            let identity = try context.requireIdentity()
            let job = try await visibleJob(context: context, platform: platform)
            return try await EventStream.response(
                request: request, context: context, identity: identity, subscriptions: [EventTopics.job(job.id)],
                rule: EventTopics.jobs, platform: platform)
        }
    }

    static func decodeJobCursor(_ text: String) throws -> (Date, UUID) {
        let parts = text.split(separator: "|")
        guard parts.count == 2, let seconds = Double(parts[0]), let id = UUID(uuidString: String(parts[1])) else {
            throw Problem.badQuery("cursor", "is not a cursor this server gave out")
        }
        return (Date(timeIntervalSince1970: seconds), id)
    }

    /// The job named in the path if the caller may see it; someone else's job is a 404, like a missing one.
    static func visibleJob(context: AppRequestContext, platform: PlatformServices) async throws -> Job {
        let identity = try context.requireIdentity()
        let id = try context.uuid(what: "job")
        guard let job = try await JobRepository(platform.database.db, kind: platform.database.kind).find(id: id),
            job.createdBy == identity.user.id || identity.can(.jobsReadAll)
        else { throw Problem.notFound("job \(id)") }
        return job
    }

    static func submit(kind name: String, payload: JSONValue, identity: Identity, context: AppRequestContext,
                       platform: PlatformServices) async throws -> Job {
        guard let kind = platform.jobs.registry.kind(name), let permission = kind.submitPermission else {
            throw Problem.invalid("/kind", "\"\(name)\" is not a job kind that can be submitted here; see /api/v1/job-kinds")
        }
        guard identity.can(permission) else {
            throw Problem(.forbidden, detail: "job kind \(name) needs the \(permission.rawValue) permission")
        }
        guard case .object = payload else { throw Problem.invalid("/payload", "must be a JSON object") }
        try kind.validate(payload)
        let payloadText = String(decoding: try AppJSON.encoder.encode(payload), as: UTF8.self)
        let job = try await platform.database.db.transaction { tx in
            let job = try await platform.jobs.enqueue(kind: name, payload: payloadText, createdBy: identity.user.id, on: tx)
            try await platform.auditor.record(on: tx, context: context, objectType: "job", objectID: job.id.uuidString,
                                              detail: name, action: "job.submit")
            return job
        }
        await platform.jobs.announce(job)
        return job
    }

    static func cancel(context: AppRequestContext, platform: PlatformServices) async throws -> Job {
        let identity = try context.requireIdentity()
        let visible = try await visibleJob(context: context, platform: platform)
        guard visible.createdBy == identity.user.id || identity.can(.jobsReadAll) else { throw Problem.notFound("job") }
        let now = platform.clock.now
        let outcome = try await platform.database.db.transaction { tx in
            let outcome = try await JobRepository(tx, kind: platform.database.kind).requestCancel(id: visible.id, now: now)
            if case .alreadyFinished = outcome { return outcome }
            try await platform.auditor.record(on: tx, context: context, objectType: "job", objectID: visible.id.uuidString,
                                              action: "job.cancel")
            return outcome
        }
        switch outcome {
        case .cancelled(let job):
            await platform.jobs.announce(job)
            return job
        case .requested(let job):
            return job
        case .alreadyFinished(let job):
            throw Problem(.conflict, detail: "the job has already \(job.state.rawValue)")
        case .notFound:
            throw Problem.notFound("job \(visible.id)")
        }
    }
}
