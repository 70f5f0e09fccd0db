import Foundation
import Testing
@testable import Series

@Suite struct CSVTimestampTests {
    private func parse(_ s: String, _ format: TimestampFormat) -> ParsedTime? {
        Array(s.utf8).withUnsafeBufferPointer { TimestampParser.parse($0.baseAddress!, 0, $0.count, format) }
    }

    private func utc(_ s: String) -> ParsedTime { ParsedTime(millis: CSVFixture.iso(s), isLocal: false) }
    private func local(_ s: String) -> ParsedTime { ParsedTime(millis: CSVFixture.iso(s), isLocal: true) }

    @Test func isoForms() {
        #expect(parse("2024-01-31T13:45:00Z", .iso8601) == utc("2024-01-31T13:45:00Z"))
        #expect(parse("2024-01-31T13:45:00+01:00", .iso8601) == utc("2024-01-31T12:45:00Z"))
        #expect(parse("2024-01-31T13:45-0530", .iso8601) == utc("2024-01-31T19:15:00Z"))
        #expect(parse("2024-01-31 13:45:07.25+02", .iso8601) == ParsedTime(millis: CSVFixture.iso("2024-01-31T11:45:07Z") + 250, isLocal: false))
        #expect(parse("2024-01-31 13:45", .iso8601) == local("2024-01-31T13:45:00Z"))
        #expect(parse("2024-01-31", .iso8601) == local("2024-01-31T00:00:00Z"))
        #expect(parse("2024-02-30 00:00", .iso8601) == nil)
        #expect(parse("2024-01-31 24:01", .iso8601) == nil)
        #expect(parse("2024-01-31T13:45:00Zx", .iso8601) == nil)
    }

    @Test func dayFirstAndMonthFirstForms() {
        #expect(parse("31.01.2024 13:45", .dayMonthYear) == local("2024-01-31T13:45:00Z"))
        #expect(parse("31/01/2024 13:45:30", .dayMonthYear) == local("2024-01-31T13:45:30Z"))
        #expect(parse("1-2-24", .dayMonthYear) == local("2024-02-01T00:00:00Z"))
        #expect(parse("01/31/2024 1:45", .monthDayYear) == local("2024-01-31T01:45:00Z"))
        #expect(parse("31/01/2024", .monthDayYear) == nil)
        #expect(parse("31.01/2024", .dayMonthYear) == nil)
    }

    @Test func intervalRangesAndEndOfDay() {
        #expect(parse("01.01.2024 00:00 - 01.01.2024 00:15", .dayMonthYear) == local("2024-01-01T00:00:00Z"))
        #expect(parse("2024-01-01 23:45 - 2024-01-02 00:00", .iso8601) == local("2024-01-01T23:45:00Z"))
        #expect(parse("31.12.2024 24:00", .dayMonthYear) == local("2025-01-01T00:00:00Z"))
        #expect(parse("31.12.2024 24:15", .dayMonthYear) == nil)
        #expect(parse("2024-01-01 12:00 -05:00", .iso8601) == utc("2024-01-01T17:00:00Z"))
    }

    @Test func unixAndExcelForms() {
        #expect(parse("1704067200", .unixSeconds) == utc("2024-01-01T00:00:00Z"))
        #expect(parse("1704067200.5", .unixSeconds)?.millis == CSVFixture.iso("2024-01-01T00:00:00Z") + 500)
        #expect(parse("1704067200123", .unixMilliseconds)?.millis == CSVFixture.iso("2024-01-01T00:00:00Z") + 123)
        #expect(parse("45292.5", .excelSerial) == local("2024-01-01T12:00:00Z"))
        #expect(parse("45292", .excelSerial) == local("2024-01-01T00:00:00Z"))
        #expect(parse("45292.0416666667", .excelSerial) == local("2024-01-01T01:00:00Z"))
        // The 1900 system's fictitious leap day: 59 = 1900-02-28, 60 does not exist, 61 = 1900-03-01.
        #expect(parse("59", .excelSerial) == local("1900-02-28T00:00:00Z"))
        #expect(parse("60", .excelSerial) == nil)
        #expect(parse("61", .excelSerial) == local("1900-03-01T00:00:00Z"))
        #expect(parse("1", .excelSerial) == local("1900-01-01T00:00:00Z"))
    }

    @Test func splitDateAndTimeColumnsInAZone() throws {
        let result = try CSVFixture.read("d;t;v\n31.01.2024;13:45;1\n31.01.2024;14:00:30;2\n") {
            $0.delimiter = .semicolon
            $0.timestampFormat = .dayMonthYear
            $0.timeColumn = 1
            $0.timeZone = "Europe/Berlin"
        }
        #expect(result.timestamps == [CSVFixture.iso("2024-01-31T12:45:00Z"), CSVFixture.iso("2024-01-31T13:00:30Z")])
    }

    @Test func excelSerialsAreLocalTimesInTheChosenZone() throws {
        let result = try CSVFixture.read("t,v\n45292.5,1\n45474.5,2\n") {
            $0.timestampFormat = .excelSerial
            $0.timeZone = "Europe/Berlin"
        }
        #expect(result.timestamps == [CSVFixture.iso("2024-01-01T11:00:00Z"), CSVFixture.iso("2024-07-01T10:00:00Z")])
    }

    @Test func offsetsInCellsWinOverTheZone() throws {
        let result = try CSVFixture.read("t,v\n2024-07-01T12:00:00+02:00,1\n") { $0.timeZone = "America/New_York" }
        #expect(result.timestamps == [CSVFixture.iso("2024-07-01T10:00:00Z")])
    }

    @Test func unknownZoneIsRejectedUpFront() {
        #expect(throws: CSVImportError.self) { try CSVReader(settings: CSVFixture.settings { $0.timeZone = "Mars/Olympus" }) }
    }
}
