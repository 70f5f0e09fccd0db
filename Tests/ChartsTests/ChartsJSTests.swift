import Foundation
import Testing

/// Runs the charts.js tests (js/charts.test.mjs) with Node when it is installed, so the client's
/// copy of the tick, scale and path maths cannot drift from the Swift one unnoticed.
@Suite struct ChartsJSTests {
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The test file next to this one; symlinks resolved so a dev package that links this folder works too.
    static let testFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("js/charts.test.mjs")

    @Test(.enabled(if: node != nil, "needs node"))
    func clientHelpersMatchTheSwiftMaths() throws {
        // Arrange
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.node ?? "node")
        process.arguments = ["--test", "--test-reporter=dot", Self.testFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output

        // Act
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // Assert
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
