import FluentKit
import Foundation
import Storage

/// Writes audit entries for requests.
///
/// A change records its success entry with `record(on:…)` using the *same* transaction as the change, so the
/// entry exists exactly when the change does. Refused requests get a `failure` or `denied` entry written on
/// its own by the endpoint wrapper (there is no change to tie it to).
public struct Auditor: Sendable {
    let database: AppDatabase
    let clock: AppClock

    public init(database: AppDatabase, clock: AppClock) {
        self.database = database
        self.clock = clock
    }

    public func record(
        on db: any Database, context: AppRequestContext, objectType: String, objectID: String?, detail: String? = nil,
        action: String? = nil
    ) async throws {
        let identity = context.identity
        let input = AuditRecordInput(
            actorID: identity?.user.id, actorName: identity?.actorName ?? "anonymous",
            action: action ?? context.auditAction ?? "unknown", objectType: objectType, objectID: objectID,
            outcome: .success, requestID: context.requestID, detail: detail, ip: context.clientIP)
        try await AuditRepository(db).record(input, at: clock.now)
        context.auditTrail.recorded = true
    }

    /// Records a refused request. Never throws: failing to audit a refusal must not turn a 4xx into a 500.
    public func recordRefusal(
        context: AppRequestContext, outcome: AuditOutcome, objectType: String, objectID: String?, detail: String,
        actorName: String? = nil, action: String? = nil
    ) async {
        let identity = context.identity
        let input = AuditRecordInput(
            actorID: identity?.user.id, actorName: actorName ?? identity?.actorName ?? "anonymous",
            action: action ?? context.auditAction ?? "unknown", objectType: objectType, objectID: objectID,
            outcome: outcome, requestID: context.requestID, detail: String(detail.prefix(500)), ip: context.clientIP)
        do {
            try await AuditRepository(database.db).record(input, at: clock.now)
        } catch {
            context.logger.error("could not write audit entry", metadata: ["error": "\(error)"])
        }
    }
}
