import Foundation
import Plot
import Testing
@testable import Charts

/// Whole charts compared with committed reference files in `Snapshots/`, so any change to the markup
/// is seen in review. After an intended change: `CHARTS_RECORD_SNAPSHOTS=1 swift test --filter Snapshot`.
@Suite struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("Snapshots")

    func assertSnapshot(_ chart: Chart, named name: String) throws {
        let actual = chart.render(indentedBy: .spaces(1)) + "\n"
        let file = Self.directory.appendingPathComponent(name + ".html")
        let recording = ProcessInfo.processInfo.environment["CHARTS_RECORD_SNAPSHOTS"] != nil
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again to compare")
            return
        }
        #expect(actual == expected, "snapshot \(name) differs; record again if the change is intended")
    }

    @Test func lineChartAcrossTheSpringDSTChange() throws {
        // Arrange: hourly load and temperature through Zurich's missing hour, one reading absent.
        let start = ms("2025-03-30T00:00:00+01:00")
        let chart = Chart(
            id: "dst", title: "Load on the night clocks go forward", kind: .line,
            x: .time((0..<6).map { start + Int64($0) * hour }, timeZone: zone("Europe/Zurich")),
            series: [
                ChartSeries(id: "load", name: "Load", unit: "kW", values: [12, 10.5, .nan, 9, 11, 14], color: .load),
                ChartSeries(id: "temp", name: "Outdoor", unit: "°C", values: [4, 3.5, 3, 2.5, 2.5, 3], color: .temperature, axis: .secondary),
            ],
            options: ChartOptions(width: 480, height: 200, referenceLines: [ChartReferenceLine(value: 15, label: "Limit")]))

        // Act / Assert
        try assertSnapshot(chart, named: "line-dst")
    }

    @Test func stackedBarsByCategory() throws {
        // Arrange
        let chart = Chart(
            id: "mix", title: "Generation by fuel", kind: .stackedBars,
            x: .categories(["CA", "TX", "NY"]),
            series: [
                ChartSeries(name: "Gas", unit: "TWh", values: [95, 220, 55], color: .gas),
                ChartSeries(name: "Wind", unit: "TWh", values: [14, 110, .nan], color: .wind),
                ChartSeries(name: "Solar", unit: "TWh", values: [56, 31, 2], color: .solar),
            ],
            options: ChartOptions(width: 360, height: 180, showsCaption: false))

        // Act / Assert
        try assertSnapshot(chart, named: "stacked-bars")
    }
}
