import Foundation
import HTTPTypes
import Hummingbird
import Platform
@testable import Server
import Storage
import Testing

/// The series API: CRUD, points for telemetry, values (raw, JSON and CSV, ETags), bad input.
@Suite struct SeriesAPITests {
    @Test func createListFilterChangeAndDelete() async throws {
        try await TestApp.run { app in
            // Arrange
            let load = try await SeriesTest.synthetic(app, kind: "household_load", from: "2026-01-01T00:00:00Z",
                                                      to: "2026-01-08T00:00:00Z", step: "15m", name: "Flat 4 load")
            _ = try await SeriesTest.synthetic(app, kind: "temperature", from: "2026-01-01T00:00:00Z",
                                               to: "2026-01-02T00:00:00Z", step: "1h", name: "Outdoor")
            let patch = try await app.request(.patch, "/api/v1/series/\(load)", as: .engineer,
                                              json: #"{"tags":{"site":"north","meter":"4711"},"time_zone":"Europe/Berlin"}"#)
            #expect(patch.status == .ok)

            // Act
            let byName = try app.json(try await app.request(.get, "/api/v1/series?search=FLAT", as: .viewer))
            let byTag = try app.json(try await app.request(.get, "/api/v1/series?tags=site:north", as: .viewer))
            let byUnit = try app.json(try await app.request(.get, "/api/v1/series?unit=%C2%B0C", as: .viewer))
            let detail = try app.json(try await app.request(.get, "/api/v1/series/\(load)", as: .viewer))

            // Assert
            #expect(SeriesTest.array(byName["items"]).compactMap { SeriesTest.string($0["id"]) } == [load])
            #expect(SeriesTest.array(byTag["items"]).compactMap { SeriesTest.string($0["id"]) } == [load])
            #expect(SeriesTest.array(byUnit["items"]).compactMap { SeriesTest.string($0["name"]) } == ["Outdoor"])
            #expect(detail["series"]?["point_count"] == 672)
            #expect(detail["series"]?["time_zone"] == "Europe/Berlin")
            #expect(detail["series"]?["regularity"]?["step_ms"] == 900_000)
            #expect(SeriesTest.number(detail["series"]?["bytes_per_point"]).map { $0 > 0 && $0 <= 3 } == true)
            #expect(detail["statistics"]?["value_count"] == 672)
            #expect(try await app.auditEntries(action: "series.update").contains { $0.outcome == .success })

            #expect(try await app.request(.delete, "/api/v1/series/\(load)", as: .viewer).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/series/\(load)", as: .engineer).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/series/\(load)", as: .viewer).status == .notFound)
            #expect(try await SeriesTest.count("series_chunks", app) == 1, "only the other series' chunk is left")
        }
    }

    @Test func telemetryAppendOverwriteDeleteKeepsNaN() async throws {
        try await TestApp.run { app in
            // Arrange: an empty series for a machine.
            let created = try app.json(try await app.request(
                .post, "/api/v1/series", as: .engineer,
                json: #"{"name":"Pump 3 vibration","unit":"mm/s","kind":"other","step_seconds":60,"tags":{"asset":"pump-3"}}"#))
            let id = try #require(SeriesTest.string(created["id"]))

            // Act: append 5 points (one without data), correct one, then append 2 more.
            var response = try await app.request(.post, "/api/v1/series/\(id)/points", as: .engineer, json: """
                {"times":["2026-01-05T00:00:00Z","2026-01-05T00:01:00Z","2026-01-05T00:02:00Z","2026-01-05T00:03:00Z",1767571440000],
                 "values":[1.5,null,2.5,3.5,4.5]}
                """)
            #expect(response.status == .ok, "\(response.text)")
            response = try await app.request(.post, "/api/v1/series/\(id)/points", as: .engineer,
                                             json: #"{"times":["2026-01-05T00:03:00Z","2026-01-05T00:05:00Z","2026-01-05T00:06:00Z"],"values":[30,5.5,6.5]}"#)
            #expect(try app.json(response)["written"] == 3)
            let afterAppend = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values", as: .viewer))

            // Assert: NaN came back as null; the correction replaced the old value.
            #expect(SeriesTest.times(afterAppend).count == 7)
            let values = SeriesTest.values(afterAppend)
            #expect(values[0] == 1.5 && values[1].isNaN && values[3] == 30 && values[6] == 6.5)

            // Act: overwrite 00:01–00:05 with one point, delete 00:06 onwards.
            response = try await app.request(
                .post, "/api/v1/series/\(id)/points?from=2026-01-05T00:01:00Z&to=2026-01-05T00:05:00Z", as: .engineer,
                json: #"{"times":["2026-01-05T00:02:00Z"],"values":[-1]}"#)
            #expect(try app.json(response)["removed"] == 4)
            response = try await app.request(
                .delete, "/api/v1/series/\(id)/points?from=2026-01-05T00:06:00Z&to=2026-01-06T00:00:00Z", as: .engineer)
            #expect(try app.json(response)["removed"] == 1)
            let final = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values", as: .viewer))

            // Assert
            #expect(SeriesTest.times(final) == ["2026-01-05T00:00:00Z", "2026-01-05T00:02:00Z", "2026-01-05T00:05:00Z"])
            #expect(SeriesTest.values(final) == [1.5, -1, 5.5])
            #expect(try await app.auditEntries(action: "series.write_points").filter { $0.outcome == .success }.count == 3)
            #expect(try await app.auditEntries(action: "series.delete_points").contains { $0.outcome == .success })
        }
    }

    @Test func csvPointsAndBadCSVNameLineColumnAndValue() async throws {
        try await TestApp.run { app in
            // Arrange
            let created = try app.json(try await app.request(.post, "/api/v1/series", as: .engineer,
                                                             json: #"{"name":"Meter","unit":"kW","kind":"power"}"#))
            let id = try #require(SeriesTest.string(created["id"]))
            let csv = "time;P_kW\n2026-01-05 00:00;1,5\n2026-01-05 00:15;2,5\n2026-01-05 00:30;12,5,3\n"

            // Act
            let bad = try await app.request(.post, "/api/v1/series/\(id)/points?timezone=Europe/Berlin", as: .engineer,
                                            headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv))
            let good = try await app.request(.post, "/api/v1/series/\(id)/points?timezone=Europe/Berlin", as: .engineer,
                                             headers: [.contentType: "text/csv"],
                                             body: ByteBuffer(string: String(csv.split(separator: "\n").prefix(3).joined(separator: "\n"))))

            // Assert
            #expect(bad.status == .unprocessableContent)
            let problem = try app.decode(Problem.self, bad)
            #expect(problem.errors?.first?.line == 4)
            #expect(problem.errors?.first?.column == "P_kW")
            #expect(problem.errors?.first?.value == "12,5,3")
            #expect(problem.detail?.contains("line 4, column \"P_kW\"") == true)
            #expect(good.status == .ok, "\(good.text)")
            let values = try app.json(try await app.request(.get, "/api/v1/series/\(id)/values", as: .viewer))
            #expect(SeriesTest.times(values) == ["2026-01-04T23:00:00Z", "2026-01-04T23:15:00Z"], "local Berlin times in UTC")
            #expect(SeriesTest.values(values) == [1.5, 2.5])
        }
    }

    @Test func badQueryParametersAre400NamingTheParameter() async throws {
        try await TestApp.run { app in
            let id = try await SeriesTest.synthetic(app, kind: "temperature", from: "2026-01-01T00:00:00Z",
                                                    to: "2026-01-02T00:00:00Z", step: "1h")
            let cases: [(String, String)] = [
                ("interval=2h", "interval"), ("agg=mean", "agg"), ("interval=1d&tz=Mars/Base", "tz"), ("points=1", "points"),
                ("points=10&mode=fancy", "mode"), ("format=xml", "format"), ("from=yesterday", "from"),
                ("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to"), ("convert=energy", "convert"),
                ("interval=1d&convert=energy&agg=max", "agg"), ("interval=15m&from=1900-01-01T00:00:00Z", "interval"),
            ]
            for (query, parameter) in cases {
                let response = try await app.request(.get, "/api/v1/series/\(id)/values?\(query)", as: .viewer)
                #expect(response.status == .badRequest, "\(query): \(response.status)")
                #expect(try app.decode(Problem.self, response).errors?.first?.field == parameter, "\(query)")
            }
            for query in ["", "ids=nope", "ids=\(UUID())&points=0"] {
                let response = try await app.request(.get, "/api/v1/series/values?\(query)", as: .viewer)
                #expect(response.status.code == 400 || response.status.code == 404, "\(query): \(response.status)")
            }
            let missing = try await app.request(.get, "/api/v1/series/values?ids=\(UUID())", as: .viewer)
            #expect(missing.status == .notFound)
            let deleteWithoutRange = try await app.request(.delete, "/api/v1/series/\(id)/points", as: .engineer)
            #expect(try app.decode(Problem.self, deleteWithoutRange).errors?.first?.field == "from")
            let badSynthetic = try await app.request(.post, "/api/v1/series/synthetic", as: .engineer,
                                                     json: #"{"kind":"wind","from":"2026-01-02T00:00:00Z","to":"2026-01-01T00:00:00Z","step":"7x"}"#)
            #expect(try app.decode(Problem.self, badSynthetic).errors?.map(\.field) == ["/kind", "/step", "/to"])
        }
    }

    @Test func valuesCarryAnETagAndCSVExport() async throws {
        try await TestApp.run { app in
            // Arrange
            let id = try await SeriesTest.synthetic(app, kind: "pv", from: "2026-06-01T00:00:00Z", to: "2026-06-03T00:00:00Z",
                                                    step: "15m", name: "Roof")
            let uri = "/api/v1/series/\(id)/values?interval=1d&convert=energy"

            // Act
            let first = try await app.request(.get, uri, as: .viewer)
            let etag = try #require(first.headers[.eTag])
            let again = try await app.request(.get, uri, as: .viewer, headers: [.ifNoneMatch: etag])
            _ = try await app.request(.post, "/api/v1/series/\(id)/points", as: .engineer,
                                      json: #"{"times":["2026-06-01T12:00:00Z"],"values":[9]}"#)
            let changed = try await app.request(.get, uri, as: .viewer, headers: [.ifNoneMatch: etag])
            let csv = try await app.request(.get, "/api/v1/series/\(id)/values?interval=1d&convert=energy&format=csv", as: .viewer)

            // Assert
            #expect(first.status == .ok)
            #expect(try app.json(first)["series"].map { SeriesTest.array($0)[0]["unit"] } == "kWh")
            #expect(again.status == .notModified)
            #expect(changed.status == .ok, "a write changes the validator")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first == "time,Roof [kWh]")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("2026-06-01T00:00:00Z,"))
        }
    }
}
