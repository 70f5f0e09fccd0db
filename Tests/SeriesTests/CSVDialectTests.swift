import Foundation
import Testing
@testable import Series

@Suite struct CSVDialectTests {
    @Test func semicolonDecimalCommaAndGrouping() throws {
        let result = try CSVFixture.read("t;a;b\n2024-01-01T00:00Z;1.234,5;-0,5\n") {
            $0.delimiter = .semicolon
            $0.decimalSeparator = .comma
            $0.thousandsSeparator = .point
        }
        #expect(result.series.map { $0.data.values } == [[1234.5], [-0.5]])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        // Arrange: the note column spans lines; line numbers must stay physical
        let text = "t,note,v\n2024-01-01T00:00Z,\"a, \"\"quoted\"\"\nnote\",1\n2024-01-01T00:01Z,\"x\",\"2.5\"\n2024-01-01T00:02Z,y,bad\n"
        // Act
        let result = try CSVFixture.read(text) {
            $0.columns = [CSVColumn(index: 2, header: "v")]
            $0.errorPolicy = .skip
        }
        // Assert
        #expect(result.series[0].data.values == [1, 2.5])
        #expect(result.report.issues.map(\.line) == [5])
        #expect(result.report.lines == 5)
    }

    @Test func headerTextWithQuotesAndUnitsIsParsed() throws {
        let result = try CSVFixture.read("\"time\",\"P, total [kW]\"\n2024-01-01T00:00Z,1\n")
        #expect(result.series[0].column.header == "P, total [kW]")
        #expect(result.series[0].column.name == "P, total" && result.series[0].column.unit == "kW")
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let result = try CSVFixture.read("t,v\r\n2024-01-01T00:00Z,1\r\n2024-01-01T00:01Z,2")
        #expect(result.series[0].data.values == [1, 2])
        #expect(result.report.lines == 3)
    }

    @Test func emptyCellsAndMarkersAreNoData() throws {
        let result = try CSVFixture.read("t,v\n2024-01-01T00:00Z,\n2024-01-01T00:01Z,NA\n2024-01-01T00:02Z, - \n2024-01-01T00:03Z,nan\n")
        #expect(result.series[0].data.values.allSatisfy { $0.isNaN })
        #expect(result.report.issues.isEmpty)
    }

    @Test func unsortedRowsAreSortedAndLastDuplicateWins() throws {
        let result = try CSVFixture.read("t,v\n2024-01-01T00:02Z,3\n2024-01-01T00:00Z,1\n2024-01-01T00:02Z,4\n2024-01-01T00:01Z,2\n")
        #expect(result.series[0].data.values == [1, 2, 4])
        #expect(!result.report.wasSorted && result.report.duplicateTimestamps == 1)
    }

    @Test func blankLinesAreIgnored() throws {
        let result = try CSVFixture.read("t,v\n\n2024-01-01T00:00Z,1\n,\n2024-01-01T00:01Z,2\n")
        #expect(result.series[0].data.values == [1, 2] && result.report.blankRows == 2)
    }

    @Test func selectedColumnsGetCallerNamesAndUnits() throws {
        let result = try CSVFixture.read("t,a,b,c\n2024-01-01T00:00Z,1,2,3\n") {
            $0.columns = [CSVColumn(index: 3, header: "c", name: "Feed-in", unit: "kW", kind: .power),
                          CSVColumn(index: 1, header: "a", include: false)]
        }
        #expect(result.series.map(\.column.name) == ["Feed-in"] && result.series[0].data.values == [3])
    }
}
