import Foundation
import Hummingbird
import Platform
import Storage

/// Server-Sent Events: replay after `Last-Event-ID`, then live events, with heartbeat comments so that
/// proxies keep the connection open and clients notice a dead one.
enum EventStream {
    enum Output: Sendable {
        case event(StoredEvent)
        case heartbeat
        case end
    }

    /// One subscription and the rule that governs what its subscriber may see.
    struct Subscription: Sendable {
        let topic: String
        let rule: EventTopicRule
    }

    static func response(
        request: Request, context: AppRequestContext, identity: Identity, subscriptions topics: [String],
        rule: EventTopicRule, platform: PlatformServices
    ) async throws -> Response {
        try await response(
            request: request, context: context, identity: identity,
            subscriptions: topics.map { Subscription(topic: $0, rule: rule) }, platform: platform)
    }

    static func response(
        request: Request, context: AppRequestContext, identity: Identity, subscriptions: [Subscription],
        platform: PlatformServices
    ) async throws -> Response {
        let query = Query(request)
        let lastIDText = try request.headers[.init("Last-Event-ID")!] ?? query.string("last_event_id")
        let lastID = try lastIDText.map { text -> Int64 in
            guard let id = Int64(text), id >= 0 else { throw Problem.badQuery("Last-Event-ID", "must be an event id") }
            return id
        }
        let maxEvents = try query.int("max_events", default: Int.max, range: 1...Int.max)
        let maxSeconds = try query.int("max_seconds", default: 0, range: 0...86_400)
        let topics = subscriptions.map(\.topic)
        let heartbeat = platform.config.eventHeartbeat

        // Subscribe before replaying, so that nothing published in between is lost; duplicates are skipped by id.
        let (subscriptionID, live) = platform.events.subscribe(topics: topics)
        let replay: [StoredEvent] = if let lastID { try await platform.events.replay(after: lastID, topics: topics) } else { [] }
        let events = platform.events
        let metrics = platform.metrics
        metrics.sseClients.increment()

        @Sendable func visible(_ event: StoredEvent) -> Bool {
            guard let subscription = subscriptions.first(where: { EventTopics.matches(subscription: $0.topic, topic: event.topic) })
            else { return false }
            return EventTopics.visible(event, to: identity, rule: subscription.rule)
        }

        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
            .init("X-Accel-Buffering")!: "no",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (output, continuation) = AsyncStream<Output>.makeStream()
            let forward = Task {
                for await event in live { continuation.yield(.event(event)) }
                continuation.yield(.end)
            }
            let beat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(Int(heartbeat * 1000)))
                    continuation.yield(.heartbeat)
                }
            }
            let deadline = Task {
                guard maxSeconds > 0 else { return }
                try? await Task.sleep(for: .seconds(maxSeconds))
                continuation.yield(.end)
            }
            defer {
                forward.cancel()
                beat.cancel()
                deadline.cancel()
                continuation.finish()
                events.unsubscribe(subscriptionID)
                metrics.sseClients.decrement()
            }
            var sent = 0
            var lastSent = lastID ?? 0
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            for event in replay where visible(event) {
                try await writer.write(ByteBuffer(string: format(event)))
                lastSent = event.id
                sent += 1
                if sent >= maxEvents { break }
            }
            if sent < maxEvents {
                loop: for await item in output {
                    switch item {
                    case .event(let event):
                        guard event.id > lastSent, visible(event) else { continue }
                        try await writer.write(ByteBuffer(string: format(event)))
                        lastSent = event.id
                        sent += 1
                        if sent >= maxEvents { break loop }
                    case .heartbeat:
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                    case .end:
                        break loop
                    }
                }
            }
            try await writer.finish(nil)
        })
    }

    /// One SSE message. Data is single-line JSON, so no line splitting is needed.
    static func format(_ event: StoredEvent) -> String {
        "id: \(event.id)\nevent: \(event.type)\ndata: \(event.data)\n\n"
    }

    static func add(to routes: Routes) {
        let platform = routes.platform
        routes.add(
            Endpoint(.get, "/api/v1/events", access: .authenticated,
                     summary: "Server-Sent Events on the given topics (jobs, jobs:<id>); resumes with Last-Event-ID",
                     tag: "events",
                     parameters: [
                        .init("topics", "string", "comma-separated: jobs (your jobs, or all with jobs.read_all), jobs:<id>"),
                        .init("max_events", "integer", "close after this many events (scripts, tests)"),
                        .init("max_seconds", "integer", "close after this many seconds"),
                     ],
                     responseType: "text/event-stream")
        ) { request, context in
            let identity = try context.requireIdentity()
            guard let topicsText = try Query(request).string("topics", maxLength: 2000) else {
                throw Problem.badQuery("topics", "name at least one topic, such as topics=jobs")
            }
            var subscriptions: [Subscription] = []
            for topic in topicsText.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                subscriptions.append(try authorise(topic: topic, identity: identity, platform: platform))
            }
            for subscription in subscriptions where subscription.topic.hasPrefix("jobs:") {
                let id = UUID(uuidString: String(subscription.topic.dropFirst(5)))!
                let job = try await JobRepository(platform.database.db, kind: platform.database.kind).find(id: id)
                guard let job, job.createdBy == identity.user.id || identity.can(.jobsReadAll) else {
                    throw Problem.notFound("job \(id)")
                }
            }
            return try await response(
                request: request, context: context, identity: identity, subscriptions: subscriptions, platform: platform)
        }
    }

    static var rules: [EventTopicRule] { [EventTopics.jobs] + Modules.all.flatMap { $0.eventTopics } }

    static func authorise(topic: String, identity: Identity, platform: PlatformServices) throws -> Subscription {
        let name = topic.split(separator: ":", maxSplits: 1).first.map(String.init) ?? topic
        guard let rule = rules.first(where: { $0.name == name }) else {
            throw Problem.badQuery("topics", "\"\(topic.prefix(80))\" is not a topic; known: \(rules.map(\.name).joined(separator: ", "))")
        }
        guard identity.can(rule.permission) else {
            throw Problem(.forbidden, detail: "topic \(name) needs the \(rule.permission.rawValue) permission")
        }
        if topic != name {
            let suffix = topic.dropFirst(name.count + 1)
            guard let id = UUID(uuidString: String(suffix)) else {
                throw Problem.badQuery("topics", "\"\(topic.prefix(80))\" should be \(name):<uuid>")
            }
            return Subscription(topic: "\(name):\(id.uuidString.lowercased())", rule: rule)
        }
        return Subscription(topic: name, rule: rule)
    }
}
