import Foundation
import Testing
@testable import Charts

@Suite struct EscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'co'"#

    @Test func userTextNeverBecomesMarkup() {
        // Arrange
        let chart = Chart(
            id: "x\"><script>", title: Self.hostile, summary: Self.hostile,
            x: .categories([Self.hostile, "B"]),
            series: [
                ChartSeries(id: Self.hostile, name: Self.hostile, unit: "</script>", values: [1, 2]),
                ChartSeries(name: "Other", unit: "\"kW\"", values: [2, 1]),
            ],
            options: ChartOptions(yAxisLabel: Self.hostile, dataSource: "/api?ids=\"a\"&x=<b>"))

        // Act
        let html = chart.render()

        // Assert: exactly one script element (the JSON block) and no raw quote from user text.
        #expect(count("<script", in: html) == 1)
        #expect(count("</script>", in: html) == 1)
        #expect(!html.contains("alert(\"x\")"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
        #expect(html.contains(#"id="x---script-""#))
        #expect(html.contains("\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e \\u0026 'co'"))
    }

    @Test func jsonStringsEscapeControlAndSeparatorCharacters() {
        #expect(JSONText.string("a\u{1}\u{2028}\n") == #""a\u0001\u2028\n""#)
        #expect(JSONText.number(.nan) == "null")
        #expect(JSONText.number(2) == "2")
        #expect(JSONText.number(0.5) == "0.5")
    }

    @Test func dataAttributesAreEntityEncoded() {
        // Arrange
        let chart = Chart(id: "c", title: "T", x: .time([0, 1_000], timeZone: zone("UTC")),
                          series: [ChartSeries(name: "A", unit: "kW", values: [1, 2])],
                          options: ChartOptions(dataSource: "/api/v1/series/values?ids=a,b&mode=minmax"))

        // Act
        let html = chart.render()

        // Assert
        #expect(html.contains(#"data-src="/api/v1/series/values?ids=a,b&amp;mode=minmax""#))
    }
}
