import Testing
@testable import Charts

@Suite struct SparklineTests {
    @Test func drawsLineAreaAndLatestDotWithoutAxes() {
        // Arrange
        let sparkline = Sparkline(label: "Load, last 24 h", values: [1, 3, .nan, 2], unit: "kW", color: .load, width: 62, height: 20)

        // Act
        let html = sparkline.render()

        // Assert
        #expect(html.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline c-load" viewBox="0 0 62 20" width="62" height="20" role="img" aria-label="Load, last 24 h: latest 2 kW, range 1 to 3 kW.">"#))
        #expect(html.contains(#"<path class="sparkline-line" d="M2 18L21.3 2M60 10h0" fill="none"/>"#))
        #expect(html.contains(#"<circle class="sparkline-dot" cx="60" cy="10" r="2"/>"#))
        #expect(!html.contains("chart-axis"))
    }

    @Test func reducesLongSeriesToTwoPointsPerPixel() {
        // Arrange
        let values = (0..<5_000).map { Double($0 % 97) }

        // Act
        let points = Sparkline(label: "x", values: values, width: 100).points()

        // Assert
        #expect(points.xs.count <= 200)
        #expect(points.ys.max() == 96)
        #expect(points.xs.last == 4_999)
    }

    @Test func saysWhenThereIsNoData() {
        let html = Sparkline(label: "PV <today>", values: [.nan]).render()
        #expect(html.contains(#"aria-label="PV &lt;today&gt;: no data.""#))
        #expect(!html.contains("circle"))
    }
}
