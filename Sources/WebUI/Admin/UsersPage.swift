import Foundation
import Plot

/// Account administration: list, create, change role, disable, reset password.
public enum UsersPage {
    public struct UserRow: Sendable {
        public let id: String
        public let username: String
        public let displayName: String
        public let role: String
        public let disabled: Bool
        public let lastLogin: Date?

        public init(id: String, username: String, displayName: String, role: String, disabled: Bool, lastLogin: Date?) {
            self.id = id
            self.username = username
            self.displayName = displayName
            self.role = role
            self.disabled = disabled
            self.lastLogin = lastLogin
        }
    }

    public struct Model: Sendable {
        public let users: [UserRow]
        public let roles: [String]
        public let canManage: Bool
        public let nextPage: String?

        public init(users: [UserRow], roles: [String], canManage: Bool, nextPage: String?) {
            self.users = users
            self.roles = roles
            self.canManage = canManage
            self.nextPage = nextPage
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Users", context: context, content: .group(
            .h1(.text("Users")),
            .table(
                .class("data"),
                .caption(.class("visually-hidden"), .text("Accounts")),
                .thead(.tr(.th(.text("Username")), .th(.text("Name")), .th(.text("Role")), .th(.text("Status")),
                           .th(.text("Last login")), .if(model.canManage, .th(.span(.class("visually-hidden"), .text("Actions")))))),
                .tbody(.forEach(model.users) { user in row(user, model: model, context: context) })
            ),
            .unwrap(model.nextPage) { next in .p(.a(.href(next), .text("More users →"))) },
            .if(model.canManage, createForm(model, context: context))
        ))
    }

    static func row(_ user: UserRow, model: Model, context: PageContext) -> Node<HTML.TableContext> {
        .tr(
            .td(.code(.text(user.username))),
            .td(.text(user.displayName)),
            .td(.text(user.role)),
            .td(.span(.class(user.disabled ? "state state-failed" : "state state-succeeded"), .text(user.disabled ? "disabled" : "active"))),
            .td(.text(Format.timestamp(user.lastLogin))),
            .if(model.canManage, .td(
                .class("actions"),
                .form(
                    .method(.post), .action("/admin/users/\(user.id)"), .class("inline"),
                    Layout.csrfField(context),
                    .label(.for("role-\(user.id)"), .class("visually-hidden"), .text("Role of \(user.username)")),
                    Controls.select(name: "role", id: "role-\(user.id)",
                                    options: model.roles.map { Controls.Option($0, selected: $0 == user.role) }),
                    .input(.type(.hidden), .name("disabled"), .value(user.disabled ? "true" : "false")),
                    .button(.type(.submit), .class("small"), .text("Set role"))
                ),
                .form(
                    .method(.post), .action("/admin/users/\(user.id)"), .class("inline"),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("disabled"), .value(user.disabled ? "false" : "true")),
                    .button(.type(.submit), .class(user.disabled ? "small" : "small danger"),
                            .attribute(named: "data-confirm", value: user.disabled ? "" : AttributeText.escaped("Disable \(user.username)? Their sessions and tokens stop working.")),
                            .text(user.disabled ? "Enable" : "Disable"))
                ),
                .details(
                    .summary(.text("Reset password")),
                    .form(
                        .method(.post), .action("/admin/users/\(user.id)/password"), .class("inline"),
                        Layout.csrfField(context),
                        .label(.for("pw-\(user.id)"), .class("visually-hidden"), .text("New password for \(user.username)")),
                        .input(.type(.password), .name("password"), .id("pw-\(user.id)"), .required(true),
                               .attribute(named: "autocomplete", value: "new-password"), .attribute(named: "minlength", value: "8")),
                        .button(.type(.submit), .class("small"), .text("Set"))
                    )
                )
            ))
        )
    }

    static func createForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("Add a user")),
            .form(
                .method(.post), .action("/admin/users"), .class("stacked"),
                Layout.csrfField(context),
                .label(.for("new-username"), .text("Username")),
                .input(.type(.text), .name("username"), .id("new-username"), .required(true),
                       .attribute(named: "pattern", value: "[A-Za-z0-9._\\-]{2,64}"), .attribute(named: "autocomplete", value: "off")),
                .label(.for("new-display"), .text("Display name")),
                .input(.type(.text), .name("display_name"), .id("new-display")),
                .label(.for("new-password"), .text("Password (at least 8 characters)")),
                .input(.type(.password), .name("password"), .id("new-password"), .required(true),
                       .attribute(named: "minlength", value: "8"), .attribute(named: "autocomplete", value: "new-password")),
                .label(.for("new-role"), .text("Role")),
                Controls.select(name: "role", id: "new-role",
                                options: model.roles.map { Controls.Option($0, selected: $0 == "viewer") }),
                .button(.type(.submit), .class("primary"), .text("Add user"))
            )
        )
    }
}
