import Foundation
import HTTPTypes
import Hummingbird
import Platform
@testable import Server
import Storage
import Testing

/// Every route × every role gets the status the permission matrix says; every route is in the matrix.
@Suite struct PermissionMatrixTests {
    @Test func everyRouterRouteIsARegisteredEndpoint() async throws {
        try await TestApp.run { app in
            // Arrange
            let registered = Set(app.endpoints.all.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            // Act: what the router actually serves
            let served = app.servedRoutes
            // Assert: a route added without an access rule would be missing here.
            let unregistered = served.filter { !registered.contains($0) }
            #expect(unregistered.isEmpty, "routed but not in the permission matrix: \(unregistered)")
            #expect(Set(served).count == registered.count)
        }
    }

    @Test func everyEndpointAnswersEachRoleAsTheMatrixSays() async throws {
        try await TestApp.run { app in
            for endpoint in app.endpoints.all {
                let uri = Self.sampleURI(endpoint)
                let body = endpoint.isMutating ? (endpoint.kind == .page ? nil : "{}") : nil

                // Anonymous
                let anonymous = try await app.request(endpoint.method, uri, json: body)
                switch endpoint.access {
                case .open:
                    #expect(anonymous.status.code != 401 && anonymous.problemType != "/problems/forbidden",
                            "\(endpoint.key) anonymous got \(anonymous.status.code)")
                case .authenticated, .permission:
                    let expected = endpoint.kind == .page ? 303 : 401
                    #expect(anonymous.status.code == expected, "\(endpoint.key) anonymous got \(anonymous.status.code)")
                }

                // Each role
                for role in Role.allCases {
                    let response = try await app.request(endpoint.method, uri, as: role, json: body)
                    let allowed: Bool = switch endpoint.access {
                    case .open, .authenticated: true
                    case .permission(let permission): PermissionMatrix.allows(role, permission)
                    }
                    if allowed {
                        #expect(response.status.code != 401 && response.problemType != "/problems/forbidden",
                                "\(endpoint.key) as \(role) got \(response.status.code) \(response.text.prefix(200))")
                    } else {
                        #expect(response.status.code == 403 && response.problemType == "/problems/forbidden",
                                "\(endpoint.key) as \(role) got \(response.status.code)")
                    }
                    #expect(response.status.code < 500, "\(endpoint.key) as \(role) got \(response.status.code) \(response.text.prefix(300))")
                }
            }
        }
    }

    @Test func apiKeyScopesLimitWhatTheOwnerCouldDo() async throws {
        try await TestApp.run { app in
            // Arrange: an engineer's key that may only read jobs.
            let created = try await app.request(
                .post, "/api/v1/api-keys", as: .engineer, json: #"{"name":"gateway","scopes":["jobs.read"]}"#)
            #expect(created.status == .created)
            let secret = try app.json(created)["secret"]!
            guard case .string(let key) = secret else { Issue.record("no secret"); return }

            // Act / Assert
            #expect(try await app.request(.get, "/api/v1/jobs", headers: [.init("X-API-Key")!: key]).status == .ok)
            let submit = try await app.request(.post, "/api/v1/jobs", json: #"{"kind":"demo.sleep"}"#,
                                               headers: [.init("X-API-Key")!: key])
            #expect(submit.status == .forbidden, "the engineer may submit, but the key's scope does not allow it")
            // A key can never carry a permission its owner lacks.
            let escalate = try await app.request(
                .post, "/api/v1/api-keys", as: .engineer, json: #"{"name":"x","scopes":["users.manage"]}"#)
            #expect(escalate.status == .unprocessableContent)
        }
    }

    @Test func someoneElsesAPIKeyIsNotFound() async throws {
        try await TestApp.run { app in
            let created = try await app.request(.post, "/api/v1/api-keys", as: .admin, json: #"{"name":"admin key","scopes":["jobs.read"]}"#)
            guard case .string(let id)? = try app.json(created)["key"]?["id"] else { Issue.record("no key"); return }
            #expect(try await app.request(.delete, "/api/v1/api-keys/\(id)", as: .engineer).status == .notFound)
            let mine = try app.json(try await app.request(.get, "/api/v1/api-keys", as: .engineer))
            #expect(mine["items"] == [], "the engineer does not see the admin's key")
            #expect(try await app.request(.delete, "/api/v1/api-keys/\(id)", as: .admin).status == .ok)
        }
    }

    /// A URI that reaches the route: path parameters get a random id, wildcards a real file.
    static func sampleURI(_ endpoint: Endpoint) -> String {
        endpoint.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            if segment.hasPrefix(":") { return UUID().uuidString.lowercased() }
            if segment == "**" { return "app.css" }
            return String(segment)
        }.joined(separator: "/")
    }
}
