import Foundation
import Testing
@testable import Charts

@Suite struct DemoPageTests {
    @Test func everyDemoChartRendersWithUniqueIDs() {
        // Act
        let html = DemoPage.html(theme: nil)

        // Assert
        let ids = captures(#"<figure class="chart [^"]*" id="([^"]*)""#, in: html)
        #expect(ids.count == DemoPage.charts().count)
        #expect(Set(ids).count == ids.count)
        #expect(count(#"class="sparkline "#, in: html) == 3)
        #expect(count("<script", in: html) == ids.count + 1)  // the JSON blocks and the module
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHARTS_DEMO_DIR"] != nil, "set CHARTS_DEMO_DIR to write the demo page"))
    func writeDemoPage() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHARTS_DEMO_DIR"] ?? "/tmp/charts-demo")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try DemoPage.html(theme: nil).write(to: directory.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try DemoPage.html(theme: "light").write(to: directory.appendingPathComponent("light.html"), atomically: true, encoding: .utf8)
        try DemoPage.html(theme: "dark").write(to: directory.appendingPathComponent("dark.html"), atomically: true, encoding: .utf8)
        try DemoPage.css.write(to: directory.appendingPathComponent("demo.css"), atomically: true, encoding: .utf8)
        try DemoPage.zoomJSON().write(to: directory.appendingPathComponent("zoom.json"), atomically: true, encoding: .utf8)
    }
}
