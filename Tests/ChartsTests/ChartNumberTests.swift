import Testing
@testable import Charts

@Suite struct ChartNumberTests {
    @Test func fixedDecimalsWithGrouping() {
        #expect(ChartNumber.format(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(ChartNumber.format(-4_500, decimals: 0) == "-4,500")
        #expect(ChartNumber.format(-0.001, decimals: 2) == "0.00")
        #expect(ChartNumber.format(1_234.5, decimals: 0) == "1,235")
        #expect(ChartNumber.format(.nan, decimals: 1) == "–")
    }

    @Test func fourSignificantDigitsWithoutTrailingZeros() {
        #expect(ChartNumber.format(12.3456) == "12.35")
        #expect(ChartNumber.format(12.5) == "12.5")
        #expect(ChartNumber.format(123_456.7) == "123,457")
        #expect(ChartNumber.format(0.012345) == "0.01235" || ChartNumber.format(0.012345) == "0.01234")
        #expect(ChartNumber.format(0) == "0")
        #expect(ChartNumber.format(-3) == "-3")
    }
}
