import Charts
import Foundation
import Plot

/// Region figures: `/plants/regions` (all regions of a level), `/plants/regions/:level/:code` (one region)
/// and its printable report.
public enum PlantRegionsPage {
    public struct Region: Sendable {
        public let code: String
        public let name: String?
        public let fuelCategory: String?
        public let plantCount: Int?
        public let capacityMW: Double?
        public let generationMWh: Double?
        public let heatInputMMBtu: Double?
        public let capacityFactor: Double?
        /// Masses by pollutant key (`co2`…) with their unit; output and input rates.
        public let masses: [(String, Double?, String)]
        public let outputRates: [(String, Double?)]
        public let inputRates: [(String, Double?)]
        /// EPA's published output rates, for published region rows.
        public let publishedRates: [(String, Double?)]?
        /// (PLFUELCT, generation MWh, share) in EPA's fuel order.
        public let mix: [(String, Double?, Double?)]

        public init(code: String, name: String?, fuelCategory: String?, plantCount: Int?, capacityMW: Double?, generationMWh: Double?,
                    heatInputMMBtu: Double?, capacityFactor: Double?, masses: [(String, Double?, String)], outputRates: [(String, Double?)],
                    inputRates: [(String, Double?)], publishedRates: [(String, Double?)]?, mix: [(String, Double?, Double?)]) {
            self.code = code
            self.name = name
            self.fuelCategory = fuelCategory
            self.plantCount = plantCount
            self.capacityMW = capacityMW
            self.generationMWh = generationMWh
            self.heatInputMMBtu = heatInputMMBtu
            self.capacityFactor = capacityFactor
            self.masses = masses
            self.outputRates = outputRates
            self.inputRates = inputRates
            self.publishedRates = publishedRates
            self.mix = mix
        }

        func rate(_ key: String) -> Double? { outputRates.first { $0.0 == key }?.1 ?? nil }
    }

    public struct ListModel: Sendable {
        public let selection: PlantsUI.Selection
        public let sources: [PlantsUI.Source]
        /// `state`, `ba`, `subregion`, `nerc`, `us`.
        public let level: String
        public let levelTitle: String
        /// `plants` or `published`.
        public let source: String
        public let canChooseSource: Bool
        public let regions: [Region]

        public init(selection: PlantsUI.Selection, sources: [PlantsUI.Source], level: String, levelTitle: String, source: String,
                    canChooseSource: Bool, regions: [Region]) {
            self.selection = selection
            self.sources = sources
            self.level = level
            self.levelTitle = levelTitle
            self.source = source
            self.canChooseSource = canChooseSource
            self.regions = regions
        }
    }

    public struct TopPlant: Sendable {
        public let id: String
        public let name: String
        public let fuelCategory: String?
        public let capacityMW: Double?
        public let generationMWh: Double?
        public let co2Tons: Double?
        public let co2Rate: Double?

        public init(id: String, name: String, fuelCategory: String?, capacityMW: Double?, generationMWh: Double?, co2Tons: Double?, co2Rate: Double?) {
            self.id = id
            self.name = name
            self.fuelCategory = fuelCategory
            self.capacityMW = capacityMW
            self.generationMWh = generationMWh
            self.co2Tons = co2Tons
            self.co2Rate = co2Rate
        }
    }

    public struct DetailModel: Sendable {
        public let year: Int
        public let release: String?
        public let sources: [PlantsUI.Source]
        public let level: String
        public let levelTitle: String
        public let source: String
        public let region: Region
        /// The region's plants by fuel category (from plants only).
        public let byFuel: [Region]
        public let topPlants: [TopPlant]
        /// (year, CO2 rate, generation) across loaded years.
        public let trend: [(Int, Double?, Double?)]
        /// The nation's figures from the same source and year, to compare the mix with.
        public let nation: Region?
        public let printedAt: Date

        public init(year: Int, release: String?, sources: [PlantsUI.Source], level: String, levelTitle: String, source: String,
                    region: Region, byFuel: [Region], topPlants: [TopPlant], trend: [(Int, Double?, Double?)], nation: Region?,
                    printedAt: Date) {
            self.year = year
            self.release = release
            self.sources = sources
            self.level = level
            self.levelTitle = levelTitle
            self.source = source
            self.region = region
            self.byFuel = byFuel
            self.topPlants = topPlants
            self.trend = trend
            self.nation = nation
            self.printedAt = printedAt
        }
    }

