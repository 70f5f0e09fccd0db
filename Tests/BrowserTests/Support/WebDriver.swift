import Foundation

/// A WebDriver error as the W3C protocol reports it (`{"value": {"error", "message"}}`).
struct WebDriverError: Error, CustomStringConvertible {
    let status: Int
    let error: String
    let message: String
    var description: String { "WebDriver \(status) \(error): \(message.prefix(400))" }
}

/// A small client for one browser session over the W3C WebDriver protocol (plain HTTP + JSON). Only the
/// commands these tests need; no Selenium.
final class WebDriver: Sendable {
    let endpoint: URL
    let sessionID: String
    /// The application under test; `navigate` takes paths relative to it.
    let baseURL: URL

    private init(endpoint: URL, sessionID: String, baseURL: URL) {
        self.endpoint = endpoint
        self.sessionID = sessionID
        self.baseURL = baseURL
    }

    /// Starts headless Chromium through chromedriver at `endpoint`, with the browser's console log kept.
    static func startSession(endpoint: URL, baseURL: URL) async throws -> WebDriver {
        let chromeOptions: JSON = [
            "binary": .string(ProcessInfo.processInfo.environment["POWERHOUSE_CHROMIUM"] ?? "/usr/bin/chromium"),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--lang=en-US", "--window-size=1280,900",
            ],
        ]
        let capabilities: JSON = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome", "goog:chromeOptions": chromeOptions,
                    "goog:loggingPrefs": ["browser": "ALL"],
                    // Tests handle confirm() dialogs themselves.
                    "unhandledPromptBehavior": "ignore",
                ],
            ],
        ]
        let value = try await send("POST", endpoint.appendingPathComponent("session"), capabilities, timeout: 120)
        guard let id = value["sessionId"]?.string else {
            throw WebDriverError(status: 0, error: "no session", message: "\(value)")
        }
        return WebDriver(endpoint: endpoint, sessionID: id, baseURL: baseURL)
    }

    // MARK: transport

    /// With POWERHOUSE_BROWSER_TRACE=1 every command goes to stderr as it happens (stdout is buffered until the end).
    static let tracing = ProcessInfo.processInfo.environment["POWERHOUSE_BROWSER_TRACE"] == "1"

    static func trace(_ line: @autoclosure () -> String) {
        if tracing { FileHandle.standardError.write(Data("[browser] \(line())\n".utf8)) }
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: JSON? = nil) async throws -> JSON {
        var url = endpoint.appendingPathComponent("session").appendingPathComponent(sessionID)
        if !path.isEmpty { url = url.appendingPathComponent(path) }
        return try await Self.send(method, url, body ?? (method == "POST" ? [:] : nil), timeout: 60)
    }

    private static func send(_ method: String, _ url: URL, _ body: JSON?, timeout: TimeInterval) async throws -> JSON {
        trace("\(method) \(url.path)")
        let response = try await PlainHTTP.send(method, url, body: try body.map { try JSONEncoder().encode($0) }, timeout: timeout)
        let status = response.status
        let data = response.body
        let json = (try? JSONDecoder().decode(JSON.self, from: data)) ?? .null
        let value = json["value"] ?? .null
        guard (200..<300).contains(status) else {
            throw WebDriverError(status: status, error: value["error"]?.string ?? "unknown",
                                 message: value["message"]?.string ?? String(decoding: data, as: UTF8.self))
        }
        return value
    }

    // MARK: navigation

    func navigate(to path: String) async throws {
        try await command("POST", "url", ["url": .string(URL(string: path, relativeTo: baseURL)!.absoluteString)])
    }

    func currentURL() async throws -> URLComponents {
        URLComponents(string: try await command("GET", "url").string ?? "")!
    }

    func refresh() async throws { try await command("POST", "refresh") }

    func quit() async {
        _ = try? await command("DELETE", "")
    }

    // MARK: elements

    /// The W3C key under which an element reference travels.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    func find(_ selector: String, using strategy: String = "css selector") async throws -> Element {
        try element(try await command("POST", "element", ["using": .string(strategy), "value": .string(selector)]))
    }

    func findAll(_ selector: String, using strategy: String = "css selector") async throws -> [Element] {
        let value = try await command("POST", "elements", ["using": .string(strategy), "value": .string(selector)])
        return try (value.array ?? []).map(element)
    }

    func activeElement() async throws -> Element {
        try element(try await command("GET", "element/active"))
    }

    private func element(_ value: JSON) throws -> Element {
        guard let id = value[Self.elementKey]?.string else {
            throw WebDriverError(status: 0, error: "not an element", message: "\(value)")
        }
        return Element(id: id, driver: self)
    }

    // MARK: scripts, keys, dialogs

    /// Runs `script` as a function body in the page (`arguments[0]`… are `args`) and returns its result.
    @discardableResult
    func execute(_ script: String, _ args: [JSON] = []) async throws -> JSON {
        try await command("POST", "execute/sync", ["script": .string(script), "args": .array(args)])
    }

    enum Key: String {
        case tab = "\u{E004}", enter = "\u{E007}", escape = "\u{E00C}"
    }

    /// Presses and releases one key wherever the focus is, as a keyboard user would.
    func press(_ key: Key) async throws {
        let key = JSON.string(key.rawValue)
        try await command("POST", "actions", [
            "actions": [[
                "type": "key", "id": "keyboard",
                "actions": [["type": "keyDown", "value": key], ["type": "keyUp", "value": key]],
            ]],
        ])
        try await command("DELETE", "actions")
    }

    /// The text of the open dialog (alert, confirm), or nil when none is open.
    func dialogText() async throws -> String? {
        do {
            return try await command("GET", "alert/text").string
        } catch let error as WebDriverError where error.error == "no such alert" {
            return nil
        }
    }

    func acceptDialog() async throws { try await command("POST", "alert/accept") }
    func dismissDialog() async throws { try await command("POST", "alert/dismiss") }

    // MARK: browser

    func screenshot() async throws -> Data {
        Data(base64Encoded: try await command("GET", "screenshot").string ?? "") ?? Data()
    }

    func setWindowSize(width: Int, height: Int) async throws {
        try await command("POST", "window/rect", ["width": .number(Double(width)), "height": .number(Double(height))])
    }

    struct LogEntry: Sendable {
        let level: String
        let message: String
    }

    /// Console messages since the last call (chromedriver's `goog:loggingPrefs` log; not part of W3C proper).
    func browserLog() async throws -> [LogEntry] {
        let value = try await command("POST", "se/log", ["type": "browser"])
        return (value.array ?? []).map { LogEntry(level: $0["level"]?.string ?? "", message: $0["message"]?.string ?? "") }
    }

    /// A Chrome DevTools command through chromedriver (to emulate `prefers-color-scheme`).
    func devTools(_ command: String, _ parameters: JSON) async throws {
        try await self.command("POST", "goog/cdp/execute", ["cmd": .string(command), "params": parameters])
    }
}

/// One element of the page.
struct Element: Sendable {
    let id: String
    let driver: WebDriver

    private func path(_ command: String) -> String { "element/\(id)/\(command)" }

    func click() async throws { try await driver.command("POST", path("click")) }
    func clear() async throws { try await driver.command("POST", path("clear")) }
    func type(_ text: String) async throws { try await driver.command("POST", path("value"), ["text": .string(text)]) }
    func text() async throws -> String { try await driver.command("GET", path("text")).string ?? "" }
    func attribute(_ name: String) async throws -> String? { try await driver.command("GET", path("attribute/\(name)")).string }
    func property(_ name: String) async throws -> JSON { try await driver.command("GET", path("property/\(name)")) }

    /// The element as a script argument.
    var json: JSON { [WebDriver.elementKey: .string(id)] }
}
