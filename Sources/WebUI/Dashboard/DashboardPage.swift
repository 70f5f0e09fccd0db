import Foundation
import Plot

/// The overview: is everything healthy, what is running, what changed recently.
public enum DashboardPage {
    public struct Model: Sendable {
        public let database: String
        public let databaseKind: String
        public let migrationsApplied: Int
        public let migrationsPending: Int
        public let jobs: [JobRow]
        public let queued: Int
        public let running: Int
        /// Nil when the viewer may not read the audit log.
        public let audit: [AuditRow]?

        public init(database: String, databaseKind: String, migrationsApplied: Int, migrationsPending: Int, jobs: [JobRow],
                    queued: Int, running: Int, audit: [AuditRow]?) {
            self.database = database
            self.databaseKind = databaseKind
            self.migrationsApplied = migrationsApplied
            self.migrationsPending = migrationsPending
            self.jobs = jobs
            self.queued = queued
            self.running = running
            self.audit = audit
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Overview", context: context, content: .group(
            .h1(.text("Overview")),
            .section(
                .class("cards"), .attribute(named: "aria-label", value: "Health"),
                card("Database", model.databaseKind, detail: model.database),
                card("Migrations", model.migrationsPending == 0 ? "up to date" : "\(model.migrationsPending) pending",
                     detail: "\(model.migrationsApplied) applied", warn: model.migrationsPending > 0),
                card("Jobs queued", String(model.queued), detail: "\(model.running) running")
            ),
            .section(
                .h2(.text("Recent jobs")),
                JobsTable.render(model.jobs, context: context, showCancel: false),
                .p(.a(.href("/jobs"), .text("All jobs →")))
            ),
            .unwrap(model.audit) { entries in
                .section(
                    .h2(.text("Recent changes")),
                    AuditTable.render(entries),
                    .p(.a(.href("/admin/audit"), .text("Audit log →")))
                )
            }
        ))
    }

    static func card(_ title: String, _ value: String, detail: String, warn: Bool = false) -> Node<HTML.BodyContext> {
        .div(
            .class(warn ? "card stat warn" : "card stat"),
            .h3(.text(title)),
            .p(.class("stat-value"), .text(value)),
            .p(.class("stat-detail"), .text(detail))
        )
    }
}
