import Foundation
import Hummingbird
import Platform
import Storage

enum AuditRoutes {
    static func add(to routes: Routes) {
        let platform = routes.platform
        routes.add(
            Endpoint(.get, "/api/v1/audit", access: .permission(.auditRead), summary: "The audit log, newest first",
                     tag: "audit",
                     parameters: [
                        .init("user", "string", "actor user id"), .init("action", "string", "such as user.create"),
                        .init("object_type", "string", "such as user, job"), .init("object_id", "string", "the object's id"),
                        .init("from", "string", "ISO 8601, inclusive"), .init("to", "string", "ISO 8601, exclusive"),
                        .init("limit", "integer", "page size, 1–200"), .init("cursor", "string", "from next_cursor"),
                     ],
                     response: "AuditPage")
        ) { request, _ in
            let query = Query(request)
            let filter = try AuditFilter(
                actorID: query.uuid("user"), action: query.string("action"), objectType: query.string("object_type"),
                objectID: query.string("object_id"), from: query.date("from"), to: query.date("to"))
            let limit = try query.limit()
            let before = try query.cursor().map { text -> Int64 in
                guard let id = Int64(text) else { throw Problem.badQuery("cursor", "is not a cursor this server gave out") }
                return id
            }
            let entries = try await AuditRepository(platform.database.db).list(filter, before: before, limit: limit + 1)
            return try .json(Page(fetched: entries, limit: limit, cursorOf: { String($0.id) }))
        }
    }
}
