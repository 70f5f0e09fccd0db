import FluentKit
import Foundation
import SQLKit

/// Stored topologies. Every change replaces the whole document and bumps `version`, guarded by the version the
/// caller read (optimistic locking): two edits of the same grid never silently overwrite each other.
public struct GridRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public enum WriteError: Error, Equatable {
        /// Another grid already has this name (names are unique regardless of case).
        case nameTaken(String)
        /// The grid changed since it was read (its version is no longer the expected one).
        case versionChanged(current: Int)
        case notFound
    }

    public func create(
        id: UUID = UUID(), name: String, document: String, houseCount: Int, transformerCount: Int, createdBy: UUID?, now: Date
    ) async throws -> StoredGrid {
        if try await find(name: name) != nil { throw WriteError.nameTaken(name) }
        let record = GridRecord()
        record.id = id
        record.name = name
        record.nameKey = name.lowercased()
        record.document = document
        record.version = 1
        record.houseCount = houseCount
        record.transformerCount = transformerCount
        record.createdBy = createdBy
        record.createdAt = now
        record.updatedAt = now
        do {
            try await record.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw WriteError.nameTaken(name)
        }
        return record.domain
    }

    public func find(id: UUID) async throws -> StoredGrid? {
        try await GridRecord.find(id, on: db)?.domain
    }

    public func find(name: String) async throws -> StoredGrid? {
        try await GridRecord.query(on: db).filter(\.$nameKey == name.lowercased()).first()?.domain
    }

    /// Grids by name (case-insensitive order), without their documents (`document` is empty): lists stay cheap
    /// however large the topologies. `after` is the name key of the last grid of the previous page.
    public func list(search: String? = nil, after: String? = nil, limit: Int) async throws -> [StoredGrid] {
        var query = db.sql.select()
            .columns("id", "name", "version", "house_count", "transformer_count", "created_by", "created_at", "updated_at")
            .from(GridRecord.schema)
        if let after { query = query.where("name_key", .greaterThan, SQLBind(after)) }
        if let search = search?.lowercased(), !search.isEmpty {
            query = query.where(SQLColumn("name_key"), .like, SQLBind("%\(search)%"))
        }
        return try await query.orderBy("name_key").limit(limit).all().map { row in
            StoredGrid(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self), document: "",
                version: try row.decode(column: "version", as: Int.self), houseCount: try row.decode(column: "house_count", as: Int.self),
                transformerCount: try row.decode(column: "transformer_count", as: Int.self),
                createdBy: try row.decode(column: "created_by", as: UUID?.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self))
        }
    }

    /// Replaces the document (and optionally the name) if the stored version is still `expectedVersion`.
    public func update(
        id: UUID, expectedVersion: Int, name: String? = nil, document: String, houseCount: Int, transformerCount: Int, now: Date
    ) async throws -> StoredGrid {
        guard let record = try await GridRecord.find(id, on: db) else { throw WriteError.notFound }
        guard record.version == expectedVersion else { throw WriteError.versionChanged(current: record.version) }
        if let name, name.lowercased() != record.nameKey, let other = try await find(name: name), other.id != id {
            throw WriteError.nameTaken(name)
        }
        // The version in the WHERE clause makes the write conditional even between two PostgreSQL connections.
        var update = db.sql.update(GridRecord.schema)
            .set("document", to: SQLBind(document)).set("version", to: SQLBind(expectedVersion + 1))
            .set("house_count", to: SQLBind(houseCount)).set("transformer_count", to: SQLBind(transformerCount))
            .set("updated_at", to: SQLBind(now))
        if let name { update = update.set("name", to: SQLBind(name)).set("name_key", to: SQLBind(name.lowercased())) }
        do {
            try await update.where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(expectedVersion)).run()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw WriteError.nameTaken(name ?? record.name)
        }
        guard let updated = try await find(id: id) else { throw WriteError.notFound }
        guard updated.version == expectedVersion + 1, updated.document == document else {
            throw WriteError.versionChanged(current: updated.version)
        }
        return updated
    }

    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        guard let record = try await GridRecord.find(id, on: db) else { return false }
        try await record.delete(on: db)
        return true
    }

    public func count() async throws -> Int { try await GridRecord.query(on: db).count() }
}

/// Uploaded weather files.
public struct GridWeatherRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func create(
        id: UUID = UUID(), name: String, format: String, content: Data, description: String, latitude: Double?, longitude: Double?,
        createdBy: UUID?, now: Date
    ) async throws -> StoredWeather {
        let record = GridWeatherRecord()
        record.id = id
        record.name = name
        record.format = format
        record.content = content
        record.size = Int64(content.count)
        record.description = description
        record.latitude = latitude
        record.longitude = longitude
        record.createdBy = createdBy
        record.createdAt = now
        try await record.create(on: db)
        return StoredWeather(
            id: id, name: name, format: format, size: content.count, description: description, latitude: latitude,
            longitude: longitude, createdBy: createdBy, createdAt: now)
    }

    /// Newest first, without contents.
    public func list(limit: Int) async throws -> [StoredWeather] {
        try await summaries().orderBy("created_at", .descending).orderBy("id", .descending).limit(limit).all().map(Self.domain)
    }

    public func find(id: UUID) async throws -> StoredWeather? {
        try await summaries().where("id", .equal, SQLBind(id)).first().map(Self.domain)
    }

    private func summaries() -> SQLSelectBuilder {
        db.sql.select()
            .columns("id", "name", "format", "size", "description", "latitude", "longitude", "created_by", "created_at")
            .from(GridWeatherRecord.schema)
    }

    public func content(id: UUID) async throws -> Data? {
        try await GridWeatherRecord.find(id, on: db)?.content
    }

    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        guard let record = try await GridWeatherRecord.find(id, on: db) else { return false }
        try await record.delete(on: db)
        return true
    }

    static func domain(_ row: any SQLRow) throws -> StoredWeather {
        StoredWeather(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            format: try row.decode(column: "format", as: String.self), size: Int(try row.decode(column: "size", as: Int64.self)),
            description: try row.decode(column: "description", as: String.self),
            latitude: try row.decode(column: "latitude", as: Double?.self), longitude: try row.decode(column: "longitude", as: Double?.self),
            createdBy: try row.decode(column: "created_by", as: UUID?.self), createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
