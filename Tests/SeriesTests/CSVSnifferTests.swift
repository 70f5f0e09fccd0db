import Foundation
import Testing
@testable import Series

@Suite struct CSVSnifferTests {
    private func detect(_ text: String, zone: String = "UTC") throws -> CSVDetection {
        try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true, timeZone: zone)
    }

    @Test func detectsCommaISOFile() throws {
        // Arrange
        let text = "timestamp,P_kW,Temp [°C]\n2024-01-01T00:00:00Z,1.5,3.2\n2024-01-01T00:15:00Z,1.25,3.1\n"
        // Act
        let d = try detect(text)
        // Assert
        #expect(d.settings.delimiter == .comma)
        #expect(d.settings.decimalSeparator == .point && d.settings.thousandsSeparator == .none)
        #expect(d.settings.headerRow == 1 && d.settings.dataStartRow == 2 && d.settings.unitsRow == nil)
        #expect(d.settings.timestampColumn == 0 && d.settings.timestampFormat == .iso8601)
        let columns = try #require(d.settings.columns)
        #expect(columns.map(\.unit) == ["kW", "°C"])
        #expect(columns.map(\.kind) == [.power, .temperature])
        #expect(columns.map(\.name) == ["P_kW", "Temp"])
        #expect(d.preview.timestamps.count == 2)
    }

    @Test func detectsSemicolonDecimalCommaWithDescriptionAndUnitsRows() throws {
        // Arrange: description rows above, header, units row, German dates, grouping
        let text = """
        Export Zählpunkt DE0001;;
        Erstellt am 05.01.2024;;
        Datum;Leistung;Temperatur
        ;kW;°C
        01.01.2024 00:00;1.234,5;-3,2
        01.01.2024 00:15;12,25;-3,0
        01.01.2024 00:30;;-2,9

        """
        // Act
        let d = try detect(text, zone: "Europe/Berlin")
        // Assert
        #expect(d.settings.delimiter == .semicolon)
        #expect(d.settings.decimalSeparator == .comma && d.settings.thousandsSeparator == .point)
        #expect(d.settings.headerRow == 3 && d.settings.unitsRow == 4 && d.settings.dataStartRow == 5)
        #expect(d.settings.timestampFormat == .dayMonthYear && !d.ambiguousDayMonth)
        #expect(d.settings.columns?.map(\.unit) == ["kW", "°C"])
        #expect(d.settings.columns?.map(\.kind) == [.power, .temperature])
        let load = d.preview.series[0].data.values
        #expect(load[0] == 1234.5 && load[1] == 12.25 && load[2].isNaN)
        #expect(d.preview.timestamps.first == CSVFixture.iso("2023-12-31T23:00:00Z"))
    }

    @Test func detectsTabAndPipeDelimiters() throws {
        for delimiter in ["\t", "|"] {
            let text = ["time", "a", "b"].joined(separator: delimiter) + "\n"
                + ["2024-01-01 00:00", "1", "2"].joined(separator: delimiter) + "\n"
                + ["2024-01-01 01:00", "3", "4"].joined(separator: delimiter) + "\n"
            let d = try detect(text)
            #expect(d.settings.delimiter.rawValue == delimiter)
            #expect(d.preview.series.map(\.data.values) == [[1, 3], [2, 4]])
        }
    }

    @Test func slashDatesAreAmbiguousUntilADayExceedsTwelve() throws {
        // Arrange
        let ambiguous = "date,v\n03/04/2024 10:00,1\n04/04/2024 10:00,2\n"
        let monthFirst = "date,v\n03/04/2024 10:00,1\n03/13/2024 10:00,2\n"
        let dayFirst = "date,v\n13/04/2024 10:00,1\n14/04/2024 10:00,2\n"
        // Act
        let a = try detect(ambiguous)
        let m = try detect(monthFirst)
        let f = try detect(dayFirst)
        // Assert
        #expect(a.settings.timestampFormat == .dayMonthYear && a.ambiguousDayMonth)
        #expect(a.notes.contains { $0.contains("day-first was assumed") })
        #expect(a.preview.timestamps.first == CSVFixture.iso("2024-04-03T10:00:00Z"))
        #expect(m.settings.timestampFormat == .monthDayYear && !m.ambiguousDayMonth)
        #expect(f.settings.timestampFormat == .dayMonthYear && !f.ambiguousDayMonth)
    }

    @Test func detectsSeparateDateAndTimeColumns() throws {
        let d = try detect("Date;Time;kWh\n2024-01-01;00:00;0,25\n2024-01-01;00:15;0,5\n")
        #expect(d.settings.timestampColumn == 0 && d.settings.timeColumn == 1)
        #expect(d.settings.columns?.map(\.index) == [2])
        #expect(d.settings.columns?.first?.kind == .energy)
        #expect(d.preview.timestamps == [CSVFixture.iso("2024-01-01T00:00:00Z"), CSVFixture.iso("2024-01-01T00:15:00Z")])
    }

    @Test func detectsNumericTimestampColumns() throws {
        let unixSeconds = try detect("epoch,v\n1704067200,1\n1704067260,2\n")
        let unixMillis = try detect("ts,v\n1704067200000,1\n1704067260000,2\n")
        let excel = try detect("Excel date,v\n45292.5,1\n45292.75,2\n")
        #expect(unixSeconds.settings.timestampFormat == .unixSeconds)
        #expect(unixMillis.settings.timestampFormat == .unixMilliseconds)
        #expect(excel.settings.timestampFormat == .excelSerial)
        #expect(excel.preview.timestamps.first == CSVFixture.iso("2024-01-01T12:00:00Z"))
        #expect(unixSeconds.preview.timestamps == unixMillis.preview.timestamps)
    }

    @Test func textColumnsAreListedButNotIncluded() throws {
        let d = try detect("time,status,P\n2024-01-01T00:00Z,ok,1\n2024-01-01T00:01Z,fault,2\n")
        #expect(d.settings.columns?.map(\.include) == [false, true])
        #expect(d.preview.series.map(\.column.header) == ["P"])
    }

    @Test func previewOfPartialSampleIgnoresCutLine() throws {
        let text = "t,v\n2024-01-01T00:00Z,1\n2024-01-01T00:01Z,2\n2024-01-01T00:0"
        let d = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: false)
        #expect(d.preview.timestamps.count == 2 && d.preview.report.issues.isEmpty)
    }

    @Test func noTimestampsIsAClearError() {
        #expect(throws: CSVImportError.self) { try detect("a,b\nx,y\n") }
    }
}

