import Foundation
import Testing
@testable import Series

/// Helpers shared by the CSV tests.
enum CSVFixture {
    static func settings(_ edit: (inout CSVSettings) -> Void = { _ in }) -> CSVSettings {
        var s = CSVSettings()
        edit(&s)
        return s
    }

    static func read(_ text: String, _ edit: (inout CSVSettings) -> Void = { _ in }) throws -> CSVImportResult {
        try CSVReader.read(Array(text.utf8), settings: settings(edit))
    }

    static func iso(_ s: String) -> Int64 {
        let f = ISO8601DateFormatter()
        return Int64(f.date(from: s)!.timeIntervalSince1970 * 1000)
    }
}

@Suite struct CSVReaderTests {
    @Test func readsPlainCommaFile() throws {
        // Arrange
        let text = "time,P [kW],T_degC\n2024-01-01T00:00:00Z,1.5,20.1\n2024-01-01T00:15:00Z,,19.9\n"
        // Act
        let result = try CSVFixture.read(text)
        // Assert
        #expect(result.timestamps == [CSVFixture.iso("2024-01-01T00:00:00Z"), CSVFixture.iso("2024-01-01T00:15:00Z")])
        #expect(result.series.count == 2)
        #expect(result.series[0].column.name == "P" && result.series[0].column.unit == "kW")
        #expect(result.series[0].column.kind == .power)
        #expect(result.series[1].column.unit == "°C" && result.series[1].column.kind == .temperature)
        #expect(result.series[0].data.values[0] == 1.5 && result.series[0].data.values[1].isNaN)
        #expect(result.series[0].regularity == .fixed(stepMillis: 900_000))
        #expect(result.report.lines == 3 && result.report.importedRows == 2)
    }
}

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

@Suite struct CSVFileTests {
    @Test func importFileStreamsAndReportsProgress() throws {
        // Arrange: a file several chunks long
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("series-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = (0..<5000).map { "2024-01-01T00:00:00Z".replacingOccurrences(of: "00:00:00", with: String(format: "%02d:%02d:00", $0 / 60 % 24, $0 % 60)) }
        let text = "time;P [kW]\n" + rows.enumerated().map { "\($1);\($0),5" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url)
        // Act
        let detection = try CSVSniffer.detect(fileAt: url)
        var progress: [Int] = []
        let result = try CSVReader.importFile(at: url, settings: detection.settings, chunkSize: 4096) { read, total in
            progress.append(read)
            #expect(total == text.utf8.count)
        }
        // Assert
        #expect(progress.count > 10 && progress.last == text.utf8.count)
        #expect(progress == progress.sorted())
        #expect(result.series[0].data.values.count == 1440)  // 5000 rows over one day repeat: the last of each minute wins
        #expect(result.report.duplicateTimestamps == 5000 - 1440)
        #expect(result.series[0].metadata(id: "m1", timeZone: "UTC").unit == "kW")
    }
}

@Suite struct CSVSettingsValidationTests {
    @Test func impossibleSettingsAreRejectedUpFront() {
        let cases: [(inout CSVSettings) -> Void] = [
            { $0.columns = [CSVColumn(index: 0, header: "time")] },
            { $0.delimiter = .comma; $0.decimalSeparator = .comma },
            { $0.decimalSeparator = .point; $0.thousandsSeparator = .point },
            { $0.columns = [CSVColumn(index: -1, header: "x")] },
        ]
        for edit in cases {
            #expect(throws: CSVImportError.self) { try CSVReader(settings: CSVFixture.settings(edit)) }
        }
    }

    @Test func settingsRoundTripThroughJSON() throws {
        let settings = CSVFixture.settings {
            $0.delimiter = .tab
            $0.columns = [CSVColumn(index: 2, header: "P [kW]", name: "P", unit: "kW", kind: .power)]
            $0.timeColumn = 1
        }
        let json = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(CSVSettings.self, from: json) == settings)
    }
}
