import Testing

extension BrowserTests {
    /// Logging in and out through the real forms, cookies and redirects.
    @Suite struct LoginTests {
        @Test func wrongPasswordShowsTheErrorAndTheRightOneOpensTheOverview() async throws {
            try await Browser.run { browser in
                // Arrange: a page that needs a session sends the visitor to the login form.
                try await browser.visit("/jobs")
                #expect(try await browser.path() == "/login")

                // Act: a wrong password.
                try await browser.fillIn("#username", with: "admin")
                try await browser.fillIn("#password", with: "not the password")
                try await browser.driver.find("form[action='/login'] button[type=submit]").click()
                try await browser.waitUntil("the login error") { try await !browser.driver.findAll("#login-error").isEmpty }

                // Assert: the error is announced, the username kept, the password not.
                let error = try await browser.driver.find("#login-error")
                #expect(try await error.attribute("role") == "alert")
                #expect(try await !error.text().isEmpty)
                #expect(try await browser.driver.find("#username").property("value") == "admin")
                #expect(try await browser.driver.find("#password").property("value") == "")
                // The failed post answers 401 on purpose; Chromium logs that status as an error.
                try await browser.expectCleanConsole(after: "the wrong password", expected: ["status of 401"])
                try await browser.screenshot("login-error")

                // Act: the right password.
                try await browser.fillIn("#password", with: LiveServer.adminPassword)
                try await browser.driver.find("form[action='/login'] button[type=submit]").click()

                // Assert: back where the visitor was going.
                try await browser.waitForPage("/jobs")
                #expect(try await browser.text("h1") == "Jobs")
            }
        }

        @Test func loginLandsOnTheOverview() async throws {
            try await Browser.run { browser in
                // Act
                try await browser.logIn()

                // Assert
                #expect(try await browser.text("h1") == "Overview")
                let current = try await browser.driver.find(".nav a[aria-current=page]")
                #expect(try await current.attribute("href") == "/")
            }
        }

        @Test func logOutEndsTheSession() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.logIn()

                // Act
                try await browser.driver.find(".user-menu button[type=submit]").click()
                try await browser.waitForPage("/login")

                // Assert: told so, and the session no longer opens pages.
                let notice = try await browser.driver.find(".notice")
                #expect(try await notice.attribute("role") == "status")
                #expect(try await notice.text() == "You have logged out.")
                try await browser.visit("/")
                #expect(try await browser.path() == "/login")
            }
        }
    }
}