@Suite struct CSVSnifferMessyTests {
    @Test func quotedGermanExportWithSplitDateAndTime() throws {
        let text = "\"Datum\";\"Uhrzeit\";\"Wert (kWh)\";\"Status\"\n\"01.01.2024\";\"00:00\";\"0,123\";\"W\"\n\"01.01.2024\";\"00:15\";\"0,456\";\"W\"\n\"01.01.2024\";\"00:30\";\"\";\"F\"\n"
        let d = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true, timeZone: "Europe/Berlin")
        #expect(d.settings.delimiter == .semicolon && d.settings.decimalSeparator == .comma)
        #expect(d.settings.timestampColumn == 0 && d.settings.timeColumn == 1 && d.settings.timestampFormat == .dayMonthYear)
        #expect(d.settings.columns?.filter(\.include).map(\.name) == ["Wert"])
        #expect(d.settings.columns?.first?.unit == "kWh")
        #expect(d.preview.series[0].data.values[0] == 0.123 && d.preview.series[0].data.values[2].isNaN)
        #expect(d.preview.timestamps.first == CSVFixture.iso("2023-12-31T23:00:00Z"))
    }

    @Test func usExportWithPreambleAmPmAndGrouping() throws {
        let text = "Site: Plant A\r\nExported by X\r\n\r\nDate,Time,Power (W),Energy (Wh)\r\n1/2/2024,1:00 PM,\"1,234.5\",12\r\n1/2/2024,1:15 PM,\"1,300.0\",13\r\n1/13/2024,12:30 AM,5,1\r\n"
        let d = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true)
        #expect(d.settings.delimiter == .comma && d.settings.headerRow == 4 && d.settings.dataStartRow == 5)
        #expect(d.settings.timestampFormat == .monthDayYear && d.settings.timeColumn == 1)
        #expect(d.settings.thousandsSeparator == .comma && d.settings.decimalSeparator == .point)
        #expect(d.settings.columns?.map(\.unit) == ["W", "Wh"])
        #expect(d.preview.series[0].data.values == [1234.5, 1300, 5])
        #expect(d.preview.timestamps == ["2024-01-02T13:00:00Z", "2024-01-02T13:15:00Z", "2024-01-13T00:30:00Z"].map(CSVFixture.iso))
    }
}

@Suite struct CSVSnifferHeaderlessTests {
    @Test func entsoeStyleIntervalColumn() throws {
        let text = "\"MTU (CET/CEST)\",\"Actual Total Load [MW] - BZN|DE-LU\"\n\"01.01.2024 00:00 - 01.01.2024 00:15\",\"41234\"\n\"01.01.2024 00:15 - 01.01.2024 00:30\",\"40987\"\n"
        let d = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true, timeZone: "Europe/Berlin")
        #expect(d.settings.timestampFormat == .dayMonthYear)
        #expect(d.preview.timestamps == [CSVFixture.iso("2023-12-31T23:00:00Z"), CSVFixture.iso("2023-12-31T23:15:00Z")])
        #expect(d.preview.series.first?.column.kind == .power && d.preview.series.first?.data.values == [41234, 40987])
        #expect(d.preview.series.first?.column.unit == "MW" && d.preview.series.first?.column.name == "Actual Total Load - BZN|DE-LU")
    }

    @Test func fileWithoutHeaderGetsNumberedColumns() throws {
        let text = "2024-01-01 00:00,1.5,3\n2024-01-01 00:15,2,4\n2024-01-01 00:30,2.5,5\n"
        let d = try CSVSniffer.detect(sample: Array(text.utf8), isCompleteFile: true)
        #expect(d.settings.headerRow == nil && d.settings.dataStartRow == 1)
        #expect(d.settings.columns?.map(\.header) == ["column 2", "column 3"])
        #expect(d.preview.series.map(\.data.values) == [[1.5, 2, 2.5], [3, 4, 5]])
        #expect(d.notes.contains { $0.contains("no header") })
    }
}
