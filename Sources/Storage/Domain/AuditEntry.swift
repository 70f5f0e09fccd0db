import Foundation

/// Outcome of an audited request.
public enum AuditOutcome: String, Codable, Sendable {
    /// The change was committed; the entry was written in the same transaction.
    case success
    /// The request was refused (validation, conflict, not found); nothing changed.
    case failure
    /// The caller was not allowed to do this; nothing changed.
    case denied
}

/// One line of the audit log: who did what to which object, when, with what outcome.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actorID: UUID?
    public var actorName: String
    public var action: String
    public var objectType: String
    public var objectID: String?
    public var outcome: AuditOutcome
    public var requestID: String
    public var detail: String?
    public var ip: String?

    public init(
        id: Int64, at: Date, actorID: UUID?, actorName: String, action: String, objectType: String,
        objectID: String?, outcome: AuditOutcome, requestID: String, detail: String?, ip: String?
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.outcome = outcome
        self.requestID = requestID
        self.detail = detail
        self.ip = ip
    }
}

/// What to write into the audit log; the repository adds id and time.
public struct AuditRecordInput: Sendable {
    public var actorID: UUID?
    public var actorName: String
    public var action: String
    public var objectType: String
    public var objectID: String?
    public var outcome: AuditOutcome
    public var requestID: String
    public var detail: String?
    public var ip: String?

    public init(
        actorID: UUID?, actorName: String, action: String, objectType: String, objectID: String?,
        outcome: AuditOutcome, requestID: String, detail: String? = nil, ip: String? = nil
    ) {
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.outcome = outcome
        self.requestID = requestID
        self.detail = detail
        self.ip = ip
    }
}
