import Foundation
import Platform
@testable import Server
import Testing

@Suite struct OpenAPITests {
    /// Both directions: every API route is in the document, and every path in the document is routed.
    @Test func documentAndRouterAgree() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.get, "/api/openapi.json")
            #expect(response.status == .ok)
            let document = try app.json(response)
            #expect(document["openapi"] == "3.1.0")
            guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
            var documented = Set<String>()
            for (path, operations) in paths {
                guard case .object(let byMethod) = operations else { continue }
                for method in byMethod.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let pages = Set(app.endpoints.all.filter { $0.kind == .page }.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            let routed = Set(app.servedRoutes).subtracting(pages)
            #expect(routed.subtracting(documented).isEmpty, "routed but undocumented: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
            #expect(routed.contains("POST /api/v1/auth/login"))
        }
    }

    @Test func everyReferencedSchemaExists() async throws {
        try await TestApp.run { app in
            let text = try await app.request(.get, "/api/openapi.json").text
            let referenced = Set(text.components(separatedBy: "#/components/schemas/").dropFirst().map { $0.prefix { $0 != "\"" } })
            for name in referenced { #expect(OpenAPISchemas.everything[String(name)] != nil, "missing schema \(name)") }
        }
    }

    @Test func docsPageListsTheOperationsWithoutACDN() async throws {
        try await TestApp.run { app in
            let page = try await app.request(.get, "/api/docs")
            #expect(page.status == .ok)
            #expect(page.text.contains("/api/v1/auth/login"))
            #expect(!page.text.contains("https://"), "no external resources")
        }
    }
}
