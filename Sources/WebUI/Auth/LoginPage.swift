import Plot

/// The login form. Errors are shown above the form and announced to screen readers.
public enum LoginPage {
    public struct Model: Sendable {
        public let username: String
        public let next: String
        public let error: String?

        public init(username: String = "", next: String = "/", error: String? = nil) {
            self.username = username
            self.next = next
            self.error = error
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Log in", context: context, content: .div(
            .class("login-panel card"),
            .h1(.text("Log in to Powerhouse")),
            .unwrap(model.error) { error in
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .id("login-error"), .text(error))
            },
            .form(
                .method(.post), .action("/login"), .class("stacked"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("next"), .value(AttributeText.escaped(model.next))),
                .label(.for("username"), .text("Username")),
                .input(.type(.text), .name("username"), .id("username"), .value(AttributeText.escaped(model.username)),
                       .autocomplete(true), .required(true), .autofocus(model.username.isEmpty),
                       .attribute(named: "autocomplete", value: "username")),
                .label(.for("password"), .text("Password")),
                .input(.type(.password), .name("password"), .id("password"), .required(true),
                       .attribute(named: "autocomplete", value: "current-password")),
                .button(.type(.submit), .class("primary"), .text("Log in"))
            )
        ))
    }
}
