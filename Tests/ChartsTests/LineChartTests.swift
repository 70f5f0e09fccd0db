import Foundation
import Testing
@testable import Charts

@Suite struct LineChartTests {
    static let start = ms("2025-01-06T00:00:00+01:00")
    static let times = (0..<24).map { start + Int64($0) * hour }

    static func chart(kind: ChartKind = .line, values: [Double]? = nil, secondary: Bool = false) -> Chart {
        var series = [ChartSeries(id: "load", name: "Load", unit: "kW", values: values ?? (0..<24).map { Double($0 % 7) })]
        if secondary {
            series.append(ChartSeries(id: "temp", name: "Outdoor", unit: "°C", values: (0..<24).map { -2 + Double($0) / 4 }, axis: .secondary))
        }
        return Chart(id: "feeder", title: "Feeder load", kind: kind, x: .time(times, timeZone: zone("Europe/Zurich")), series: series)
    }

    @Test func figureCarriesTheChartsJSHooks() {
        // Act
        let html = Self.chart().render()

        // Assert
        #expect(html.hasPrefix(#"<figure class="chart chart-kind-line" id="feeder" data-chart="line" data-x="time" data-tz="Europe/Zurich" data-zoom="x">"#))
        #expect(html.contains(#"<script type="application/json" class="chart-data">{"kind":"line","x":"time","tz":"Europe/Zurich","xs":[1736118000000,"#))
        #expect(count(#"<g class="chart-series "#, in: html) == 1)
        #expect(html.contains(#"<g class="chart-overlay" aria-hidden="true"></g>"#))
    }

