import Foundation
import Testing
@testable import PlantData

@Suite("CSV tokenizer")
struct CSVTokenizerTests {
    private func tokenize(_ text: String, chunk: Int = .max) throws -> [(line: Int, fields: [String])] {
        var out: [(Int, [String])] = []
        let bytes = Array(text.utf8)
        var tokenizer = CSVTokenizer()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try bytes[start..<end].withUnsafeBytes { buffer in
                tokenizer.feed(buffer) { r in out.append((r.line, (0..<r.count).map(r.string))) }
            }
            start = end
        }
        try tokenizer.finish { r in out.append((r.line, (0..<r.count).map(r.string))) }
        return out
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        // Arrange
        let text = "a,\"1,234\",\"say \"\"hi\"\"\"\r\nb,\"two\nlines\",x\r\n\r\nc,,\n"
        // Act
        let records = try tokenize(text)
        // Assert
        #expect(records.map(\.fields) == [["a", "1,234", "say \"hi\""], ["b", "two\nlines", "x"], ["c", "", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func sameRecordsWhateverTheChunkSize() throws {
        // Arrange
        let text = "x,\"q\"\"q\",\"multi\r\nline\"\r\ny,2,3\rz,4,5"
        // Act
        let whole = try tokenize(text)
        let bytewise = try tokenize(text, chunk: 1)
        // Assert
        #expect(whole.map(\.fields) == bytewise.map(\.fields))
        #expect(whole.map(\.line) == bytewise.map(\.line))
        #expect(whole.map(\.line) == [1, 3, 4])
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() throws {
        // Arrange
        let text = "a,b\nc,\"open\nd,e\n"
        // Act / Assert
        #expect(throws: CSVTokenizer.UnterminatedQuote(line: 2)) { _ = try tokenize(text) }
    }
}
