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

@Suite("Edge files")
struct EdgeFileTests {
    @Test func emptyFileIsRejected() {
        #expect(throws: EGRIDImportError(.badHeader("the file has no header row of column codes"))) {
            _ = try EGRIDReader.readCSV(Data())
        }
    }

    @Test func headerWithoutRowsIsAnEmptySheet() throws {
        // Act
        let sheet = try #require(EGRIDReader.readCSV(Data("SEQPLT22,PSTATABB,PNAME,ORISPL,PLNGENAN\r\n".utf8)).sheets.first)
        // Assert
        #expect(sheet.kind == .plant)
        #expect(sheet.years == [2022])
        #expect(sheet.plants.isEmpty)
    }

    @Test func unknownCodesAreNotAnEGRIDSheet() {
        #expect(throws: EGRIDImportError.self) { _ = try EGRIDReader.readCSV(Data("A,B\n1,2\n".utf8)) }
    }

    @Test func yearMissingEverywhereIsAskedFor() throws {
        // Arrange: no year in the codes, no Year column, no file name.
        let csv = Data("PSTATABB,PNAME,ORISPL,PLNGENAN\nTX,A,1,5\n".utf8)
        // Act / Assert
        #expect(throws: EGRIDImportError(.unrecognized(
            "the data year is in neither the codes (like SEQPLT23), a Year column, the sheet name nor the file name: give the year with the import"))) {
            _ = try EGRIDReader.readCSV(csv)
        }
        #expect(try EGRIDReader.readCSV(csv, options: ImportOptions(year: 2020)).sheets[0].plants[0].year == 2020)
    }
}
