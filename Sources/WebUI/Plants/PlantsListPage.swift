import Foundation
import Plot

/// `/plants/list`: the plants of a year as a sortable, filterable, paged table, with CSV and GeoJSON links.
public enum PlantsListPage {
    public struct Row: Sendable {
        public let id: String
        public let orispl: Int
        public let name: String
        public let state: String
        public let operatorName: String?
        public let fuelCategory: String?
        public let primaryFuel: String?
        public let subregion: String?
        public let capacityMW: Double?
        public let capacityFactor: Double?
        public let generationMWh: Double?
        public let co2Tons: Double?
        public let co2Rate: Double?

        public init(id: String, orispl: Int, name: String, state: String, operatorName: String?, fuelCategory: String?,
                    primaryFuel: String?, subregion: String?, capacityMW: Double?, capacityFactor: Double?, generationMWh: Double?,
                    co2Tons: Double?, co2Rate: Double?) {
            self.id = id
            self.orispl = orispl
            self.name = name
            self.state = state
            self.operatorName = operatorName
            self.fuelCategory = fuelCategory
            self.primaryFuel = primaryFuel
            self.subregion = subregion
            self.capacityMW = capacityMW
            self.capacityFactor = capacityFactor
            self.generationMWh = generationMWh
            self.co2Tons = co2Tons
            self.co2Rate = co2Rate
        }
    }

    public struct Model: Sendable {
        public let selection: PlantsUI.Selection
        public let sources: [PlantsUI.Source]
        public let filters: PlantsMapPage.Filters
        public let choices: PlantsMapPage.Choices
        public let sort: String
        public let descending: Bool
        public let rows: [Row]
        public let total: Int
        public let offset: Int
        public let pageSize: Int

        public init(selection: PlantsUI.Selection, sources: [PlantsUI.Source], filters: PlantsMapPage.Filters,
                    choices: PlantsMapPage.Choices, sort: String, descending: Bool, rows: [Row], total: Int, offset: Int, pageSize: Int) {
            self.selection = selection
            self.sources = sources
            self.filters = filters
            self.choices = choices
            self.sort = sort
            self.descending = descending
            self.rows = rows
            self.total = total
            self.offset = offset
            self.pageSize = pageSize
        }
    }

    static let columns: [(key: String?, title: String, numeric: Bool)] = [
        ("name", "Plant", false), ("state", "State", false), (nil, "Operator", false), (nil, "Fuel", false),
        (nil, "Subregion", false), ("capacity", "Capacity (MW)", true), ("capacity_factor", "Capacity factor", true),
        ("net_generation", "Net generation (MWh)", true), ("co2", "CO₂ (tons)", true), ("co2_rate", "CO₂ rate (lb/MWh)", true),
    ]

    public static func render(_ model: Model, context: PageContext) -> String {
        let base: [(String, String?)] = [("year", model.selection.year.map(String.init)), ("release", model.selection.release)]
            + model.filters.parameters
        func sortLink(_ key: String) -> String {
            let descending = model.sort == key ? !model.descending : ["capacity", "net_generation", "co2", "co2_rate", "capacity_factor"].contains(key)
            return PlantsUI.link("/plants/list", base + [("sort", key), ("order", descending ? "desc" : "asc")])
        }
        func pageLink(_ offset: Int) -> String {
            PlantsUI.link("/plants/list", base + [("sort", model.sort), ("order", model.descending ? "desc" : "asc"), ("offset", String(offset))])
        }
        let apiQuery = PlantsUI.link("", base).dropFirst(0)
        return PlantsUI.page("Plants", context: context, .group(
            .h1(.text("Plants \(model.selection.year.map(String.init) ?? "")")),
            PlantsUI.banner(model.sources),
            PlantsMapPage.filterForm(filters: model.filters, choices: model.choices, selection: model.selection, action: "/plants/list",
                                     extra: [("sort", model.sort), ("order", model.descending ? "desc" : "asc")]),
            .p(.class("muted"),
               .text("\(PlantsUI.number(Double(model.total), decimals: 0)) plants. Download: "),
               .a(.href("/api/v1/plants/export.csv" + apiQuery), .text("CSV (eGRID codes)")), .text(" · "),
               .a(.href("/api/v1/plants/geojson" + apiQuery), .text("GeoJSON"))),
            model.rows.isEmpty ? .p(.class("empty"), .text("No plant matches the filters.")) : .table(
                .class("data plants-table"),
                .caption(.class("visually-hidden"), .text("Plants")),
                .thead(.tr(.forEach(columns) { column in
                    .th(.if(column.numeric, .class("num")),
                        .attribute(named: "aria-sort", value: column.key == model.sort ? (model.descending ? "descending" : "ascending") : "none"),
                        .unwrap(column.key, { key in .a(.href(sortLink(key)), .text(column.title)) }, else: .text(column.title)))
                })),
                .tbody(.forEach(model.rows) { row in
                    .tr(
                        .td(.a(.href(PlantsUI.link("/plants/plant/\(row.id)", [("release", model.selection.release)])), .text(row.name))),
                        .td(.text(row.state)), .td(.text(row.operatorName ?? "—")),
                        .td(.span(.class("swatch c-\(PlantsUI.color(fuelCategory: row.fuelCategory).rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                            .text(" " + PlantsUI.fuelLabel(row.fuelCategory) + (row.primaryFuel.map { " (\($0))" } ?? ""))),
                        .td(.text(row.subregion ?? "—")),
                        .td(.class("num"), .text(PlantsUI.number(row.capacityMW, decimals: 1))),
                        .td(.class("num"), .text(PlantsUI.percent(row.capacityFactor))),
                        .td(.class("num"), .text(PlantsUI.number(row.generationMWh, decimals: 0))),
                        .td(.class("num"), .text(PlantsUI.number(row.co2Tons, decimals: 0))),
                        .td(.class("num"), .text(PlantsUI.number(row.co2Rate, decimals: 1))))
                })
            ),
            .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
                 .if(model.offset > 0, .a(.href(pageLink(max(0, model.offset - model.pageSize))), .text("← Previous"))),
                 .span(.class("muted"), .text(model.total == 0 ? "" : " \(model.offset + 1)–\(min(model.offset + model.pageSize, model.total)) of \(model.total) ")),
                 .if(model.offset + model.pageSize < model.total, .a(.href(pageLink(model.offset + model.pageSize)), .text("Next →"))))
        ))
    }
}
