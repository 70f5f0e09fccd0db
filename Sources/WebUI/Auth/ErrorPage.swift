import Plot

/// A page for refused or missing pages (403, 404) and failed form posts.
public enum ErrorPage {
    public static func render(title: String, message: String, context: PageContext) -> String {
        Layout.render(title: title, context: context, content: .group(
            .h1(.text(title)),
            .p(.text(message)),
            .p(.a(.href("/"), .text("Back to the overview")))
        ))
    }
}
