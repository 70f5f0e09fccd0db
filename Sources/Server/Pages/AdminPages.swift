import Foundation
import Hummingbird
import Platform
import Storage
import WebUI

/// Users and audit log pages for administrators.
enum AdminPages {
    struct CreateUserForm: Decodable {
        let csrfToken: String?
        let username: String?
        let displayName: String?
        let password: String?
        let role: String?
        enum CodingKeys: String, CodingKey {
            case csrfToken = "csrf_token", username, displayName = "display_name", password, role
        }
    }

    struct UpdateUserForm: Decodable {
        let csrfToken: String?
        let role: String?
        let disabled: String?
        enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token", role, disabled }
    }

    struct PasswordForm: Decodable {
        let csrfToken: String?
        let password: String?
        enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token", password }
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/admin/users", access: .permission(.usersRead), kind: .page, summary: "Users", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let after = request.uri.queryParameters.get("after")
            let users = try await UserRepository(platform.database.db).list(after: after, limit: 101)
            let rows = users.prefix(100).map { user in
                UsersPage.UserRow(id: user.id.uuidString.lowercased(), username: user.username, displayName: user.displayName,
                                  role: user.role.rawValue, disabled: user.disabled, lastLogin: user.lastLoginAt)
            }
            let next = users.count > 100 ? rows.last.map { "/admin/users?after=\($0.username)" } : nil
            let model = UsersPage.Model(users: Array(rows), roles: Role.allCases.map(\.rawValue),
                                        canManage: identity.can(.usersManage), nextPage: next)
            return PageSupport.html(UsersPage.render(model, context: PageSupport.context(request, context)))
        }

        routes.add(Endpoint(.post, "/admin/users", access: .permission(.usersManage), kind: .page, summary: "Create user (form)",
                            tag: "web", audit: "user.create")) { request, context in
            let form = try await PageSupport.form(CreateUserForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            do {
                _ = try await UserAdmin.create(
                    username: form.username ?? "", displayName: form.displayName.flatMap { $0.isEmpty ? nil : $0 },
                    password: form.password ?? "", roleText: form.role ?? "", context: context, platform: platform)
                return PageSupport.redirect("/admin/users?done=user-created")
            } catch let problem as Problem where problem.statusCode == 409 || problem.statusCode == 422 {
                await platform.auditor.recordRefusal(context: context, outcome: .failure, objectType: "user", objectID: nil,
                                                     detail: problem.detail ?? problem.title)
                context.auditTrail.recorded = true
                return PageSupport.errorPage(problem, request, context)
            }
        }

        routes.add(Endpoint(.post, "/admin/users/:id", access: .permission(.usersManage), kind: .page,
                            summary: "Update user (form)", tag: "web", audit: "user.update")) { request, context in
            let id = try context.uuid(what: "user")
            let form = try await PageSupport.form(UpdateUserForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            _ = try await UserAdmin.update(
                id: id, displayName: nil, roleText: form.role, disabled: form.disabled.map { $0 == "true" }, context: context,
                platform: platform)
            return PageSupport.redirect("/admin/users?done=user-updated")
        }

        routes.add(Endpoint(.post, "/admin/users/:id/password", access: .permission(.usersManage), kind: .page,
                            summary: "Reset password (form)", tag: "web", audit: "user.reset_password")) { request, context in
            let id = try context.uuid(what: "user")
            let form = try await PageSupport.form(PasswordForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            try await UserAdmin.setPassword(id: id, password: form.password ?? "", context: context, platform: platform)
            return PageSupport.redirect("/admin/users?done=password-set")
        }

        routes.add(Endpoint(.get, "/admin/audit", access: .permission(.auditRead), kind: .page, summary: "Audit log", tag: "web")) {
            request, context in
            let query = Query(request)
            let filter = try AuditFilter(
                action: query.string("action"), objectType: query.string("object_type"), objectID: query.string("object_id"),
                from: query.date("from"), to: query.date("to"))
            let before = try query.string("before").flatMap(Int64.init)
            let entries = try await AuditRepository(platform.database.db).list(filter, before: before, limit: 101)
            var parameters = [String: String]()
            for name in ["action", "object_type", "object_id", "from", "to"] {
                if let value = request.uri.queryParameters.get(name), !value.isEmpty { parameters[name] = value }
            }
            let next = entries.count > 100 ? entries.prefix(100).last.map { last -> String in
                var components = URLComponents()
                components.path = "/admin/audit"
                components.queryItems = parameters.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                    + [URLQueryItem(name: "before", value: String(last.id))]
                return components.string ?? "/admin/audit"
            } : nil
            let model = AuditPage.Model(entries: entries.prefix(100).map(WebRoutes.auditRow), filter: parameters, nextPage: next)
            return PageSupport.html(AuditPage.render(model, context: PageSupport.context(request, context)))
        }
    }
}
