import Foundation
import Plot

/// `/plants/plant/2023-3`: one plant with its figures, generators, units and every column of its row.
public enum PlantDetailPage {
    public struct Generator: Sendable {
        public let id: String
        public let status: String?
        public let primeMover: String?
        public let fuel: String?
        public let capacityMW: Double?
        public let generationMWh: Double?
        public let yearOnline: Int?

        public init(id: String, status: String?, primeMover: String?, fuel: String?, capacityMW: Double?, generationMWh: Double?, yearOnline: Int?) {
            self.id = id
            self.status = status
            self.primeMover = primeMover
            self.fuel = fuel
            self.capacityMW = capacityMW
            self.generationMWh = generationMWh
            self.yearOnline = yearOnline
        }
    }

    public struct Unit: Sendable {
        public let id: String
        public let status: String?
        public let primeMover: String?
        public let fuel: String?
        public let heatInputMMBtu: Double?
        public let co2Tons: Double?

        public init(id: String, status: String?, primeMover: String?, fuel: String?, heatInputMMBtu: Double?, co2Tons: Double?) {
            self.id = id
            self.status = status
            self.primeMover = primeMover
            self.fuel = fuel
            self.heatInputMMBtu = heatInputMMBtu
            self.co2Tons = co2Tons
        }
    }

    public struct Model: Sendable {
        public let id: String
        public let year: Int
        public let name: String
        public let orispl: Int
        public let source: PlantsUI.Source
        /// (label, value) pairs: location, operator, regions, fuel.
        public let facts: [(String, String)]
        /// (label, value, unit).
        public let figures: [(String, Double?, String)]
        /// (pollutant, mass, unit, published rate, recomputed rate).
        public let emissions: [(String, Double?, String, Double?, Double?)]
        /// (fuel category code, generation MWh, share).
        public let mix: [(String, Double?, Double?)]
        public let generators: [Generator]
        public let units: [Unit]
        /// Every cell of the row: code, description, value.
        public let columns: [(String, String?, String)]
        public let regionLinks: [(String, String)]

        public init(id: String, year: Int, name: String, orispl: Int, source: PlantsUI.Source, facts: [(String, String)],
                    figures: [(String, Double?, String)], emissions: [(String, Double?, String, Double?, Double?)],
                    mix: [(String, Double?, Double?)], generators: [Generator], units: [Unit], columns: [(String, String?, String)],
                    regionLinks: [(String, String)]) {
            self.id = id
            self.year = year
            self.name = name
            self.orispl = orispl
            self.source = source
            self.facts = facts
            self.figures = figures
            self.emissions = emissions
            self.mix = mix
            self.generators = generators
            self.units = units
            self.columns = columns
            self.regionLinks = regionLinks
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        PlantsUI.page(model.name, context: context, .group(
            .h1(.text(model.name), .span(.class("muted"), .text(" · ORISPL \(model.orispl) · \(model.year)"))),
            PlantsUI.banner([model.source]),
            .section(.class("cards"), .attribute(named: "aria-label", value: "Key figures"),
                     .forEach(model.figures) { figure in
                         .div(.class("card stat"), .h3(.text(figure.0)),
                              .p(.class("stat-value"), .text(figure.2 == "%" ? PlantsUI.percent(figure.1) : PlantsUI.number(figure.1))),
                              .p(.class("stat-detail"), .text(figure.2 == "%" ? "" : figure.2)))
                     }),
            .section(.class("card"),
                     .h2(.text("Plant")),
                     .element(named: "dl", nodes: [.class("facts")] + model.facts.flatMap { fact -> [Node<HTML.BodyContext>] in
                         [.element(named: "dt", text: fact.0), .element(named: "dd", text: fact.1)]
                     }),
                     .unwrap(model.regionLinks.isEmpty ? nil : model.regionLinks) { links in
                         .p(.text("Regions: "), .forEach(Array(links.enumerated())) { index, link in
                             .group(.if(index > 0, .text(" · ")), .a(.href(link.1), .text(link.0)))
                         })
                     }),
            .section(
                .h2(.text("Emissions")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Pollutant")), .th(.class("num"), .text("Annual mass")), .th(.text("Unit")),
                                  .th(.class("num"), .text("Output rate, EPA (lb/MWh)")), .th(.class("num"), .text("Recomputed (lb/MWh)")))),
                       .tbody(.forEach(model.emissions) { row in
                           .tr(.td(.text(row.0)), .td(.class("num"), .text(PlantsUI.number(row.1))), .td(.text(row.2)),
                               .td(.class("num"), .text(PlantsUI.number(row.3, decimals: 3))),
                               .td(.class("num"), .text(PlantsUI.number(row.4, decimals: 3))))
                       }))
            ),
            .section(
                .h2(.text("Generation by fuel")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Fuel")), .th(.class("num"), .text("Net generation (MWh)")), .th(.class("num"), .text("Share")))),
                       .tbody(.forEach(model.mix.filter { $0.1 != nil }) { row in
                           .tr(.td(.span(.class("swatch c-\(PlantsUI.color(fuelCategory: row.0).rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                                   .text(" " + PlantsUI.fuelLabel(row.0))),
                               .td(.class("num"), .text(PlantsUI.number(row.1, decimals: 0))), .td(.class("num"), .text(PlantsUI.percent(row.2))))
                       }))
            ),
            .if(!model.generators.isEmpty, .section(
                .h2(.text("Generators")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Generator")), .th(.text("Status")), .th(.text("Prime mover")), .th(.text("Fuel")),
                                  .th(.class("num"), .text("Capacity (MW)")), .th(.class("num"), .text("Net generation (MWh)")), .th(.text("On line")))),
                       .tbody(.forEach(model.generators) { g in
                           .tr(.td(.code(.text(g.id))), .td(.text(g.status ?? "—")), .td(.text(g.primeMover ?? "—")), .td(.text(g.fuel ?? "—")),
                               .td(.class("num"), .text(PlantsUI.number(g.capacityMW, decimals: 1))),
                               .td(.class("num"), .text(PlantsUI.number(g.generationMWh, decimals: 0))),
                               .td(.text(g.yearOnline.map(String.init) ?? "—")))
                       }))
            )),
            .if(!model.units.isEmpty, .section(
                .h2(.text("Units")),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Unit")), .th(.text("Status")), .th(.text("Prime mover")), .th(.text("Fuel")),
                                  .th(.class("num"), .text("Heat input (MMBtu)")), .th(.class("num"), .text("CO₂ (tons)")))),
                       .tbody(.forEach(model.units) { u in
                           .tr(.td(.code(.text(u.id))), .td(.text(u.status ?? "—")), .td(.text(u.primeMover ?? "—")), .td(.text(u.fuel ?? "—")),
                               .td(.class("num"), .text(PlantsUI.number(u.heatInputMMBtu, decimals: 0))),
                               .td(.class("num"), .text(PlantsUI.number(u.co2Tons, decimals: 0))))
                       }))
            )),
            .element(named: "details", nodes: [
                .element(named: "summary", text: "All \(model.columns.count) columns of the plant's row, by eGRID code"),
                .table(.class("data"),
                       .thead(.tr(.th(.text("Code")), .th(.text("Description")), .th(.text("Value")))),
                       .tbody(.forEach(model.columns) { column in
                           .tr(.td(.code(.text(column.0))), .td(.text(column.1 ?? "")), .td(.text(column.2)))
                       })),
            ]),
            .p(.a(.href("/api/v1/plants/\(model.id)"), .text("This plant as JSON")))
        ))
    }
}
