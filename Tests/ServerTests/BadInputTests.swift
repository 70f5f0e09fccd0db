import Foundation
import HTTPTypes
import NIOCore
import Platform
@testable import Server
import Storage
import Testing

/// Bad input gets a 4xx problem+json that says what and where; never a 500, and nothing is written.
@Suite struct BadInputTests {
    @Test func malformedJSONSaysWhere() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.post, "/api/v1/users", as: .admin, json: #"{"username": "x", "password": }"#)
            #expect(response.status == .badRequest)
            #expect(response.isProblem)
            #expect(response.problemType == "/problems/malformed-json")
            #expect(response.text.contains("line 1"), "the detail names the position: \(response.text)")
        }
    }

    @Test func wrongTypesAndMissingFieldsNameTheField() async throws {
        try await TestApp.run { app in
            let wrongType = try await app.request(.post, "/api/v1/users", as: .admin,
                                                  json: #"{"username": 12, "password": "long enough pw", "role": "viewer"}"#)
            #expect(wrongType.status == .unprocessableContent)
            #expect(wrongType.problemType == "/problems/validation")
            #expect(try app.json(wrongType)["errors"] == [["field": "/username", "message": "must be a string"]])

            let missing = try await app.request(.post, "/api/v1/users", as: .admin, json: #"{"username": "newbie", "role": "viewer"}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(try app.json(missing)["errors"] == [["field": "/password", "message": "is required"]])

            let badRole = try await app.request(.post, "/api/v1/users", as: .admin,
                                                json: #"{"username": "newbie", "password": "long enough pw", "role": "god"}"#)
            #expect(badRole.status == .unprocessableContent)
            #expect(badRole.text.contains("/role"))
            #expect(try await UserRepository(app.platform.database.db).find(username: "newbie") == nil, "nothing written")
        }
    }

    @Test func oversizedBodyGets413AndNothingIsWritten() async throws {
        try await TestApp.run { app in
            let name = String(repeating: "a", count: 2 * 1024 * 1024)
            let before = try await UserRepository(app.platform.database.db).count()
            let response = try await app.request(.post, "/api/v1/users", as: .admin,
                                                 json: #"{"username": "\#(name)", "password": "long enough pw", "role": "viewer"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.problemType == "/problems/payload-too-large")
            #expect(try await UserRepository(app.platform.database.db).count() == before)
        }
    }

    @Test func injectionShapedStringsAreJustData() async throws {
        try await TestApp.run { app in
            let hostile = [
                "x' OR '1'='1", "x\"; DROP TABLE users; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "${jndi:ldap://x}",
            ]
            for value in hostile {
                // As a username (refused by validation, not by the database)
                let create = try await app.request(.post, "/api/v1/users", as: .admin,
                                                   json: try String(decoding: JSONEncoder().encode(["username": value, "password": "long enough pw", "role": "viewer"]), as: UTF8.self))
                #expect(create.status == .unprocessableContent, "\(value): \(create.status)")
                // As filters and ids
                let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                #expect(try await app.request(.get, "/api/v1/audit?action=\(encoded)", as: .admin).status == .ok)
                #expect(try await app.request(.get, "/api/v1/jobs?kind=\(encoded)", as: .admin).status == .ok)
                #expect(try await app.request(.get, "/api/v1/users/\(encoded)", as: .admin).status == .notFound)
                #expect(try await app.login(value, value).status == .unauthorized)
            }
            // The users table is intact and no account was made.
            #expect(try await UserRepository(app.platform.database.db).count() == 4)
            // As a display name it is stored verbatim and rendered escaped.
            let viewer = app.users[.viewer]!
            let renamed = try await app.request(.patch, "/api/v1/users/\(viewer.id)", as: .admin,
                                                json: #"{"display_name": "<script>alert(1)</script>"}"#)
            #expect(renamed.status == .ok)
            let page = try await app.request(.get, "/admin/users", as: .admin)
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func unknownIdsAndBadQueriesAre4xx() async throws {
        try await TestApp.run { app in
            #expect(try await app.request(.get, "/api/v1/users/\(UUID())", as: .admin).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/jobs/not-a-uuid", as: .admin).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/jobs/\(UUID())/cancel", as: .admin).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/audit?from=yesterday", as: .admin).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/users?limit=100000", as: .admin).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/users?cursor=%%%", as: .admin).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/jobs?state=exploded", as: .admin).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/no-such-route", as: .admin).status == .notFound)
            let wrongType = try await app.request(.post, "/api/v1/users", as: .admin, headers: [.contentType: "text/plain"],
                                                  body: ByteBuffer(string: "hello"))
            #expect(wrongType.status == .unsupportedMediaType)
            let empty = try await app.request(.post, "/api/v1/users", as: .admin, headers: [.contentType: "application/json"])
            #expect(empty.status == .badRequest)
        }
    }

    @Test func validationCollectsEveryFieldError() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.post, "/api/v1/users", as: .admin,
                                                 json: #"{"username": "a", "password": "short", "role": "nope"}"#)
            let fields = try app.decode(Problem.self, response).errors?.map(\.field)
            #expect(fields == ["/username", "/password", "/role"])
        }
    }
}
