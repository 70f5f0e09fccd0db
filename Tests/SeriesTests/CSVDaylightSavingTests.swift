import Foundation
import Testing
@testable import Series

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