    static let levels: [(String, String)] = [("state", "States"), ("ba", "Balancing authorities"), ("subregion", "Subregions"),
                                             ("nerc", "NERC regions"), ("us", "United States")]

    // MARK: list

    public static func renderList(_ model: ListModel, context: PageContext) -> String {
        let year = model.selection.year.map(String.init)
        let base: [(String, String?)] = [("year", year), ("release", model.selection.release)]
        let ordered = model.regions.sorted { ($0.generationMWh ?? -.infinity) > ($1.generationMWh ?? -.infinity) }
        let charted = Array(ordered.prefix(40))
        return PlantsUI.page("Regions", context: context, .group(
            .h1(.text("\(model.levelTitle) \(year ?? "")")),
            PlantsUI.banner(model.sources),
            .nav(.class("plants-subtabs"), .attribute(named: "aria-label", value: "Region level"),
                 .ul(.forEach(levels) { level in
                     .li(.a(.href(PlantsUI.link("/plants/regions", base + [("level", level.0), ("source", model.source)])), .text(level.1),
                            .if(level.0 == model.level, .attribute(named: "aria-current", value: "page"))))
                 })),
            PlantsUI.selector(model.selection, action: "/plants/regions", keep: [("level", model.level), ("source", model.source)]),
            .if(model.canChooseSource, .p(.class("muted"),
                .text(model.source == "plants" ? "Aggregated from the plant sheet (EPA's rule: sums with missing values skipped, rates from summed masses). " : "EPA's published region sheet. "),
                .a(.href(PlantsUI.link("/plants/regions", base + [("level", model.level), ("source", model.source == "plants" ? "published" : "plants")])),
                   .text(model.source == "plants" ? "Show EPA's published figures" : "Show figures aggregated from plants")))),
            charted.isEmpty ? .p(.class("empty"), .text("No regions at this level.")) : .group(
                .component(mixChart(id: "region-mix", title: "Resource mix (share of net generation)", regions: charted)),
                .component(Chart(
                    id: "region-co2-rate", title: "CO₂ output emission rate", kind: .bars, x: .categories(charted.map(\.code)),
                    series: [ChartSeries(name: "CO₂ rate", unit: "lb/MWh", values: charted.map { $0.rate("co2") ?? .nan }, color: .coal)],
                    options: ChartOptions(height: 260)))
            ),
            .if(ordered.count > charted.count, .p(.class("muted"), .text("Charts show the 40 regions with the most generation; the table has all \(ordered.count)."))),
            .table(
                .class("data"),
                .caption(.class("visually-hidden"), .text(model.levelTitle)),
                .thead(.tr(.th(.text("Region")), .th(.text("Name")), .th(.class("num"), .text("Plants")), .th(.class("num"), .text("Capacity (MW)")),
                           .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("CO₂ (tons)")),
                           .th(.class("num"), .text("CO₂ (lb/MWh)")), .th(.class("num"), .text("NOx (lb/MWh)")),
                           .th(.class("num"), .text("SO₂ (lb/MWh)")), .th(.class("num"), .text("Capacity factor")))),
                .tbody(.forEach(ordered) { region in
                    .tr(.td(.a(.href(PlantsUI.link("/plants/regions/\(model.level)/\(region.code)", base + [("source", model.source)])), .text(region.code))),
                        .td(.text(region.name ?? "")),
                        .td(.class("num"), .text(region.plantCount.map { PlantsUI.number(Double($0), decimals: 0) } ?? "—")),
                        .td(.class("num"), .text(PlantsUI.number(region.capacityMW, decimals: 0))),
                        .td(.class("num"), .text(PlantsUI.number(region.generationMWh, decimals: 0))),
                        .td(.class("num"), .text(PlantsUI.number(region.masses.first { $0.0 == "co2" }?.1, decimals: 0))),
                        .td(.class("num"), .text(PlantsUI.number(region.rate("co2"), decimals: 1))),
                        .td(.class("num"), .text(PlantsUI.number(region.rate("nox"), decimals: 3))),
                        .td(.class("num"), .text(PlantsUI.number(region.rate("so2"), decimals: 3))),
                        .td(.class("num"), .text(PlantsUI.percent(region.capacityFactor))))
                })
            ),
            .p(.a(.href(PlantsUI.link("/api/v1/plants/aggregates.csv", base + [("level", model.level)])), .text("These aggregates as CSV (EPA's region codes)")))
        ))
    }

    static func mixChart(id: String, title: String, regions: [Region], height: Int = 300) -> Chart {
        let fuels = PlantsUI.fuelCategories.filter { fuel in regions.contains { region in (region.mix.first { $0.0 == fuel }?.2 ?? 0) > 0 } }
        return Chart(
            id: id, title: title, kind: .stackedBars, x: .categories(regions.map(\.code)),
            series: fuels.map { fuel in
                ChartSeries(id: fuel.lowercased(), name: PlantsUI.fuelLabel(fuel), unit: "%",
                            values: regions.map { region in (region.mix.first { $0.0 == fuel }?.2).flatMap { $0 }.map { $0 * 100 } ?? 0 },
                            color: PlantsUI.color(fuelCategory: fuel))
            },
            options: ChartOptions(height: height, yAxisLabel: "% of net generation", yRange: 0...100))
    }

    // MARK: one region

    public static func renderDetail(_ model: DetailModel, context: PageContext) -> String {
        let base: [(String, String?)] = [("year", String(model.year)), ("release", model.release), ("source", model.source)]
        let title = "\(model.region.code)\(model.region.name.map { " — \($0)" } ?? "")"
        return PlantsUI.page(title, context: context, .group(
            .h1(.text(title), .span(.class("muted"), .text(" · \(model.levelTitle) · \(model.year)"))),
            PlantsUI.banner(model.sources),
            .p(.a(.href(PlantsUI.link("/plants/regions/\(model.level)/\(model.region.code)/report", base)), .text("Printable report")),
               .text(" · "),
               .a(.href(PlantsUI.link("/plants", [("year", String(model.year)), ("release", model.release)] + filterParameter(model))), .text("Map of its plants")),
               .text(" · "),
               .a(.href(PlantsUI.link("/plants/regions", base + [("level", model.level)])), .text("All of this level"))),
            body(model)
        ))
    }

    static func filterParameter(_ model: DetailModel) -> [(String, String?)] {
        switch model.level {
        case "state": [("state", model.region.code)]
        case "ba": [("ba", model.region.code)]
        case "subregion": [("subregion", model.region.code)]
        case "nerc": [("nerc", model.region.code)]
        default: []
        }
    }

    /// The figures, shared by the region page and its report.
    static func body(_ model: DetailModel) -> Node<HTML.BodyContext> {
        let r = model.region
        return .group(
            .section(.class("cards"), .attribute(named: "aria-label", value: "Key figures"),
                     stat("Plants", r.plantCount.map { PlantsUI.number(Double($0), decimals: 0) } ?? "—", model.source == "plants" ? "in the plant sheet" : "EPA's sheet"),
                     stat("Capacity", PlantsUI.number(r.capacityMW, decimals: 0) + " MW", "nameplate"),
                     stat("Net generation", PlantsUI.number(r.generationMWh, decimals: 0) + " MWh", "annual"),
                     stat("CO₂ rate", PlantsUI.number(r.rate("co2"), decimals: 1) + " lb/MWh", "from summed masses"),
                     stat("Capacity factor", PlantsUI.percent(r.capacityFactor), "generation / (capacity × hours)")),
            .section(.h2(.text("Resource mix")),
                     .component(mixChart(id: "region-mix", title: "Share of net generation by fuel" + (model.nation == nil ? "" : ", compared with the US"),
                                         regions: [r] + (model.level == "us" ? [] : model.nation.map { [$0] } ?? []), height: 220)),
                     .table(.class("data"),
                            .thead(.tr(.th(.text("Fuel")), .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("Share")))),
                            .tbody(.forEach(r.mix.filter { $0.1 != nil }) { row in
                                .tr(.td(.span(.class("swatch c-\(PlantsUI.color(fuelCategory: row.0).rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                                        .text(" " + PlantsUI.fuelLabel(row.0))),
                                    .td(.class("num"), .text(PlantsUI.number(row.1, decimals: 0))), .td(.class("num"), .text(PlantsUI.percent(row.2))))
                            }))),
            .section(.h2(.text("Emissions and rates")),
                     .table(.class("data"),
                            .thead(.tr(.th(.text("Pollutant")), .th(.class("num"), .text("Annual mass")), .th(.text("Unit")),
                                       .th(.class("num"), .text("Output rate (lb/MWh)")), .th(.class("num"), .text("Input rate (lb/MMBtu)")),
                                       .if(r.publishedRates != nil, .th(.class("num"), .text("EPA published (lb/MWh)"))))),
                            .tbody(.forEach(r.masses) { mass in
                                .tr(.td(.text(mass.0.uppercased())), .td(.class("num"), .text(PlantsUI.number(mass.1, decimals: 0))), .td(.text(mass.2)),
                                    .td(.class("num"), .text(PlantsUI.number(r.rate(mass.0), decimals: 3))),
                                    .td(.class("num"), .text(PlantsUI.number(r.inputRates.first { $0.0 == mass.0 }?.1 ?? nil, decimals: 4))),
                                    .unwrap(r.publishedRates) { rates in .td(.class("num"), .text(PlantsUI.number(rates.first { $0.0 == mass.0 }?.1 ?? nil, decimals: 3))) })
                            })),
                     .p(.class("muted"), .text("Rates are recomputed from the region's summed masses and generation: 2000 × tons / MWh (lb / MWh for CH₄ and N₂O), never averaged over plants."))),
            .if(!model.byFuel.isEmpty, .section(.h2(.text("Capacity and generation by fuel category")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Fuel category")), .th(.class("num"), .text("Plants")), .th(.class("num"), .text("Capacity (MW)")),
                                  .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("CO₂ rate (lb/MWh)")),
                                  .th(.class("num"), .text("Capacity factor")))),
                       .tbody(.forEach(model.byFuel) { fuel in
                           .tr(.td(.text(PlantsUI.fuelLabel(fuel.fuelCategory))),
                               .td(.class("num"), .text(fuel.plantCount.map { String($0) } ?? "—")),
                               .td(.class("num"), .text(PlantsUI.number(fuel.capacityMW, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(fuel.generationMWh, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(fuel.rate("co2"), decimals: 1))),
                               .td(.class("num"), .text(PlantsUI.percent(fuel.capacityFactor))))
                       })))),
            .if(!model.topPlants.isEmpty, .section(.h2(.text("Largest plants by generation")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Plant")), .th(.text("Fuel")), .th(.class("num"), .text("Capacity (MW)")),
                                  .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("CO₂ (tons)")),
                                  .th(.class("num"), .text("CO₂ rate (lb/MWh)")))),
                       .tbody(.forEach(model.topPlants) { plant in
                           .tr(.td(.a(.href(PlantsUI.link("/plants/plant/\(plant.id)", [("release", model.release)])), .text(plant.name))),
                               .td(.text(PlantsUI.fuelLabel(plant.fuelCategory))),
                               .td(.class("num"), .text(PlantsUI.number(plant.capacityMW, decimals: 1))),
                               .td(.class("num"), .text(PlantsUI.number(plant.generationMWh, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(plant.co2Tons, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(plant.co2Rate, decimals: 1))))
                       })))),
            .if(model.trend.count > 1, .section(.h2(.text("Across loaded years")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Year")), .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("CO₂ rate (lb/MWh)")))),
                       .tbody(.forEach(model.trend) { point in
                           .tr(.td(.text(String(point.0))), .td(.class("num"), .text(PlantsUI.number(point.2, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(point.1, decimals: 1))))
                       }))))
        )
    }

    static func stat(_ title: String, _ value: String, _ detail: String) -> Node<HTML.BodyContext> {
        .div(.class("card stat"), .h3(.text(title)), .p(.class("stat-value"), .text(value)), .p(.class("stat-detail"), .text(detail)))
    }

    // MARK: report

    /// The same figures laid out for paper: plants.css carries the print rules (no navigation, page breaks).
    public static func renderReport(_ model: DetailModel, context: PageContext) -> String {
        let title = "\(model.levelTitle) report: \(model.region.code)\(model.region.name.map { " — \($0)" } ?? "")"
        return Layout.render(title: title, context: context, content: .article(
            .class("plants-report"),
            .header(.class("report-header"),
                    .h1(.text(title)),
                    .p(.text("eGRID data year \(model.year) · \(model.source == "plants" ? "aggregated from the plant sheet" : "EPA's published region sheet")")),
                    PlantsUI.banner(model.sources),
                    .p(.class("muted"), .text("Prepared \(Format.timestamp(model.printedAt)) by Powerhouse. Print with your browser (Ctrl+P / ⌘P): navigation and controls are left out on paper."))),
            body(model),
            .footer(.class("report-footer"), .p(.class("muted"), .text("Source: US EPA eGRID. Masses in short tons (CO₂, CO₂e, NOx, SO₂) and lb (CH₄, N₂O, Hg); rates recomputed from summed masses.")))
        ), stylesheets: ["css/plants.css"])
    }
}
