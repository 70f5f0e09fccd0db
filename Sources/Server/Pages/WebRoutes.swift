import FluentKit
import Foundation
import Hummingbird
import Platform
import Storage
import WebUI

/// The web application's pages and form posts. Forms are protected by the session's CSRF token; the login
/// form, which has no session yet, by a double-submit cookie.
enum WebRoutes {
    struct LoginForm: Decodable {
        let username: String?
        let password: String?
        let next: String?
        let csrfToken: String?
        enum CodingKeys: String, CodingKey { case username, password, next, csrfToken = "csrf_token" }
    }

    struct CSRFForm: Decodable {
        let csrfToken: String?
        enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token" }
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/login", access: .open, kind: .page, summary: "Login page", tag: "web")) { request, context in
            if context.identity != nil { return PageSupport.redirect("/") }
            let token = CredentialRepository.newSecret()
            var page = PageSupport.context(request, context)
            page = PageContext(viewer: nil, csrfToken: token, path: page.path, version: page.version, notice: page.notice)
            let next = safeNext(request.uri.queryParameters.get("next"))
            let secure = PageSupport.isSecure(request, context, platform.config)
            return PageSupport.html(
                LoginPage.render(.init(next: next), context: page),
                headers: [.setCookie: PageSupport.cookie(PageSupport.csrfCookie, token, maxAge: 3600, secure: secure)])
        }

        routes.add(Endpoint(.post, "/login", access: .open, kind: .page, summary: "Log in (form)", tag: "web", audit: "auth.login")) {
            request, context in
            let form = try await PageSupport.form(LoginForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            let next = safeNext(form.next)
            do {
                let user = try await AuthRoutes.authenticatePassword(
                    username: form.username ?? "", password: form.password ?? "", context: context, platform: platform)
                let now = platform.clock.now
                let (cookie, _) = try await platform.database.db.transaction { tx in
                    let session = try await CredentialRepository(tx).createSession(
                        userID: user.id, now: now, lifetime: platform.config.sessionTTL)
                    try await UserRepository(tx).recordLogin(id: user.id, at: now)
                    var audited = context
                    audited.identity = Identity(user: user, method: .session(id: session.1.id, csrfToken: ""))
                    try await platform.auditor.record(on: tx, context: audited, objectType: "user", objectID: user.id.uuidString,
                                                      detail: "web session")
                    return session
                }
                let secure = PageSupport.isSecure(request, context, platform.config)
                var headers = HTTPFields()
                headers[values: .setCookie] = [
                    PageSupport.cookie(AuthenticatorMiddleware.sessionCookie, cookie, maxAge: Int(platform.config.sessionTTL), secure: secure),
                    PageSupport.cookie(PageSupport.csrfCookie, "", maxAge: 0, secure: secure),
                ]
                return PageSupport.redirect(next, headers: headers)
            } catch let problem as Problem where problem.statusCode == 401 || problem.statusCode == 422 || problem.statusCode == 429 {
                var page = PageSupport.context(request, context)
                page = PageContext(viewer: nil, csrfToken: form.csrfToken, path: page.path, version: page.version)
                var headers = HTTPFields()
                if let retry = problem.retryAfter { headers[.retryAfter] = String(retry) }
                return PageSupport.html(
                    LoginPage.render(.init(username: form.username ?? "", next: next, error: problem.detail), context: page),
                    status: problem.status, headers: headers)
            }
        }

        routes.add(Endpoint(.post, "/logout", access: .authenticated, kind: .page, summary: "Log out (form)", tag: "web", audit: "auth.logout")) {
            request, context in
            let form = try await PageSupport.form(CSRFForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            if let cookie = AuthServices.cookie(AuthenticatorMiddleware.sessionCookie, in: request) {
                try await platform.database.db.transaction { tx in
                    try await CredentialRepository(tx).deleteSession(cookie: cookie)
                    try await platform.auditor.record(on: tx, context: context, objectType: "user",
                                                      objectID: context.identity?.user.id.uuidString, detail: "web session")
                }
            }
            let secure = PageSupport.isSecure(request, context, platform.config)
            return PageSupport.redirect(
                "/login?done=logged-out",
                headers: [.setCookie: PageSupport.cookie(AuthenticatorMiddleware.sessionCookie, "", maxAge: 0, secure: secure)])
        }

        routes.add(Endpoint(.get, "/", access: .authenticated, kind: .page, summary: "Overview", tag: "web")) { request, context in
            let identity = try context.requireIdentity()
            let jobs = JobRepository(platform.database.db, kind: platform.database.kind)
            let recent = try await jobs.list(JobFilter(createdBy: identity.can(.jobsReadAll) ? nil : identity.user.id), before: nil, limit: 8)
            let audit = identity.can(.auditRead)
                ? try await AuditRepository(platform.database.db).list(AuditFilter(), before: nil, limit: 8).map(auditRow) : nil
            let pending = try await platform.database.pendingMigrations()
            let model = DashboardPage.Model(
                database: platform.database.location.description, databaseKind: platform.database.kind.rawValue,
                migrationsApplied: AppDatabase.knownMigrations.count - pending.count, migrationsPending: pending.count,
                jobs: try await jobRows(recent, identity: identity, platform: platform),
                queued: try await jobs.count(state: .queued), running: try await jobs.count(state: .running), audit: audit)
            return PageSupport.html(DashboardPage.render(model, context: PageSupport.context(request, context)))
        }

        for (path, module) in ModulePage.planned.sorted(by: { $0.key < $1.key }) {
            routes.add(Endpoint(.get, path, access: .authenticated, kind: .page,
                                summary: module.title, tag: "web")) { request, context in
                PageSupport.html(ModulePage.render(module, context: PageSupport.context(request, context)))
            }
        }

        AdminPages.add(to: routes)
        JobPages.add(to: routes)
        AccountPages.add(to: routes)
        DocsPage.add(to: routes)
    }

    /// Only local paths may follow a login: an open redirect would let a link send people anywhere.
    static func safeNext(_ next: String?) -> String {
        guard let next = next?.removingPercentEncoding ?? next, next.hasPrefix("/"), !next.hasPrefix("//"),
            !next.contains("\\"), next.count < 500
        else { return "/" }
        return next
    }

    static func auditRow(_ entry: AuditEntry) -> AuditRow {
        AuditRow(at: entry.at, actor: entry.actorName, action: entry.action,
                 object: [entry.objectType, entry.objectID.map { String($0.prefix(8)) }].compactMap { $0 }.joined(separator: " "),
                 outcome: entry.outcome.rawValue, detail: entry.detail, requestID: entry.requestID)
    }

    static func jobRows(_ jobs: [Job], identity: Identity, platform: PlatformServices) async throws -> [JobRow] {
        var names: [UUID: String] = [:]
        for owner in Set(jobs.compactMap(\.createdBy)) {
            names[owner] = try await UserRepository(platform.database.db).find(id: owner)?.username
        }
        return jobs.map { job in
            JobRow(id: job.id.uuidString.lowercased(), kind: job.kind, state: job.state.rawValue, progress: job.progress,
                   message: job.message, error: job.error, createdAt: job.createdAt,
                   owner: job.createdBy.flatMap { names[$0] } ?? "system",
                   canCancel: identity.can(.jobsCancel) && (job.createdBy == identity.user.id || identity.can(.jobsReadAll)))
        }
    }
}
