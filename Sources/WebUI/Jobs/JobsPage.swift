import Plot

/// All jobs the viewer may see, live, with cancel buttons and (where allowed) a demo job to try the machinery.
public enum JobsPage {
    public struct Model: Sendable {
        public let jobs: [JobRow]
        public let nextPage: String?
        /// Kinds the viewer may submit from this page (`demo.sleep`, `maintenance.vacuum`).
        public let submittableKinds: [(name: String, summary: String)]

        public init(jobs: [JobRow], nextPage: String?, submittableKinds: [(name: String, summary: String)]) {
            self.jobs = jobs
            self.nextPage = nextPage
            self.submittableKinds = submittableKinds
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Jobs", context: context, content: .group(
            .h1(.text("Jobs")),
            .if(!model.submittableKinds.isEmpty, .section(
                .class("card"),
                .h2(.text("Start a job")),
                .form(
                    .method(.post), .action("/jobs"), .class("row"),
                    Layout.csrfField(context),
                    .label(.for("kind"), .text("Kind")),
                    Controls.select(name: "kind", id: "kind", options: model.submittableKinds.map { kind in
                        Controls.Option(kind.name, "\(kind.name) — \(kind.summary)")
                    }),
                    .button(.type(.submit), .class("primary"), .text("Start"))
                )
            )),
            JobsTable.render(model.jobs, context: context, showCancel: true),
            .unwrap(model.nextPage) { next in .p(.a(.href(next), .text("Older jobs →"))) }
        ))
    }
}
