import Foundation
import Testing

/// One test's world: a live server, chromedriver, and a headless Chromium session pointed at the server.
/// Everything is started per test and torn down after it, so tests share nothing.
struct Browser: Sendable {
    let driver: WebDriver
    let server: LiveServer

    /// Browser tests need Chromium and chromedriver installed; they run only when asked for.
    static let enabled = ProcessInfo.processInfo.environment["POWERHOUSE_BROWSER_TESTS"] == "1"

    static func run(demo: Bool = false, _ body: @Sendable (Browser) async throws -> Void) async throws {
        try await LiveServer.run(demo: demo) { server in
            let chromedriver = try await Chromedriver.start()
            do {
                let driver = try await WebDriver.startSession(endpoint: chromedriver.endpoint, baseURL: server.baseURL)
                let browser = Browser(driver: driver, server: server)
                do {
                    try await body(browser)
                    // Whatever the last steps did (scripts, live updates) must not have logged errors either.
                    try await browser.expectCleanConsole(after: "the last step")
                } catch {
                    await driver.quit()
                    throw error
                }
                await driver.quit()
            } catch {
                await chromedriver.stop()
                throw error
            }
            await chromedriver.stop()
        }
    }

    // MARK: pages

    /// Opens `path` (the driver waits for the load event) and checks the console it left behind.
    func visit(_ path: String) async throws {
        try await driver.navigate(to: path)
        try await expectCleanConsole(after: "opening \(path)")
    }

    func path() async throws -> String { try await driver.currentURL().path }

    /// Waits for a navigation a click started: the path changes to `path` and the new document has loaded.
    func waitForPage(_ path: String) async throws {
        try await waitUntil("page \(path) loaded") {
            guard try await self.path() == path else { return false }
            return try await driver.execute("return document.readyState").string == "complete"
        }
        try await expectCleanConsole(after: "arriving at \(path)")
    }

    func text(_ selector: String) async throws -> String { try await driver.find(selector).text() }

    func logIn(_ username: String = "admin", password: String = LiveServer.adminPassword) async throws {
        try await visit("/login")
        try await fillIn("#username", with: username)
        try await fillIn("#password", with: password)
        try await driver.find("form[action='/login'] button[type=submit]").click()
        try await waitForPage("/")
    }

    func fillIn(_ selector: String, with text: String) async throws {
        let field = try await driver.find(selector)
        try await field.clear()
        try await field.type(text)
    }

    // MARK: waiting

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// Polls `condition` until it holds. The timeout is generous: it only bounds a failure, it asserts nothing.
    func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Timeout(what: what)
    }

    // MARK: console

    /// Records an issue for every error, CSP violation or uncaught exception the console shows since the last
    /// check. `expected` lists fragments of messages a step causes on purpose (a 401 from a wrong password).
    func expectCleanConsole(after step: String, expected: [String] = [], sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let problems = try await driver.browserLog().filter { entry in
            (entry.level == "SEVERE" || entry.message.contains("Content Security Policy"))
                && !expected.contains { entry.message.contains($0) }
        }
        for problem in problems {
            Issue.record("console after \(step): \(problem.level) \(problem.message)", sourceLocation: sourceLocation)
        }
    }

    // MARK: screenshots

    /// Saves a PNG for people to look at (design review); outside the repository unless told otherwise.
    func screenshot(_ name: String) async throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["POWERHOUSE_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("powerhouse-screenshots").path)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await driver.screenshot().write(to: directory.appendingPathComponent("\(name).png"))
    }
}

/// All browser tests, one at a time: each starts a Chromium, and the machines running them are small.
@Suite(.serialized, .enabled(if: Browser.enabled, "set POWERHOUSE_BROWSER_TESTS=1 (needs chromium and chromium-driver)"))
struct BrowserTests {}
