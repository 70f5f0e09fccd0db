import FluentKit
import Foundation
import Hummingbird
import Platform
import Series
import Storage

/// CSV import over the API. One streamed request carries the file; the settings are query parameters (the
/// same names as `powerhouse import series` flags), and whatever is not given is detected from the file:
///
/// ```sh
/// curl -X POST --data-binary @preview-bytes.csv "$API/series/imports/preview?timezone=Europe/Berlin"
/// curl -X POST -H 'Content-Type: text/csv' --data-binary @meter.csv \
///      "$API/series/imports?timezone=Europe/Berlin&policy=skip&columns=2:load:kW:power"
/// ```
///
/// The import answers 202 with the queued `series.import` job; follow it at `/api/v1/jobs/{id}/events` (SSE)
/// and read the outcome at `/api/v1/series/imports/{id}`.
enum SeriesImportRoutes {
    static let settingParameters: [Endpoint.Parameter] = [
        .init("encoding", "string", "utf-8, utf-16le, utf-16be or windows-1252 (default: detected)"),
        .init("delimiter", "string", ", ; | or tab (default: detected)"),
        .init("decimal", "string", ". or , (default: detected)"),
        .init("thousands", "string", "none . , space or ' (default: detected)"),
        .init("header_row", "string", "row of column names, from 1, or none"),
        .init("units_row", "string", "row of units, or none"),
        .init("data_start_row", "integer", "first data row, from 1"),
        .init("timestamp_column", "integer", "column of the timestamps (or dates), from 1"),
        .init("time_column", "string", "separate time-of-day column, from 1, or none"),
        .init("timestamp_format", "string", "iso8601, dmy, mdy, unix_s, unix_ms or excel"),
        .init("timezone", "string", "IANA zone of local times (default UTC)"),
        .init("columns", "string", "value columns to import: N[:name[:unit[:kind]]],… (N from 1, or the header)"),
        .init("policy", "string", "reject (default: a bad row stops the import) or skip (bad rows are reported)"),
        .init("nonexistent", "string", "local times in a DST gap: error (default) or shift_forward"),
        .init("repeated", "string", "local times in a repeated hour: file_order (default), earlier or later"),
    ]

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(
            Endpoint(.post, "/api/v1/series/imports/preview", access: .permission(.seriesWrite),
                     summary: "Detect a CSV file's settings and parse its first rows (send the first bytes or the whole file)",
                     tag: "series", audit: "series.import_preview", parameters: settingParameters,
                     response: "ImportPreview")
        ) { request, context in
            let values = overrideValues(request)
            let (sample, complete) = try await sample(of: request.body, limit: platform.config.uploadLimit)
            return try .json(try preview(sample: sample, isComplete: complete, values: values))
        }

        routes.add(
            Endpoint(.post, "/api/v1/series/imports", access: .permission(.seriesWrite),
                     summary: "Upload a CSV file (the request body, streamed) and queue its import as a job",
                     tag: "series", audit: "series.import",
                     parameters: settingParameters + [
                        .init("tags", "string", "key:value pairs given to every new series, comma-separated"),
                        .init("filename", "string", "the file's name, for the report"),
                     ],
                     response: "ImportAccepted", status: 202)
        ) { request, context in
            let identity = try context.requireIdentity()
            let values = overrideValues(request)
            let overrides = try SeriesProblems.mappingSync { try CSVSettingsOverrides(values: values) }
            let query = Query(request)
            let tags = try SeriesInput.tagFilter(query.string("tags", maxLength: 2000))
            var tagCheck = SeriesInput.Checker()
            tagCheck.tags(tags)
            try tagCheck.done()
            let upload = try await platform.uploads.store(
                request.body, owner: identity.user.id, purpose: SeriesImportJob.uploadPurpose,
                filename: try query.string("filename", maxLength: 255),
                contentType: request.headers[.contentType], expectedLength: request.headers[.contentLength].flatMap { Int($0) })
            do {
                let settings = try await plannedSettings(upload: upload, overrides: overrides, platform: platform)
                let job = try await SeriesImportJob.queue(
                    upload: upload, settings: settings, tags: tags, identity: identity, context: context, platform: platform)
                let accepted = ImportAcceptedView(
                    job: JobView(job), upload: UploadView(upload), parameters: CSVSettingsOverrides.parameters(of: settings),
                    status: "/api/v1/series/imports/\(job.id)", events: "/api/v1/jobs/\(job.id)/events")
                return try .json(accepted, status: .accepted, headers: [.location: accepted.status])
            } catch {
                try? await platform.uploads.delete(upload.id)
                throw error
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/series/imports/:id", access: .permission(.seriesRead),
                     summary: "An import: its job, and when it succeeded its series and report", tag: "series",
                     response: "Import")
        ) { _, context in
            let job = try await SeriesImportJob.visibleJob(context: context, platform: platform)
            return try .json(try await importView(job, platform: platform))
        }

