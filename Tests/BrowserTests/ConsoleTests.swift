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

        @Test func pagesLoadCleanlyForAViewer() async throws {
            try await Browser.run { browser in
                // Arrange: the least privileged role sees fewer links and forms.
                try await browser.server.createUser("reader", role: .viewer)
                try await browser.logIn("reader")

                for page in ["/", "/jobs", "/account"] {
                    // Act / Assert (visit checks the console)
                    try await browser.visit(page)
                }
                #expect(try await browser.driver.findAll("a[href='/admin/users']").isEmpty)

                // Act: a page the role may not open. Chromium logs the 403 status itself; nothing else may appear.
                try await browser.driver.navigate(to: "/admin/users")

                // Assert
                try await browser.expectCleanConsole(after: "a refused page", expected: ["status of 403"])
                #expect(try await browser.driver.findAll("table").isEmpty)
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
