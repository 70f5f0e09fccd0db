import FluentKit
import Foundation
import Hummingbird
import Platform
import Series
import Storage
import WebUI

/// The upload wizard's pages: a multipart form streams the file into the upload store (step 1), the settings
/// form re-reads its first rows until they look right (step 2), the import runs as a job whose row follows
/// its progress live (step 3), and its page shows the result with the skipped-row report (step 4).
enum SeriesWizardPages {
    static let layoutParameters = ["encoding", "delimiter", "header_row", "data_start_row", "timestamp_column", "time_column"]

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/series/upload", access: .permission(.seriesWrite), kind: .page,
                            summary: "Upload a CSV file (step 1)", tag: "web")) { request, context in
            let identity = try context.requireIdentity()
            let jobs = try await JobRepository(platform.database.db, kind: platform.database.kind).list(
                JobFilter(createdBy: identity.user.id, kind: SeriesImportJob.name), before: nil, limit: 10)
            let model = SeriesUploadPage.Model(
                limitBytes: platform.config.uploadLimit,
                recentImports: try await WebRoutes.jobRows(jobs, identity: identity, platform: platform))
            return PageSupport.html(SeriesUploadPage.render(model, context: SeriesPages.page(request, context)))
        }

        routes.add(Endpoint(.post, "/series/upload", access: .permission(.seriesWrite), kind: .page,
                            summary: "Receive a CSV file (multipart form)", tag: "web", audit: "series.upload")) { request, context in
            let identity = try context.requireIdentity()
            let form = try MultipartFileReader(request)
            guard let file = try await form.nextFile() else {
                try PageSupport.checkCSRF(form.fields["csrf_token"], request, context)
                throw Problem.invalid("file", "choose a file to upload")
            }
            try PageSupport.checkCSRF(form.fields["csrf_token"], request, context)
            let upload = try await platform.uploads.store(
                form.fileContents(), owner: identity.user.id, purpose: SeriesImportJob.uploadPurpose,
                filename: URL(fileURLWithPath: file.filename).lastPathComponent, contentType: file.contentType)
            try await platform.database.db.transaction { tx in
                try await platform.auditor.record(on: tx, context: context, objectType: "upload", objectID: upload.id.uuidString,
                                                  detail: "\(upload.filename ?? "file"), \(upload.size) bytes")
            }
            return PageSupport.redirect("/series/upload/\(upload.id.uuidString.lowercased())")
        }

        routes.add(Endpoint(.get, "/series/upload/:id", access: .permission(.seriesWrite), kind: .page,
                            summary: "Import settings and preview (step 2)", tag: "web")) { request, context in
            let upload = try await ownUpload(context, platform: platform)
            let model = try await settingsModel(upload, form: [:], platform: platform, error: nil)
            return PageSupport.html(SeriesImportSettingsPage.render(model, context: SeriesPages.page(request, context)))
        }

        routes.add(Endpoint(.post, "/series/upload/:id", access: .permission(.seriesWrite), kind: .page,
                            summary: "Preview again or import (step 2 form)", tag: "web", audit: "series.import")) { request, context in
            let identity = try context.requireIdentity()
            let upload = try await ownUpload(context, platform: platform)
            let form = try await PageSupport.form([String: String].self, request, context)
            try PageSupport.checkCSRF(form["csrf_token"], request, context)
            guard form["action"] == "import" else {
                let model = try await settingsModel(upload, form: form, platform: platform, error: nil)
                return PageSupport.html(SeriesImportSettingsPage.render(model, context: SeriesPages.page(request, context)))
            }
            do {
                let overrides = try overrides(from: form)
                let tags = try SeriesInput.tagFilter(form["tags"].flatMap { $0.isEmpty ? nil : $0 })
                var check = SeriesInput.Checker()
                check.tags(tags)
                try check.done()
                let settings = try await SeriesImportRoutes.plannedSettings(upload: upload, overrides: overrides, platform: platform)
                let job = try await SeriesImportJob.queue(
                    upload: upload, settings: settings, tags: tags, identity: identity, context: context, platform: platform)
                return PageSupport.redirect("/series/imports/\(job.id.uuidString.lowercased())")
            } catch let problem as Problem where [400, 422].contains(problem.statusCode) {
                await platform.auditor.recordRefusal(context: context, outcome: .failure, objectType: "upload",
                                                     objectID: upload.id.uuidString, detail: problem.detail ?? problem.title)
                context.auditTrail.recorded = true
                let model = try await settingsModel(upload, form: form, platform: platform, error: problem.detail ?? problem.title)
                return PageSupport.html(SeriesImportSettingsPage.render(model, context: SeriesPages.page(request, context)),
                                        status: problem.status)
            }
        }

        routes.add(Endpoint(.get, "/series/imports/:id", access: .permission(.seriesRead), kind: .page,
                            summary: "An import: progress and result (steps 3 and 4)", tag: "web")) { request, context in
            let identity = try context.requireIdentity()
            let job = try await SeriesImportJob.visibleJob(context: context, platform: platform)
            let view = try await SeriesImportRoutes.importView(job, platform: platform)
            let row = try await WebRoutes.jobRows([job], identity: identity, platform: platform)[0]
            var retry: String?
            if job.state == .failed || job.state == .cancelled, let uploadID = SeriesImportJob.uploadID(of: job),
               try await platform.uploads.find(uploadID) != nil, identity.can(.seriesWrite) {
                retry = "/series/upload/\(uploadID.uuidString.lowercased())"
            }
            let summary = try await SeriesImportRepository(platform.database.db).find(jobID: job.id)
            let report = summary.flatMap { try? JSONDecoder().decode(CSVImportReport.self, from: Data($0.reportJSON.utf8), snake: true) }
            let model = SeriesImportPage.Model(
                job: row, filename: summary?.filename ?? uploadFilename(job),
                series: view.series.map { .init(id: $0.id.uuidString.lowercased(), name: $0.name, unit: $0.unit, points: $0.pointCount) },
                report: report.map(reportLines) ?? [], skippedRows: report?.skippedRows ?? 0,
                reportURL: view.skippedRowsUrl, retryURL: retry)
            return PageSupport.html(SeriesImportPage.render(model, context: SeriesPages.page(request, context)))
        }
    }

    /// The upload in the path if it is the caller's and meant for series; anything else is a 404.
    static func ownUpload(_ context: AppRequestContext, platform: PlatformServices) async throws -> Upload {
        let identity = try context.requireIdentity()
        let id = try context.uuid(what: "upload")
        guard let upload = try await platform.uploads.find(id), upload.ownerID == identity.user.id,
            upload.purpose == SeriesImportJob.uploadPurpose, upload.state == .complete
        else { throw Problem.notFound("upload \(id)") }
        return upload
    }

    /// Overrides from the settings form: every setting field, plus the column table unless the layout changed.
    static func overrides(from form: [String: String]) throws -> CSVSettingsOverrides {
        var values: [String: String] = [:]
        for name in CSVSettingsOverrides.names where name != "columns" { values[name] = form[name] }
        var overrides = try SeriesProblems.mappingSync { try CSVSettingsOverrides(values: values) }
        guard form["layout"] == signature(values), let numbers = form["column_numbers"], !numbers.isEmpty else { return overrides }
        var specs: [CSVSettingsOverrides.ColumnSpec] = []
        for number in numbers.split(separator: ",").compactMap({ Int($0) }) where form["c\(number)_include"] == "on" {
            specs.append(CSVSettingsOverrides.ColumnSpec(
                selector: .number(number), name: form["c\(number)_name"].flatMap { $0.isEmpty ? nil : $0 },
                unit: form["c\(number)_unit"] ?? "", kind: form["c\(number)_kind"].flatMap(QuantityKind.init(rawValue:))))
        }
        guard !specs.isEmpty else { throw Problem.invalid("columns", "choose at least one column to import") }
        overrides.columns = specs
        return overrides
    }

    static func signature(_ parameters: [String: String]) -> String {
        layoutParameters.map { parameters[$0] ?? "" }.joined(separator: "|")
    }

    /// Step 2's model: settings detected from the upload's first bytes with the form's changes, and the first
    /// rows read with them. Settings that cannot work are shown as an error on the page, never a failure.
    static func settingsModel(_ upload: Upload, form: [String: String], platform: PlatformServices, error: String?)
        async throws -> SeriesImportSettingsPage.Model
    {
        let sample = [UInt8](try await platform.uploads.head(upload.id, bytes: CSVSniffer.sampleSize))
        let complete = upload.size <= CSVSniffer.sampleSize
        var message = error
        var overrides = CSVSettingsOverrides()
        if !form.isEmpty {
            do { overrides = try self.overrides(from: form) } catch let problem as Problem { message = message ?? problem.detail }
        }
        var settings = CSVSettings()
        var detection: CSVDetection?
        do {
            (settings, detection) = try SeriesImporter.settings(sample: sample, isComplete: complete, overrides: overrides)
        } catch {
            message = message ?? SeriesProblemText.describe(error)
            if let fallback = try? SeriesImporter.settings(sample: sample, isComplete: complete, overrides: CSVSettingsOverrides()) {
                (settings, detection) = fallback
            }
        }
        var preview: CSVImportResult?
        do { preview = try SeriesImporter.preview(sample: sample, isComplete: complete, settings: settings) } catch {
            message = message ?? SeriesProblemText.describe(error)
        }
        let parameters = CSVSettingsOverrides.parameters(of: settings)
        let columns = (settings.columns ?? preview?.series.map(\.column) ?? []).map { column in
            SeriesImportSettingsPage.Column(number: column.index + 1, header: column.header, name: column.name, unit: column.unit,
                                            kind: column.kind.rawValue, include: column.include)
        }
        return SeriesImportSettingsPage.Model(
            uploadID: upload.id.uuidString.lowercased(), filename: upload.filename ?? "upload", size: upload.size,
            parameters: parameters, layoutSignature: signature(parameters), tags: form["tags"] ?? "", columns: columns,
            rawRows: detection?.rows ?? [], previewTimes: preview?.timestamps.map(CSVExport.isoUTC) ?? [],
            previewSeries: preview?.series.map { series in
                (title: series.column.unit.isEmpty ? series.column.name : "\(series.column.name) [\(series.column.unit)]",
                 values: series.data.values.map { $0.isNaN ? "—" : $0.description })
            } ?? [],
            issues: preview?.report.issues.map { .init(line: $0.line, message: $0.message) } ?? [],
            notes: detection?.notes ?? [], error: message, options: options, kinds: QuantityKind.allCases.map(\.rawValue))
    }

    static let options: [String: [(value: String, label: String)]] = [
        "encoding": CSVEncoding.allCases.map { ($0.rawValue, $0.rawValue) },
        "delimiter": [(",", ", comma"), (";", "; semicolon"), ("tab", "tab"), ("|", "| pipe")],
        "decimal": [(".", ". point"), (",", ", comma")],
        "thousands": [("none", "none"), (".", ". point"), (",", ", comma"), ("space", "space"), ("'", "' apostrophe")],
        "timestamp_format": TimestampFormat.allCases.map { ($0.rawValue, $0.pattern) },
        "policy": [("reject", "reject the file"), ("skip", "skip the row and report it")],
        "nonexistent": [("error", "treat as bad rows"), ("shift_forward", "shift forward by the gap")],
        "repeated": [("file_order", "by file order"), ("earlier", "first occurrence (summer time)"),
                     ("later", "second occurrence (winter time)")],
    ]

    static func reportLines(_ report: CSVImportReport) -> [(label: String, value: String)] {
        let s = report.settings
        var lines: [(String, String)] = [
            ("Data rows", SeriesFormat.count(report.dataRows)),
            ("Imported rows", SeriesFormat.count(report.importedRows)),
            ("Skipped rows", SeriesFormat.count(report.skippedRows)),
            ("Blank rows", SeriesFormat.count(report.blankRows)),
            ("Encoding", s.encoding.rawValue + (report.byteOrderMark ? " with byte-order mark" : "")),
            ("Delimiter / decimal", "\(s.delimiter == .tab ? "tab" : s.delimiter.rawValue) / \(s.decimalSeparator.rawValue)"),
            ("Timestamps", "\(s.timestampFormat.pattern) in \(s.timeZone)"),
        ]
        if report.duplicateTimestamps > 0 { lines.append(("Duplicate timestamps (last row kept)", String(report.duplicateTimestamps))) }
        if !report.wasSorted { lines.append(("Order", "rows were out of order and were sorted")) }
        if report.nonexistentLocalTimes.count > 0 {
            lines.append(("Local times in a DST gap", "\(report.nonexistentLocalTimes.count) (lines \(report.nonexistentLocalTimes.firstLines.map(String.init).joined(separator: ", ")))"))
        }
        if report.repeatedLocalTimes.count > 0 {
            lines.append(("Local times in a repeated hour", "\(report.repeatedLocalTimes.count), placed by \(s.repeatedTimePolicy.rawValue)"))
        }
        return lines
    }

    static func uploadFilename(_ job: Job) -> String? {
        (try? AppJSON.decoder.decode(SeriesImportJob.Payload.self, from: Data(job.payload.utf8)))?.filename
    }
}

/// Error text for pages.
enum SeriesProblemText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let csv as CSVImportError: SeriesProblems.csv(csv).detail ?? "\(csv)"
        case let invalid as CSVSettingsOverrides.Invalid: "\(invalid.parameter): \(invalid.message)"
        case let problem as Problem: problem.detail ?? problem.title
        default: "\(error)"
        }
    }
}

extension JSONDecoder {
    /// Decodes snake_case JSON (as the import report is stored).
    func decode<T: Decodable>(_ type: T.Type, from data: Data, snake: Bool) throws -> T {
        let decoder = JSONDecoder()
        if snake { decoder.keyDecodingStrategy = .convertFromSnakeCase }
        return try decoder.decode(type, from: data)
    }
}
