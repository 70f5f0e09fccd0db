import Testing
@testable import Charts

@Suite struct DurationCurveTests {
    @Test func sortsDescendingAgainstShareOfTime() {
        // Arrange: 1...100 in a scrambled order, with gaps.
        let values = (1...100).map { Double(($0 * 37) % 100 + 1) } + [.nan, .nan]

        // Act
        let curve = DurationCurve.curve(values, points: 5)

        // Assert
        #expect(curve.percent == [0, 25, 50, 75, 100])
        #expect(curve.values == [100, 76, 51, 26, 1])
    }

    @Test func emptyInputGivesGaps() {
        let curve = DurationCurve.curve([.nan], points: 3)
        #expect(curve.values.allSatisfy { $0.isNaN })
    }

    @Test func chartSharesOnePercentAxisAcrossSeriesOfDifferentLength() {
        // Act
        let chart = DurationCurve.chart(id: "tx", title: "Transformer loading", series: [
            ChartSeries(name: "T1", unit: "%", values: (0..<8_760).map { Double($0 % 120) }),
            ChartSeries(name: "T2", unit: "%", values: [80, 20, 50]),
        ], points: 11, options: ChartOptions(referenceLines: [ChartReferenceLine(value: 100, label: "Rated")]))
        let html = chart.render()

        // Assert
        guard case .linear(let percent, let unit) = chart.x else {
            Issue.record("expected a linear axis")
            return
        }
        #expect(percent.count == 11 && unit == "%")
        #expect(chart.series[1].values.first == 80 && chart.series[1].values.last == 20)
        #expect(html.contains(">0 %</text>"))
        #expect(html.contains(">100 %</text>"))
        #expect(html.contains("share of time they are reached or exceeded"))
    }
}
