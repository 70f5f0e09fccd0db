import Testing
@testable import Charts

@Suite struct PathBuilderTests {
    @Test func lineBreaksAtGapsAndKeepsLonePointsAsDots() {
        // Act
        let d = PathBuilder.line(xs: [0, 10, 20, 30, 40, 50], ys: [5, 6, .nan, 7, .nan, 8.25])

        // Assert
        #expect(d == "M0 5L10 6M30 7h0M50 8.3h0")
    }

    @Test func stepHoldsEachValueUntilItsEnd() {
        let d = PathBuilder.step(xs: [0, 10, 20, 30], ends: [10, 20, 30, 40], ys: [1, 2, .nan, 3])
        #expect(d == "M0 1H10V2H20M30 3H40")
    }

    @Test func areaClosesEachRunAgainstItsBase() {
        let d = PathBuilder.area(xs: [0, 10, 20, 30, 40], tops: [1, 2, .nan, 3, 4], bases: [9, 9, 9, 8, 7])
        #expect(d == "M0 1L10 2L10 9L0 9ZM30 3L40 4L40 7L30 8Z")
    }

    @Test func areaSkipsLonePoints() {
        #expect(PathBuilder.area(xs: [0, 10], tops: [1, .nan], bases: [5, 5]) == "")
    }

    @Test func svgNumbersUseOneDecimal() {
        #expect(svgNumber(12) == "12")
        #expect(svgNumber(12.04) == "12")
        #expect(svgNumber(12.25) == "12.3")
        #expect(svgNumber(-0.25) == "-0.3")
        #expect(svgNumber(-3.5) == "-3.5")
        #expect(svgNumber(.nan) == "0")
    }
}
