import FluentKit
import Foundation

/// Filter for listing the audit log.
public struct AuditFilter: Sendable {
    public var actorID: UUID?
    public var action: String?
    public var objectType: String?
    public var objectID: String?
    public var from: Date?
    public var to: Date?

    public init(
        actorID: UUID? = nil, action: String? = nil, objectType: String? = nil, objectID: String? = nil,
        from: Date? = nil, to: Date? = nil
    ) {
        self.actorID = actorID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.from = from
        self.to = to
    }
}

/// The audit log. `record` is called with the same `Database` as the change it describes, inside that
/// change's transaction, so both commit or neither does.
public struct AuditRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    @discardableResult
    public func record(_ input: AuditRecordInput, at: Date) async throws -> AuditEntry {
        let record = AuditRecord()
        record.at = at
        record.actorID = input.actorID
        record.actorName = input.actorName
        record.action = input.action
        record.objectType = input.objectType
        record.objectID = input.objectID
        record.outcome = input.outcome.rawValue
        record.requestID = input.requestID
        record.detail = input.detail
        record.ip = input.ip
        try await record.create(on: db)
        return record.domain
    }

    /// Newest first; `before` is the id of the last entry of the previous page.
    public func list(_ filter: AuditFilter, before: Int64?, limit: Int) async throws -> [AuditEntry] {
        var query = AuditRecord.query(on: db).sort(\.$id, .descending)
        if let before { query = query.filter(\.$id < before) }
        if let actorID = filter.actorID { query = query.filter(\.$actorID == actorID) }
        if let action = filter.action { query = query.filter(\.$action == action) }
        if let objectType = filter.objectType { query = query.filter(\.$objectType == objectType) }
        if let objectID = filter.objectID { query = query.filter(\.$objectID == objectID) }
        if let from = filter.from { query = query.filter(\.$at >= from) }
        if let to = filter.to { query = query.filter(\.$at < to) }
        return try await query.limit(limit).all().map(\.domain)
    }
}
