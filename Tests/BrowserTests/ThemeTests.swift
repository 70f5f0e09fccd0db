import Testing

extension BrowserTests {
    /// The theme follows the system until the toggle picks one; the pick survives reloads and applies before paint.
    @Suite struct ThemeTests {
        static let lightBackground = "rgb(243, 245, 247)"
        static let darkBackground = "rgb(13, 17, 23)"

        func theme(_ browser: Browser) async throws -> JSON {
            try await browser.driver.execute("return document.documentElement.getAttribute('data-theme')")
        }

        func background(_ browser: Browser) async throws -> String? {
            try await browser.driver.execute("return getComputedStyle(document.body).backgroundColor").string
        }

        @Test func toggleCyclesSystemLightDarkAndSurvivesReload() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.logIn()
                let toggle = try await browser.driver.find("#theme-toggle")
                #expect(try await theme(browser) == .null, "no choice yet: the system decides")

                // Act / Assert: system → light → dark.
                try await toggle.click()
                #expect(try await theme(browser) == "light")
                #expect(try await background(browser) == Self.lightBackground)
                try await browser.screenshot("overview-light")
                try await toggle.click()
                #expect(try await theme(browser) == "dark")
                #expect(try await background(browser) == Self.darkBackground)
                #expect(try await toggle.attribute("aria-label")?.contains("dark") == true)

                // Act / Assert: the choice is kept across a reload and a new page.
                try await browser.driver.refresh()
                #expect(try await theme(browser) == "dark")
                #expect(try await background(browser) == Self.darkBackground)
                try await browser.screenshot("overview-dark")
                try await browser.visit("/jobs")
                #expect(try await theme(browser) == "dark")

                // Act / Assert: and back to following the system.
                try await browser.driver.find("#theme-toggle").click()
                #expect(try await theme(browser) == .null)
                try await browser.driver.refresh()
                #expect(try await theme(browser) == .null)
            }
        }

        @Test func systemDarkPreferenceAppliesUntilLightIsChosen() async throws {
            try await Browser.run { browser in
                // Arrange: the operating system asks for dark.
                try await browser.driver.devTools("Emulation.setEmulatedMedia", [
                    "features": [["name": "prefers-color-scheme", "value": "dark"]],
                ])
                try await browser.logIn()

                // Assert: dark without any choice made.
                #expect(try await theme(browser) == .null)
                #expect(try await background(browser) == Self.darkBackground)
                try await browser.screenshot("overview-system-dark")

                // Act: choose light.
                try await browser.driver.find("#theme-toggle").click()

                // Assert: light wins over the system preference.
                #expect(try await background(browser) == Self.lightBackground)
            }
        }
    }
}
