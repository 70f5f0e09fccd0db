import Testing
@testable import Charts

@Suite struct StackingTests {
    @Test func stacksPositivesUpAndNegativesDown() {
        // Act
        let spans = Stacking.stack([[1, -2, 3], [2, -1, .nan], [4, 5, 1]])

        // Assert
        #expect(spans[0] == [StackSpan(base: 0, end: 1), StackSpan(base: 0, end: -2), StackSpan(base: 0, end: 3)])
        #expect(spans[1][0] == StackSpan(base: 1, end: 3))
        #expect(spans[1][1] == StackSpan(base: -2, end: -3))
        #expect(spans[1][2].isMissing)
        #expect(spans[2] == [StackSpan(base: 3, end: 7), StackSpan(base: 0, end: 5), StackSpan(base: 3, end: 4)])
    }
}
