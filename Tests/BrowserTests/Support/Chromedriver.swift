import Foundation

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
        try process.run()
        // The start-up line is read by a plain thread with read(2). (A `readabilityHandler` is a dispatch source
        // on Linux, and libdispatch's event loop crashed now and then while it started or stopped.) After the
        // line, output is drained until chromedriver exits, so the pipe never fills.
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            Thread.detachNewThread {
                let fd = output.fileHandleForReading.fileDescriptor
                var text = ""
                var resumed = false
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    guard !resumed else { continue }
                    text += String(decoding: buffer[0..<n], as: UTF8.self)
                    if let port = Self.port(announcedIn: text) {
                        resumed = true
                        continuation.resume(returning: port)
                    }
                }
                if !resumed { continuation.resume(throwing: StartError(output: text)) }
            }
        }
        return Chromedriver(process: process, endpoint: URL(string: "http://127.0.0.1:\(port)")!)
    }

    /// The port of "ChromeDriver was started successfully on port 36327.", once the line is complete.
    private static func port(announcedIn text: String) -> Int? {
        guard let range = text.range(of: "started successfully on port ") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        guard let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first == "." else { return nil }
        return port
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
