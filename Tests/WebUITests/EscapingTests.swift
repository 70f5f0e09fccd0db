import Testing
@testable import WebUI

/// User data (names, messages, echoed form values) must stay text on every page: no tag or attribute may come
/// out of it, whether it lands in a text node or inside an attribute value.
@Suite struct EscapingTests {
    @Test(arguments: Fixtures.pages.map(\.name))
    func hostileDataNeverBecomesMarkup(page: String) {
        // Arrange
        let html = Fixtures.pages.first { $0.name == page }!.html

        // Act
        let tags = HTMLScan.tags(html)

        // Assert
        #expect(!tags.contains { $0.name == "img" }, "an <img> was injected")
        #expect(!tags.contains { $0.attributes["data-injected"] != nil }, "an attribute was injected")
    }

    @Test func loginEchoesTheUsernameAsAnExactAttributeValue() {
        // Arrange / Act
        let html = Fixtures.login(username: Fixtures.hostile, next: #"/jobs?a="b"&c=<d>"#)

        // Assert
        let inputs = HTMLScan.startTags(html, named: "input")
        #expect(inputs.first { $0["id"] == "username" }?["value"] == Fixtures.hostile)
        #expect(inputs.first { $0["name"] == "next" }?["value"] == #"/jobs?a="b"&c=<d>"#)
    }

    @Test func auditFiltersEchoTheQueryAsExactValues() {
        // Arrange / Act
        let html = Fixtures.auditPage(filter: ["action": Fixtures.hostile, "to": "2026-01-01T00:00:00Z"])

        // Assert
        let inputs = HTMLScan.startTags(html, named: "input")
        #expect(inputs.first { $0["id"] == "filter-action" }?["value"] == Fixtures.hostile)
        #expect(inputs.first { $0["id"] == "filter-to" }?["value"] == "2026-01-01T00:00:00Z")
    }

    @Test func confirmPromptsKeepNamesAsText() {
        // Arrange / Act
        let html = Fixtures.account()

        // Assert
        let revoke = HTMLScan.startTags(html, named: "button").compactMap { $0["data-confirm"] }
        #expect(revoke == ["Revoke \(Fixtures.hostile)?"])
    }

    @Test func textNodesAreEscaped() {
        // Arrange / Act
        let html = Fixtures.dashboard()

        // Assert: the display name in the header and the job message arrive as escaped text.
        #expect(html.contains("&lt;img src=x data-injected=1&gt;"))
        #expect(!html.contains("<img"))
    }

    @Test func attributeEscapingCoversEveryDelimiter() {
        #expect(AttributeText.escaped(#"a"b'c<d>e&f"#) == "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        #expect(AttributeText.escaped("plain text, ünïcode ⚡") == "plain text, ünïcode ⚡")
    }
}
