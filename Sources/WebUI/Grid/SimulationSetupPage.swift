import Foundation
import Plot

/// `/grid/simulations/new`: choose the grid, period, weather, sharing and tariffs, then start the run.
public enum SimulationSetupPage {
    public struct Model: Sendable {
        /// (id, name, houses)
        public let grids: [(id: String, name: String, houses: Int)]
        public let selectedGrid: String?
        /// (id, name, description)
        public let weatherFiles: [(id: String, name: String, description: String)]
        public let from: String
        public let to: String

        public init(grids: [(id: String, name: String, houses: Int)], selectedGrid: String?,
                    weatherFiles: [(id: String, name: String, description: String)], from: String, to: String) {
            self.grids = grids
            self.selectedGrid = selectedGrid
            self.weatherFiles = weatherFiles
            self.from = from
            self.to = to
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "New simulation run", context: context, content: .group(
            GridUI.assets(context),
            .p(.class("muted"), .a(.href("/grid"), .text("Grid")), .text(" /")),
            .h1(.text("New simulation run")),
            model.grids.isEmpty ? .p(.class("empty"), .text("Create or import a grid first.")) : form(model, context: context)
        ))
    }

    static func form(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action("/grid/simulations"), .class("stacked run-setup"),
            Layout.csrfField(context),
            .fieldset(
                .element(named: "legend", text: "What and when"),
                GridUI.select("Grid", name: "grid_id", id: "run-grid", options: model.grids.map {
                    Controls.Option($0.id, "\($0.name) (\($0.houses) houses)", selected: $0.id == model.selectedGrid)
                }),
                GridUI.input("Name (optional)", name: "name", id: "run-name"),
                GridUI.input("From", name: "from", id: "run-from", value: model.from, type: "date", required: true),
                GridUI.input("To (exclusive)", name: "to", id: "run-to", value: model.to, type: "date", required: true),
                GridUI.select("Step", name: "step_minutes", id: "run-step", options: [5, 10, 15, 30, 60].map {
                    Controls.Option(String($0), "\($0) min", selected: $0 == 15)
                })
            ),
            .fieldset(
                .element(named: "legend", text: "Weather"),
                GridUI.select("Source", name: "weather", id: "run-weather", options:
                    [Controls.Option("synthetic", "synthetic (seeded clear sky × clearness index)", selected: true)]
                    + model.weatherFiles.map { Controls.Option($0.id, "\($0.name): \($0.description)") }),
                GridUI.input("Seed", name: "seed", id: "run-seed", value: "1", type: "number", hint: "load randomisation and synthetic weather"),
                .div(
                    .class("field"),
                    .label(.for("weather-upload"), .text("Upload a weather file (TMY3, EPW or CSV)")),
                    .input(.type(.file), .id("weather-upload"), .attribute(named: "accept", value: ".csv,.epw,.CSV,.EPW,.txt"),
                           .attribute(named: "data-weather-upload", value: "run-weather")),
                    .small(.class("muted"), .attribute(named: "data-weather-status", value: "true"), .text("Needs JavaScript; the file is read and checked at once."))
                )
            ),
            .fieldset(
                .element(named: "legend", text: "Sharing and batteries"),
                GridUI.select("Strategy", name: "strategy", id: "run-strategy", options: [
                    Controls.Option("pro-rata", "pro rata", selected: true), Controls.Option("equal", "equal share"), Controls.Option("priority", "priority list"),
                ]),
                GridUI.input("Priority list", name: "priority", id: "run-priority", placeholder: "flag:priority, H001, tag:social-tariff",
                             hint: "comma-separated, for the priority strategy"),
                GridUI.select("Scope", name: "scope", id: "run-scope", options: [
                    Controls.Option("transformer", "within each transformer", selected: true), Controls.Option("grid", "across the grid"),
                    Controls.Option("none", "no sharing (baseline)"),
                ]),
                GridUI.select("Battery strategy", name: "battery_strategy", id: "run-battery", options: [
                    Controls.Option("self-consumption", selected: true), Controls.Option("peak-shaving"),
                ]),
                GridUI.input("Peak threshold kW", name: "peak_threshold_kw", id: "run-threshold", type: "number", step: "any",
                             hint: "peak shaving: keep each house's import under this")
            ),
            .fieldset(
                .element(named: "legend", text: "Tariffs and CO2"),
                GridUI.input("Import price per kWh", name: "import_price", id: "run-import", value: "0.35", type: "number", step: "any"),
                GridUI.input("Feed-in price per kWh", name: "feed_in_price", id: "run-feedin", value: "0.08", type: "number", step: "any"),
                GridUI.input("Community price per kWh", name: "community_price", id: "run-community", type: "number", step: "any",
                             hint: "empty: the midpoint of import and feed-in"),
                GridUI.input("Currency", name: "currency", id: "run-currency", value: "EUR"),
                GridUI.input("CO2 kg per kWh imported", name: "co2_kg_per_kwh", id: "run-co2", value: "0.38", type: "number", step: "any"),
                GridUI.input("or the rate of an eGRID subregion", name: "egrid_subregion", id: "run-egrid", placeholder: "ERCT",
                             hint: "filled in: the CO2 output rate of this subregion from the Plants module replaces the number above")
            ),
            .fieldset(
                .element(named: "legend", text: "Outputs"),
                GridUI.select("Detail", name: "detail", id: "run-detail", options: [
                    Controls.Option("aggregates", "transformer and grid series, house totals", selected: true),
                    Controls.Option("full", "also every house's per-step series"),
                ])
            ),
            .button(.type(.submit), .class("primary"), .text("Start run"))
        )
    }
}
