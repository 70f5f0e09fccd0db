import Foundation
import HTTPTypes
import Platform
@testable import Server
import Storage
import Testing

@Suite struct AuditTests {
    /// Each state-changing API route, with a request that succeeds, and the action it must leave in the log.
    @Test func everyMutatingRouteWritesItsAuditEntry() async throws {
        try await TestApp.run { app in
            let viewer = app.users[.viewer]!
            let engineer = app.users[.engineer]!
            let login = try app.json(try await app.login("admin"))
            guard case .string(let refresh)? = login["refresh_token"] else { Issue.record("login failed"); return }
            let job = try app.json(try await app.request(.post, "/api/v1/jobs", as: .engineer, json: #"{"kind":"demo.sleep","payload":{"seconds":0}}"#))
            guard case .string(let jobID)? = job["id"] else { Issue.record("no job"); return }
            let key = try app.json(try await app.request(.post, "/api/v1/api-keys", as: .engineer, json: #"{"name":"k","scopes":["jobs.read"]}"#))
            guard case .string(let keyID)? = key["key"]?["id"] else { Issue.record("no key"); return }

            let cases: [(HTTPRequest.Method, String, Role?, String?, String)] = [
                (.post, "/api/v1/auth/refresh", nil, #"{"refresh_token":"\#(refresh)"}"#, "auth.refresh"),
                (.post, "/api/v1/users", .admin, #"{"username":"newbie","password":"long enough pw","role":"viewer"}"#, "user.create"),
                (.patch, "/api/v1/users/\(viewer.id)", .admin, #"{"display_name":"V"}"#, "user.update"),
                (.post, "/api/v1/users/\(viewer.id)/password", .admin, #"{"password":"another long pw"}"#, "user.reset_password"),
                (.post, "/api/v1/me/password", .engineer, #"{"current_password":"\#(TestApp.adminPassword)","new_password":"brand new secret"}"#, "user.change_password"),
                (.delete, "/api/v1/api-keys/\(keyID)", .admin, nil, "api_key.revoke"),
                (.post, "/api/v1/jobs/\(jobID)/cancel", .admin, nil, "job.cancel"),
                (.post, "/api/v1/auth/logout", .admin, #"{"everywhere":true}"#, "auth.logout"),
            ]
            for (method, uri, role, body, action) in cases {
                let response = try await app.request(method, uri, as: role, json: body)
                #expect(response.status.code < 300, "\(method) \(uri): \(response.status) \(response.text)")
                let entries = try await app.auditEntries(action: action).filter { $0.outcome == .success }
                #expect(!entries.isEmpty, "no success entry for \(action)")
                #expect(entries.allSatisfy { !$0.requestID.isEmpty })
            }
            // Those made while arranging, too.
            for action in ["auth.login", "job.submit", "api_key.create"] {
                #expect(try await app.auditEntries(action: action).contains { $0.outcome == .success }, "\(action)")
            }
            _ = engineer

            // Every mutating API endpoint declares its audit action (so the wrapper can audit refusals).
            for endpoint in app.endpoints.all where endpoint.isMutating {
                #expect(endpoint.audit != nil, "\(endpoint.key) has no audit action")
            }
        }
    }

    @Test func rolledBackChangeLeavesNoSuccessEntry() async throws {
        try await TestApp.run { app in
            // The last admin cannot be demoted: the transaction rolls back.
            let admin = app.users[.admin]!
            let response = try await app.request(.patch, "/api/v1/users/\(admin.id)", as: .admin, json: #"{"role":"viewer"}"#)
            #expect(response.status == .conflict)
            let entries = try await app.auditEntries(action: "user.update")
            #expect(!entries.contains { $0.outcome == .success }, "no success entry for a change that did not happen")
            #expect(entries.contains { $0.outcome == .failure }, "the refusal is recorded")
            #expect(try await UserRepository(app.platform.database.db).find(id: admin.id)?.role == .admin)
        }
    }

    @Test func deniedRequestsAreAuditedAsDenied() async throws {
        try await TestApp.run { app in
            #expect(try await app.request(.post, "/api/v1/users", as: .viewer, json: "{}").status == .forbidden)
            let entries = try await app.auditEntries(action: "user.create")
            #expect(entries.contains { $0.outcome == .denied && $0.actorID == app.users[.viewer]!.id })
        }
    }

    @Test func auditListFiltersAndPaginates() async throws {
        try await TestApp.run { app in
            for index in 0..<5 {
                _ = try await app.request(.post, "/api/v1/users", as: .admin,
                                          json: #"{"username":"user\#(index)","password":"long enough pw","role":"viewer"}"#)
            }
            let first = try app.json(try await app.request(.get, "/api/v1/audit?action=user.create&limit=2", as: .admin))
            guard case .array(let items)? = first["items"], case .string(let cursor)? = first["next_cursor"] else {
                Issue.record("no page"); return
            }
            #expect(items.count == 2)
            var seen = items.count
            var next: String? = cursor
            while let page = next {
                let response = try app.json(try await app.request(.get, "/api/v1/audit?action=user.create&limit=2&cursor=\(page)", as: .admin))
                if case .array(let more)? = response["items"] { seen += more.count }
                if case .string(let value)? = response["next_cursor"] { next = value } else { next = nil }
            }
            // Five from the API plus the bootstrap admin.
            #expect(seen == 6)
            let byUser = try app.json(try await app.request(.get, "/api/v1/audit?user=\(app.users[.admin]!.id)&action=user.create", as: .admin))
            if case .array(let mine)? = byUser["items"] { #expect(mine.count == 5) }
        }
    }
}
