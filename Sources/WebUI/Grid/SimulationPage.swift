import Charts
import Foundation
import Plot

/// `/grid/simulations/{id}`: a run's live progress, then its results — KPI cards, the energy balance, transformer
/// loading over time and as a duration curve, the per-house table — and a comparison with another run.
public enum SimulationPage {
    public struct HouseRow: Sendable {
        public let name: String
        public let transformer: String
        public let load: Double
        public let pv: Double
        public let received: Double
        public let gridImport: Double
        public let gridExport: Double
        public let selfSufficiency: Double?
        public let cost: Double
        public let saving: Double
        public let co2: Double

        public init(name: String, transformer: String, load: Double, pv: Double, received: Double, gridImport: Double, gridExport: Double,
                    selfSufficiency: Double?, cost: Double, saving: Double, co2: Double) {
            self.name = name
            self.transformer = transformer
            self.load = load
            self.pv = pv
            self.received = received
            self.gridImport = gridImport
            self.gridExport = gridExport
            self.selfSufficiency = selfSufficiency
            self.cost = cost
            self.saving = saving
            self.co2 = co2
        }
    }

    public struct KPI: Sendable {
        public let title: String
        public let value: String
        public let detail: String
        public let warn: Bool

        public init(_ title: String, _ value: String, detail: String = "", warn: Bool = false) {
            self.title = title
            self.value = value
            self.detail = detail
            self.warn = warn
        }
    }

    public struct Model: Sendable {
        public let id: String
        public let name: String
        public let gridID: String?
        public let gridName: String
        public let jobID: String
        public let state: String
        public let progress: Double
        public let message: String?
        public let error: String?
        public let parameters: [(String, String)]
        public let notes: [String]
        public let kpis: [KPI]
        public let charts: [Chart]
        public let currency: String
        public let houses: [HouseRow]
        public let others: [(id: String, name: String)]
        public let canCancel: Bool
        public let canDelete: Bool

        public init(id: String, name: String, gridID: String?, gridName: String, jobID: String, state: String, progress: Double,
                    message: String?, error: String?, parameters: [(String, String)], notes: [String], kpis: [KPI], charts: [Chart],
                    currency: String, houses: [HouseRow], others: [(id: String, name: String)], canCancel: Bool, canDelete: Bool) {
            self.id = id
            self.name = name
            self.gridID = gridID
            self.gridName = gridName
            self.jobID = jobID
            self.state = state
            self.progress = progress
            self.message = message
            self.error = error
            self.parameters = parameters
            self.notes = notes
            self.kpis = kpis
            self.charts = charts
            self.currency = currency
            self.houses = houses
            self.others = others
            self.canCancel = canCancel
            self.canDelete = canDelete
        }

