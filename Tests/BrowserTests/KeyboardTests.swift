import Testing

extension BrowserTests {
    /// A keyboard user reaches the content without tabbing through the whole header, and sees where focus is.
    @Suite struct KeyboardTests {
        @Test func skipLinkIsFirstVisibleOnFocusAndMovesFocusToMain() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.logIn()
                try await browser.visit("/jobs")

                // Act: the first Tab of the page.
                try await browser.driver.press(.tab)

                // Assert: it lands on the skip link, which comes into view with a focus ring.
                let focused = try await browser.driver.activeElement()
                #expect(try await focused.attribute("class") == "skip-link")
                let shown = try await browser.driver.execute("""
                    const link = document.activeElement, box = link.getBoundingClientRect();
                    const style = getComputedStyle(link);
                    return box.top >= 0 && box.height > 0 && style.outlineStyle !== "none" && style.outlineWidth !== "0px";
                    """)
                #expect(shown == true, "the focused skip link must be on screen with a visible outline")

                // Act: follow it.
                try await browser.driver.press(.enter)

                // Assert: focus is on <main>, and the next Tab stays inside it rather than going back to the header.
                try await browser.waitUntil("focus on main") {
                    try await browser.driver.execute("return document.activeElement.id").string == "main"
                }
                try await browser.driver.press(.tab)
                let inside = try await browser.driver.execute(
                    "return document.getElementById('main').contains(document.activeElement)")
                #expect(inside == true)
            }
        }

        @Test func themeToggleWorksFromTheKeyboard() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.logIn()
                try await browser.driver.execute("document.getElementById('theme-toggle').focus()")

                // Act
                try await browser.driver.press(.enter)

                // Assert
                #expect(try await browser.driver.execute("return document.documentElement.dataset.theme") == "light")
            }
        }
    }
}
