import FluentKit
import Foundation

/// What an import job left behind besides its series: the report (settings, counts, DST handling) and the
/// skipped-row CSV. Written in the job's final transaction with the series.
public struct SeriesImportSummary: Sendable, Equatable {
    public var jobID: UUID
    public var ownerID: UUID?
    public var filename: String?
    /// JSON of the import report without its issue list.
    public var reportJSON: String
    public var seriesCount: Int
    public var pointCount: Int
    public var createdAt: Date
}

public struct SeriesImportRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func save(
        jobID: UUID, ownerID: UUID?, filename: String?, reportJSON: String, skippedCSV: Data, seriesCount: Int,
        pointCount: Int, now: Date
    ) async throws {
        let record = SeriesImportRecord()
        record.id = jobID
        record.ownerID = ownerID
        record.filename = filename.map { String($0.prefix(255)) }
        record.report = reportJSON
        record.skippedCSV = skippedCSV
        record.seriesCount = seriesCount
        record.pointCount = Int64(pointCount)
        record.createdAt = now
        try await record.create(on: db)
    }

    public func find(jobID: UUID) async throws -> SeriesImportSummary? {
        guard let record = try await SeriesImportRecord.query(on: db).filter(\.$id == jobID)
            .field(\.$id).field(\.$ownerID).field(\.$filename).field(\.$report).field(\.$seriesCount)
            .field(\.$pointCount).field(\.$createdAt).first()
        else { return nil }
        return SeriesImportSummary(
            jobID: record.id!, ownerID: record.ownerID, filename: record.filename, reportJSON: record.report,
            seriesCount: record.seriesCount, pointCount: Int(record.pointCount), createdAt: record.createdAt)
    }

    public func skippedCSV(jobID: UUID) async throws -> Data? {
        try await SeriesImportRecord.query(on: db).filter(\.$id == jobID).field(\.$id).field(\.$skippedCSV).first()?.skippedCSV
    }
}
