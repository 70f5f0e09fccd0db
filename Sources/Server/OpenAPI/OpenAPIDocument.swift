import Foundation
import Platform

/// The OpenAPI 3.1 document, built from the registered endpoints (paths, parameters, access) and the schemas
/// in `OpenAPISchemas`. A test checks it against the router in both directions.
enum OpenAPIDocument {
    static func build(endpoints: [Endpoint], version: String) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in endpoints where endpoint.kind != .page {
            paths[endpoint.openAPIPath, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Powerhouse API",
                "version": .string(version),
                "description": .string(description),
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(OpenAPISchemas.everything),
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"],
                    "apiKey": ["type": "apiKey", "in": "header", "name": "X-API-Key"],
                    "session": ["type": "apiKey", "in": "cookie", "name": "ph_session"],
                ],
            ],
        ]
    }

    static let description = """
        JSON under /api/v1. Errors are application/problem+json (RFC 9457) with a stable `type`. Lists are \
        paginated with `limit` and the opaque `next_cursor`. Timestamps are ISO 8601 UTC. Authenticate with \
        `Authorization: Bearer <access token>` from /api/v1/auth/login, an API key (`X-API-Key`), or the web \
        session cookie (unsafe methods then need `X-CSRF-Token`).
        """

    static func operation(_ endpoint: Endpoint) -> JSONValue {
        var operation: [String: JSONValue] = [
            "summary": .string(endpoint.summary),
            "tags": [.string(endpoint.tag)],
            "operationId": .string(operationID(endpoint)),
        ]
        var parameters: [JSONValue] = endpoint.path.split(separator: "/").filter { $0.hasPrefix(":") }.map { name in
            ["name": .string(String(name.dropFirst())), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        parameters += endpoint.parameters.map { parameter in
            ["name": .string(parameter.name), "in": "query", "required": false,
             "description": .string(parameter.description), "schema": ["type": .string(parameter.type)]]
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let schema = endpoint.requestSchema {
            operation["requestBody"] = [
                "required": true, "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]],
            ]
        }
        operation["responses"] = .object(responses(endpoint))
        switch endpoint.access {
        case .open:
            operation["security"] = []
        case .authenticated:
            operation["x-access"] = "any signed-in user"
        case .permission(let permission):
            operation["x-permission"] = .string(permission.rawValue)
        }
        return .object(operation)
    }

    static func responses(_ endpoint: Endpoint) -> [String: JSONValue] {
        let problem: JSONValue = ["description": "problem", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
        let success = String(endpoint.successStatus)
        var body: JSONValue = ["description": "success"]
        if let type = endpoint.responseType {
            body = ["description": "success", "content": [.init(stringLiteral: type): ["schema": ["type": "string"]]]]
        } else if let schema = endpoint.responseSchema {
            body = ["description": "success", "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(schema)")]]]]
        }
        var result: [String: JSONValue] = [success: body, "400": problem, "429": problem]
        if endpoint.access != .open { result["401"] = problem }
        if case .permission = endpoint.access { result["403"] = problem }
        if endpoint.requestSchema != nil { result["413"] = problem; result["422"] = problem }
        if endpoint.path.contains(":") { result["404"] = problem }
        return result
    }

    static func operationID(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split(separator: "/").filter { $0 != "api" && $0 != "v1" }
            .map { $0.hasPrefix(":") ? "by-" + $0.dropFirst() : String($0) }
        return ([endpoint.method.rawValue.lowercased()] + words).joined(separator: "-")
    }
}
