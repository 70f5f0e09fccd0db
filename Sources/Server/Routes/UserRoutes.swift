import FluentKit
import Foundation
import Hummingbird
import Platform
import Storage

/// Account administration (admin) and one's own password.
enum UserRoutes {
    struct CreateUser: Decodable {
        let username: String
        let displayName: String?
        let password: String
        let role: String
    }

    struct UpdateUser: Decodable {
        let displayName: String?
        let role: String?
        let disabled: Bool?
    }

    struct SetPassword: Decodable {
        let password: String
    }

    struct ChangeOwnPassword: Decodable {
        let currentPassword: String
        let newPassword: String
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(
            Endpoint(.get, "/api/v1/users", access: .permission(.usersRead), summary: "List accounts", tag: "users",
                     parameters: [.init("limit", "integer", "page size, 1–200"), .init("cursor", "string", "from next_cursor")],
                     response: "UserPage")
        ) { request, _ in
            let query = Query(request)
            let limit = try query.limit()
            let users = try await UserRepository(platform.database.db).list(after: try query.cursor(), limit: limit + 1)
            return try .json(Page(fetched: users.map(UserView.init), limit: limit, cursorOf: \.username))
        }

        routes.add(
            Endpoint(.post, "/api/v1/users", access: .permission(.usersManage), summary: "Create an account",
                     tag: "users", audit: "user.create", request: "CreateUser", response: "User", status: 201)
        ) { request, context in
            let body = try await JSONBody.decode(CreateUser.self, from: request, context: context)
            let user = try await UserAdmin.create(
                username: body.username, displayName: body.displayName, password: body.password, roleText: body.role,
                context: context, platform: platform)
            return try .json(UserView(user), status: .created, headers: [.location: "/api/v1/users/\(user.id)"])
        }

        routes.add(
            Endpoint(.get, "/api/v1/users/:id", access: .permission(.usersRead), summary: "One account", tag: "users",
                     response: "User")
        ) { _, context in
            let id = try context.uuid(what: "user")
            guard let user = try await UserRepository(platform.database.db).find(id: id) else { throw Problem.notFound("user \(id)") }
            return try .json(UserView(user))
        }

        routes.add(
            Endpoint(.patch, "/api/v1/users/:id", access: .permission(.usersManage),
                     summary: "Change an account's name, role or disabled flag (role and disable void its tokens)",
                     tag: "users", audit: "user.update", request: "UpdateUser", response: "User")
        ) { request, context in
            let id = try context.uuid(what: "user")
            let body = try await JSONBody.decode(UpdateUser.self, from: request, context: context)
            let user = try await UserAdmin.update(
                id: id, displayName: body.displayName, roleText: body.role, disabled: body.disabled, context: context,
                platform: platform)
            return try .json(UserView(user))
        }

        routes.add(
            Endpoint(.post, "/api/v1/users/:id/password", access: .permission(.usersManage),
                     summary: "Set an account's password (voids its tokens and sessions)", tag: "users",
                     audit: "user.reset_password", request: "SetPassword")
        ) { request, context in
            let id = try context.uuid(what: "user")
            let body = try await JSONBody.decode(SetPassword.self, from: request, context: context)
            try await UserAdmin.setPassword(id: id, password: body.password, context: context, platform: platform)
            return .noContent()
        }

        routes.add(
            Endpoint(.post, "/api/v1/me/password", access: .authenticated,
                     summary: "Change your own password (needs the current one; voids your tokens and sessions: log in again)", tag: "auth",
                     audit: "user.change_password", request: "ChangeOwnPassword")
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await JSONBody.decode(ChangeOwnPassword.self, from: request, context: context)
            let hash = try await UserRepository(platform.database.db).passwordHash(id: identity.user.id)
            guard try await platform.auth.hasher.verify(body.currentPassword, hash: hash) else {
                throw Problem.invalid("/current_password", "is not your current password")
            }
            try await UserAdmin.setPassword(id: identity.user.id, password: body.newPassword, context: context, platform: platform)
            return .noContent()
        }
    }
}

/// Account changes shared by the API and the admin pages, each in one transaction with its audit entry.
enum UserAdmin {
    static let usernamePattern = "letters, digits, '.', '_' or '-', 2 to 64 characters"

