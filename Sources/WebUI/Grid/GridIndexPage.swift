import Foundation
import Plot

/// One simulation run as lists show it; the row follows its job live (app.js, `data-live-jobs`).
public struct SimulationRow: Sendable {
    public let id: String
    public let jobID: String
    public let name: String
    public let gridName: String
    public let state: String
    public let progress: Double
    public let message: String?
    public let selfSufficiency: Double?
    public let saving: Double?
    public let currency: String
    public let createdAt: Date

    public init(id: String, jobID: String, name: String, gridName: String, state: String, progress: Double, message: String?,
                selfSufficiency: Double?, saving: Double?, currency: String, createdAt: Date) {
        self.id = id
        self.jobID = jobID
        self.name = name
        self.gridName = gridName
        self.state = state
        self.progress = progress
        self.message = message
        self.selfSufficiency = selfSufficiency
        self.saving = saving
        self.currency = currency
        self.createdAt = createdAt
    }
}

/// `/grid`: the stored grids, the latest runs, and forms to create or import a grid.
public enum GridIndexPage {
    public struct GridCard: Sendable {
        public let id: String
        public let name: String
        public let houses: Int
        public let transformers: Int
        public let updatedAt: Date

        public init(id: String, name: String, houses: Int, transformers: Int, updatedAt: Date) {
            self.id = id
            self.name = name
            self.houses = houses
            self.transformers = transformers
            self.updatedAt = updatedAt
        }
    }

    public struct Model: Sendable {
        public let grids: [GridCard]
        public let runs: [SimulationRow]
        public let canWrite: Bool
        public let canRun: Bool

        public init(grids: [GridCard], runs: [SimulationRow], canWrite: Bool, canRun: Bool) {
            self.grids = grids
            self.runs = runs
            self.canWrite = canWrite
            self.canRun = canRun
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Grid", context: context, content: .group(
            GridUI.assets(context),
            .h1(.text("Grid")),
            .p(.class("muted"), .text("Energy communities: transformers and the houses under them, with PV, batteries, EVs and heat pumps; "
                + "simulated over up to a year at 15-minute steps with energy sharing, transformer limits, bills and CO2.")),
            .section(
                .h2(.text("Grids")),
                model.grids.isEmpty ? .p(.class("empty"), .text("No grids yet. Create one below or import a topology document."))
                    : .table(
                        .class("data"),
                        .caption(.class("visually-hidden"), .text("Grids")),
                        .thead(.tr(.th(.text("Name")), .th(.class("num"), .text("Houses")), .th(.class("num"), .text("Transformers")),
                                   .th(.text("Changed")), .th(.span(.class("visually-hidden"), .text("Actions"))))),
                        .tbody(.forEach(model.grids) { grid in
                            .tr(
                                .td(.a(.href("/grid/grids/\(grid.id)"), .text(grid.name))),
                                .td(.class("num"), .text(GridUI.number(Double(grid.houses)))),
                                .td(.class("num"), .text(String(grid.transformers))),
                                .td(.time(.datetime(Format.isoTimestamp(grid.updatedAt)), .text(Format.timestamp(grid.updatedAt)))),
                                .td(.class("actions"),
                                    .a(.href("/api/v1/grids/\(grid.id)/export"), .text("Export JSON")),
                                    .if(model.canRun, .a(.href("/grid/simulations/new?grid=\(grid.id)"), .text("Simulate"))))
                            )
                        })
                    )
            ),
            .section(
                .h2(.text("Simulation runs")),
                .if(model.canRun, .p(.a(.class("button primary"), .href("/grid/simulations/new"), .text("New run")))),
                runsTable(model.runs)
            ),
            .if(model.canWrite, .section(
                .class("card"),
                .h2(.text("Create a grid")),
                .form(
                    .method(.post), .action("/grid/grids"), .class("filters"),
                    Layout.csrfField(context),
                    GridUI.input("Name", name: "name", id: "grid-name", required: true),
                    GridUI.input("Time zone", name: "time_zone", id: "grid-zone", value: "Europe/Berlin", hint: "IANA name"),
                    GridUI.input("Latitude", name: "latitude", id: "grid-lat", type: "number", step: "any"),
                    GridUI.input("Longitude", name: "longitude", id: "grid-lon", type: "number", step: "any"),
                    GridUI.input("First transformer", name: "transformer", id: "grid-tr", value: "T1", required: true),
                    GridUI.input("Capacity (kW)", name: "capacity_kw", id: "grid-cap", value: "250", type: "number", required: true, step: "any"),
                    .button(.type(.submit), .class("primary"), .text("Create"))
                )
            )),
            .if(model.canWrite, .section(
                .class("card"),
                .h2(.text("Import a topology")),
                .p(.class("muted"), .text("Paste a powerhouse.grid/v1 document (see the topology schema); every problem is listed with its path.")),
                .form(
                    .method(.post), .action("/grid/grids/import"), .class("stacked"),
                    Layout.csrfField(context),
                    GridUI.input("Name (default: the document's first grid)", name: "name", id: "import-name"),
                    .label(.for("import-document"), .text("Document (JSON)")),
                    .textarea(.name("document"), .id("import-document"), .attribute(named: "rows", value: "8"), .required(true),
                              .class("code")),
                    .button(.type(.submit), .class("primary"), .text("Import"))
                )
            ))
        ))
    }

    /// Runs with live state and progress.
    public static func runsTable(_ runs: [SimulationRow]) -> Node<HTML.BodyContext> {
        guard !runs.isEmpty else { return .p(.class("empty"), .text("No runs yet.")) }
        return .table(
            .class("data"), .attribute(named: "data-live-jobs", value: "true"),
            .caption(.class("visually-hidden"), .text("Simulation runs")),
            .thead(.tr(.th(.text("Run")), .th(.text("Grid")), .th(.text("State")), .th(.text("Progress")),
                       .th(.class("num"), .text("Self-sufficiency")), .th(.class("num"), .text("Saving")), .th(.text("Started")))),
            .tbody(.forEach(runs) { run in
                .tr(
                    .attribute(named: "data-job-id", value: run.jobID),
                    .td(.a(.href("/grid/simulations/\(run.id)"), .text(run.name))),
                    .td(.text(run.gridName)),
                    .td(.span(.class("state state-\(run.state)"), .attribute(named: "data-field", value: "state"), .text(run.state))),
                    .td(.element(named: "progress", nodes: [
                        .attribute(named: "max", value: "1"), .attribute(named: "value", value: String(run.progress)),
                        .attribute(named: "data-field", value: "progress"),
                        .attribute(named: "aria-label", value: AttributeText.escaped("progress of \(run.name)")),
                        .text(Format.percent(run.progress)),
                    ])),
                    .td(.class("num"), .text(GridUI.percent(run.selfSufficiency))),
                    .td(.class("num"), .text(run.saving.map { GridUI.number($0) + " " + run.currency } ?? "—")),
                    .td(.time(.datetime(Format.isoTimestamp(run.createdAt)), .text(Format.timestamp(run.createdAt))))
                )
            })
        )
    }
}