        var finished: Bool { ["succeeded", "failed", "cancelled"].contains(state) }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: model.name, context: context, content: .group(
            GridUI.assets(context),
            .p(.class("muted"), .a(.href("/grid"), .text("Grid")), .text(" / "),
               .unwrap(model.gridID) { id in .a(.href("/grid/grids/\(id)"), .text(model.gridName)) }, .text(" /")),
            .h1(.text(model.name)),
            status(model, context: context),
            .details(
                .summary(.text("Parameters")),
                .table(
                    .class("data"),
                    .caption(.class("visually-hidden"), .text("Parameters")),
                    .tbody(.forEach(model.parameters) { key, value in .tr(.th(.text(key)), .td(.text(value))) })
                )
            ),
            .if(!model.notes.isEmpty, .ul(.class("notes"), .forEach(model.notes) { .li(.text($0)) })),
            .if(model.state == "succeeded", results(model, context: context))
        ))
    }

    static func status(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .table(
            .class("data run-status"), .attribute(named: "data-live-jobs", value: "true"),
            .attribute(named: "data-reload-when-finished", value: model.finished ? "false" : "true"),
            .caption(.class("visually-hidden"), .text("Run status")),
            .thead(.tr(.th(.text("State")), .th(.text("Progress")), .th(.text("Message")), .th(.span(.class("visually-hidden"), .text("Actions"))))),
            .tbody(.tr(
                .attribute(named: "data-job-id", value: model.jobID),
                .td(.span(.class("state state-\(model.state)"), .attribute(named: "data-field", value: "state"), .text(model.state))),
                .td(.element(named: "progress", nodes: [
                    .attribute(named: "max", value: "1"), .attribute(named: "value", value: String(model.progress)),
                    .attribute(named: "data-field", value: "progress"), .attribute(named: "aria-label", value: "progress of the run"),
                    .text(Format.percent(model.progress)),
                ])),
                .td(.span(.attribute(named: "data-field", value: "message"), .text(model.error ?? model.message ?? ""))),
                .td(
                    .class("actions"),
                    .if(model.canCancel && !model.finished, .form(
                        .method(.post), .action("/grid/simulations/\(model.id)/cancel"), .class("inline"),
                        Layout.csrfField(context),
                        .button(.type(.submit), .class("small"), .text("Cancel"))
                    )),
                    .if(model.canDelete && model.finished, .form(
                        .method(.post), .action("/grid/simulations/\(model.id)/delete"), .class("inline"),
                        Layout.csrfField(context),
                        .button(.type(.submit), .class("small danger"), .attribute(named: "data-confirm", value: "Delete this run and its results?"),
                                .text("Delete"))
                    ))
                )
            ))
        )
    }

    static func results(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let api = "/api/v1/simulations/\(model.id)"
        return .group(
            .section(
                .class("cards"), .attribute(named: "aria-label", value: "Key figures"),
                .forEach(model.kpis) { GridUI.kpiCard($0.title, $0.value, detail: $0.detail, warn: $0.warn) }
            ),
            .div(
                .class("actions"),
                .a(.class("button"), .href("\(api)/export/kpis.json"), .text("kpis.json")),
                .a(.class("button"), .href("\(api)/export/transformers.csv"), .text("transformers.csv")),
                .a(.class("button"), .href("\(api)/export/grids.csv"), .text("grids.csv")),
                .a(.class("button"), .href("\(api)/export/houses.csv"), .text("houses.csv"))
            ),
            .forEach(model.charts) { chart in .section(.class("card chart-card"), .component(chart)) },
            .if(!model.others.isEmpty, .section(
                .class("card"),
                .h2(.text("Compare with another run")),
                .form(
                    .method(.get), .action("/grid/simulations/\(model.id)/compare"), .class("row"),
                    .label(.for("compare-with"), .text("Run")),
                    Controls.select(name: "with", id: "compare-with", options: model.others.map { Controls.Option($0.id, $0.name) }),
                    .button(.type(.submit), .text("Compare"))
                )
            )),
            .section(
                .h2(.text("Houses")),
                .table(
                    .class("data sortable"),
                    .caption(.text("Per house over the run; select a column heading to sort.")),
                    .thead(.tr(
                        .th(.text("House")), .th(.text("Transformer")), .th(.class("num"), .text("Load kWh")), .th(.class("num"), .text("PV kWh")),
                        .th(.class("num"), .text("Shared in kWh")), .th(.class("num"), .text("Import kWh")), .th(.class("num"), .text("Export kWh")),
                        .th(.class("num"), .text("Self-sufficiency")), .th(.class("num"), .text("Bill \(model.currency)")),
                        .th(.class("num"), .text("Saving \(model.currency)")), .th(.class("num"), .text("CO2 kg"))
                    )),
                    .tbody(.forEach(model.houses) { h in
                        .tr(
                            .td(.text(h.name)), .td(.text(h.transformer)),
                            num(h.load), num(h.pv), num(h.received), num(h.gridImport), num(h.gridExport),
                            .td(.class("num"), .attribute(named: "data-value", value: String(h.selfSufficiency ?? -1)), .text(GridUI.percent(h.selfSufficiency))),
                            num(h.cost, decimals: 2), num(h.saving, decimals: 2), num(h.co2)
                        )
                    })
                )
            )
        )
    }

    static func num(_ value: Double, decimals: Int = 0) -> Node<HTML.TableRowContext> {
        .td(.class("num"), .attribute(named: "data-value", value: String(value)), .text(GridUI.number(value, decimals: decimals)))
    }
}

/// `/grid/simulations/{id}/compare?with=…`: two runs side by side.
public enum SimulationComparePage {
    public struct Row: Sendable {
        public let level: String
        public let name: String
        public let metric: String
        public let base: Double?
        public let candidate: Double?

        public init(level: String, name: String, metric: String, base: Double?, candidate: Double?) {
            self.level = level
            self.name = name
            self.metric = metric
            self.base = base
            self.candidate = candidate
        }
    }

