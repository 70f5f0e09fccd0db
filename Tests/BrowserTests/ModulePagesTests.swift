import Testing

extension BrowserTests {
    /// The modules' pages with data in them: charts enhanced by charts.js (loaded by app.js), maps and tables, all
    /// under the same CSP, without console errors.
    @Suite struct ModulePagesTests {
        static let pages = ["/series", "/plants", "/plants/list", "/plants/regions", "/grid"]

        @Test func modulePagesWithDemoDataLoadCleanly() async throws {
            try await Browser.run(demo: true) { browser in
                // Arrange
                try await browser.logIn()

                for page in Self.pages {
                    // Act (visit checks the console)
                    try await browser.visit(page)

                    // Assert: every chart on the page was enhanced (charts.js is imported after load, so wait).
                    try await browser.waitUntil("charts on \(page) enhanced") {
                        let now = try await browser.driver.execute(
                            "return [...document.querySelectorAll('figure[data-chart]')].every((f) => f.chartView)")
                        return now == true
                    }
                }
                // At least one page had a chart, or this test proved nothing about them.
                try await browser.visit("/plants/regions")
                #expect(try await !browser.driver.findAll("figure[data-chart]").isEmpty)
                try await browser.screenshot("plants-regions")
            }
        }
    }
}