    static func validUsername(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    static func role(_ text: String, field: String = "/role") throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw Problem.invalid(field, "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    static func create(
        username: String, displayName: String?, password: String, roleText: String, context: AppRequestContext,
        platform: PlatformServices
    ) async throws -> User {
        let name = UserRepository.normalise(username)
        var errors: [Problem.FieldError] = []
        if !validUsername(name) { errors.append(.init(field: "/username", message: "must be \(usernamePattern)")) }
        if let weakness = PasswordHasher.weakness(of: password) { errors.append(.init(field: "/password", message: weakness)) }
        if Role(rawValue: roleText) == nil {
            errors.append(.init(field: "/role", message: "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if let displayName, displayName.count > 200 { errors.append(.init(field: "/display_name", message: "is longer than 200 characters")) }
        guard errors.isEmpty, let role = Role(rawValue: roleText) else {
            throw Problem(.validation, detail: errors.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: errors)
        }
        let hash = try await platform.auth.hasher.hash(password)
        let now = platform.clock.now
        do {
            return try await platform.database.db.transaction { tx in
                let user = try await UserRepository(tx).create(
                    username: name, displayName: displayName ?? name, passwordHash: hash, role: role, now: now)
                try await platform.auditor.record(
                    on: tx, context: context, objectType: "user", objectID: user.id.uuidString, detail: "role \(role.rawValue)",
                    action: "user.create")
                return user
            }
        } catch is UserRepository.UsernameTaken {
            throw Problem(.conflict, detail: "the username \(name) is taken", errors: [.init(field: "/username", message: "is taken")])
        }
    }

    static func update(
        id: UUID, displayName: String?, roleText: String?, disabled: Bool?, context: AppRequestContext,
        platform: PlatformServices
    ) async throws -> User {
        let role = try roleText.map { try self.role($0) }
        if let displayName, displayName.isEmpty || displayName.count > 200 {
            throw Problem.invalid("/display_name", "must be 1 to 200 characters")
        }
        let now = platform.clock.now
        let user = try await platform.database.db.transaction { tx -> User in
            let users = UserRepository(tx)
            guard let current = try await users.find(id: id) else { throw Problem.notFound("user \(id)") }
            let losesAdmin = current.role == .admin && !current.disabled && ((role != nil && role != .admin) || disabled == true)
            if losesAdmin, try await users.countActiveAdmins() <= 1 {
                throw Problem(.conflict, detail: "this is the last active admin; make someone else admin first")
            }
            guard let updated = try await users.update(id: id, now: now, role: role, disabled: disabled, displayName: displayName)
            else { throw Problem.notFound("user \(id)") }
            if disabled == true {
                try await CredentialRepository(tx).revokeAllRefreshTokens(userID: id, now: now)
                try await CredentialRepository(tx).deleteSessions(userID: id)
            }
            let changes = [
                role.map { "role \($0.rawValue)" }, disabled.map { $0 ? "disabled" : "enabled" },
                displayName.map { _ in "display name" },
            ].compactMap { $0 }.joined(separator: ", ")
            try await platform.auditor.record(
                on: tx, context: context, objectType: "user", objectID: id.uuidString, detail: changes, action: "user.update")
            return updated
        }
        platform.auth.users.evict(id)
        return user
    }

    static func setPassword(id: UUID, password: String, context: AppRequestContext, platform: PlatformServices) async throws {
        if let weakness = PasswordHasher.weakness(of: password) {
            throw Problem.invalid(context.auditAction == "user.change_password" ? "/new_password" : "/password", weakness)
        }
        let hash = try await platform.auth.hasher.hash(password)
        let now = platform.clock.now
        try await platform.database.db.transaction { tx in
            guard try await UserRepository(tx).update(id: id, now: now, passwordHash: hash) != nil else {
                throw Problem.notFound("user \(id)")
            }
            try await CredentialRepository(tx).revokeAllRefreshTokens(userID: id, now: now)
            try await CredentialRepository(tx).deleteSessions(userID: id)
            try await platform.auditor.record(on: tx, context: context, objectType: "user", objectID: id.uuidString)
        }
        platform.auth.users.evict(id)
    }
}