    public struct Model: Sendable {
        public let base: (id: String, name: String)
        public let candidate: (id: String, name: String)
        public let rows: [Row]
        public let charts: [Chart]

        public init(base: (id: String, name: String), candidate: (id: String, name: String), rows: [Row], charts: [Chart]) {
            self.base = base
            self.candidate = candidate
            self.rows = rows
            self.charts = charts
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Comparison", context: context, content: .group(
            GridUI.assets(context),
            .p(.class("muted"), .a(.href("/grid"), .text("Grid")), .text(" / "),
               .a(.href("/grid/simulations/\(model.base.id)"), .text(model.base.name)), .text(" /")),
            .h1(.text("Comparison")),
            .p(.text("Base: "), .a(.href("/grid/simulations/\(model.base.id)"), .text(model.base.name)),
               .text(" · candidate: "), .a(.href("/grid/simulations/\(model.candidate.id)"), .text(model.candidate.name))),
            .table(
                .class("data"),
                .caption(.text("The community in both runs")),
                .thead(.tr(.th(.text("Figure")), .th(.class("num"), .text(model.base.name)), .th(.class("num"), .text(model.candidate.name)),
                           .th(.class("num"), .text("Change")))),
                .tbody(.forEach(headline.compactMap { key, label in model.rows.first { $0.level == "total" && $0.metric == key }.map { ($0, label) } }) { row, label in
                    .tr(.th(.text(label)), headlineCell(row.metric, row.base), headlineCell(row.metric, row.candidate),
                        headlineCell(row.metric, row.base.flatMap { b in row.candidate.map { $0 - b } }, signed: true))
                })
            ),
            .div(.class("compare-charts"), .forEach(model.charts) { chart in .section(.class("card chart-card"), .component(chart)) }),
            .h2(.text("Every figure")),
            .table(
                .class("data sortable"),
                .caption(.text("Key figures of both runs and the change (candidate − base)")),
                .thead(.tr(.th(.text("Level")), .th(.text("Name")), .th(.text("Figure")), .th(.class("num"), .text("Base")),
                           .th(.class("num"), .text("Candidate")), .th(.class("num"), .text("Change")))),
                .tbody(.forEach(model.rows) { row in
                    .tr(
                        .td(.text(row.level)), .td(.text(row.name)), .td(.code(.text(row.metric))),
                        cell(row.base), cell(row.candidate),
                        cell(row.base.flatMap { b in row.candidate.map { $0 - b } }, signed: true)
                    )
                })
            )
        ))
    }

    static let headline: [(String, String)] = [
        ("self_sufficiency", "Self-sufficiency"), ("self_consumption", "Self-consumption"), ("community_share", "Community share"),
        ("import_kwh", "Grid import kWh"), ("export_kwh", "Grid export kWh"), ("received_kwh", "Shared kWh"), ("curtailed_kwh", "Curtailed kWh"),
        ("peak_loading_percent", "Peak transformer loading %"), ("hours_over_capacity", "Hours over capacity"), ("cost", "Bills"),
        ("saving", "Saving by sharing"), ("co2_kg", "CO2 kg"), ("battery_cycles", "Battery cycles"),
    ]

    static func headlineCell(_ metric: String, _ value: Double?, signed: Bool = false) -> Node<HTML.TableRowContext> {
        let ratio = ["self_sufficiency", "self_consumption", "community_share"].contains(metric)
        let text = value.map { v -> String in
            let sign = signed && v > 0 ? "+" : ""
            return ratio ? sign + GridUI.number(v * 100, decimals: 1) + (signed ? " pt" : " %") : sign + GridUI.number(v, decimals: abs(v) < 100 ? 1 : 0)
        } ?? "—"
        return .td(.class("num"), .text(text))
    }

    static func cell(_ value: Double?, signed: Bool = false) -> Node<HTML.TableRowContext> {
        let decimals = value.map { abs($0) < 10 ? 3 : abs($0) < 1000 ? 1 : 0 } ?? 0
        let text = value.map { (signed && $0 > 0 ? "+" : "") + GridUI.number($0, decimals: decimals) } ?? "—"
        return .td(.class("num"), .attribute(named: "data-value", value: value.map { String($0) } ?? ""), .text(text))
    }
}
