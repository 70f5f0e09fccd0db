import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Platform
import Storage

/// Datasets (imported files, by year and release) and imports: `/api/v1/plants/datasets…`, `/imports`.
enum PlantsDatasetsAPI {
    struct ImportView: Encodable {
        /// `queued` (a job reads the file) or `unchanged` (the same bytes were imported before).
        let status: String
        let sha256: String
        let byteCount: Int
        let job: JobView?
        let dataset: DatasetView?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(status, forKey: AnyKey("status"))
            try c.encode(sha256, forKey: AnyKey("sha256"))
            try c.encode(byteCount, forKey: AnyKey("byte_count"))
            try c.encode(job, forKey: AnyKey("job"))
            try c.encode(dataset, forKey: AnyKey("dataset"))
        }
    }

    /// Content types a file may come as; JSON and form bodies are refused with a pointer to the right way.
    static func checkContentType(_ request: Request) throws {
        guard let type = request.headers[.contentType]?.lowercased() else { return }
        if type.hasPrefix("application/json") || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/") {
            throw Problem(.unsupportedMediaType,
                          detail: "send the file's bytes as the body (text/csv, or the .xlsx workbook as application/octet-stream), with year and release as query parameters")
        }
    }

    static func add(to routes: Routes, store: PlantStore) {
        let platform = routes.platform

        routes.add(
            Endpoint(.get, "/api/v1/plants/datasets", access: .permission(.plantsRead),
                     summary: "Imported eGRID files (datasets), newest first, with years, release, hash and sheets", tag: "plants",
                     response: "PlantDatasetList")
        ) { _, _ in
            let catalog = try await store.catalog()
            return try .json(["items": catalog.datasets.map(DatasetView.init)])
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/datasets/:id", access: .permission(.plantsRead),
                     summary: "One dataset with its sheets and column codes", tag: "plants", response: "PlantDataset")
        ) { _, context in
            let id = try context.uuid(what: "dataset")
            guard let dataset = try await PlantRepository(platform.database.db).dataset(id: id) else {
                throw Problem.notFound("dataset \(id)")
            }
            return try .json(DatasetView(dataset))
        }

        routes.add(
            Endpoint(.delete, "/api/v1/plants/datasets/:id", access: .permission(.plantsImport),
                     summary: "Delete a dataset and all its rows", tag: "plants", audit: "plants.dataset.delete")
        ) { _, context in
            let id = try context.uuid(what: "dataset")
            try await delete(id: id, context: context, platform: platform, store: store)
            return .noContent()
        }

        routes.add(
            Endpoint(.post, "/api/v1/plants/imports", access: .permission(.plantsImport),
                     summary: "Upload an eGRID file (a sheet as CSV, or the .xlsx workbook) as the raw body; a plants.import job reads it. The same file again changes nothing.",
                     tag: "plants", audit: "plants.import",
                     parameters: [
                        .init("year", "integer", "data year, when the file does not state it"),
                        .init("release", "string", "release label, e.g. \"2023 rev. June 2025\" (default: the data years)"),
                        .init("file_name", "string", "the file's name (a year in it, like egrid_2021.xlsx, is used when the file states none)"),
                     ],
                     response: "PlantImport", status: 202)
        ) { request, context in
            try checkContentType(request)
            let q = Query(request)
            let year = try q.year()
            let release = try q.string("release")
            let fileName = try q.string("file_name", maxLength: 255) ?? fileName(request)
            let length = request.headers[.contentLength].flatMap(Int.init)
            let (view, status) = try await receive(
                request.body, fileName: fileName, contentType: request.headers[.contentType], length: length, year: year,
                release: release, context: context, platform: platform)
            var headers = HTTPFields()
            if let job = view.job { headers[.location] = "/api/v1/jobs/\(job.id.uuidString.lowercased())" }
            return try .json(view, status: status, headers: headers)
        }
    }

    /// `Content-Disposition: attachment; filename="PLNT23.csv"`.
    static func fileName(_ request: Request) -> String? {
        guard let header = request.headers[.contentDisposition], let range = header.range(of: "filename=") else { return nil }
        let name = header[range.upperBound...].split(separator: ";").first.map(String.init)?
            .trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return name.flatMap { $0.isEmpty ? nil : String($0.prefix(255)) }
    }

    /// Streams a file into the upload store, then either recognises it (same SHA-256: nothing changes) or
    /// queues the import job — with the audit entry in the same transaction as the queued job.
    static func receive<Body: AsyncSequence>(
        _ body: Body, fileName: String?, contentType: String?, length: Int?, year: Int?, release: String?,
        context: AppRequestContext, platform: PlatformServices
    ) async throws -> (ImportView, HTTPResponse.Status) where Body.Element == ByteBuffer {
        let identity = try context.requireIdentity()
        if let release, release.count > 200 { throw Problem.badQuery("release", "is longer than 200 characters") }
        let upload = try await platform.uploads.store(
            body, owner: identity.user.id, purpose: PlantImportJob.uploadPurpose, filename: fileName, contentType: contentType,
            expectedLength: length)
        guard upload.size > 0, let sha256 = upload.sha256 else {
            try? await platform.uploads.delete(upload.id)
            throw Problem.invalid("/file", "the file is empty: send its bytes as the request body")
        }
        if let existing = try await PlantRepository(platform.database.db).dataset(sha256: sha256) {
            try await platform.database.db.transaction { tx in
                try await platform.uploads.delete(upload.id, on: tx)
                try await platform.auditor.record(
                    on: tx, context: context, objectType: "plants_dataset", objectID: existing.id.uuidString,
                    detail: "unchanged: \(fileName ?? "the file") is the same file as \"\(existing.releaseLabel)\"", action: "plants.import")
            }
            return (ImportView(status: "unchanged", sha256: sha256, byteCount: upload.size, job: nil, dataset: DatasetView(existing)), .ok)
        }
        let payload = PlantImportJob.Payload(uploadId: upload.id, fileName: fileName, year: year, release: release)
        let payloadText = String(decoding: try AppJSON.encoder.encode(payload), as: UTF8.self)
        let job: Job
        do {
            job = try await platform.database.db.transaction { tx in
                let job = try await platform.jobs.enqueue(kind: PlantImportJob.name, payload: payloadText, createdBy: identity.user.id, on: tx)
                try await platform.auditor.record(
                    on: tx, context: context, objectType: "job", objectID: job.id.uuidString,
                    detail: "import \(fileName ?? "file") (\(upload.size) bytes, sha256 \(sha256.prefix(12))…)", action: "plants.import")
                return job
            }
        } catch {
            try? await platform.uploads.delete(upload.id)
            throw error
        }
        await platform.jobs.announce(job)
        return (ImportView(status: "queued", sha256: sha256, byteCount: upload.size, job: JobView(job), dataset: nil), .accepted)
    }

    static func delete(id: UUID, context: AppRequestContext, platform: PlatformServices, store: PlantStore) async throws {
        try await platform.database.db.transaction { tx in
            let repository = PlantRepository(tx)
            guard let dataset = try await repository.dataset(id: id) else { throw Problem.notFound("dataset \(id)") }
            try await repository.delete(id: id)
            try await platform.auditor.record(
                on: tx, context: context, objectType: "plants_dataset", objectID: id.uuidString,
                detail: String(("deleted " + PlantRepository.summary(dataset)).prefix(500)), action: "plants.dataset.delete")
        }
        store.invalidate()
    }
}
