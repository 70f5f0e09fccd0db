import Plot

/// A module that is not built yet says so plainly, with what it will do.
public enum ModulePage {
    public struct Model: Sendable {
        public let title: String
        public let purpose: String
        public let status: String

        public init(title: String, purpose: String, status: String) {
            self.title = title
            self.purpose = purpose
            self.status = status
        }
    }

    public static let planned: [String: Model] = [
        "/maintenance": .init(title: "Maintenance", purpose: "Assets, work orders, preventive schedules, parts, live telemetry, alarms and predictive maintenance.", status: "Not built yet."),
        "/operations": .init(title: "Operations", purpose: "Products, inventory, orders and invoices, demand forecasting, reorder points and working capital.", status: "Not built yet."),
    ]

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: model.title, context: context, content: .group(
            .h1(.text(model.title)),
            .div(.class("card"),
                 .p(.text(model.purpose)),
                 .p(.class("notice notice-info"), .attribute(named: "role", value: "status"), .text(model.status)))
        ))
    }
}
