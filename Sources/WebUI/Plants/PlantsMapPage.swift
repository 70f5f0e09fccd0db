import Foundation
import Plot

/// `/plants`: the plant map with filters, the year's totals and the largest emitters.
public enum PlantsMapPage {
    public struct Filters: Sendable {
        public var state: String?
        public var fuelCategory: String?
        public var minCapacity: String?
        public var balancingAuthority: String?
        public var subregion: String?
        public var nerc: String?
        public var text: String?

        public init(state: String? = nil, fuelCategory: String? = nil, minCapacity: String? = nil, balancingAuthority: String? = nil,
                    subregion: String? = nil, nerc: String? = nil, text: String? = nil) {
            self.state = state
            self.fuelCategory = fuelCategory
            self.minCapacity = minCapacity
            self.balancingAuthority = balancingAuthority
            self.subregion = subregion
            self.nerc = nerc
            self.text = text
        }

        /// Query parameters as the API and the pages name them.
        public var parameters: [(String, String?)] {
            [("state", state), ("fuel_category", fuelCategory), ("min_capacity", minCapacity), ("ba", balancingAuthority),
             ("subregion", subregion), ("nerc", nerc), ("q", text)]
        }
    }

    /// Choices for the filter drop-downs (from the year's plants).
    public struct Choices: Sendable {
        public let states: [String]
        public let balancingAuthorities: [String]
        public let subregions: [String]
        public let nercRegions: [String]

        public init(states: [String], balancingAuthorities: [String], subregions: [String], nercRegions: [String]) {
            self.states = states
            self.balancingAuthorities = balancingAuthorities
            self.subregions = subregions
            self.nercRegions = nercRegions
        }
    }

    public struct Totals: Sendable {
        public let plants: Int
        public let capacityMW: Double?
        public let generationMWh: Double?
        public let co2Tons: Double?
        public let co2RateLbPerMWh: Double?

        public init(plants: Int, capacityMW: Double?, generationMWh: Double?, co2Tons: Double?, co2RateLbPerMWh: Double?) {
            self.plants = plants
            self.capacityMW = capacityMW
            self.generationMWh = generationMWh
            self.co2Tons = co2Tons
            self.co2RateLbPerMWh = co2RateLbPerMWh
        }
    }

    public struct RankedPlant: Sendable {
        public let id: String
        public let name: String
        public let state: String
        public let fuelCategory: String?
        public let value: Double
        public let rate: Double?

        public init(id: String, name: String, state: String, fuelCategory: String?, value: Double, rate: Double?) {
            self.id = id
            self.name = name
            self.state = state
            self.fuelCategory = fuelCategory
            self.value = value
            self.rate = rate
        }
    }

    public struct Model: Sendable {
        public let selection: PlantsUI.Selection
        public let sources: [PlantsUI.Source]
        public let filters: Filters
        public let choices: Choices
        public let points: [PlantMapSVG.Point]
        /// Plants matching the filters (the map may show fewer).
        public let matching: Int
        public let withoutCoordinates: Int
        public let totals: Totals
        public let topEmitters: [RankedPlant]
        /// Nothing is loaded yet: the page invites an import.
        public let empty: Bool

        public init(selection: PlantsUI.Selection, sources: [PlantsUI.Source], filters: Filters, choices: Choices,
                    points: [PlantMapSVG.Point], matching: Int, withoutCoordinates: Int, totals: Totals, topEmitters: [RankedPlant],
                    empty: Bool) {
            self.selection = selection
            self.sources = sources
            self.filters = filters
            self.choices = choices
            self.points = points
            self.matching = matching
            self.withoutCoordinates = withoutCoordinates
            self.totals = totals
            self.topEmitters = topEmitters
            self.empty = empty
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        guard !model.empty else {
            return PlantsUI.page("Plants", context: context, .group(
                .h1(.text("Power plants")),
                .div(.class("card"),
                     .p(.text("No eGRID data is loaded yet. Import EPA's plant sheet (PLNT) or the whole eGRID workbook under "),
                        .a(.href("/plants/datasets"), .text("Datasets")),
                        .text(", with `powerhouse import egrid FILE`, or POST it to /api/v1/plants/imports.")))
            ))
        }
        let year = model.selection.year.map(String.init)
        let keep = [("year", year), ("release", model.selection.release)]
        return PlantsUI.page("Plant map", context: context, scripts: ["js/plants-map.js"], .group(
            .h1(.text("Power plants \(year ?? "")")),
            PlantsUI.banner(model.sources),
            PlantsUI.selector(model.selection, action: "/plants", keep: model.filters.parameters.compactMap { p in p.1.map { (p.0, $0) } }),
            filterForm(model, action: "/plants"),
            .section(
                .class("cards"), .attribute(named: "aria-label", value: "Totals"),
                card("Plants", PlantsUI.number(Double(model.totals.plants), decimals: 0), "matching the filters"),
                card("Capacity", PlantsUI.number(model.totals.capacityMW, decimals: 0) + " MW", "nameplate"),
                card("Net generation", PlantsUI.number((model.totals.generationMWh ?? .nan) / 1e6, decimals: 2) + " TWh", "annual"),
                card("CO₂", PlantsUI.number((model.totals.co2Tons ?? .nan) / 1e6, decimals: 2) + " Mt", "short tons, annual"),
                card("CO₂ rate", PlantsUI.number(model.totals.co2RateLbPerMWh, decimals: 1) + " lb/MWh", "from summed masses")
            ),
            .section(
                .class("card plant-map"), .attribute(named: "aria-label", value: "Map"),
                .div(.class("map-toolbar"), .attribute(named: "data-map-controls", value: "plant-map-svg"),
                     .p(.class("muted"), .text(mapNote(model)))),
                .div(.class("map-frame"), .raw(PlantMapSVG.render(model.points, title: "Power plants \(year ?? "")") { id in
                    PlantsUI.link("/plants/plant/\(id)", [("release", model.selection.release)])
                })),
                PlantsUI.legend(),
                .p(.class("muted"), .text("Projection: Albers equal-area conic (parallels 29.5° and 45.5° N) with Alaska, Hawaii and Puerto Rico in insets. No state outlines: state abbreviations sit at the centre of each state's plants. "),
                   .a(.href(PlantsUI.link("/plants/list", keep + model.filters.parameters)), .text("The same plants as a table →")))
            ),
            .section(
                .h2(.text("Largest CO₂ emitters")),
                model.topEmitters.isEmpty ? .p(.class("empty"), .text("No plant reports CO₂.")) : .table(
                    .class("data"),
                    .thead(.tr(.th(.text("#")), .th(.text("Plant")), .th(.text("State")), .th(.text("Fuel")),
                               .th(.class("num"), .text("CO₂ (short tons)")), .th(.class("num"), .text("CO₂ rate (lb/MWh)")))),
                    .tbody(.forEach(Array(model.topEmitters.enumerated())) { index, plant in
                        .tr(.td(.text(String(index + 1))),
                            .td(.a(.href(PlantsUI.link("/plants/plant/\(plant.id)", [("release", model.selection.release)])), .text(plant.name))),
                            .td(.text(plant.state)), .td(.text(PlantsUI.fuelLabel(plant.fuelCategory))),
                            .td(.class("num"), .text(PlantsUI.number(plant.value, decimals: 0))),
                            .td(.class("num"), .text(PlantsUI.number(plant.rate, decimals: 1))))
                    })
                )
            )
        ))
    }

