import Foundation
import Platform
@testable import Server
import Storage
import Testing

/// Calendar aggregation through the API across DST, against values computed by hand; downsampling limits.
@Suite struct SeriesQueryTests {
    static let quarter: Int64 = 900_000

    /// 15-minute points over [from, to) (UTC milliseconds), value 2 inside `double` and 1 elsewhere.
    static func points(from: Int64, to: Int64, double: Range<Int64>) -> String {
        let times = stride(from: from, to: to, by: Int(quarter)).map { $0 }
        let values = times.map { double.contains($0) ? "2" : "1" }
        return #"{"times":[\#(times.map(String.init).joined(separator: ","))],"values":[\#(values.joined(separator: ","))]}"#
    }

    static func millis(_ iso: String) -> Int64 { Int64(ISO8601.date(iso)!.timeIntervalSince1970 * 1000) }

    /// A power series in Europe/Berlin around both 2026 DST changes:
    /// March 28–30 local (the 29th has 23 hours, value 2 all day) and October 24–26 local (the 25th has 25 hours).
    static func dstSeries(_ app: TestApp) async throws -> String {
        let created = try app.json(try await app.request(.post, "/api/v1/series", as: .engineer, json:
            #"{"name":"Berlin meter","unit":"kW","kind":"power","step_seconds":900,"time_zone":"Europe/Berlin"}"#))
        let id = try #require(SeriesTest.string(created["id"]))
        // Local midnights as UTC: Mar 28 23:00Z (CET), Mar 29 23:00Z → 22:00Z after the jump to CEST.
        let march = points(from: millis("2026-03-27T23:00:00Z"), to: millis("2026-03-30T22:00:00Z"),
                           double: millis("2026-03-28T23:00:00Z")..<millis("2026-03-29T22:00:00Z"))
        let october = points(from: millis("2026-10-23T22:00:00Z"), to: millis("2026-10-26T23:00:00Z"), double: 0..<0)
        for body in [march, october] {
            let response = try await app.request(.post, "/api/v1/series/\(id)/points", as: .engineer, json: body)
            #expect(response.status == .ok, "\(response.text)")
        }
        return id
    }

    @Test func dailyBucketsFollowLocalMidnightAcrossDST() async throws {
        try await TestApp.run { app in
            // Arrange
            let id = try await Self.dstSeries(app)
            let march = "/api/v1/series/\(id)/values?from=2026-03-27T23:00:00Z&to=2026-03-30T22:00:00Z&interval=1d&tz=Europe/Berlin"
            let october = "/api/v1/series/\(id)/values?from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&interval=1d"

            // Act
            let count = try app.json(try await app.request(.get, march + "&agg=count", as: .viewer))
            let sum = try app.json(try await app.request(.get, march + "&agg=sum", as: .viewer))
            let mean = try app.json(try await app.request(.get, march + "&agg=mean", as: .viewer))
            let energy = try app.json(try await app.request(.get, march + "&convert=energy", as: .viewer))
            let autumnCount = try app.json(try await app.request(.get, october + "&agg=count", as: .viewer))
            let autumnEnergy = try app.json(try await app.request(.get, october + "&convert=energy", as: .viewer))
            let monthly = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values?interval=1mo&agg=count", as: .viewer))

            // Assert: hand-computed. A 23-hour day has 92 quarter hours, a 25-hour day 100.
            #expect(SeriesTest.times(count) == ["2026-03-27T23:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"])
            #expect(SeriesTest.values(count) == [96, 92, 96])
            #expect(SeriesTest.values(sum) == [96, 184, 96])
            #expect(SeriesTest.values(mean) == [1, 2, 1])
            // Energy = mean power × the day's real length: 24 h × 1 kW, 23 h × 2 kW, 24 h × 1 kW.
            #expect(SeriesTest.values(energy) == [24, 46, 24])
            #expect(SeriesTest.array(energy["series"]).first?["unit"] == "kWh")
            #expect(SeriesTest.times(autumnCount) == ["2026-10-23T22:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"])
            #expect(SeriesTest.values(autumnCount) == [96, 100, 96])
            #expect(SeriesTest.values(autumnEnergy) == [24, 25, 24])
            // Months in Berlin: March starts 2026-02-28T23:00Z; April to September hold nothing.
            #expect(SeriesTest.times(monthly).first == "2026-02-28T23:00:00Z")
            #expect(SeriesTest.values(monthly) == [284, 0, 0, 0, 0, 0, 0, 292])
        }
    }

    @Test func hourlyBucketsInUTCAndTheEnergyRoundTrip() async throws {
        try await TestApp.run { app in
            let id = try await Self.dstSeries(app)
            let base = "/api/v1/series/\(id)/values?from=2026-03-29T00:00:00Z&to=2026-03-29T03:00:00Z"
            let hourly = try app.json(try await app.request(.get, base + "&interval=1h&tz=UTC&agg=max", as: .viewer))
            let raw = try app.json(try await app.request(.get, base + "&convert=energy", as: .viewer))
            #expect(SeriesTest.values(hourly) == [2, 2, 2])
            // A 15-minute point of 2 kW holds 0.5 kWh.
            #expect(SeriesTest.values(raw) == Array(repeating: 0.5, count: 12))
        }
    }

    @Test func downsamplingRespectsPointsKeepsEndsAndPeaks() async throws {
        try await TestApp.run { app in
            // Arrange: two days of one-minute vibration (2,880 points).
            let id = try await SeriesTest.synthetic(app, kind: "vibration", from: "2026-01-05T00:00:00Z",
                                                    to: "2026-01-07T00:00:00Z", step: "1m", seed: 7)
            let all = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values", as: .viewer))
            let rawValues = SeriesTest.values(all)

            // Act
            let lttb = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values?points=100&mode=lttb", as: .viewer))
            let minmax = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values?points=100&mode=minmax", as: .viewer))
            let window = try app.json(try await app.request(
                .get, "/api/v1/series/values?ids=\(id)&from=2026-01-05T06:00:00Z&to=2026-01-05T18:00:00Z&points=50", as: .viewer))

            // Assert
            #expect(rawValues.count == 2880)
            #expect(SeriesTest.times(lttb).count <= 100)
            #expect(SeriesTest.times(lttb).first == "2026-01-05T00:00:00Z")
            #expect(SeriesTest.times(lttb).last == "2026-01-06T23:59:00Z")
            #expect(SeriesTest.times(minmax).count <= 100)
            #expect(SeriesTest.values(minmax).max() == rawValues.max(), "min/max never loses the peak")
            #expect(SeriesTest.values(minmax).min() == rawValues.min())
            #expect(SeriesTest.times(window).count <= 50)
            #expect(SeriesTest.times(window).allSatisfy { $0 >= "2026-01-05T06:00:00Z" && $0 < "2026-01-05T18:00:00Z" })
        }
    }

    @Test func alignedValuesFollowTheChartContract() async throws {
        try await TestApp.run { app in
            // Arrange: same clock for load and PV, hourly temperature on another.
            let load = try await SeriesTest.synthetic(app, kind: "household_load", from: "2026-06-01T00:00:00Z",
                                                      to: "2026-06-02T00:00:00Z", step: "15m", name: "Load")
            let pv = try await SeriesTest.synthetic(app, kind: "pv", from: "2026-06-01T00:00:00Z",
                                                    to: "2026-06-02T00:00:00Z", step: "15m", name: "PV")
            let temperature = try await SeriesTest.synthetic(app, kind: "temperature", from: "2026-06-01T00:00:00Z",
                                                             to: "2026-06-02T00:00:00Z", step: "1h", name: "T")

            // Act
            let same = try app.json(try await app.request(.get, "/api/v1/series/values?ids=\(load),\(pv)", as: .viewer))
            let mixed = try app.json(try await app.request(.get, "/api/v1/series/values?ids=\(load),\(temperature)", as: .viewer))
            let chart = try app.json(try await app.request(
                .get, "/api/v1/series/values?ids=\(load),\(pv)&mode=minmax&from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z&points=40",
                as: .viewer))

            // Assert
            #expect(SeriesTest.times(same).count == 96)
            let series = SeriesTest.array(same["series"])
            #expect(series.map { SeriesTest.string($0["id"]) } == [load.lowercased(), pv.lowercased()])
            #expect(series.map { SeriesTest.string($0["name"]) } == ["Load", "PV"])
            #expect(series.map { SeriesTest.string($0["unit"]) } == ["kW", "kW"])
            #expect(SeriesTest.values(same, series: 1).count == 96)
            // The hourly series holds its value through its hour on the 15-minute axis, never beyond.
            #expect(SeriesTest.times(mixed).count == 96)
            let hourly = SeriesTest.values(mixed, series: 1)
            #expect(hourly[0] == hourly[1] && hourly[1] == hourly[3])
            #expect(!hourly.contains { $0.isNaN })
            #expect(SeriesTest.times(chart).count <= 40)
        }
    }
}
