import FluentKit
import Foundation
import Hummingbird
import Platform
import Storage

/// API keys for machines that push data: scoped to a subset of the owner's permissions, revocable.
enum APIKeyRoutes {
    struct CreateKey: Decodable {
        let name: String
        let scopes: [String]
        let expiresAt: Date?
    }

    struct CreatedKey: Encodable {
        let key: APIKey
        /// Shown once; only its hash is stored.
        let secret: String
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(
            Endpoint(.get, "/api/v1/api-keys", access: .permission(.apiKeysManage),
                     summary: "Your API keys (an admin sees everyone's)", tag: "api-keys", response: "APIKeyList")
        ) { _, context in
            let identity = try context.requireIdentity()
            let owner = identity.can(.usersManage) ? nil : identity.user.id
            return try .json(["items": try await APIKeyRepository(platform.database.db).list(ownerID: owner)])
        }

        routes.add(
            Endpoint(.post, "/api/v1/api-keys", access: .permission(.apiKeysManage),
                     summary: "Create an API key; the secret is in this response only", tag: "api-keys",
                     audit: "api_key.create", request: "CreateAPIKey", response: "CreatedAPIKey", status: 201)
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await JSONBody.decode(CreateKey.self, from: request, context: context)
            let (key, secret) = try await create(body, identity: identity, context: context, platform: platform)
            return try .json(CreatedKey(key: key, secret: secret), status: .created)
        }

        routes.add(
            Endpoint(.delete, "/api/v1/api-keys/:id", access: .permission(.apiKeysManage),
                     summary: "Revoke an API key", tag: "api-keys", audit: "api_key.revoke", response: "APIKey")
        ) { _, context in
            let identity = try context.requireIdentity()
            let id = try context.uuid(what: "API key")
            let now = platform.clock.now
            let key = try await platform.database.db.transaction { tx in
                let keys = APIKeyRepository(tx)
                // Someone else's key answers 404, exactly like a key that does not exist.
                guard let key = try await keys.find(id: id), key.ownerID == identity.user.id || identity.can(.usersManage)
                else { throw Problem.notFound("API key \(id)") }
                let revoked = try await keys.revoke(id: id, now: now)
                try await platform.auditor.record(on: tx, context: context, objectType: "api_key", objectID: id.uuidString)
                return revoked
            }
            return try .json(key)
        }
    }

    static func create(_ body: CreateKey, identity: Identity, context: AppRequestContext, platform: PlatformServices)
        async throws -> (APIKey, String)
    {
        var errors: [Problem.FieldError] = []
        let name = body.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { errors.append(.init(field: "/name", message: "must be 1 to 100 characters")) }
        if body.scopes.isEmpty { errors.append(.init(field: "/scopes", message: "must name at least one permission")) }
        for (index, scope) in body.scopes.enumerated() {
            guard let permission = Permission(rawValue: scope) else {
                errors.append(.init(field: "/scopes/\(index)", message: "\"\(scope)\" is not a permission"))
                continue
            }
            // A key can never do more than the person who made it.
            if !identity.can(permission) {
                errors.append(.init(field: "/scopes/\(index)", message: "you do not have \(scope) yourself"))
            }
        }
        if let expiresAt = body.expiresAt, expiresAt <= platform.clock.now {
            errors.append(.init(field: "/expires_at", message: "is in the past"))
        }
        guard errors.isEmpty else {
            throw Problem(.validation, detail: errors.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: errors)
        }
        let now = platform.clock.now
        return try await platform.database.db.transaction { tx in
            let created = try await APIKeyRepository(tx).create(
                name: name, scopes: body.scopes, ownerID: identity.user.id, expiresAt: body.expiresAt, now: now)
            try await platform.auditor.record(
                on: tx, context: context, objectType: "api_key", objectID: created.0.id.uuidString,
                detail: "scopes \(body.scopes.joined(separator: ","))", action: "api_key.create")
            return created
        }
    }
}
