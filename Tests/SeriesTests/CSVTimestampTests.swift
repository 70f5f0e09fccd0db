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
        #expect(parse("2024-01-31 24:00", .iso8601) == nil)
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

@Suite struct CSVDaylightSavingTests {
    private func file(_ times: [String]) -> String {
        "time,P_kW\n" + times.enumerated().map { "\($1),\($0)" }.joined(separator: "\n") + "\n"
    }

    private static let berlinGap = ["2025-03-30 01:45", "2025-03-30 02:00", "2025-03-30 02:15", "2025-03-30 02:30",
                                    "2025-03-30 02:45", "2025-03-30 03:00"]

    @Test func berlinGapRejectsWithExactMessage() {
        #expect {
            try CSVFixture.read(file(Self.berlinGap)) { $0.timeZone = "Europe/Berlin" }
        } throws: { error in
            (error as? CSVImportError)?.description
                == #"line 3, column "time": "2025-03-30 02:00" does not exist in Europe/Berlin (clocks jump forward over it)"#
        }
    }

    @Test func berlinGapIsSkippedAndReported() throws {
        let result = try CSVFixture.read(file(Self.berlinGap)) {
            $0.timeZone = "Europe/Berlin"
            $0.errorPolicy = .skip
        }
        #expect(result.timestamps == [CSVFixture.iso("2025-03-30T00:45:00Z"), CSVFixture.iso("2025-03-30T01:00:00Z")])
        #expect(result.report.nonexistentLocalTimes.count == 4)
        #expect(result.report.nonexistentLocalTimes.firstLines == [3, 4, 5, 6])
        #expect(result.report.issues.map(\.reason) == Array(repeating: .nonexistentLocalTime, count: 4))
    }

    @Test func berlinGapShiftsForwardOnlyWhenAsked() throws {
        let result = try CSVFixture.read(file(Self.berlinGap)) {
            $0.timeZone = "Europe/Berlin"
            $0.nonexistentTimePolicy = .shiftForward
        }
        // 02:00 → 03:00 CEST collides with the real 03:00 row (the last wins); 02:15…02:45 → 03:15…03:45.
        #expect(result.timestamps.map { ($0 - CSVFixture.iso("2025-03-30T00:45:00Z")) / 60_000 } == [0, 15, 30, 45, 60])
        #expect(result.series[0].data.values == [0, 5, 2, 3, 4])
        #expect(result.report.duplicateTimestamps == 1 && result.report.nonexistentLocalTimes.count == 4)
    }

    @Test func berlinRepeatedHourFollowsFileOrder() throws {
        // Arrange: the file lists 02:00–02:45 twice (summer, then winter)
        let times = ["01:45", "02:00", "02:15", "02:30", "02:45", "02:00", "02:15", "02:30", "02:45", "03:00"]
            .map { "2025-10-26 \($0)" }
        // Act
        let result = try CSVFixture.read(file(times)) { $0.timeZone = "Europe/Berlin" }
        // Assert: a seamless 15-minute UTC sequence from 23:45 UTC
        let start = CSVFixture.iso("2025-10-25T23:45:00Z")
        #expect(result.timestamps == (0..<10).map { start + Int64($0) * 900_000 })
        #expect(result.report.repeatedLocalTimes.count == 8 && result.report.repeatedLocalTimes.firstLines.first == 3)
    }

    @Test func newYorkGapAndRepeat() throws {
        // Arrange
        let gap = ["2025-03-09 01:30", "2025-03-09 02:30", "2025-03-09 03:30"]
        let repeated = ["2025-11-02 00:30", "2025-11-02 01:30", "2025-11-02 01:30", "2025-11-02 02:30"]
        // Act
        let a = try CSVFixture.read(file(gap)) {
            $0.timeZone = "America/New_York"
            $0.errorPolicy = .skip
        }
        let b = try CSVFixture.read(file(repeated)) { $0.timeZone = "America/New_York" }
        let later = try CSVFixture.read(file(repeated)) {
            $0.timeZone = "America/New_York"
            $0.repeatedTimePolicy = .later
        }
        // Assert
        #expect(a.timestamps == [CSVFixture.iso("2025-03-09T06:30:00Z"), CSVFixture.iso("2025-03-09T07:30:00Z")])
        #expect(a.report.issues.first?.line == 3)
        #expect(b.timestamps == ["04:30", "05:30", "06:30", "07:30"].map { CSVFixture.iso("2025-11-02T\($0):00Z") })
        #expect(later.timestamps == ["04:30", "06:30", "07:30"].map { CSVFixture.iso("2025-11-02T\($0):00Z") })
    }

    @Test func resolverMatchesFoundationEverywhere() {
        // Every 30 minutes of two years in three zones: each instant's local time resolves back to it.
        var mismatches: [String] = []
        for id in ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"] {
            var resolver = ZoneResolver(identifier: id)!
            let zone = TimeZone(identifier: id)!
            var t = CSVFixture.iso("2024-01-01T00:00:00Z")
            let end = CSVFixture.iso("2026-01-01T00:00:00Z")
            while t < end {
                let local = t + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t) / 1000))) * 1000
                switch resolver.resolve(localMillis: local) {
                case .unique(let u) where u == t: break
                case .repeated(let earlier, let later) where earlier == t || later == t: break
                default: mismatches.append("\(id) \(t)")
                }
                t += 1_800_000
            }
        }
        #expect(mismatches.isEmpty)
    }
}

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

@Suite struct NumberParserTests {
    private func parse(_ s: String, _ syntax: NumberSyntax = NumberSyntax()) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, $0.count, syntax) }
    }

    @Test func matchesCorrectRoundingOnRandomDecimals() {
        var rng = SplitMix64(seed: 99)
        for i in 0..<50_000 {
            let text: String
            switch i % 4 {
            case 0: text = String(Double(bitPattern: rng.next() >> 2))  // shortest round-trip digits, any magnitude
            case 1: text = "\(Int64(rng.next() % 10_000_000) - 5_000_000).\(rng.next() % 1000)"
            case 2: text = "0.\(String(repeating: "0", count: Int(rng.next() % 5)))\(rng.next() % 100_000_000)"
            default: text = "\(rng.next())\(rng.next() % 1000).\(rng.next())e-\(rng.next() % 40)"
            }
            let expected = Double(text)
            #expect(parse(text)?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func groupingAndDecimalCommaAreStrict() {
        let german = NumberSyntax(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."))
        #expect(parse("1.234.567,25", german) == 1_234_567.25)
        #expect(parse("-0,5", german) == -0.5)
        #expect(parse("12.5", german) == nil)
        #expect(parse("12,5,3", german) == nil)
        #expect(parse("1.23.456", german) == nil)
        #expect(parse("-0")?.sign == .minus)
        #expect(parse("1e400") == .infinity)
        #expect(parse("inf") == .infinity)
        #expect(parse("12 kW") == nil)
        #expect(parse("0x1p3") == nil)
        #expect(parse(".5") == 0.5 && parse("5.") == 5)
    }
}
