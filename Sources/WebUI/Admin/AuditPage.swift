import Plot

/// The audit log with filters (who, action, object type, time range) and paging.
public enum AuditPage {
    public struct Model: Sendable {
        public let entries: [AuditRow]
        public let filter: [String: String]
        public let nextPage: String?

        public init(entries: [AuditRow], filter: [String: String], nextPage: String?) {
            self.entries = entries
            self.filter = filter
            self.nextPage = nextPage
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Audit log", context: context, content: .group(
            .h1(.text("Audit log")),
            .form(
                .method(.get), .action("/admin/audit"), .class("filters"),
                .attribute(named: "aria-label", value: "Filter the audit log"),
                field("action", "Action", placeholder: "user.create", model),
                field("object_type", "Object type", placeholder: "user", model),
                field("object_id", "Object id", placeholder: "", model),
                field("from", "From (UTC)", placeholder: "2025-01-01T00:00:00Z", model),
                field("to", "To (UTC)", placeholder: "2025-02-01T00:00:00Z", model),
                .button(.type(.submit), .text("Filter"))
            ),
            AuditTable.render(model.entries),
            .unwrap(model.nextPage) { next in .p(.a(.href(AttributeText.escaped(next)), .text("Older entries →"))) }
        ))
    }

    static func field(_ name: String, _ label: String, placeholder: String, _ model: Model) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for("filter-\(name)"), .text(label)),
            .input(.type(.text), .name(name), .id("filter-\(name)"), .value(AttributeText.escaped(model.filter[name] ?? "")), .placeholder(placeholder))
        )
    }
}