    static func mapNote(_ model: Model) -> String {
        var parts = ["\(PlantsUI.number(Double(model.points.count), decimals: 0)) plants on the map"]
        if model.points.count + model.withoutCoordinates < model.matching {
            parts.append("the \(PlantsUI.number(Double(model.points.count), decimals: 0)) largest by generation of \(PlantsUI.number(Double(model.matching), decimals: 0)) matching — filter to see the rest")
        }
        if model.withoutCoordinates > 0 { parts.append("\(model.withoutCoordinates) without coordinates") }
        return parts.joined(separator: "; ") + ". Circle area ∝ annual net generation. Drag to pan, scroll or use + and − to zoom."
    }

    static func card(_ title: String, _ value: String, _ detail: String) -> Node<HTML.BodyContext> {
        .div(.class("card stat"), .h3(.text(title)), .p(.class("stat-value"), .text(value)), .p(.class("stat-detail"), .text(detail)))
    }

    /// The filter form shared by the map and the plant list.
    static func filterForm(_ model: Model, action: String) -> Node<HTML.BodyContext> {
        filterForm(filters: model.filters, choices: model.choices, selection: model.selection, action: action)
    }

    static func filterForm(filters: Filters, choices: Choices, selection: PlantsUI.Selection, action: String,
                           extra: [(String, String)] = []) -> Node<HTML.BodyContext> {
        func choice(_ name: String, _ label: String, _ values: [String], _ current: String?, labels: (String) -> String = { $0 }) -> Node<HTML.FormContext> {
            .div(.class("field"),
                 .label(.for("f-\(name)"), .text(label)),
                 Controls.select(name: name, id: "f-\(name)", options: [Controls.Option("", "any", selected: current == nil)]
                    + values.map { Controls.Option($0, labels($0), selected: $0.caseInsensitiveCompare(current ?? "") == .orderedSame) }))
        }
        return .form(
            .method(.get), .action(action), .class("filters"), .attribute(named: "aria-label", value: "Filters"),
            .unwrap(selection.year) { .input(.type(.hidden), .name("year"), .value(String($0))) },
            .unwrap(selection.release) { .input(.type(.hidden), .name("release"), .value(AttributeText.escaped($0))) },
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value(AttributeText.escaped($0.1))) },
            choice("state", "State", choices.states, filters.state),
            choice("fuel_category", "Fuel", PlantsUI.fuelCategories, filters.fuelCategory, labels: PlantsUI.fuelLabel),
            choice("ba", "Balancing authority", choices.balancingAuthorities, filters.balancingAuthority),
            choice("subregion", "Subregion", choices.subregions, filters.subregion),
            choice("nerc", "NERC region", choices.nercRegions, filters.nerc),
            .div(.class("field"), .label(.for("f-min_capacity"), .text("Min. capacity (MW)")),
                 .input(.type(.number), .name("min_capacity"), .id("f-min_capacity"), .attribute(named: "min", value: "0"),
                        .attribute(named: "step", value: "any"), .value(AttributeText.escaped(filters.minCapacity ?? "")))),
            .div(.class("field"), .label(.for("f-q"), .text("Name contains")),
                 .input(.type(.search), .name("q"), .id("f-q"), .value(AttributeText.escaped(filters.text ?? "")))),
            .button(.type(.submit), .class("primary"), .text("Filter")),
            .a(.href(PlantsUI.link(action, [("year", selection.year.map(String.init)), ("release", selection.release)])), .text("Clear"))
        )
    }
}
