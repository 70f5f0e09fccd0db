import FluentKit
import Foundation

/// Row of `audit_entries`.
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(custom: .id, generatedBy: .database) public var id: Int64?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_name") public var actorName: String
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @OptionalField(key: "object_id") public var objectID: String?
    @Field(key: "outcome") public var outcome: String
    @Field(key: "request_id") public var requestID: String
    @OptionalField(key: "detail") public var detail: String?
    @OptionalField(key: "ip") public var ip: String?

    public init() {}

    var domain: AuditEntry {
        AuditEntry(
            id: id!, at: at, actorID: actorID, actorName: actorName, action: action, objectType: objectType,
            objectID: objectID, outcome: AuditOutcome(rawValue: outcome) ?? .failure, requestID: requestID,
            detail: detail, ip: ip)
    }
}
