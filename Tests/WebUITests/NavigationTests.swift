import Testing
@testable import WebUI

/// The header says where the viewer is (aria-current), shows only what they may open, and the skip link leads
/// past it to the main content.
@Suite struct NavigationTests {
    func currentLinks(_ path: String) -> [String] {
        let html = Fixtures.module(Fixtures.context(path))
        return HTMLScan.startTags(html, named: "a").filter { $0["aria-current"] == "page" }.compactMap { $0["href"] }
    }

    @Test(arguments: [
        ("/", "/"), ("/jobs", "/jobs"), ("/jobs/0b7c1a52", "/jobs"), ("/admin/users", "/admin/users"),
        ("/admin/audit", "/admin/audit"), ("/grid", "/grid"), ("/api/docs", "/api/docs"),
    ])
    func exactlyTheCurrentSectionIsMarked(path: String, expected: String) {
        #expect(currentLinks(path) == [expected])
    }

    @Test func pagesOutsideTheNavigationMarkNothing() {
        #expect(currentLinks("/account").isEmpty)
        #expect(currentLinks("/jobsearch").isEmpty)
    }

    @Test func linksNeedTheirPermission() {
        // Arrange
        let context = Fixtures.context("/", permissions: ["jobs.read"])

        // Act
        let html = Fixtures.module(context)
        let links = Set(HTMLScan.startTags(html, named: "a").compactMap { $0["href"] })

        // Assert
        #expect(links.isSuperset(of: ["/", "/jobs", "/maintenance", "/operations", "/api/docs", "/account"]))
        #expect(links.isDisjoint(with: ["/series", "/grid", "/plants", "/admin/users", "/admin/audit"]))
    }

    @Test func navigationsAreLabelled() {
        // Arrange / Act
        let navs = HTMLScan.startTags(Fixtures.dashboard(), named: "nav")

        // Assert
        #expect(navs.compactMap { $0["aria-label"] } == ["Main", "Administration"])
    }

    @Test func loggedOutPagesHaveNoNavigation() {
        let html = Fixtures.login()
        #expect(HTMLScan.startTags(html, named: "nav").isEmpty)
        #expect(!html.contains("Log out"))
    }

    @Test(arguments: Fixtures.pages.map(\.name))
    func skipLinkComesFirstAndTargetsMain(page: String) {
        // Arrange
        let tags = HTMLScan.tags(Fixtures.pages.first { $0.name == page }!.html)

        // Act
        let bodyIndex = tags.firstIndex { $0.name == "body" }!
        let firstFocusable = tags[(bodyIndex + 1)...].first { ["a", "button", "input", "select"].contains($0.name) }
        let main = tags.first { $0.name == "main" && !$0.isEnd }

        // Assert
        #expect(firstFocusable?["class"] == "skip-link")
        #expect(firstFocusable?["href"] == "#main")
        #expect(main?["id"] == "main")
        #expect(main?["tabindex"] == "-1", "main must accept focus from the skip link")
    }

    @Test func themeToggleIsALabelledButton() {
        // Arrange / Act
        let toggle = HTMLScan.startTags(Fixtures.dashboard(), named: "button").first { $0["id"] == "theme-toggle" }

        // Assert
        #expect(toggle?["type"] == "button", "a submit button would post the surrounding form")
        #expect(toggle?["aria-label"]?.isEmpty == false)
    }
}
