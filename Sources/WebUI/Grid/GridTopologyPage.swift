import Foundation
import Plot

/// `/grid/grids/{id}`: the topology as an SVG tree (grid → transformers → houses with their assets; transformers
/// coloured by their peak loading in the latest run), with forms to edit, add and remove.
public enum GridTopologyPage {
    public struct HouseNode: Sendable {
        public let name: String
        public let transformer: String
        public let type: String
        public let annualKWh: Double
        public let pvKWp: Double
        public let batteryKWh: Double?
        public let ev: Bool
        public let heatPump: Bool
        public let priority: Bool

        public init(name: String, transformer: String, type: String, annualKWh: Double, pvKWp: Double, batteryKWh: Double?, ev: Bool,
                    heatPump: Bool, priority: Bool) {
            self.name = name
            self.transformer = transformer
            self.type = type
            self.annualKWh = annualKWh
            self.pvKWp = pvKWp
            self.batteryKWh = batteryKWh
            self.ev = ev
            self.heatPump = heatPump
            self.priority = priority
        }
    }

    public struct TransformerNode: Sendable {
        public let name: String
        public let capacityKW: Double
        public let kva: Double?
        public let powerFactor: Double?
        /// Peak |flow| as % of capacity in the latest run, if there is one.
        public let loadingPercent: Double?
        public let houses: [HouseNode]

        public init(name: String, capacityKW: Double, kva: Double?, powerFactor: Double?, loadingPercent: Double?, houses: [HouseNode]) {
            self.name = name
            self.capacityKW = capacityKW
            self.kva = kva
            self.powerFactor = powerFactor
            self.loadingPercent = loadingPercent
            self.houses = houses
        }
    }

    public struct InnerGrid: Sendable {
        public let name: String
        public let transformers: [TransformerNode]

        public init(name: String, transformers: [TransformerNode]) {
            self.name = name
            self.transformers = transformers
        }
    }

    public struct Model: Sendable {
        public let id: String
        public let name: String
        public let version: Int
        public let timeZone: String
        public let latitude: Double?
        public let longitude: Double?
        public let grids: [InnerGrid]
        /// Label and value pairs (houses, PV kWp, batteries, …).
        public let totals: [(String, String)]
        /// The run whose loading colours the transformers.
        public let loadingRun: (id: String, name: String)?
        public let runs: [SimulationRow]
        public let canWrite: Bool
        public let canRun: Bool

        public init(id: String, name: String, version: Int, timeZone: String, latitude: Double?, longitude: Double?, grids: [InnerGrid],
                    totals: [(String, String)], loadingRun: (id: String, name: String)?, runs: [SimulationRow], canWrite: Bool, canRun: Bool) {
            self.id = id
            self.name = name
            self.version = version
            self.timeZone = timeZone
            self.latitude = latitude
            self.longitude = longitude
            self.grids = grids
            self.totals = totals
            self.loadingRun = loadingRun
            self.runs = runs
            self.canWrite = canWrite
            self.canRun = canRun
        }

        var transformerNames: [String] { grids.flatMap { $0.transformers.map(\.name) } }
        var houseCount: Int { grids.reduce(0) { $0 + $1.transformers.reduce(0) { $0 + $1.houses.count } } }
    }

