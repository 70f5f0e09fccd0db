import Foundation
import Testing
@testable import Series

@Suite struct CSVEncodingTests {
    private static let text = "Zeit;Zähler [kWh];Temperatur [°C];Preis €\n2024-01-01 00:00;1,5;-2,5;0,3\n2024-01-01 00:15;2,5;-3,5;0,4\n"

    private static func utf16(_ s: String, little: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for unit in s.utf16 {
            let (lo, hi) = (UInt8(unit & 0xFF), UInt8(unit >> 8))
            out += little ? [lo, hi] : [hi, lo]
        }
        return out
    }

    private static func cp1252(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { $0 == "€" ? 0x80 : UInt8($0.value) }
    }

    static let matrix: [(String, [UInt8], CSVEncoding, Bool)] = [
        ("utf-8", Array(text.utf8), .utf8, false),
        ("utf-8 BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8, true),
        ("utf-16le BOM", utf16(text, little: true, bom: true), .utf16LE, true),
        ("utf-16be BOM", utf16(text, little: false, bom: true), .utf16BE, true),
        ("utf-16le", utf16(text, little: true, bom: false), .utf16LE, false),
        ("utf-16be", utf16(text, little: false, bom: false), .utf16BE, false),
        ("windows-1252", cp1252(text), .windows1252, false),
    ]

    @Test(arguments: 0..<matrix.count)
    func everyEncodingGivesTheSameSeries(case index: Int) throws {
        // Arrange
        let (label, bytes, encoding, bom) = Self.matrix[index]
        // Act
        let d = try CSVSniffer.detect(sample: bytes, isCompleteFile: true)
        let result = try CSVReader.read(bytes, settings: d.settings, chunkSize: 7)
        // Assert
        #expect(d.settings.encoding == encoding, "\(label)")
        #expect(d.byteOrderMark == bom && result.report.byteOrderMark == bom, "\(label)")
        #expect(result.series.map(\.column.header) == ["Zähler [kWh]", "Temperatur [°C]", "Preis €"], "\(label)")
        #expect(result.series.map(\.column.unit) == ["kWh", "°C", ""], "\(label)")
        #expect(result.series.map(\.data.values) == [[1.5, 2.5], [-2.5, -3.5], [0.3, 0.4]], "\(label)")
    }

    @Test func sameFileInEveryChunkSizeGivesIdenticalResults() throws {
        // Arrange: multi-byte characters, quoted delimiters/newlines, CRLF, a bad row, in UTF-16 and UTF-8
        let text = "\"Zeit\";\"Wert [kW]\";\"Notiz\"\r\n"
            + (0..<40).map { i in
                "2024-01-01 \(10 + i / 60):\(String(format: "%02d", i % 60));\(i == 17 ? "x1" : "\(i),5");\"ä;\"\"€\"\"\r\nß\"\r\n"
            }.joined()
        for bytes in [Array(text.utf8), [0xEF, 0xBB, 0xBF] + Array(text.utf8), Self.utf16(text, little: true, bom: true),
                      Self.utf16(text, little: false, bom: true)] {
            var settings = try CSVSniffer.detect(sample: bytes, isCompleteFile: true).settings
            settings.errorPolicy = .skip
            let reference = try CSVReader.read(bytes, settings: settings, chunkSize: bytes.count)
            #expect(reference.timestamps.count == 39 && reference.report.issues.map(\.line) == [36], "\(settings) \(reference.report.issues)")
            for chunkSize in [1, 2, 3, 4, 5, 7, 11, 13, 64, 257] {
                // Act
                let result = try CSVReader.read(bytes, settings: settings, chunkSize: chunkSize)
                // Assert
                #expect(result.timestamps == reference.timestamps, "chunk \(chunkSize)")
                #expect(result.series == reference.series, "chunk \(chunkSize)")
                #expect(result.report == reference.report, "chunk \(chunkSize)")
            }
        }
    }
}
