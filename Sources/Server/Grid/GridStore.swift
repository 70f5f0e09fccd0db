import FluentKit
import Foundation
import GridModel
import HTTPTypes
import Hummingbird
import Platform
import Storage

/// Reading and changing stored topologies: every change is read → edit → validate → conditional write → audit, in
/// one transaction.
enum GridStore {
    /// The grid named in the path, or 404.
    static func grid(_ context: AppRequestContext, _ platform: PlatformServices, on db: (any Database)? = nil) async throws -> StoredGrid {
        let id = try context.uuid(what: "grid")
        guard let grid = try await GridRepository(db ?? platform.database.db).find(id: id) else { throw Problem.notFound("grid \(id)") }
        return grid
    }

    static func topology(_ grid: StoredGrid) throws -> GridTopology {
        do {
            return try GridTopology.read(json: Data(grid.document.utf8))
        } catch {
            throw Problem(.internal, detail: "the stored topology of grid \(grid.id) cannot be read: \(error)")
        }
    }

    /// `ETag` of a grid version; `If-Match` with another value is a conflict.
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    static func headers(_ grid: StoredGrid, location: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.eTag: etag(grid.version)]
        if let location { headers[.location] = location }
        return headers
    }

    static func checkIfMatch(_ request: Request, _ grid: StoredGrid) throws {
        guard let expected = request.headers[.ifMatch], expected != "*" else { return }
        let versions = expected.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        guard versions.contains(etag(grid.version)) else {
            throw Problem(.conflict, detail: "the grid is at version \(grid.version), not \(expected): reload it and apply your change again")
        }
    }

    /// Applies `edit` to the grid's document and stores the result. `edit` returns where in the document the request
    /// body went (for error paths) and a value for the response. Concurrent edits are retried on the new version
    /// unless the client sent `If-Match`.
    static func change<T: Sendable>(
        _ request: Request, _ context: AppRequestContext, _ platform: PlatformServices, rename: String? = nil,
        detail: @escaping @Sendable (T) -> String,
        _ edit: @escaping @Sendable (inout TopologyEditor) throws -> (documentPath: String?, bodyPointer: String, value: T)
    ) async throws -> (grid: StoredGrid, topology: GridTopology, value: T) {
        let id = try context.uuid(what: "grid")
        for attempt in 1...3 {
            do {
                return try await platform.database.db.transaction { tx in
                    let repository = GridRepository(tx)
                    guard let grid = try await repository.find(id: id) else { throw Problem.notFound("grid \(id)") }
                    try checkIfMatch(request, grid)
                    var editor = try TopologyEditor(document: grid.document)
                    let (path, pointer, value) = try edit(&editor)
                    let (topology, document) = try editor.finish(documentPath: path, bodyPointer: pointer)
                    let updated = try await repository.update(
                        id: id, expectedVersion: grid.version, name: rename, document: document, houseCount: topology.allHouses.count,
                        transformerCount: topology.grids.reduce(0) { $0 + $1.transformers.count }, now: platform.clock.now)
                    try await platform.auditor.record(on: tx, context: context, objectType: "grid", objectID: id.uuidString, detail: detail(value))
                    return (updated, topology, value)
                }
            } catch GridRepository.WriteError.versionChanged(let current) where attempt < 3 && request.headers[.ifMatch] == nil {
                platform.logger.debug("grid changed while editing; retrying", metadata: ["grid": "\(id)", "version": "\(current)"])
                continue
            } catch let error as GridRepository.WriteError {
                throw problem(error)
            }
        }
        throw Problem(.conflict, detail: "the grid kept changing while this edit was applied; try again")
    }

    static func problem(_ error: GridRepository.WriteError) -> Problem {
        switch error {
        case .nameTaken(let name):
            Problem(.conflict, detail: "a grid named \"\(name)\" already exists", errors: [.init(field: "/name", message: "already exists")])
        case .versionChanged(let current): Problem(.conflict, detail: "the grid changed meanwhile (now version \(current)); reload and retry")
        case .notFound: Problem.notFound("grid")
        }
    }

    /// Stores a new grid from a validated document.
    static func create(
        name: String, topology: GridTopology, context: AppRequestContext, platform: PlatformServices, action: String
    ) async throws -> StoredGrid {
        let identity = try context.requireIdentity()
        do {
            return try await platform.database.db.transaction { tx in
                let grid = try await GridRepository(tx).create(
                    name: name, document: topology.jsonString(), houseCount: topology.allHouses.count,
                    transformerCount: topology.grids.reduce(0) { $0 + $1.transformers.count }, createdBy: identity.user.id,
                    now: platform.clock.now)
                try await platform.auditor.record(
                    on: tx, context: context, objectType: "grid", objectID: grid.id.uuidString, detail: name, action: action)
                return grid
            }
        } catch let error as GridRepository.WriteError {
            throw problem(error)
        }
    }

    /// Deletes the grid named in the path (audited); its runs keep their snapshots.
    static func delete(_ context: AppRequestContext, _ platform: PlatformServices) async throws {
        let id = try context.uuid(what: "grid")
        try await platform.database.db.transaction { tx in
            guard try await GridRepository(tx).delete(id: id) else { throw Problem.notFound("grid \(id)") }
            try await platform.auditor.record(on: tx, context: context, objectType: "grid", objectID: id.uuidString)
        }
    }

    /// A valid resource name: 1–200 characters, not blank.
    static func checkName(_ name: String?, field: String = "/name") throws -> String {
        guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            throw Problem.invalid(field, "is required: a name for the grid")
        }
        guard name.count <= 200 else { throw Problem.invalid(field, "is longer than 200 characters") }
        return name
    }
}