    /// Houses drawn per transformer before the drawing says "and N more" (the table lists them all).
    public static let drawnHousesPerTransformer = 400

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: model.name, context: context, content: .group(
            GridUI.assets(context),
            .p(.class("muted"), .a(.href("/grid"), .text("Grid")), .text(" / ")),
            .h1(.text(model.name)),
            .section(
                .class("cards"), .attribute(named: "aria-label", value: "Totals"),
                .forEach(model.totals) { title, value in GridUI.kpiCard(title, value, detail: "") }
            ),
            .div(
                .class("actions"),
                .if(model.canRun, .a(.class("button primary"), .href("/grid/simulations/new?grid=\(model.id)"), .text("Simulate"))),
                .a(.class("button"), .href("/api/v1/grids/\(model.id)/export"), .text("Export JSON")),
                .span(.class("muted"), .text("version \(model.version) · time zone \(model.timeZone)"))
            ),
            .section(
                .h2(.text("Topology")),
                .p(.class("muted"), .text(model.loadingRun.map { "Transformers coloured by peak loading in “\($0.name)”." }
                    ?? "Run a simulation to colour the transformers by their loading.")),
                .div(
                    .class("grid-filter"),
                    .label(.for("house-filter"), .text("Highlight houses")),
                    .input(.type(.search), .id("house-filter"), .attribute(named: "placeholder", value: "name, pv, battery, ev, heat pump…"),
                           .attribute(named: "data-topology-filter", value: "true"))
                ),
                .forEach(model.grids) { grid in .raw(svg(grid, gridID: model.id)) },
                legend()
            ),
            transformersSection(model, context: context),
            housesSection(model, context: context),
            .section(.h2(.text("Runs of this grid")), GridIndexPage.runsTable(model.runs)),
            .if(model.canWrite, settingsSection(model, context: context))
        ))
    }

    // MARK: drawing

    static func loadingClass(_ percent: Double?) -> String {
        guard let percent else { return "loading-none" }
        return percent > 100 ? "loading-over" : percent >= 80 ? "loading-warn" : "loading-ok"
    }

    static func esc(_ text: String) -> String { AttributeText.escaped(text) }

    /// The tree as SVG: the grid on top, its transformers in a row, each transformer's houses in a block below it.
    static func svg(_ grid: InnerGrid, gridID: String) -> String {
        let perRow = 10, cell = 22, column = perRow * cell + 24, top = 130
        let drawn = grid.transformers.map { min($0.houses.count, drawnHousesPerTransformer) }
        let rows = drawn.map { ($0 + perRow - 1) / perRow }.max() ?? 0
        let width = max(360, grid.transformers.count * column + 16)
        let height = top + rows * cell + 40
        let houses = grid.transformers.reduce(0) { $0 + $1.houses.count }
        var out = "<svg class=\"topology\" viewBox=\"0 0 \(width) \(height)\" role=\"group\" aria-label=\""
            + esc("Grid \(grid.name): \(grid.transformers.count) transformers, \(houses) houses") + "\">"
        let rootX = width / 2
        out += "<g class=\"node-grid\"><rect x=\"\(rootX - 90)\" y=\"8\" width=\"180\" height=\"34\" rx=\"6\"/>"
            + "<text x=\"\(rootX)\" y=\"30\" text-anchor=\"middle\">\(esc(grid.name))</text></g>"
        for (t, transformer) in grid.transformers.enumerated() {
            let x0 = 8 + t * column
            let cx = x0 + column / 2
            out += "<line class=\"edge\" x1=\"\(rootX)\" y1=\"42\" x2=\"\(cx)\" y2=\"70\"/>"
            let loading = transformer.loadingPercent.map { " · peak \(Int($0.rounded())) %" } ?? ""
            out += "<g class=\"node-transformer \(loadingClass(transformer.loadingPercent))\" data-transformer=\"\(esc(transformer.name))\">"
                + "<title>\(esc("\(transformer.name): \(fmt(transformer.capacityKW)) kW\(loading), \(transformer.houses.count) houses"))</title>"
                + "<rect x=\"\(cx - 100)\" y=\"70\" width=\"200\" height=\"40\" rx=\"6\"/>"
                + "<text x=\"\(cx)\" y=\"87\" text-anchor=\"middle\">\(esc(transformer.name))</text>"
                + "<text class=\"sub\" x=\"\(cx)\" y=\"103\" text-anchor=\"middle\">\(esc("\(fmt(transformer.capacityKW)) kW\(loading)"))</text></g>"
            if !transformer.houses.isEmpty { out += "<line class=\"edge\" x1=\"\(cx)\" y1=\"110\" x2=\"\(cx)\" y2=\"\(top - 6)\"/>" }
            for (i, house) in transformer.houses.prefix(drawnHousesPerTransformer).enumerated() {
                let x = x0 + 12 + (i % perRow) * cell
                let y = top + (i / perRow) * cell
                var assets: [String] = []
                if house.pvKWp > 0 { assets.append("pv") }
                if house.batteryKWh != nil { assets.append("battery") }
                if house.ev { assets.append("ev") }
                if house.heatPump { assets.append("heat pump") }
                if house.priority { assets.append("priority") }
                let detail = "\(house.name) (\(house.type)): \(fmt(house.annualKWh)) kWh/a"
                    + (house.pvKWp > 0 ? ", PV \(fmt(house.pvKWp)) kWp" : "") + (house.batteryKWh.map { ", battery \(fmt($0)) kWh" } ?? "")
                    + (house.ev ? ", EV" : "") + (house.heatPump ? ", heat pump" : "")
                out += "<a href=\"/grid/grids/\(gridID)/houses/\(GridUI.path(house.name))\" class=\"node-house house-\(esc(house.type))\""
                    + " data-house=\"\(esc(house.name))\" data-assets=\"\(esc(assets.joined(separator: " ")))\" aria-label=\"\(esc(detail))\">"
                    + "<title>\(esc(detail))</title><rect class=\"body\" x=\"\(x)\" y=\"\(y)\" width=\"18\" height=\"18\" rx=\"3\"/>"
                if house.pvKWp > 0 { out += "<rect class=\"pv\" x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"14\" height=\"4\"/>" }
                if house.batteryKWh != nil { out += "<rect class=\"battery\" x=\"\(x + 2)\" y=\"\(y + 12)\" width=\"14\" height=\"4\"/>" }
                if house.ev { out += "<circle class=\"ev\" cx=\"\(x + 5)\" cy=\"\(y + 9)\" r=\"2\"/>" }
                if house.heatPump { out += "<circle class=\"heat-pump\" cx=\"\(x + 13)\" cy=\"\(y + 9)\" r=\"2\"/>" }
                out += "</a>"
            }
            if transformer.houses.count > drawnHousesPerTransformer {
                out += "<text class=\"sub\" x=\"\(cx)\" y=\"\(height - 12)\" text-anchor=\"middle\">"
                    + "and \(transformer.houses.count - drawnHousesPerTransformer) more (see the table)</text>"
            }
        }
        return out + "</svg>"
    }

    static func fmt(_ value: Double) -> String { GridUI.number(value, decimals: value == value.rounded() ? 0 : 1) }

    static func legend() -> Node<HTML.BodyContext> {
        .ul(
            .class("topology-legend"),
            .li(.span(.class("swatch loading-ok")), .text("transformer below 80 % at peak")),
            .li(.span(.class("swatch loading-warn")), .text("80–100 %")),
            .li(.span(.class("swatch loading-over")), .text("over capacity")),
            .li(.span(.class("swatch pv")), .text("PV (top bar)")),
            .li(.span(.class("swatch battery")), .text("battery (bottom bar)")),
            .li(.span(.class("swatch ev")), .text("EV (left dot)")),
            .li(.span(.class("swatch heat-pump")), .text("heat pump (right dot)"))
        )
    }

    // MARK: forms

    static func transformersSection(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Transformers")),
            .table(
                .class("data"),
                .caption(.class("visually-hidden"), .text("Transformers")),
                .thead(.tr(.th(.text("Name")), .th(.class("num"), .text("Capacity kW")), .th(.class("num"), .text("Houses")),
                           .th(.class("num"), .text("Peak loading")), .if(model.canWrite, .th(.span(.class("visually-hidden"), .text("Actions")))))),
                .tbody(.forEach(model.grids.flatMap(\.transformers)) { t in
                    .tr(
                        .td(.text(t.name)),
                        .td(.class("num"), .text(fmt(t.capacityKW))),
                        .td(.class("num"), .text(String(t.houses.count))),
                        .td(.class("num"), .span(.class(loadingClass(t.loadingPercent)), .text(t.loadingPercent.map { GridUI.number($0, decimals: 1) + " %" } ?? "—"))),
                        .if(model.canWrite, .td(
                            .class("actions"),
                            .details(
                                .summary(.text("Edit")),
                                .form(
                                    .method(.post), .action("/grid/grids/\(model.id)/transformers/\(GridUI.path(t.name))"), .class("filters"),
                                    Layout.csrfField(context),
                                    GridUI.input("Name", name: "name", id: "tr-name-\(t.name)", value: t.name, required: true),
                                    GridUI.input("Capacity kW", name: "capacity_kw", id: "tr-cap-\(t.name)", value: GridUI.field(t.capacityKW),
                                                 type: "number", required: true, step: "any"),
                                    GridUI.input("kVA", name: "kva", id: "tr-kva-\(t.name)", value: GridUI.field(t.kva), type: "number", step: "any"),
                                    GridUI.input("Power factor", name: "power_factor", id: "tr-pf-\(t.name)", value: GridUI.field(t.powerFactor),
                                                 type: "number", step: "any"),
                                    .button(.type(.submit), .class("small"), .text("Save"))
                                )
                            ),
                            .form(
                                .method(.post), .action("/grid/grids/\(model.id)/transformers/\(GridUI.path(t.name))/delete"), .class("inline"),
                                Layout.csrfField(context),
                                .input(.type(.hidden), .name("cascade"), .value("true")),
                                .button(.type(.submit), .class("small danger"),
                                        .attribute(named: "data-confirm", value: esc("Remove \(t.name) and its \(t.houses.count) houses?")),
                                        .text("Remove"))
                            )
                        ))
                    )
                })
            ),
            .if(model.canWrite, .form(
                .method(.post), .action("/grid/grids/\(model.id)/transformers"), .class("filters"),
                Layout.csrfField(context),
                GridUI.input("New transformer", name: "name", id: "new-tr-name", required: true),
                GridUI.input("Capacity kW", name: "capacity_kw", id: "new-tr-cap", type: "number", required: true, step: "any"),
                .if(model.grids.count > 1, GridUI.select("Grid", name: "grid", id: "new-tr-grid",
                                                         options: model.grids.map { Controls.Option($0.name) })),
                .button(.type(.submit), .text("Add transformer"))
            ))
        )
    }

    static func houseTypeOptions(selected: String = "residential") -> [Controls.Option] {
        ["residential", "commercial", "agricultural", "other"].map { Controls.Option($0, selected: $0 == selected) }
    }

    static func housesSection(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let houses = model.grids.flatMap { $0.transformers.flatMap(\.houses) }
        return .section(
            .h2(.text("Houses (\(houses.count))")),
            .if(model.canWrite, .div(
                .class("cards"),
                .div(
                    .class("card"),
                    .h3(.text("Add a house")),
                    .form(
                        .method(.post), .action("/grid/grids/\(model.id)/houses"), .class("filters"),
                        Layout.csrfField(context),
                        GridUI.input("Name", name: "name", id: "new-house-name", required: true),
                        GridUI.select("Transformer", name: "transformer", id: "new-house-tr", options: model.transformerNames.map { Controls.Option($0) }),
                        GridUI.select("Type", name: "type", id: "new-house-type", options: houseTypeOptions()),
                        GridUI.input("Annual kWh", name: "annual_consumption_kwh", id: "new-house-kwh", value: "3500", type: "number", required: true, step: "any"),
                        GridUI.input("PV kWp", name: "pv_kwp", id: "new-house-pv", type: "number", step: "any"),
                        GridUI.input("Battery kWh", name: "battery_kwh", id: "new-house-bat", type: "number", step: "any"),
                        .button(.type(.submit), .text("Add house"))
                    )
                ),
                .div(
                    .class("card"),
                    .h3(.text("Bulk add")),
                    .form(
                        .method(.post), .action("/grid/grids/\(model.id)/houses/bulk"), .class("filters"),
                        Layout.csrfField(context),
                        GridUI.input("How many", name: "count", id: "bulk-count", value: "10", type: "number", required: true),
                        GridUI.input("Name prefix", name: "name_prefix", id: "bulk-prefix", value: "H", required: true),
                        GridUI.select("Transformer", name: "transformer", id: "bulk-tr", options: model.transformerNames.map { Controls.Option($0) }),
                        GridUI.select("Type", name: "type", id: "bulk-type", options: houseTypeOptions()),
                        GridUI.input("Annual kWh", name: "annual_consumption_kwh", id: "bulk-kwh", value: "3500", type: "number", required: true, step: "any"),
                        GridUI.input("PV kWp", name: "pv_kwp", id: "bulk-pv", type: "number", step: "any"),
                        GridUI.input("Battery kWh", name: "battery_kwh", id: "bulk-bat", type: "number", step: "any"),
                        .button(.type(.submit), .text("Add houses"))
                    )
                )
            )),
            .table(
                .class("data sortable"),
                .caption(.class("visually-hidden"), .text("Houses")),
                .thead(.tr(.th(.text("House")), .th(.text("Transformer")), .th(.text("Type")), .th(.class("num"), .text("kWh/a")),
                           .th(.class("num"), .text("PV kWp")), .th(.class("num"), .text("Battery kWh")), .th(.text("EV")), .th(.text("Heat pump")))),
                .tbody(.forEach(houses) { h in
                    .tr(
                        .attribute(named: "data-house-row", value: esc(h.name)),
                        .td(.a(.href("/grid/grids/\(model.id)/houses/\(GridUI.path(h.name))"), .text(h.name))),
                        .td(.text(h.transformer)), .td(.text(h.type)),
                        .td(.class("num"), .text(GridUI.number(h.annualKWh))),
                        .td(.class("num"), .text(h.pvKWp > 0 ? fmt(h.pvKWp) : "")),
                        .td(.class("num"), .text(h.batteryKWh.map(fmt) ?? "")),
                        .td(.text(h.ev ? "yes" : "")), .td(.text(h.heatPump ? "yes" : ""))
                    )
                })
            )
        )
    }

    static func settingsSection(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("Grid settings")),
            .form(
                .method(.post), .action("/grid/grids/\(model.id)/settings"), .class("filters"),
                Layout.csrfField(context),
                GridUI.input("Name", name: "name", id: "set-name", value: model.name, required: true),
                GridUI.input("Time zone", name: "time_zone", id: "set-zone", value: model.timeZone, required: true),
                GridUI.input("Latitude", name: "latitude", id: "set-lat", value: GridUI.field(model.latitude), type: "number", step: "any"),
                GridUI.input("Longitude", name: "longitude", id: "set-lon", value: GridUI.field(model.longitude), type: "number", step: "any"),
                .button(.type(.submit), .text("Save"))
            ),
            .form(
                .method(.post), .action("/grid/grids/\(model.id)/delete"), .class("inline"),
                Layout.csrfField(context),
                .button(.type(.submit), .class("danger"),
                        .attribute(named: "data-confirm", value: esc("Delete the grid \(model.name)? Its runs keep their own copies.")),
                        .text("Delete grid"))
            )
        )
    }
}
