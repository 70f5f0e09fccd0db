import Foundation
import Plot

/// One audit entry as pages show it.
public struct AuditRow: Sendable {
    public let at: Date
    public let actor: String
    public let action: String
    public let object: String
    public let outcome: String
    public let detail: String?
    public let requestID: String

    public init(at: Date, actor: String, action: String, object: String, outcome: String, detail: String?, requestID: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.object = object
        self.outcome = outcome
        self.detail = detail
        self.requestID = requestID
    }
}

public enum AuditTable {
    public static func render(_ entries: [AuditRow]) -> Node<HTML.BodyContext> {
        guard !entries.isEmpty else { return .p(.class("empty"), .text("No entries.")) }
        return .table(
            .class("data"),
            .caption(.class("visually-hidden"), .text("Audit entries")),
            .thead(.tr(.th(.text("When")), .th(.text("Who")), .th(.text("Action")), .th(.text("Object")),
                       .th(.text("Outcome")), .th(.text("Detail")), .th(.text("Request")))),
            .tbody(.forEach(entries) { entry in
                .tr(
                    .td(.time(.datetime(Format.isoTimestamp(entry.at)), .text(Format.timestamp(entry.at)))),
                    .td(.text(entry.actor)),
                    .td(.code(.text(entry.action))),
                    .td(.text(entry.object)),
                    .td(.span(.class("outcome outcome-\(entry.outcome)"), .text(entry.outcome))),
                    .td(.text(entry.detail ?? "")),
                    .td(.code(.class("muted"), .text(String(entry.requestID.prefix(8)))))
                )
            })
        )
    }
}
