import Testing
@testable import Charts

@Suite struct MinMaxReducerTests {
    @Test func keepsEachColumnsExtremesInTheOrderTheyOccurred() {
        // Arrange: two columns of four points each.
        let xs: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let rising: [Double] = [1, 5, 3, 2, 9, 8, 7, 6]
        let missing: [Double] = [.nan, .nan, .nan, .nan, 4, .nan, 2, .nan]

        // Act
        let result = MinMaxReducer.reduce(xs: xs, columns: [rising, missing], domain: 0...8, buckets: 2)

        // Assert
        #expect(result.xs == [0, 3, 4, 7])
        #expect(result.columns[0] == [1, 5, 9, 6])
        #expect(result.columns[1][0].isNaN && result.columns[1][1].isNaN)
        #expect(Array(result.columns[1].suffix(2)) == [4, 2])
    }

    @Test func neverEmitsMoreThanTwoPointsPerColumn() {
        // Arrange
        let xs = (0..<10_000).map(Double.init)
        let values = xs.map { ($0 * 0.37).truncatingRemainder(dividingBy: 11) }

        // Act
        let result = MinMaxReducer.reduce(xs: xs, columns: [values], domain: 0...10_000, buckets: 300)

        // Assert
        #expect(result.xs.count <= 600)
        #expect(result.columns[0].max() == values.max())
        #expect(result.columns[0].min() == values.min())
        #expect(result.xs == result.xs.sorted())
    }
}
