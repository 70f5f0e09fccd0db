import Testing
@testable import Charts

@Suite struct AccessibilityTests {
    static let chart = Chart(
        id: "pv", title: "PV output", summary: "Clear morning, clouds after noon.",
        x: .time([0, 3_600_000, 7_200_000], timeZone: zone("UTC")),
        series: [ChartSeries(name: "PV", unit: "kW", values: [0, 2.5, 1.25], color: .solar)])

    @Test func svgIsAnImageLabelledByItsTitleAndDescription() {
        // Act
        let html = Self.chart.render()

        // Assert
        #expect(html.contains(#"role="img" aria-labelledby="pv-title pv-desc" tabindex="0""#))
        #expect(html.contains(#"<title id="pv-title">PV output</title>"#))
        let utc = zone("UTC").identifier  // "GMT" on Linux
        #expect(html.contains(#"<desc id="pv-desc">Clear morning, clouds after noon. Line chart of 1 series: PV (kW). From 1970-01-01 00:00 to 1970-01-01 02:00, \#(utc) time. PV: 0 to 2.5 kW.</desc>"#))
        #expect(html.contains(#"<figcaption class="chart-caption">PV output</figcaption>"#))
    }

    @Test func oneSeriesHasNoLegendUnlessAsked() {
        var chart = Self.chart
        #expect(!chart.render().contains("chart-legend"))
        chart.options.showsLegend = true
        #expect(chart.render().contains(#"<li class="chart-legend-item c-solar" data-series="0"><span class="chart-swatch chart-swatch-line" aria-hidden="true"></span>PV<span class="chart-legend-unit">kW</span></li>"#))
    }

    @Test func dataTableListsValuesWithTimes() {
        // Act
        let html = Self.chart.render()

        // Assert
        #expect(html.contains("<details class=\"chart-table\"><summary>Data table</summary>"))
        #expect(html.contains(#"<th scope="col">Time</th><th scope="col">PV (kW)</th>"#))
        #expect(html.contains(#"<tr><th scope="row"><time datetime="1970-01-01T01:00:00Z">1970-01-01 01:00</time></th><td>2.5</td></tr>"#))
    }

    @Test func longTablesAreThinnedAndSaySo() {
        // Arrange
        let chart = Chart(id: "t", title: "Year", x: .linear((0..<95).map(Double.init), unit: "%"),
                          series: [ChartSeries(name: "A", unit: "", values: (0..<95).map(Double.init))],
                          options: ChartOptions(maxTableRows: 10))

        // Act
        let html = chart.render()

        // Assert
        #expect(count("<tr>", in: html) == 11)
        #expect(html.contains("<caption>Year. Showing 10 of 95 rows (every 10th).</caption>"))
    }

    @Test func captionCanBeLeftToThePage() {
        var chart = Self.chart
        chart.options.showsCaption = false
        #expect(!chart.render().contains("figcaption"))
    }
}
