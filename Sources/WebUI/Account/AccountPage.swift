import Foundation
import Plot

/// One's own account: password change and API keys.
public enum AccountPage {
    public struct KeyRow: Sendable {
        public let id: String
        public let name: String
        public let prefix: String
        public let scopes: [String]
        public let createdAt: Date
        public let lastUsedAt: Date?
        public let revoked: Bool

        public init(id: String, name: String, prefix: String, scopes: [String], createdAt: Date, lastUsedAt: Date?, revoked: Bool) {
            self.id = id
            self.name = name
            self.prefix = prefix
            self.scopes = scopes
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
            self.revoked = revoked
        }
    }

    public struct Model: Sendable {
        public let username: String
        public let role: String
        public let permissions: [String]
        /// Nil when the viewer may not manage API keys.
        public let keys: [KeyRow]?
        /// A key created just now: shown once.
        public let newSecret: String?

        public init(username: String, role: String, permissions: [String], keys: [KeyRow]?, newSecret: String?) {
            self.username = username
            self.role = role
            self.permissions = permissions
            self.keys = keys
            self.newSecret = newSecret
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Account", context: context, content: .group(
            .h1(.text("Your account")),
            .p(.text("Signed in as "), .code(.text(model.username)), .text(" with the role "), .strong(.text(model.role)), .text(".")),
            .details(.summary(.text("What your role allows")), .ul(.forEach(model.permissions) { .li(.code(.text($0))) })),
            .section(
                .class("card"),
                .h2(.text("Change password")),
                .form(
                    .method(.post), .action("/account/password"), .class("stacked"),
                    Layout.csrfField(context),
                    .label(.for("current"), .text("Current password")),
                    .input(.type(.password), .name("current_password"), .id("current"), .required(true),
                           .attribute(named: "autocomplete", value: "current-password")),
                    .label(.for("new"), .text("New password (at least 8 characters)")),
                    .input(.type(.password), .name("new_password"), .id("new"), .required(true),
                           .attribute(named: "minlength", value: "8"), .attribute(named: "autocomplete", value: "new-password")),
                    .button(.type(.submit), .class("primary"), .text("Change password"))
                )
            ),
            .unwrap(model.keys) { keys in keysSection(keys, model: model, context: context) }
        ))
    }

    static func keysSection(_ keys: [KeyRow], model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("API keys")),
            .p(.text("For machines that push data. A key can do only what you can, limited to the scopes you pick.")),
            .unwrap(model.newSecret) { secret in
                .div(.class("notice notice-success"), .attribute(named: "role", value: "status"),
                     .p(.text("Copy the key now; it will not be shown again:")), .pre(.code(.id("new-key"), .text(secret))))
            },
            .if(!keys.isEmpty, .table(
                .class("data"),
                .thead(.tr(.th(.text("Name")), .th(.text("Key")), .th(.text("Scopes")), .th(.text("Created")),
                           .th(.text("Last used")), .th(.span(.class("visually-hidden"), .text("Actions"))))),
                .tbody(.forEach(keys) { key in
                    .tr(
                        .td(.text(key.name)),
                        .td(.code(.text("ph_\(key.prefix)_…"))),
                        .td(.text(key.scopes.joined(separator: ", "))),
                        .td(.text(Format.timestamp(key.createdAt))),
                        .td(.text(Format.timestamp(key.lastUsedAt))),
                        .td(key.revoked ? .text("revoked") : .form(
                            .method(.post), .action("/account/api-keys/\(key.id)/revoke"), .class("inline"),
                            Layout.csrfField(context),
                            .button(.type(.submit), .class("small danger"), .attribute(named: "data-confirm", value: AttributeText.escaped("Revoke \(key.name)?")), .text("Revoke"))))
                    )
                })
            )),
            .form(
                .method(.post), .action("/account/api-keys"), .class("stacked"),
                Layout.csrfField(context),
                .label(.for("key-name"), .text("Name")),
                .input(.type(.text), .name("name"), .id("key-name"), .required(true), .placeholder("meter gateway north")),
                .fieldset(
                    .element(named: "legend", text: "Scopes"),
                    .forEach(model.permissions) { permission in
                        .label(.class("check"), .input(.type(.checkbox), .name("scopes"), .value(permission)), .text(" \(permission)"))
                    }
                ),
                .button(.type(.submit), .class("primary"), .text("Create key"))
            )
        )
    }
}
