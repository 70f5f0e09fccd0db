import Foundation
import Plot

/// One job as pages show it.
public struct JobRow: Sendable {
    public let id: String
    public let kind: String
    public let state: String
    public let progress: Double
    public let message: String?
    public let error: String?
    public let createdAt: Date
    public let owner: String
    public let canCancel: Bool

    public init(id: String, kind: String, state: String, progress: Double, message: String?, error: String?,
                createdAt: Date, owner: String, canCancel: Bool) {
        self.id = id
        self.kind = kind
        self.state = state
        self.progress = progress
        self.message = message
        self.error = error
        self.createdAt = createdAt
        self.owner = owner
        self.canCancel = canCancel
    }
}

/// The jobs table, shared by the overview and the jobs page. `app.js` keeps progress and state live (SSE).
public enum JobsTable {
    public static func render(_ jobs: [JobRow], context: PageContext, showCancel: Bool) -> Node<HTML.BodyContext> {
        guard !jobs.isEmpty else { return .p(.class("empty"), .text("No jobs yet.")) }
        return .table(
            .class("data jobs-table"), .attribute(named: "data-live-jobs", value: "true"),
            .caption(.class("visually-hidden"), .text("Jobs")),
            .thead(.tr(.th(.text("Kind")), .th(.text("State")), .th(.text("Progress")), .th(.text("Message")),
                       .th(.text("Owner")), .th(.text("Created")), .if(showCancel, .th(.span(.class("visually-hidden"), .text("Actions")))))),
            .tbody(.forEach(jobs) { job in
                .tr(
                    .attribute(named: "data-job-id", value: job.id),
                    .td(.code(.text(job.kind))),
                    .td(.span(.class("state state-\(job.state)"), .attribute(named: "data-field", value: "state"), .text(job.state))),
                    .td(.element(named: "progress", nodes: [
                        .attribute(named: "max", value: "1"), .attribute(named: "value", value: String(job.progress)),
                        .attribute(named: "data-field", value: "progress"),
                        .attribute(named: "aria-label", value: "progress of job \(job.kind)"),
                        .text(Format.percent(job.progress)),
                    ])),
                    .td(.span(.attribute(named: "data-field", value: "message"), .text(job.error ?? job.message ?? ""))),
                    .td(.text(job.owner)),
                    .td(.time(.datetime(Format.isoTimestamp(job.createdAt)), .text(Format.timestamp(job.createdAt)))),
                    .if(showCancel, .td(.if(job.canCancel && (job.state == "queued" || job.state == "running"),
                        .form(.method(.post), .action("/jobs/\(job.id)/cancel"), .class("inline"),
                              Layout.csrfField(context),
                              .button(.type(.submit), .class("small"), .text("Cancel"))))))
                )
            })
        )
    }
}
