import Foundation
import Hummingbird
import Platform
import WebUI

/// `/api/docs`: the API description as a readable page.
enum DocsPage {
    static func add(to routes: Routes) {
        let registry = routes.registry
        routes.add(Endpoint(.get, "/api/docs", access: .open, kind: .page, summary: "API documentation", tag: "web")) {
            request, context in
            let endpoints = registry.all.filter { $0.kind != .page }
            let tags = endpoints.map(\.tag).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let groups = tags.map { tag in
                (tag: tag, operations: endpoints.filter { $0.tag == tag }.map { endpoint in
                    APIDocsPage.Operation(
                        method: endpoint.method.rawValue, path: endpoint.openAPIPath, summary: endpoint.summary,
                        access: access(endpoint.access), parameters: endpoint.parameters.map { ($0.name, $0.description) },
                        request: endpoint.requestSchema, response: endpoint.responseSchema)
                })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let schemas = OpenAPISchemas.everything.sorted { $0.key < $1.key }.map { name, schema in
                (name: name, json: String(decoding: (try? encoder.encode(schema)) ?? Data(), as: UTF8.self))
            }
            let model = APIDocsPage.Model(description: OpenAPIDocument.description, groups: groups, schemas: schemas)
            return PageSupport.html(APIDocsPage.render(model, context: PageSupport.context(request, context)))
        }
    }

    static func access(_ access: Endpoint.Access) -> String {
        switch access {
        case .open: "anyone"
        case .authenticated: "any signed-in user"
        case .permission(let permission): "permission \(permission.rawValue)"
        }
    }
}
