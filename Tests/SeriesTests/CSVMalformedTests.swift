import Foundation
import Testing
@testable import Series

@Suite struct CSVMalformedTests {
    private static let header = "time;P_kW\n"

    @Test func rejectStopsAtFirstBadValueWithExactMessage() {
        let text = Self.header + "2024-01-01 00:00;1,5\n2024-01-01 00:15;12,5,3\n2024-01-01 00:30;x\n"
        #expect {
            try CSVFixture.read(text) { $0.delimiter = .semicolon; $0.decimalSeparator = .comma }
        } throws: { error in
            guard case .row(let issue) = error as? CSVImportError else { return false }
            return issue.message == #"line 3, column "P_kW": "12,5,3" is not a number"#
                && issue.line == 3 && issue.column == "P_kW" && issue.value == "12,5,3" && issue.reason == .notANumber
        }
    }

    @Test func lineNumbersAreGroupedInMessages() {
        let good = (0..<18_221).map { "2024-01-01 00:00;\($0)\n" }.joined()
        let text = Self.header + good + "2024-01-01 00:00;12,5,3\n"
        #expect {
            try CSVFixture.read(text) { $0.delimiter = .semicolon; $0.decimalSeparator = .comma }
        } throws: { error in
            (error as? CSVImportError)?.description == #"line 18,223, column "P_kW": "12,5,3" is not a number"#
        }
    }

    @Test func skipReportsEveryBadRow() throws {
        // Arrange
        let text = Self.header + "2024-01-01 00:00;1\n2024-01-01 00:15;12,5,3\n31.02.2024 00:30;2\n2024-01-01 00:45\n;4\n2024-01-01 01:00;5\n"
        // Act
        let result = try CSVFixture.read(text) {
            $0.delimiter = .semicolon
            $0.decimalSeparator = .comma
            $0.errorPolicy = .skip
        }
        // Assert
        #expect(result.series[0].data.values == [1, 5])
        #expect(result.report.skippedRows == 4)
        #expect(result.report.issues.map(\.message) == [
            #"line 3, column "P_kW": "12,5,3" is not a number"#,
            #"line 4, column "time": "31.02.2024 00:30" is not a valid timestamp (expected YYYY-MM-DD HH:MM:SS)"#,
            #"line 5: expected at least 2 fields, found 1"#,
            #"line 6, column "time": the timestamp is empty"#,
        ])
        #expect(result.report.skippedRowsCSV().split(separator: "\n").first == "line,column,value,reason,message")
        #expect(result.report.skippedRowsCSV().contains(#"3,"P_kW","12,5,3",not_a_number,"line 3, column ""P_kW"": ""12,5,3"" is not a number""#))
    }

    @Test func unterminatedQuoteCannotSwallowMemory() {
        var reader = try! CSVReader(settings: CSVSettings())
        let chunk = [UInt8]("t,v\n2024-01-01T00:00Z,\"".utf8) + [UInt8](repeating: 65, count: 1 << 20)
        #expect(throws: CSVImportError.self) {
            for _ in 0..<20 { try reader.consume(chunk) }
        }
    }
}