        routes.add(
            Endpoint(.get, "/api/v1/series/imports/:id/report.csv", access: .permission(.seriesRead),
                     summary: "The rows an import skipped: line, column, value, reason, message", tag: "series",
                     responseType: "text/csv")
        ) { _, context in
            let job = try await SeriesImportJob.visibleJob(context: context, platform: platform)
            guard let csv = try await SeriesImportRepository(platform.database.db).skippedCSV(jobID: job.id) else {
                throw Problem.notFound("a report of import \(job.id) (it has not succeeded)")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8",
                          .contentDisposition: "attachment; filename=\"skipped-rows-\(job.id.uuidString.lowercased().prefix(8)).csv\""],
                body: .init(byteBuffer: ByteBuffer(bytes: csv)))
        }
    }

    /// The setting parameters present in the query.
    static func overrideValues(_ request: Request) -> [String: String] {
        var values: [String: String] = [:]
        for name in CSVSettingsOverrides.names {
            if let value = request.uri.queryParameters.get(name) { values[name] = value }
        }
        return values
    }

    /// The first bytes of a body (enough to sniff), reading and dropping the rest up to `limit`.
    static func sample(of body: RequestBody, limit: Int) async throws -> (bytes: [UInt8], complete: Bool) {
        var sample: [UInt8] = []
        var total = 0
        for try await buffer in body {
            total += buffer.readableBytes
            if total > limit { throw Problem(.payloadTooLarge, detail: "uploads are limited to \(limit) bytes (limits.upload_bytes)") }
            if sample.count <= CSVSniffer.sampleSize {
                sample += buffer.readableBytesView.prefix(CSVSniffer.sampleSize + 1 - sample.count)
            }
        }
        guard !sample.isEmpty else {
            throw Problem(.validation, detail: "the body is empty; send the start of the CSV file", errors: [.init(field: "file", message: "is empty")])
        }
        let complete = sample.count <= CSVSniffer.sampleSize
        return (complete ? sample : Array(sample.prefix(CSVSniffer.sampleSize)), complete)
    }

    static func preview(sample: [UInt8], isComplete: Bool, values: [String: String]) throws -> ImportPreviewView {
        try SeriesProblems.mappingSync {
            let overrides = try CSVSettingsOverrides(values: values)
            let (settings, detection) = try SeriesImporter.settings(sample: sample, isComplete: isComplete, overrides: overrides)
            let parsed = try SeriesImporter.preview(sample: sample, isComplete: isComplete, settings: settings)
            let columns = (settings.columns ?? parsed.series.map(\.column)).map { column in
                ImportPreviewView.Column(number: column.index + 1, header: column.header, name: column.name, unit: column.unit,
                                         kind: column.kind, include: column.include)
            }
            return ImportPreviewView(
                parameters: CSVSettingsOverrides.parameters(of: settings), settings: settings,
                byteOrderMark: parsed.report.byteOrderMark, ambiguousDayMonth: detection?.ambiguousDayMonth ?? false,
                notes: detection?.notes ?? ["nothing was detected; the settings are the ones you gave"],
                columns: columns, rawRows: detection?.rows ?? [],
                preview: .init(
                    times: parsed.timestamps.map(CSVExport.isoUTC),
                    series: parsed.series.map { series in
                        .init(name: series.column.name, unit: series.column.unit,
                              values: series.data.values.map(SeriesTime.finite))
                    }),
                issues: parsed.report.issues, sampleBytes: sample.count, completeFile: isComplete)
        }
    }

    /// Detects and checks the settings of a stored upload: a file whose first rows already fail is refused now
    /// (422 naming line, column and value) rather than by a job later.
    static func plannedSettings(upload: Upload, overrides: CSVSettingsOverrides, platform: PlatformServices) async throws
        -> CSVSettings
    {
        let head = [UInt8](try await platform.uploads.head(upload.id, bytes: CSVSniffer.sampleSize))
        let complete = upload.size <= CSVSniffer.sampleSize
        guard !head.isEmpty else {
            throw Problem(.validation, detail: "the file is empty", errors: [.init(field: "file", message: "is empty")])
        }
        return try SeriesProblems.mappingSync {
            let (settings, _) = try SeriesImporter.settings(sample: head, isComplete: complete, overrides: overrides)
            try SeriesImporter.check(sample: head, isComplete: complete, settings: settings)
            return settings
        }
    }

    static func importView(_ job: Job, platform: PlatformServices) async throws -> ImportView {
        let db = platform.database.db
        let series = try await SeriesStore(db).list(SeriesFilter(importJobID: job.id), before: nil, limit: 1000)
        let summary = try await SeriesImportRepository(db).find(jobID: job.id)
        let report = summary.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.reportJSON.utf8)) }
        return ImportView(
            job: JobView(job), series: series.sorted { $0.name < $1.name }.map(SeriesView.init), report: report,
            skippedRowsUrl: summary.map { _ in "/api/v1/series/imports/\(job.id)/report.csv" })
    }
}
