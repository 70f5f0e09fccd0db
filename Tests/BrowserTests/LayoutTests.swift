import Testing

extension BrowserTests {
    /// The same pages on a phone and on paper.
    @Suite struct LayoutTests {
        @Test func phoneWidthKeepsTheContentReadable() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.driver.setWindowSize(width: 390, height: 844)
                try await browser.logIn()

                // Act
                let overflow = try await browser.driver.execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")

                // Assert: the page does not scroll sideways; wide tables scroll inside their own box.
                #expect((overflow.number ?? 1) <= 0)
                try await browser.screenshot("overview-phone")
            }
        }

        @Test func reducedMotionStillsTheRunningIndicator() async throws {
            try await Browser.run { browser in
                // Arrange: a running-state badge, as the jobs table shows one.
                try await browser.logIn()
                let duration = """
                    const badge = document.createElement("span");
                    badge.className = "state state-running";
                    document.querySelector("main").append(badge);
                    const seconds = parseFloat(getComputedStyle(badge, "::before").animationDuration);
                    badge.remove();
                    return seconds;
                    """

                // Act
                let normal = try await browser.driver.execute(duration).number ?? 0
                try await browser.driver.devTools("Emulation.setEmulatedMedia", [
                    "features": [["name": "prefers-reduced-motion", "value": "reduce"]],
                ])
                let reduced = try await browser.driver.execute(duration).number ?? 1

                // Assert
                #expect(normal >= 0.5, "the indicator pulses by default")
                #expect(reduced < 0.01, "and stands still when less motion is asked for")
            }
        }

        @Test func printingShowsTheContentWithoutNavigation() async throws {
            try await Browser.run { browser in
                // Arrange: a dark theme on screen must not reach the paper.
                try await browser.logIn()
                try await browser.driver.find("#theme-toggle").click()
                try await browser.driver.find("#theme-toggle").click()

                // Act
                try await browser.driver.devTools("Emulation.setEmulatedMedia", ["media": "print"])
                let printed = try await browser.driver.execute("""
                    const shown = (selector) => [...document.querySelectorAll(selector)]
                      .some((element) => getComputedStyle(element).display !== "none");
                    return {
                      navigation: shown(".site-header nav, .user-menu, .theme-toggle, .skip-link, form"),
                      content: shown("main h1, main table, main .card"),
                      background: getComputedStyle(document.body).backgroundColor,
                    };
                    """)
                try await browser.screenshot("overview-print")

                // Assert
                #expect(printed == ["navigation": false, "content": true, "background": "rgb(255, 255, 255)"])
            }
        }
    }
}
