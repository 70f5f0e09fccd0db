import Testing

extension BrowserTests {
    /// Buttons with data-confirm ask first; cancelling the question keeps the form from being sent.
    @Suite struct ConfirmTests {
        @Test func disablingAUserAsksFirst() async throws {
            try await Browser.run { browser in
                // Arrange
                try await browser.server.createUser("field.tech", role: .viewer)
                try await browser.logIn()
                try await browser.visit("/admin/users")
                let disable = "//tr[td/code[text()='field.tech']]//button[@data-confirm]"
                let status = "//tr[td/code[text()='field.tech']]//span[contains(@class,'state')]"

                // Act: ask, then say no.
                try await browser.driver.find(disable, using: "xpath").click()
                try await browser.waitUntil("the confirm dialog") { try await browser.driver.dialogText() != nil }
                let question = try await browser.driver.dialogText()
                try await browser.driver.dismissDialog()

                // Assert: the question names the account, and nothing was sent.
                #expect(question?.hasPrefix("Disable field.tech?") == true)
                #expect(try await browser.driver.currentURL().query == nil)
                #expect(try await browser.driver.find(status, using: "xpath").text() == "active")

                // Act: ask again, and say yes.
                try await browser.driver.find(disable, using: "xpath").click()
                try await browser.waitUntil("the confirm dialog") { try await browser.driver.dialogText() != nil }
                try await browser.driver.acceptDialog()

                // Assert
                try await browser.waitUntil("the update") { try await browser.driver.currentURL().query == "done=user-updated" }
                #expect(try await browser.driver.find(status, using: "xpath").text() == "disabled")
                try await browser.screenshot("users")
            }
        }
    }
}
