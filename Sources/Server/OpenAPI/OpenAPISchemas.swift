import Platform

/// JSON Schemas of request and response bodies, named as the endpoints name them.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let number: JSONValue = ["type": "number"]
    static let integer: JSONValue = ["type": "integer"]
    static let boolean: JSONValue = ["type": "boolean"]

    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    static func nullable(_ schema: JSONValue) -> JSONValue { ["oneOf": [schema, ["type": "null"]]] }

    static func page(of item: String) -> JSONValue {
        object(["items": ["type": "array", "items": ref(item)], "next_cursor": nullable(string)], required: ["items", "next_cursor"])
    }

    static func list(of item: String) -> JSONValue {
        object(["items": ["type": "array", "items": ref(item)]], required: ["items"])
    }

    /// The platform's schemas and every module's.
    static var everything: [String: JSONValue] {
        all.merging(Modules.all.flatMap { $0.schemas }) { platform, _ in platform }
    }

    static let role: JSONValue = ["type": "string", "enum": ["admin", "engineer", "analyst", "viewer"]]

    static let all: [String: JSONValue] = [
        "Problem": object([
            "type": string, "title": string, "status": integer, "detail": string, "instance": string, "request_id": string,
            "retry_after": integer,
            "errors": ["type": "array", "items": object([
                "field": string, "message": string, "line": integer, "column": string, "value": string,
            ], required: ["field", "message"])],
        ], required: ["type", "title", "status"]),
        "LoginRequest": object(["username": string, "password": string], required: ["username", "password"]),
        "RefreshRequest": object(["refresh_token": string], required: ["refresh_token"]),
        "LogoutRequest": object(["refresh_token": string, "everywhere": boolean]),
        "TokenResponse": object([
            "access_token": string, "refresh_token": string, "token_type": ["type": "string", "const": "Bearer"],
            "expires_in": integer,
        ], required: ["access_token", "refresh_token", "token_type", "expires_in"]),
        "User": object([
            "id": uuid, "username": string, "display_name": string, "role": role, "disabled": boolean,
            "created_at": dateTime, "last_login_at": nullable(dateTime),
        ], required: ["id", "username", "display_name", "role", "disabled", "created_at"]),
        "UserPage": page(of: "User"),
        "Me": object([
            "user": ref("User"), "permissions": ["type": "array", "items": string],
            "authenticated_with": ["type": "string", "enum": ["access_token", "api_key", "session"]],
        ], required: ["user", "permissions", "authenticated_with"]),
        "CreateUser": object(
            ["username": string, "display_name": string, "password": string, "role": role],
            required: ["username", "password", "role"]),
        "UpdateUser": object(["display_name": string, "role": role, "disabled": boolean]),
        "SetPassword": object(["password": string], required: ["password"]),
        "ChangeOwnPassword": object(["current_password": string, "new_password": string], required: ["current_password", "new_password"]),
        "APIKey": object([
            "id": uuid, "name": string, "prefix": string, "scopes": ["type": "array", "items": string], "owner_id": uuid,
            "created_at": dateTime, "expires_at": nullable(dateTime), "last_used_at": nullable(dateTime),
            "revoked_at": nullable(dateTime),
        ], required: ["id", "name", "prefix", "scopes", "owner_id", "created_at"]),
        "APIKeyList": list(of: "APIKey"),
        "CreateAPIKey": object(
            ["name": string, "scopes": ["type": "array", "items": string], "expires_at": dateTime],
            required: ["name", "scopes"]),
        "CreatedAPIKey": object(["key": ref("APIKey"), "secret": string], required: ["key", "secret"]),
        "AuditEntry": object([
            "id": integer, "at": dateTime, "actor_id": nullable(uuid), "actor_name": string, "action": string,
            "object_type": string, "object_id": nullable(string),
            "outcome": ["type": "string", "enum": ["success", "failure", "denied"]], "request_id": string,
            "detail": nullable(string), "ip": nullable(string),
        ], required: ["id", "at", "actor_name", "action", "object_type", "outcome", "request_id"]),
        "AuditPage": page(of: "AuditEntry"),
        "Job": object([
            "id": uuid, "kind": string,
            "state": ["type": "string", "enum": ["queued", "running", "succeeded", "failed", "cancelled"]],
            "progress": ["type": "number", "minimum": 0, "maximum": 1], "message": nullable(string),
            "payload": ["type": "object"], "result_ref": nullable(string), "error": nullable(string),
            "created_by": nullable(uuid), "created_at": dateTime, "started_at": nullable(dateTime),
            "finished_at": nullable(dateTime), "attempts": integer, "max_attempts": integer,
            "cancel_requested": boolean,
        ], required: ["id", "kind", "state", "progress", "payload", "created_at", "attempts", "max_attempts", "cancel_requested"]),
        "JobPage": page(of: "Job"),
        "JobKind": object(["name": string, "summary": string, "permission": nullable(string)], required: ["name", "summary"]),
        "JobKindList": list(of: "JobKind"),
        "SubmitJob": object(["kind": string, "payload": ["type": "object"]], required: ["kind"]),
        "Health": object([
            "status": ["type": "string", "enum": ["ok", "unavailable"]], "version": string, "database": string,
            "checks": ["type": "object"],
        ], required: ["status"]),
    ]
}
