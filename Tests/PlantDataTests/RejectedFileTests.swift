import Foundation
import Testing
@testable import PlantData

@Suite("Bad files are rejected whole, saying where and what")
struct RejectedFileTests {
    private func message(_ name: String) throws -> String {
        do {
            _ = try EGRIDReader.readCSV(TestFiles.fixture(name))
            Issue.record("\(name) was accepted")
            return ""
        } catch let error as EGRIDImportError {
            return error.description
        }
    }

    @Test func numberThatIsNotANumber() throws {
        #expect(try message("bad_number.csv") == #"line 5, column "NAMEPCAP": "12.3.4" is not a number"#)
    }

    @Test func quoteThatNeverCloses() throws {
        #expect(try message("bad_quote.csv") == "line 7: a quoted field is never closed")
    }

    @Test func strayQuoteThatSwallowsLineBreaks() throws {
        // The quote pairs with one further down, merging lines 4–5 into one record of the wrong width.
        #expect(try message("bad_stray_quote.csv") == "line 4: 109 fields, but the header has 141 columns")
    }

    @Test func rowWiderThanTheHeader() throws {
        #expect(try message("bad_extra_fields.csv") == "line 6: 142 fields, but the header has 141 columns")
    }

    @Test func fileWithoutCodes() throws {
        #expect(try message("bad_no_codes.csv") == "line 2: expected a row of column codes (like PSTATABB, ORISPL) in line 1 or 2")
    }

    @Test func lineNumbersAreGroupedLikeInTheDesign() {
        let error = EGRIDImportError(.notANumber(value: "12.3.4"), line: 1234, column: "NAMEPCAP")
        #expect(error.description == #"line 1,234, column "NAMEPCAP": "12.3.4" is not a number"#)
    }
}
