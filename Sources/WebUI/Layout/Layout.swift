import Foundation
import Plot

/// The page frame: head with our own CSS and JS (no CDN, no inline script), a skip link, the navigation, the
/// notice area, the page's content, and the footer.
public enum Layout {
    /// - Parameters:
    ///   - stylesheets: extra stylesheets of this page, as paths under `Public/` (`css/plants.css`).
    ///   - scripts: extra ES modules of this page, as paths under `Public/` (`js/plants-map.js`).
    public static func render(
        title: String, context: PageContext, content: Node<HTML.BodyContext>, stylesheets: [String] = [],
        scripts: [String] = []
    ) -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("color-scheme"), .content("light dark")),
                // Plot's `.title` also writes social `<meta content=…>` tags with the title unescaped; a bare
                // element keeps the (user-named) title a text node.
                .element(named: "title", text: "\(title) · Powerhouse"),
                .link(.rel(.stylesheet), .href(context.asset("css/app.css"))),
                .link(.rel(.stylesheet), .href(context.asset("css/charts.css"))),
                .link(.rel(.icon), .href(context.asset("img/icon.svg")), .type("image/svg+xml")),
                // Applies the saved theme before first paint; external, so the CSP needs no unsafe-inline.
                .script(.src(context.asset("js/theme.js"))),
                .script(.attribute(named: "type", value: "module"), .src(context.asset("js/app.js"))),
                .forEach(stylesheets) { .link(.rel(.stylesheet), .href(context.asset($0))) },
                .forEach(scripts) { .script(.attribute(named: "type", value: "module"), .src(context.asset($0))) }
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text("Skip to content")),
                header(context),
                .main(
                    .id("main"), .attribute(named: "tabindex", value: "-1"),
                    .unwrap(context.notice) { notice in
                        .div(
                            .class("notice notice-\(notice.kind.rawValue)"),
                            .attribute(named: "role", value: notice.kind == .error ? "alert" : "status"),
                            .text(notice.text))
                    },
                    content
                ),
                .footer(
                    .class("site-footer"),
                    .p(.text("Powerhouse \(context.version) · "), .a(.href("/api/docs"), .text("API")), .text(" · "),
                       .a(.href("/health/ready"), .text("health")))
                )
            )
        )
        return html.render()
    }

    static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .a(.class("brand"), .href("/"), .attribute(named: "aria-label", value: "Powerhouse home"), .text("⚡ Powerhouse")),
            .unwrap(context.viewer) { viewer in
                .group(
                    .nav(
                        .attribute(named: "aria-label", value: "Main"),
                        .ul(.class("nav"), .forEach(visible(NavigationItem.main, viewer)) { navLink($0, context) })
                    ),
                    .nav(
                        .attribute(named: "aria-label", value: "Administration"),
                        .ul(.class("nav nav-secondary"), .forEach(visible(NavigationItem.admin, viewer)) { navLink($0, context) })
                    ),
                    .div(
                        .class("user-menu"),
                        .a(.href("/account"), .text(viewer.displayName), .span(.class("role-badge"), .text(viewer.role))),
                        .form(
                            .class("inline"), .method(.post), .action("/logout"),
                            csrfField(context),
                            .button(.type(.submit), .class("link-button"), .text("Log out"))
                        )
                    )
                )
            },
            .button(
                .type(.button), .class("theme-toggle"), .id("theme-toggle"),
                .attribute(named: "aria-label", value: "Switch between light and dark theme"),
                .attribute(named: "title", value: "Theme"), .text("◐"))
        )
    }

    static func visible(_ items: [NavigationItem], _ viewer: PageContext.Viewer) -> [NavigationItem] {
        items.filter { item in item.permission.map(viewer.can) ?? true }
    }

    static func navLink(_ item: NavigationItem, _ context: PageContext) -> Node<HTML.ListContext> {
        .li(
            .a(
                .href(item.path), .text(item.title),
                .if(item.isCurrent(context.path), .attribute(named: "aria-current", value: "page"))
            )
        )
    }

    /// The hidden CSRF field every state-changing form carries.
    public static func csrfField(_ context: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf_token"), .value(AttributeText.escaped(context.csrfToken ?? "")))
    }
}
