import Testing

extension BrowserTests {
    /// Every page loads its CSS and JS under the real CSP without a single console error.
    @Suite struct ConsoleTests {
        static let pages = [
            "/", "/series", "/grid", "/plants", "/maintenance", "/operations", "/jobs", "/admin/users", "/admin/audit",
            "/api/docs", "/account",
        ]

        @Test func everyPageLoadsCleanly() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.logIn()

                for page in Self.pages {
                    // Act (visit checks the console itself)
                    try await browser.visit(page)

                    // Assert: our stylesheet and both scripts ran.
                    let applied = try await browser.driver.execute("""
                        return {
                          css: getComputedStyle(document.querySelector(".site-header")).display === "flex",
                          theme: document.documentElement.classList.contains("js"),
                          app: Boolean(document.getElementById("theme-toggle").dataset.mode),
                        };
                        """)
                    #expect(applied == ["css": true, "theme": true, "app": true], "\(page): \(applied)")
                }
            }
        }

        @Test func loginPageLoadsCleanly() async throws {
            try await Browser.run { browser in
                try await browser.visit("/login")
                #expect(try await browser.driver.execute("return document.activeElement.id") == "username")
            }
        }
    }
}
