import FluentKit
import Foundation
import SQLKit

/// Uploads and their parts. Parts are written one by one as they arrive (never one long transaction, which
/// would hold SQLite's single writer for the whole transfer) and read back one at a time, so neither side
/// ever holds more than one part in memory.
public struct UploadRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func create(
        id: UUID = UUID(), ownerID: UUID?, purpose: String, filename: String?, contentType: String?, now: Date
    ) async throws -> Upload {
        let record = UploadRecord()
        record.id = id
        record.ownerID = ownerID
        record.purpose = purpose
        record.filename = filename.map { String($0.prefix(255)) }
        record.contentType = contentType.map { String($0.prefix(255)) }
        record.state = Upload.State.receiving.rawValue
        record.size = 0
        record.partCount = 0
        record.createdAt = now
        try await record.create(on: db)
        return record.domain
    }

    /// Stores part `index` (0-based) of an upload.
    public func appendPart(uploadID: UUID, index: Int, bytes: [UInt8]) async throws {
        try await db.sql.insert(into: "upload_parts")
            .columns("upload_id", "part", "data")
            .values(SQLBind(uploadID), SQLBind(index), SQLBind(Data(bytes)))
            .run()
    }

    public func complete(id: UUID, size: Int, sha256: String, partCount: Int, now: Date) async throws -> Upload? {
        guard let record = try await UploadRecord.find(id, on: db) else { return nil }
        record.state = Upload.State.complete.rawValue
        record.size = Int64(size)
        record.sha256 = sha256
        record.partCount = partCount
        record.completedAt = now
        try await record.update(on: db)
        return record.domain
    }

    public func find(id: UUID) async throws -> Upload? {
        try await UploadRecord.find(id, on: db)?.domain
    }

    /// The bytes of part `index`, or nil when there is no such part.
    public func part(uploadID: UUID, index: Int) async throws -> Data? {
        let row = try await db.sql.select().column("data").from("upload_parts")
            .where("upload_id", .equal, SQLBind(uploadID)).where("part", .equal, SQLBind(index))
            .first()
        return try row?.decode(column: "data", as: Data.self)
    }

    /// Removes an upload and its parts; true when it existed.
    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        try await db.sql.delete(from: "upload_parts").where("upload_id", .equal, SQLBind(id)).run()
        guard let record = try await UploadRecord.find(id, on: db) else { return false }
        try await record.delete(on: db)
        return true
    }

    /// Removes uploads created before `before`: left over by a lost request, or by an import that never ran to
    /// success. Returns how many.
    @discardableResult
    public func deleteCreated(before: Date) async throws -> Int {
        let stale = try await UploadRecord.query(on: db).filter(\.$createdAt < before).all()
        for record in stale { try await delete(id: record.id!) }
        return stale.count
    }
}
