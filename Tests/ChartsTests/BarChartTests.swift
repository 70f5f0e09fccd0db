import Testing
@testable import Charts

@Suite struct BarChartTests {
    static let fuels = ["Coal", "Gas", "Nuclear", "Wind", "Solar"]

    static func chart(kind: ChartKind) -> Chart {
        Chart(id: "fuel-mix", title: "Generation by fuel", kind: kind, x: .categories(fuels), series: [
            ChartSeries(name: "2023", unit: "GWh", values: [40, 30, 20, .nan, 5]),
            ChartSeries(name: "2024", unit: "GWh", values: [35, 32, 20, 12, 8]),
        ])
    }

    @Test func groupedBarsSitSideBySideInEachBand() {
        // Act
        let prepared = PreparedChart(Self.chart(kind: .bars))
        let html = Self.chart(kind: .bars).render()

        // Assert
        #expect(count(#"<rect class="chart-bar""#, in: html) == 9)
        let widths = Set(captures(#"class="chart-bar" x="[^"]*" y="[^"]*" width="([^"]*)""#, in: html))
        #expect(widths == [svgNumber(prepared.bandWidth * 0.35)])
        #expect(prepared.y.lower == 0)
        #expect(!html.contains("data-zoom"))
    }

    @Test func stackedBarsStartWhereTheLowerSeriesEnds() {
        // Act
        let prepared = PreparedChart(Self.chart(kind: .stackedBars))
        let html = Self.chart(kind: .stackedBars).render()

        // Assert: the 2024 coal bar spans 40...75.
        #expect(prepared.y.upper == 80)
        let secondSeries = captures(#"data-series="1">(.*?)</g>"#, in: html).first ?? ""
        let firstBar = captures(#"(<rect[^>]*>)"#, in: secondSeries).first ?? ""
        #expect(firstBar.contains(#"y="\#(svgNumber(prepared.py(75)))""#))
        #expect(firstBar.contains(#"height="\#(svgNumber(prepared.py(40) - prepared.py(75)))""#))
    }

    @Test func categoryLabelsAreThinnedWhenBandsAreNarrow() {
        // Arrange
        let states = (0..<50).map { "State \($0)" }
        let chart = Chart(id: "s", title: "States", kind: .bars, x: .categories(states),
                          series: [ChartSeries(name: "MWh", unit: "MWh", values: states.indices.map(Double.init))])

        // Act
        let labels = PreparedChart(chart).xTicks().map(\.label)

        // Assert
        #expect(labels.count < 50)
        #expect(labels.first == "State 0")
    }

    @Test func timeBarsSpanTheirIntervalAndCarryASecondaryLine() {
        // Arrange
        let days = (0..<7).map { ms("2025-06-02T00:00:00+02:00") + Int64($0) * day }
        let chart = Chart(id: "daily", title: "Daily energy", kind: .bars, x: .time(days, timeZone: zone("Europe/Zurich")), series: [
            ChartSeries(name: "Energy", unit: "kWh", values: [10, 12, 9, 14, 11, 8, 7]),
            ChartSeries(name: "Peak", unit: "kW", values: [3, 4, 3, 5, 4, 3, 2], axis: .secondary),
        ])

        // Act
        let prepared = PreparedChart(chart)
        let html = chart.render()

        // Assert
        #expect(prepared.domain.upperBound == Double(days[6] + day))
        #expect(count(#"<rect class="chart-bar""#, in: html) == 7)
        let line = captures(#"class="chart-line" d="M([\d.]+) "#, in: html).first
        #expect(line == svgNumber(prepared.px(Double(days[0]) + Double(day) / 2)))
    }
}
