import Foundation
import Hummingbird
import Platform
import Storage
import WebUI

/// One's own account: password and API keys.
enum AccountPages {
    struct PasswordForm: Decodable {
        let csrfToken: String?
        let currentPassword: String?
        let newPassword: String?
        enum CodingKeys: String, CodingKey {
            case csrfToken = "csrf_token", currentPassword = "current_password", newPassword = "new_password"
        }
    }

    struct KeyForm: Decodable {
        let csrfToken: String?
        let name: String?
        let scopes: [String]?
        enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token", name, scopes }
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/account", access: .authenticated, kind: .page, summary: "Your account", tag: "web")) {
            request, context in
            try await page(request, context, platform: platform, newSecret: nil)
        }

        routes.add(Endpoint(.post, "/account/password", access: .authenticated, kind: .page, summary: "Change password (form)",
                            tag: "web", audit: "user.change_password")) { request, context in
            let identity = try context.requireIdentity()
            let form = try await PageSupport.form(PasswordForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            let hash = try await UserRepository(platform.database.db).passwordHash(id: identity.user.id)
            guard try await platform.auth.hasher.verify(form.currentPassword ?? "", hash: hash) else {
                throw Problem.invalid("/current_password", "is not your current password")
            }
            try await UserAdmin.setPassword(id: identity.user.id, password: form.newPassword ?? "", context: context, platform: platform)
            // Changing the password ends every session, this one included.
            return PageSupport.redirect("/login?done=password-set")
        }

        routes.add(Endpoint(.post, "/account/api-keys", access: .permission(.apiKeysManage), kind: .page,
                            summary: "Create an API key (form)", tag: "web", audit: "api_key.create")) { request, context in
            let identity = try context.requireIdentity()
            let form = try await PageSupport.form(KeyForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            let body = APIKeyRoutes.CreateKey(name: form.name ?? "", scopes: form.scopes ?? [], expiresAt: nil)
            let (_, secret) = try await APIKeyRoutes.create(body, identity: identity, context: context, platform: platform)
            // The secret is shown in this response only, never put in a URL.
            return try await page(request, context, platform: platform, newSecret: secret)
        }

        routes.add(Endpoint(.post, "/account/api-keys/:id/revoke", access: .permission(.apiKeysManage), kind: .page,
                            summary: "Revoke an API key (form)", tag: "web", audit: "api_key.revoke")) { request, context in
            let identity = try context.requireIdentity()
            let form = try await PageSupport.form(WebRoutes.CSRFForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            let id = try context.uuid(what: "API key")
            let now = platform.clock.now
            try await platform.database.db.transaction { tx in
                guard let key = try await APIKeyRepository(tx).find(id: id), key.ownerID == identity.user.id else {
                    throw Problem.notFound("API key \(id)")
                }
                _ = try await APIKeyRepository(tx).revoke(id: id, now: now)
                try await platform.auditor.record(on: tx, context: context, objectType: "api_key", objectID: id.uuidString)
            }
            return PageSupport.redirect("/account?done=key-revoked")
        }
    }

    static func page(_ request: Request, _ context: AppRequestContext, platform: PlatformServices, newSecret: String?) async throws
        -> Response
    {
        let identity = try context.requireIdentity()
        let permissions = Permission.allCases.filter(identity.can).map(\.rawValue)
        var keys: [AccountPage.KeyRow]?
        if identity.can(.apiKeysManage) {
            keys = try await APIKeyRepository(platform.database.db).list(ownerID: identity.user.id).map { key in
                AccountPage.KeyRow(id: key.id.uuidString.lowercased(), name: key.name, prefix: key.prefix, scopes: key.scopes,
                                   createdAt: key.createdAt, lastUsedAt: key.lastUsedAt, revoked: key.revokedAt != nil)
            }
        }
        let model = AccountPage.Model(username: identity.user.username, role: identity.user.role.rawValue,
                                      permissions: permissions, keys: keys, newSecret: newSecret)
        return PageSupport.html(AccountPage.render(model, context: PageSupport.context(request, context)))
    }
}
