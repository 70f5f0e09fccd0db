import Foundation
import HTTPTypes
import Hummingbird
import Platform
@testable import Server
import Storage
import Testing

/// CSV import over the API and the wizard: preview, jobs, atomicity, the skipped-row report, size limits.
@Suite struct SeriesImportTests {
    @Test func previewDetectsTheDialectAndReadsTheFirstRows() async throws {
        try await TestApp.run { app in
            // Arrange: semicolons, decimal commas, day-first local times, units in the header.
            let csv = SeriesTest.meterCSV(rows: 50)

            // Act
            let response = try await app.request(.post, "/api/v1/series/imports/preview?timezone=Europe/Berlin", as: .engineer,
                                                 headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv))
            let preview = try app.json(response)

            // Assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(preview["parameters"]?["delimiter"] == ";")
            #expect(preview["parameters"]?["decimal"] == ",")
            #expect(preview["parameters"]?["timestamp_format"] == "dmy")
            #expect(preview["parameters"]?["timezone"] == "Europe/Berlin")
            #expect(preview["parameters"]?["columns"] == "2:P:kW:power,3:T:°C:temperature")
            #expect(SeriesTest.array(preview["preview"]?["times"]).count == 20)
            #expect(SeriesTest.array(preview["preview"]?["times"]).first == "2025-12-31T23:00:00Z")
            #expect(SeriesTest.array(preview["preview"]?["series"]).first?["values"].map { SeriesTest.array($0).prefix(2) } == [0, 1.1])
        }
    }

    @Test func importRunsAsAJobAndReportsSkippedRows() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: 200 rows, line 51 broken, the skip policy.
            let csv = SeriesTest.meterCSV(rows: 200, badLine: 51)

            // Act
            let accepted = try await SeriesTest.upload(app, csv, query: "timezone=Europe/Berlin&policy=skip&tags=site:north&filename=meter.csv")
            #expect(accepted.status == .accepted, "\(accepted.text)")
            let jobID = try #require(SeriesTest.string(try app.json(accepted)["job"]?["id"]))
            let job = try await SeriesTest.finishedJob(app, jobID)
            let outcome = try app.json(try await app.request(.get, "/api/v1/series/imports/\(jobID)", as: .engineer))
            let report = try await app.request(.get, "/api/v1/series/imports/\(jobID)/report.csv", as: .engineer)

            // Assert
            #expect(job["state"] == "succeeded", "\(job)")
            let series = SeriesTest.array(outcome["series"])
            #expect(series.compactMap { SeriesTest.string($0["name"]) } == ["P", "T"])
            #expect(series.allSatisfy { $0["point_count"] == 199 && $0["tags"]?["site"] == "north" && $0["time_zone"] == "Europe/Berlin" })
            #expect(outcome["report"]?["skipped_rows"] == 1)
            #expect(report.status == .ok)
            let lines = report.text.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[1].hasPrefix("51,\"P [kW]\",\"12,5,3\",not_a_number,"))
            #expect(try await SeriesTest.count("uploads", app) == 0, "the upload is removed with the import's commit")
            #expect(try await app.request(.get, "/api/v1/series/imports/\(jobID)", as: .analyst).status == .notFound,
                    "someone else's import is invisible")
        }
    }

    @Test func aFailingImportLeavesNoSeriesAndNoChunks() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: 2,900 rows under the reject policy, one bad value near the end (beyond the checked head).
            let csv = SeriesTest.meterCSV(rows: 2_900, badLine: 2_890)

            // Act
            let accepted = try await SeriesTest.upload(app, csv, query: "timezone=Europe/Berlin&policy=reject")
            let jobID = try #require(SeriesTest.string(try app.json(accepted)["job"]?["id"]))
            let job = try await SeriesTest.finishedJob(app, jobID)

            // Assert
            #expect(job["state"] == "failed")
            #expect(SeriesTest.string(job["error"]) == "line 2,890, column \"P [kW]\": \"12,5,3\" is not a number")
            #expect(try await SeriesTest.count("series", app) == 0)
            #expect(try await SeriesTest.count("series_chunks", app) == 0)
            #expect(try await SeriesTest.count("series_tags", app) == 0)
            #expect(try await SeriesTest.count("series_imports", app) == 0)
        }
    }

    @Test func badRowsInTheFirstLinesAreRefusedAtOnceNamingTheCell() async throws {
        try await TestApp.run { app in
            let response = try await SeriesTest.upload(app, SeriesTest.meterCSV(rows: 30, badLine: 4), query: "timezone=Europe/Berlin")
            #expect(response.status == .unprocessableContent)
            let problem = try app.decode(Problem.self, response)
            #expect(problem.errors?.first == Problem.FieldError(
                field: "P [kW]", message: "line 4, column \"P [kW]\": \"12,5,3\" is not a number", line: 4, column: "P [kW]",
                value: "12,5,3"))
            #expect(try await SeriesTest.count("uploads", app) == 0)
            #expect(try await SeriesTest.count("jobs", app) == 0)
            let nonsense = try await SeriesTest.upload(app, "just some words\nand more words\n")
            #expect(nonsense.status == .unprocessableContent)
            let badParameter = try await SeriesTest.upload(app, "x", query: "delimiter=colon")
            #expect(try app.decode(Problem.self, badParameter).errors?.first?.field == "delimiter")
        }
    }

    @Test func uploadsOverTheLimitAre413AndLeaveNothing() async throws {
        try await TestApp.run(overrides: ["limits.upload_bytes": "4096"]) { app in
            let big = SeriesTest.meterCSV(rows: 300)
            #expect(big.utf8.count > 4096)
            let response = try await SeriesTest.upload(app, big)
            #expect(response.status == .contentTooLarge)
            #expect(response.problemType == "/problems/payload-too-large")
            #expect(try await SeriesTest.count("uploads", app) == 0)
            #expect(try await SeriesTest.count("upload_parts", app) == 0)
            let preview = try await app.request(.post, "/api/v1/series/imports/preview", as: .engineer,
                                                headers: [.contentType: "text/csv"], body: ByteBuffer(string: big))
            #expect(preview.status == .contentTooLarge)
        }
    }

    @Test func concurrentImportsDoNotMixData() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: two files on the same timestamps, power 1… in one and 1000… in the other.
            func file(offset: Int) -> String {
                "time,power_kW\n" + (0..<1_500).map { i in
                    "\(SeriesTestTime.iso(SeriesTest.monday + Int64(i) * 60_000)),\(offset + i)"
                }.joined(separator: "\n") + "\n"
            }

            // Act: both queued before either runs; two workers run them at once.
            async let a = SeriesTest.upload(app, file(offset: 1), query: "filename=a.csv")
            async let b = SeriesTest.upload(app, file(offset: 1000), query: "filename=b.csv")
            let ids = try await [a, b].map { try #require(SeriesTest.string(try app.json($0)["job"]?["id"])) }
            for id in ids { #expect(try await SeriesTest.finishedJob(app, id)["state"] == "succeeded") }

            // Assert: each import's series holds exactly its own file's values.
            for (id, offset) in zip(ids, [1, 1000]) {
                let outcome = try app.json(try await app.request(.get, "/api/v1/series/imports/\(id)", as: .engineer))
                let seriesID = try #require(SeriesTest.string(SeriesTest.array(outcome["series"]).first?["id"]))
                let values = SeriesTest.values(try app.json(try await app.request(.get, "/api/v1/series/\(seriesID)/values", as: .viewer)))
                #expect(values == (0..<1_500).map { Double(offset + $0) })
            }
            #expect(try await SeriesTest.count("series", app) == 2)
        }
    }

    @Test func wizardUploadsPreviewsAndImportsWithoutJavaScript() async throws {
        try await TestApp.run(withWorker: true) { app in
            // Arrange: a browser's multipart form, the token field before the file.
            let boundary = "----powerhouse1234"
            let csv = SeriesTest.meterCSV(rows: 40)
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nx\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"meter.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--\(boundary)--\r\n"

            // Act 1: step 1 → redirect to step 2.
            let uploaded = try await app.request(.post, "/series/upload", as: .engineer,
                                                 headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                                 body: ByteBuffer(string: body))
            let step2 = try #require(uploaded.headers[.location])
            let settings = try await app.request(.get, step2, as: .engineer)

            // Assert 1: the file arrived intact; the settings form shows what was detected.
            #expect(uploaded.status == .seeOther)
            #expect(step2.hasPrefix("/series/upload/"))
            let uploadID = try #require(UUID(uuidString: String(step2.dropFirst("/series/upload/".count))))
            #expect(try await app.platform.uploads.find(uploadID)?.size == csv.utf8.count)
            #expect(settings.status == .ok)
            #expect(settings.text.contains("name=\"c2_name\" value=\"P\""))
            #expect(settings.text.contains("2025-12-31T23:00:00Z") == false, "no time zone given yet: local times read as UTC")

            // Act 2: change the zone, drop column 3, rename column 2, import.
            let form = "csrf_token=x&action=import&encoding=utf-8&delimiter=%3B&decimal=%2C&thousands=none&header_row=1&units_row=none"
                + "&data_start_row=2&timestamp_column=1&time_column=none&timestamp_format=dmy&timezone=Europe%2FBerlin"
                + "&nonexistent=error&repeated=file_order&policy=reject&tags=site%3Awest&column_numbers=2%2C3"
                + "&layout=utf-8%7C%3B%7C1%7C2%7C1%7Cnone&c2_include=on&c2_name=Feeder&c2_unit=kW&c2_kind=power"
                + "&c3_name=T&c3_unit=%C2%B0C&c3_kind=temperature"
            let queued = try await app.request(.post, step2, as: .engineer,
                                               headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
            let resultPage = try #require(queued.headers[.location])
            let jobID = String(resultPage.dropFirst("/series/imports/".count))
            _ = try await SeriesTest.finishedJob(app, jobID)
            let result = try await app.request(.get, resultPage, as: .engineer)

            // Assert 2
            #expect(queued.status == .seeOther, "\(queued.text.prefix(500))")
            #expect(result.status == .ok)
            #expect(result.text.contains("Feeder"))
            #expect(result.text.contains("Skipped rows (none)"))
            let list = try app.json(try await app.request(.get, "/api/v1/series?tags=site:west", as: .viewer))
            #expect(SeriesTest.array(list["items"]).compactMap { SeriesTest.string($0["name"]) } == ["Feeder"])
            #expect(SeriesTest.array(list["items"]).first?["first"] == "2025-12-31T23:00:00Z")
            #expect(try await app.auditEntries(action: "series.upload").contains { $0.outcome == .success })
            #expect(try await app.auditEntries(action: "series.import").contains { $0.outcome == .success })
        }
    }
}

enum SeriesTestTime {
    static func iso(_ millis: Int64) -> String {
        Date(timeIntervalSince1970: Double(millis) / 1000).formatted(Date.ISO8601FormatStyle())
    }
}
