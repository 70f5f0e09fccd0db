import Foundation
@testable import WebUI

/// Every page of the web application rendered with the same hostile data, so that each check runs on all of them.
enum Fixtures {
    /// Ends an attribute, opens a tag, and carries an entity: whatever a page does with it, it must stay text.
    static let hostile = #""'><img src=x data-injected=1>&amp;</td>"#
    static let csrf = "csrf-token-123"
    static let now = Date(timeIntervalSince1970: 1_767_225_600)
    static let everyPermission: Set<String> = [
        "series.read", "grid.read", "plants.read", "jobs.read", "jobs.submit", "jobs.cancel", "users.read",
        "users.manage", "audit.read", "apikeys.manage",
    ]

    static func viewer(permissions: Set<String> = everyPermission) -> PageContext.Viewer {
        .init(username: "ada", displayName: hostile, role: "admin", permissions: permissions)
    }

    static func context(_ path: String, notice: PageContext.Notice? = nil, signedIn: Bool = true,
                        permissions: Set<String> = everyPermission) -> PageContext {
        PageContext(viewer: signedIn ? viewer(permissions: permissions) : nil, csrfToken: csrf, path: path,
                    version: "9.8.7", notice: notice)
    }

    static let jobs = [
        JobRow(id: "0b7c1a52-0000-4000-8000-000000000001", kind: "demo.sleep", state: "running", progress: 0.4,
               message: hostile, error: nil, createdAt: now, owner: hostile, canCancel: true),
        JobRow(id: "0b7c1a52-0000-4000-8000-000000000002", kind: "maintenance.vacuum", state: "failed", progress: 1,
               message: nil, error: hostile, createdAt: now, owner: "system", canCancel: true),
    ]

    static let audit = [
        AuditRow(at: now, actor: hostile, action: "user.create", object: hostile, outcome: "success", detail: hostile,
                 requestID: "req-0123456789"),
    ]

    static func login(username: String = hostile, next: String = "/jobs", error: String? = hostile) -> String {
        LoginPage.render(.init(username: username, next: next, error: error), context: context("/login", signedIn: false))
    }

    static func dashboard() -> String {
        DashboardPage.render(
            .init(database: hostile, databaseKind: "sqlite", migrationsApplied: 12, migrationsPending: 1, jobs: jobs,
                  queued: 3, running: 1, audit: audit),
            context: context("/", notice: .init(.success, hostile)))
    }

    static func jobsPage() -> String {
        JobsPage.render(
            .init(jobs: jobs, nextPage: "/jobs?before=abc", submittableKinds: [(name: "demo.sleep", summary: hostile)]),
            context: context("/jobs", notice: .init(.info, "The job was queued.")))
    }

    static func users() -> String {
        let users = [
            UsersPage.UserRow(id: "u1", username: "ops.lead", displayName: hostile, role: "operator", disabled: false,
                              lastLogin: now),
            UsersPage.UserRow(id: "u2", username: "old-account", displayName: "Old", role: "viewer", disabled: true,
                              lastLogin: nil),
        ]
        return UsersPage.render(.init(users: users, roles: ["admin", "operator", "viewer"], canManage: true, nextPage: nil),
                                context: context("/admin/users"))
    }

    static func auditPage(filter: [String: String] = ["action": hostile, "object_type": "user"]) -> String {
        AuditPage.render(.init(entries: audit, filter: filter, nextPage: "/admin/audit?before=7&action=a"),
                         context: context("/admin/audit"))
    }

    static func account() -> String {
        let keys = [
            AccountPage.KeyRow(id: "k1", name: hostile, prefix: "abcd", scopes: ["series.write"], createdAt: now,
                               lastUsedAt: nil, revoked: false),
            AccountPage.KeyRow(id: "k2", name: "old", prefix: "efgh", scopes: [], createdAt: now, lastUsedAt: now,
                               revoked: true),
        ]
        return AccountPage.render(
            .init(username: "ada", role: "admin", permissions: ["jobs.read", "series.write"], keys: keys, newSecret: hostile),
            context: context("/account", notice: .init(.error, hostile)))
    }

    /// A module placeholder page: the plainest page, for checks of the frame around the content.
    static func module(_ context: PageContext = context("/grid")) -> String {
        ModulePage.render(.init(title: "Grid", purpose: hostile, status: "Not built yet."), context: context)
    }

    static func docs() -> String {
        let operation = APIDocsPage.Operation(
            method: "POST", path: "/api/v1/jobs", summary: hostile, access: "jobs.submit",
            parameters: [(name: "kind", description: hostile)], request: "JobSubmission", response: "Job")
        return APIDocsPage.render(
            .init(description: hostile, groups: [(tag: "jobs", operations: [operation])],
                  schemas: [(name: "Job", json: #"{"type": "object", "description": "<b>"}"#)]),
            context: context("/api/docs"))
    }

    static func error() -> String {
        ErrorPage.render(title: "Not found", message: hostile, context: context("/nowhere"))
    }

    /// Every page, named for failure messages.
    static var pages: [(name: String, html: String)] {
        [("login", login()), ("dashboard", dashboard()), ("jobs", jobsPage()), ("users", users()),
         ("audit", auditPage()), ("account", account()), ("module", module()), ("docs", docs()), ("error", error())]
    }
}
