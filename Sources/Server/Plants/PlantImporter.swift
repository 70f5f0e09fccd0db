import FluentKit
import Foundation
import PlantData
import Platform
import Storage

/// Imports one eGRID file: hash, read, prepare, store in one transaction. Shared by the import job (API and
/// page uploads), `powerhouse import egrid` and the demo loader, so every path follows the same rules:
/// the same bytes twice are a no-op (recognised by SHA-256 before anything is read), a bad file is rejected
/// with its line, column and value and changes nothing.
public enum PlantImporter {
    public struct Request: Sendable {
        public var data: Data
        public var fileName: String?
        /// Used when the file does not state its year.
        public var year: Int?
        /// E.g. `2023 rev. June 2025`; the file's data years when nil.
        public var release: String?
        public var synthetic: Bool

        public init(data: Data, fileName: String?, year: Int? = nil, release: String? = nil, synthetic: Bool = false) {
            self.data = data
            self.fileName = fileName
            self.year = year
            self.release = release
            self.synthetic = synthetic
        }
    }

    /// - Parameters:
    ///   - progress: 0…1 with a message while reading and preparing (never inside the transaction, which on
    ///     SQLite holds the only connection); may throw to stop.
    ///   - alsoInTransaction: more writes that must commit with the dataset (deleting the consumed upload).
    public static func run(
        _ request: Request, actor: PlantImportActor, database: AppDatabase, now: @Sendable () -> Date,
        progress: (@Sendable (Double, String) async throws -> Void)? = nil,
        alsoInTransaction: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws -> (outcome: PlantImportOutcome, plan: PlantImportPlan?) {
        let sha256 = PlantFileHash.sha256(request.data)
        let repository = PlantRepository(database.db)
        if let existing = try await repository.dataset(sha256: sha256) {
            if let alsoInTransaction { try await database.db.transaction { try await alsoInTransaction($0) } }
            return (.unchanged(existing), nil)
        }
        try await progress?(0.05, "reading \(request.fileName ?? "the file") (\(request.data.count) bytes)")
        let file: EGRIDFile
        do {
            file = try EGRIDReader.read(request.data, options: ImportOptions(
                year: request.year, releaseLabel: request.release, sha256: sha256, fileName: request.fileName))
        } catch let error as EGRIDImportError {
            throw problem(error)
        }
        try await progress?(0.4, "read \(file.sheets.map { "\($0.count) \($0.kind.rawValue) rows" }.joined(separator: ", "))")
        let plan = try await PlantImportPlan.prepare(
            file, sha256: sha256, byteCount: request.data.count, synthetic: request.synthetic,
            progress: { fraction in try await progress?(0.4 + 0.5 * fraction, "preparing rows") })
        try await progress?(0.9, "storing")
        let outcome = try await PlantRepository(database.db).importPlan(
            plan, actor: actor, now: now(), alsoInTransaction: alsoInTransaction)
        return (outcome, plan)
    }

    /// A rejected file as a problem: where (line, column, sheet) and what (the value), for the user to fix.
    public static func problem(_ error: EGRIDImportError) -> Problem {
        var value: String?
        if case .notANumber(let text) = error.reason { value = text }
        let field = error.sheet.map { "file/\($0)" } ?? "file"
        return Problem(
            .validation, detail: "the file was rejected, nothing was imported: \(error.description)",
            errors: [Problem.FieldError(field: field, message: error.description, line: error.line, column: error.column, value: value)])
    }
}

/// The `plants.import` job: reads an upload (`UploadStore`, purpose `plants.egrid`) and imports it.
/// Payload: `{"upload_id": "…", "file_name": "PLNT23.csv", "year": 2023, "release": "2023 rev. June 2025"}`.
enum PlantImportJob {
    static let name = "plants.import"
    static let uploadPurpose = "plants.egrid"

    struct Payload: Codable, Sendable {
        var uploadId: UUID
        var fileName: String?
        var year: Int?
        var release: String?
    }

    static func kind(_ platform: PlatformServices, store: PlantStore) -> JobKind {
        JobKind(
            name: name, summary: "import an eGRID file (CSV sheet or xlsx workbook) uploaded to /api/v1/plants/imports",
            submitPermission: nil, maxAttempts: 3,
            run: { context in
                let payload = try context.payload(as: Payload.self)
                let uploads = platform.uploads
                guard let upload = try await uploads.find(payload.uploadId), upload.purpose == uploadPurpose,
                    upload.state == .complete
                else {
                    throw Problem(.notFound, detail: "the upload of this import is gone; upload the file again")
                }
                var data = Data()
                data.reserveCapacity(upload.size)
                for try await part in uploads.read(upload.id) { data.append(part) }
                var ownerName = "system"
                if let ownerID = context.job.createdBy, let owner = try await UserRepository(context.database.db).find(id: ownerID) {
                    ownerName = owner.username
                }
                let actor = PlantImportActor(
                    userID: context.job.createdBy, name: ownerName, requestID: "job:\(context.job.id.uuidString.lowercased())",
                    jobID: context.job.id)
                let uploadID = upload.id
                do {
                    let (outcome, plan) = try await PlantImporter.run(
                        PlantImporter.Request(data: data, fileName: payload.fileName ?? upload.filename, year: payload.year, release: payload.release),
                        actor: actor, database: context.database, now: { platform.clock.now },
                        progress: { fraction, message in try await context.progress(fraction, message: message) },
                        alsoInTransaction: { tx in try await uploads.delete(uploadID, on: tx) })
                    let dataset = outcome.dataset
                    if outcome.isNew {
                        store.invalidate()
                        if let plan { store.warm(datasetID: dataset.id, plants: plan.plants, regions: plan.regions) }
                    }
                    return JobOutcome(
                        resultRef: "plants-dataset:\(dataset.id.uuidString.lowercased())",
                        message: outcome.isNew ? "imported " + PlantRepository.summary(dataset)
                            : "unchanged: the same file (sha256 \(dataset.sha256.prefix(12))…) was imported before as \"\(dataset.releaseLabel)\"")
                } catch let problem as Problem {
                    // A rejected file stays rejected: nothing to retry, so the upload goes too.
                    _ = try? await uploads.delete(uploadID)
                    throw problem
                }
            })
    }
}
