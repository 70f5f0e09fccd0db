import Plot

/// A readable page for the API description, rendered here (no CDN viewer).
public enum APIDocsPage {
    public struct Operation: Sendable {
        public let method: String
        public let path: String
        public let summary: String
        public let access: String
        public let parameters: [(name: String, description: String)]
        public let request: String?
        public let response: String?

        public init(method: String, path: String, summary: String, access: String, parameters: [(name: String, description: String)],
                    request: String?, response: String?) {
            self.method = method
            self.path = path
            self.summary = summary
            self.access = access
            self.parameters = parameters
            self.request = request
            self.response = response
        }
    }

    public struct Model: Sendable {
        public let description: String
        public let groups: [(tag: String, operations: [Operation])]
        public let schemas: [(name: String, json: String)]

        public init(description: String, groups: [(tag: String, operations: [Operation])], schemas: [(name: String, json: String)]) {
            self.description = description
            self.groups = groups
            self.schemas = schemas
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "API", context: context, content: .group(
            .h1(.text("Powerhouse API")),
            .p(.text(model.description)),
            .p(.text("Machine-readable: "), .a(.href("/api/openapi.json"), .text("/api/openapi.json")), .text(" (OpenAPI 3.1).")),
            .nav(.attribute(named: "aria-label", value: "API sections"),
                 .ul(.class("toc"), .forEach(model.groups) { group in .li(.a(.href("#tag-\(group.tag)"), .text(group.tag))) })),
            .forEach(model.groups) { group in
                .section(
                    .id("tag-\(group.tag)"),
                    .h2(.text(group.tag)),
                    .forEach(group.operations) { operation in
                        .article(
                            .class("operation"),
                            .h3(.span(.class("method method-\(operation.method.lowercased())"), .text(operation.method)),
                                .text(" "), .code(.text(operation.path))),
                            .p(.text(operation.summary)),
                            .p(.class("muted"), .text("Access: \(operation.access)")),
                            .if(!operation.parameters.isEmpty, .ul(.forEach(operation.parameters) { parameter in
                                .li(.code(.text(parameter.name)), .text(" — \(parameter.description)"))
                            })),
                            .unwrap(operation.request) { .p(.text("Body: "), .a(.href("#schema-\($0)"), .text($0))) },
                            .unwrap(operation.response) { .p(.text("Returns: "), .a(.href("#schema-\($0)"), .text($0))) }
                        )
                    }
                )
            },
            .section(
                .h2(.text("Schemas")),
                .forEach(model.schemas) { schema in
                    .details(.id("schema-\(schema.name)"), .summary(.text(schema.name)), .pre(.code(.text(schema.json))))
                }
            )
        ))
    }
}