    @Test func labelsTimeTicksInTheSeriesZoneAndValueTicksWithUnit() {
        // Act
        let html = Self.chart().render()

        // Assert
        let xAxis = captures(#"<g class="chart-axis chart-axis-x"[^>]*>(.*?)</g>"#, in: html).first ?? ""
        #expect(captures(#"<text[^>]*>([^<]*)</text>"#, in: xAxis) == ["Mon 06", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"])
        let yAxis = captures(#"<g class="chart-axis chart-axis-y"[^>]*>(.*?)</g>"#, in: html).first ?? ""
        #expect(captures(#"<text x[^>]*>([^<]*)</text>"#, in: yAxis) == ["0", "2", "4", "6"])
        #expect(yAxis.contains(#"<text class="chart-axis-label" x="4" y="12" text-anchor="start">kW</text>"#))
    }

    @Test func missingValuesBreakTheLine() {
        // Arrange
        var values = (0..<24).map { Double($0) }
        values[10] = .nan

        // Act
        let html = Self.chart(values: values).render()

        // Assert
        let d = captures(#"class="chart-line" d="([^"]*)""#, in: html).first ?? ""
        #expect(count("M", in: d) == 2)
        #expect(count("L", in: d) == 21)
    }

    @Test func stepChartsHoldTheLastValueForOneInterval() {
        // Act
        let prepared = PreparedChart(Self.chart(kind: .step))
        let html = Self.chart(kind: .step).render()

        // Assert
        #expect(prepared.domain.upperBound == Double(Self.times.last! + hour))
        let d = captures(#"class="chart-line" d="([^"]*)""#, in: html).first ?? ""
        #expect(d.hasSuffix("H\(svgNumber(prepared.plot.right))"))
        #expect(count("V", in: d) == 23)
    }

    @Test func areaChartsFillDownToZero() {
        // Act
        let prepared = PreparedChart(Self.chart(kind: .area, values: (0..<24).map { 10 + Double($0) }))
        let html = Self.chart(kind: .area, values: (0..<24).map { 10 + Double($0) }).render()

        // Assert
        #expect(prepared.y.lower == 0)
        let area = captures(#"class="chart-area" d="([^"]*)""#, in: html).first ?? ""
        #expect(area.hasSuffix("L\(svgNumber(prepared.plot.left)) \(svgNumber(prepared.plot.bottom))Z"))
        #expect(count(#"class="chart-line""#, in: html) == 1)
    }

    @Test func stackedAreasRestOnTheSeriesBelow() {
        // Arrange
        let chart = Chart(id: "mix", title: "Mix", kind: .stackedArea, x: .time(Array(Self.times.prefix(3)), timeZone: zone("UTC")), series: [
            ChartSeries(name: "PV", unit: "kW", values: [1, 2, 3], color: .solar),
            ChartSeries(name: "Grid", unit: "kW", values: [3, 2, 1], color: .grid),
        ])

        // Act
        let prepared = PreparedChart(chart)
        let html = chart.render()

        // Assert
        #expect(prepared.y.upper == 4)
        #expect(prepared.stacks[1]?.map(\.end) == [4, 4, 4])
        #expect(html.contains(#"<g class="chart-series c-solar" data-series="0">"#))
        #expect(html.contains(#"<g class="chart-series c-grid" data-series="1">"#))
        let gridLine = captures(#"data-series="1"><path class="chart-area" d="[^"]*"/><path class="chart-line" d="([^"]*)""#, in: html).first ?? ""
        #expect(Set(captures(#"\d (\d+(?:\.\d)?)"#, in: gridLine)) == [svgNumber(prepared.py(4))])
    }

    @Test func secondaryAxisGetsItsOwnTicksAndLabel() {
        // Act
        let html = Self.chart(secondary: true).render()
        let prepared = PreparedChart(Self.chart(secondary: true))

        // Assert
        let axis = captures(#"<g class="chart-axis chart-axis-y2"[^>]*>(.*?)</g>"#, in: html).first ?? ""
        #expect(captures(#"<text x[^>]*>([^<]*)</text>"#, in: axis) == ["-2", "0", "2", "4"])
        #expect(axis.contains(">°C</text>"))
        #expect(prepared.plot.right < prepared.width - 20)
        #expect(html.contains(#"<span class="chart-legend-axis">right axis</span>"#))
        #expect(html.contains(#""axis":2,"color":"p2","mark":"line""#))
    }

    @Test func referenceLinesWidenTheScaleAndAreLabelled() {
        // Arrange
        var chart = Self.chart()
        chart.options.referenceLines = [ChartReferenceLine(value: 10, label: "Rated 10 kW")]

        // Act
        let html = chart.render()

        // Assert
        #expect(PreparedChart(chart).y.upper == 10)
        #expect(html.contains(#"<g class="chart-ref c-limit">"#))
        #expect(html.contains(">Rated 10 kW</text>"))
    }

    @Test func tooManyPointsAreReducedAndTheDescriptionSaysSo() {
        // Arrange: 10,000 minutes on an 800 px chart.
        let times = (0..<10_000).map { Self.start + Int64($0) * 60_000 }
        let values = (0..<10_000).map { sin(Double($0) / 50) * 100 }
        let chart = Chart(id: "big", title: "Big", x: .time(times, timeZone: zone("UTC")), series: [ChartSeries(name: "A", unit: "kW", values: values)])

        // Act
        let prepared = PreparedChart(chart)
        let html = chart.render()

        // Assert
        #expect(prepared.xs.count <= 2 * Int(prepared.plot.width))
        #expect(prepared.reducedFrom == 10_000)
        #expect(html.contains("Reduced from 10,000 to \(ChartNumber.format(Double(prepared.xs.count), decimals: 0)) points per series"))
        let d = captures(#"class="chart-line" d="([^"]*)""#, in: html).first ?? ""
        #expect(count("L", in: d) + 1 == prepared.xs.count)
    }

    @Test func shortSeriesArePaddedWithGaps() {
        let prepared = PreparedChart(Self.chart(values: [1, 2, 3]))
        #expect(prepared.values[0].count == 24)
        #expect(prepared.values[0][3].isNaN)
    }

    @Test func emptyChartsSayNoData() {
        // Arrange
        let chart = Chart(id: "e", title: "Empty", x: .time([], timeZone: zone("UTC")), series: [ChartSeries(name: "A", unit: "kW", values: [])])

        // Act
        let html = chart.render()

        // Assert
        #expect(html.contains(">No data</text>"))
        #expect(html.contains(#"<desc id="e-desc">No data.</desc>"#))
        #expect(!html.contains("chart-data"))
        #expect(!html.contains("data-zoom"))
    }
}

@Suite struct UnorderedInputTests {
    @Test func pointsAreSortedAndNonFiniteXsDropped() {
        // Arrange
        let chart = Chart(id: "u", title: "Unordered", x: .linear([3, 1, .nan, 2], unit: ""),
                          series: [ChartSeries(name: "A", unit: "", values: [30, 10, 99, 20])])

        // Act
        let prepared = PreparedChart(chart)

        // Assert
        #expect(prepared.xs == [1, 2, 3])
        #expect(prepared.values[0] == [10, 20, 30])
        #expect(prepared.description.contains("X from 1 to 3."))
    }
}
