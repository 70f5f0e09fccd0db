import Foundation
import Synchronization

/// A chromedriver process on a port it picks itself (`--port=0`), read back from its start-up line.
final class Chromedriver: Sendable {
    let process: Process
    let endpoint: URL

    private init(process: Process, endpoint: URL) {
        self.process = process
        self.endpoint = endpoint
    }

    static var executable: String {
        ProcessInfo.processInfo.environment["POWERHOUSE_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    }

    static func start() async throws -> Chromedriver {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port=0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let state = Mutex<(text: String, resumed: Bool)>(("", false))
            output.fileHandleForReading.readabilityHandler = { handle in
                let chunk = handle.availableData
                // At end of file the handler would be called again and again.
                if chunk.isEmpty { handle.readabilityHandler = nil }
                state.withLock { state in
                    guard !state.resumed else { return }  // later output is only drained, so the pipe never fills
                    if chunk.isEmpty {
                        state.resumed = true
                        continuation.resume(throwing: StartError(output: state.text))
                        return
                    }
                    state.text += String(decoding: chunk, as: UTF8.self)
                    // "ChromeDriver was started successfully on port 36327."
                    if let range = state.text.range(of: "started successfully on port ") {
                        let digits = state.text[range.upperBound...].prefix { $0.isNumber }
                        if let port = Int(digits), state.text[range.upperBound...].dropFirst(digits.count).first == "." {
                            state.resumed = true
                            continuation.resume(returning: port)
                        }
                    }
                }
            }
            do {
                try process.run()
            } catch {
                output.fileHandleForReading.readabilityHandler = nil
                state.withLock { $0.resumed = true }
                continuation.resume(throwing: error)
            }
        }
        return Chromedriver(process: process, endpoint: URL(string: "http://127.0.0.1:\(port)")!)
    }

    /// chromedriver ignores SIGTERM while it has no session to end, so it is asked to shut down and, failing that,
    /// killed. Either way its browsers were already closed by `WebDriver.quit`.
    func stop() async {
        WebDriver.trace("stopping chromedriver \(process.processIdentifier)")
        _ = try? await PlainHTTP.send("GET", endpoint.appendingPathComponent("shutdown"), body: nil, timeout: 5)
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        // Killed by pid and reaped with a bounded poll: Foundation's `waitUntilExit` blocks a cooperative thread
        // (and on Linux may spin), which hung the whole test process at exit.
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        WebDriver.trace("chromedriver stopped")
    }

    struct StartError: Error, CustomStringConvertible {
        let output: String
        var description: String { "chromedriver did not start: \(output)" }
    }
}
