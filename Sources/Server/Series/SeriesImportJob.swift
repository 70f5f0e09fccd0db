import FluentKit
import Foundation
import Platform
import Series
import Storage

/// The `series.import` job: reads an upload from the database (so any instance's worker can run it), parses it
/// with progress, and stores every series in one transaction at the end, removing the upload in the same
/// commit. A failure, cancellation or lost worker leaves no series; the job may then safely run again.
enum SeriesImportJob {
    static let name = "series.import"
    static let uploadPurpose = "series.import"

    struct Payload: Codable, Sendable {
        var uploadId: UUID
        var settings: CSVSettings
        var tags: [String: String]
        var filename: String?
    }

    static func kind(_ platform: PlatformServices) -> JobKind {
        JobKind(name: name, summary: "import a CSV upload as series", submitPermission: nil) { context in
            let payload = try context.payload(as: Payload.self)
            let uploads = platform.uploads
            guard let upload = try await uploads.find(payload.uploadId), upload.state == .complete else {
                throw Problem(.conflict, detail: "the uploaded file is gone (imported already, or removed as stale); upload it again")
            }
            let megabytes = String(format: "%.1f", Double(upload.size) / 1_000_000)
            do {
                let result = try await SeriesImporter.parse(
                    uploads.read(upload.id), settings: payload.settings, totalBytes: upload.size
                ) { fraction in
                    try await context.progress(0.85 * fraction, message: "reading \(megabytes) MB")
                }
                let report = result.report
                try await context.progress(0.86, message: "encoding and writing \(result.series.count) series")
                let created = try await SeriesImporter.commit(
                    result, tags: payload.tags, database: context.database.db, jobID: context.job.id,
                    ownerID: context.job.createdBy, filename: payload.filename, now: platform.clock.now
                ) { tx, _ in
                    try await uploads.delete(upload.id, on: tx)
                }
                let points = created.reduce(0) { $0 + $1.pointCount }
                let skipped = report.skippedRows > 0 ? "; \(report.skippedRows) rows skipped" : ""
                return JobOutcome(
                    resultRef: "series-import:\(context.job.id.uuidString.lowercased())",
                    message: "imported \(created.count) series, \(points) points\(skipped)")
            } catch let error as CSVImportError {
                throw Problem(.validation, detail: error.description)
            }
        }
    }

    /// Queues an import of `upload` with `settings`, in one transaction with the audit entry.
    static func queue(
        upload: Upload, settings: CSVSettings, tags: [String: String], identity: Identity, context: AppRequestContext,
        platform: PlatformServices
    ) async throws -> Job {
        let payload = Payload(uploadId: upload.id, settings: settings, tags: tags, filename: upload.filename)
        let text = String(decoding: try AppJSON.encoder.encode(payload), as: UTF8.self)
        let job = try await platform.database.db.transaction { tx in
            let job = try await platform.jobs.enqueue(kind: name, payload: text, createdBy: identity.user.id, on: tx)
            try await platform.auditor.record(
                on: tx, context: context, objectType: "series_import", objectID: job.id.uuidString,
                detail: "\(upload.filename ?? "upload"), \(upload.size) bytes, sha256 \(upload.sha256 ?? "?")",
                action: "series.import")
            return job
        }
        await platform.jobs.announce(job)
        return job
    }

    /// The import job named in the path, if the caller may see it (someone else's answers 404).
    static func visibleJob(context: AppRequestContext, platform: PlatformServices) async throws -> Job {
        let job = try await JobRoutes.visibleJob(context: context, platform: platform)
        guard job.kind == name else { throw Problem.notFound("import \(job.id)") }
        return job
    }

    /// The upload an import job reads (for retrying with other settings after a failure).
    static func uploadID(of job: Job) -> UUID? {
        (try? AppJSON.decoder.decode(Payload.self, from: Data(job.payload.utf8)))?.uploadId
    }
}
