import Foundation
import Plot

/// `/grid/grids/{id}/houses/{name}`: one house with forms for its fields, PV systems and battery, and its whole
/// JSON for everything else (EV, heat pump, tags).
public enum GridHousePage {
    public struct PV: Sendable {
        public let kWp: Double
        public let tilt: Double
        public let azimuth: Double
        public let losses: Double
        public let inverterKW: Double?
        public let dcAcRatio: Double?
        public let temperatureCoefficient: Double

        public init(kWp: Double, tilt: Double, azimuth: Double, losses: Double, inverterKW: Double?, dcAcRatio: Double?, temperatureCoefficient: Double) {
            self.kWp = kWp
            self.tilt = tilt
            self.azimuth = azimuth
            self.losses = losses
            self.inverterKW = inverterKW
            self.dcAcRatio = dcAcRatio
            self.temperatureCoefficient = temperatureCoefficient
        }
    }

    public struct Battery: Sendable {
        public let capacityKWh: Double
        public let maxChargeKW: Double
        public let maxDischargeKW: Double
        public let minSoC: Double
        public let maxSoC: Double
        public let initialSoC: Double

        public init(capacityKWh: Double, maxChargeKW: Double, maxDischargeKW: Double, minSoC: Double, maxSoC: Double, initialSoC: Double) {
            self.capacityKWh = capacityKWh
            self.maxChargeKW = maxChargeKW
            self.maxDischargeKW = maxDischargeKW
            self.minSoC = minSoC
            self.maxSoC = maxSoC
            self.initialSoC = initialSoC
        }
    }

    public struct Model: Sendable {
        public let gridID: String
        public let gridName: String
        public let name: String
        public let transformer: String
        public let type: String
        public let annualKWh: Double
        public let flags: [String]
        public let tags: [String]
        public let pv: [PV]
        public let battery: Battery?
        /// The house as stored (`powerhouse.grid/v1`), pretty-printed.
        public let json: String
        public let transformers: [String]
        public let canWrite: Bool

        public init(gridID: String, gridName: String, name: String, transformer: String, type: String, annualKWh: Double, flags: [String],
                    tags: [String], pv: [PV], battery: Battery?, json: String, transformers: [String], canWrite: Bool) {
            self.gridID = gridID
            self.gridName = gridName
            self.name = name
            self.transformer = transformer
            self.type = type
            self.annualKWh = annualKWh
            self.flags = flags
            self.tags = tags
            self.pv = pv
            self.battery = battery
            self.json = json
            self.transformers = transformers
            self.canWrite = canWrite
        }

        var base: String { "/grid/grids/\(gridID)/houses/\(GridUI.path(name))" }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: model.name, context: context, content: .group(
            GridUI.assets(context),
            .p(.class("muted"), .a(.href("/grid"), .text("Grid")), .text(" / "), .a(.href("/grid/grids/\(model.gridID)"), .text(model.gridName)),
               .text(" /")),
            .h1(.text("House \(model.name)")),
            model.canWrite ? editable(model, context: context) : readOnly(model)
        ))
    }

    static func readOnly(_ model: Model) -> Node<HTML.BodyContext> {
        .section(.class("card"), .pre(.code(.text(model.json))))
    }

    static func editable(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .section(
                .class("card"),
                .h2(.text("House")),
                .form(
                    .method(.post), .action(model.base), .class("filters"),
                    Layout.csrfField(context),
                    GridUI.input("Name", name: "name", id: "house-name", value: model.name, required: true),
                    GridUI.select("Transformer", name: "transformer", id: "house-tr",
                                  options: model.transformers.map { Controls.Option($0, selected: $0 == model.transformer) }),
                    GridUI.select("Type", name: "type", id: "house-type", options: GridTopologyPage.houseTypeOptions(selected: model.type)),
                    GridUI.input("Annual kWh", name: "annual_consumption_kwh", id: "house-kwh", value: GridUI.field(model.annualKWh),
                                 type: "number", required: true, step: "any"),
                    GridUI.input("Flags", name: "flags", id: "house-flags", value: model.flags.joined(separator: ", "),
                                 hint: "comma-separated: pv, battery, ev, heat_pump, priority"),
                    GridUI.input("Tags", name: "tags", id: "house-tags", value: model.tags.joined(separator: ", "), hint: "comma-separated"),
                    .button(.type(.submit), .class("primary"), .text("Save"))
                ),
                .form(
                    .method(.post), .action("\(model.base)/delete"), .class("inline"),
                    Layout.csrfField(context),
                    .button(.type(.submit), .class("danger"), .attribute(named: "data-confirm", value: AttributeText.escaped("Remove house \(model.name)?")),
                            .text("Remove house"))
                )
            ),
            .section(
                .class("card"),
                .h2(.text("PV systems")),
                .forEach(Array(model.pv.enumerated())) { index, pv in pvForm(model, pv, index: index, context: context) },
                pvForm(model, nil, index: model.pv.count, context: context)
            ),
            .section(
                .class("card"),
                .h2(.text("Battery")),
                .form(
                    .method(.post), .action("\(model.base)/battery"), .class("filters"),
                    Layout.csrfField(context),
                    GridUI.input("Capacity kWh", name: "capacity_kwh", id: "bat-cap", value: GridUI.field(model.battery?.capacityKWh), type: "number",
                                 required: true, step: "any"),
                    GridUI.input("Max charge kW", name: "max_charge_kw", id: "bat-charge", value: GridUI.field(model.battery?.maxChargeKW),
                                 type: "number", required: true, step: "any"),
                    GridUI.input("Max discharge kW", name: "max_discharge_kw", id: "bat-discharge", value: GridUI.field(model.battery?.maxDischargeKW),
                                 type: "number", required: true, step: "any"),
                    GridUI.input("Min SoC", name: "min_soc", id: "bat-min", value: GridUI.field(model.battery?.minSoC ?? 0.1), type: "number", step: "any"),
                    GridUI.input("Max SoC", name: "max_soc", id: "bat-max", value: GridUI.field(model.battery?.maxSoC ?? 1), type: "number", step: "any"),
                    GridUI.input("Initial SoC", name: "initial_soc", id: "bat-init", value: GridUI.field(model.battery?.initialSoC ?? 0.5),
                                 type: "number", step: "any"),
                    .button(.type(.submit), .text(model.battery == nil ? "Add battery" : "Save battery"))
                ),
                .if(model.battery != nil, .form(
                    .method(.post), .action("\(model.base)/battery/delete"), .class("inline"),
                    Layout.csrfField(context),
                    .button(.type(.submit), .class("small danger"), .text("Remove battery"))
                ))
            ),
            .section(
                .class("card"),
                .h2(.text("As JSON")),
                .p(.class("muted"), .text("The house as stored in the topology document; edit EVs, heat pumps and any other field here.")),
                .form(
                    .method(.post), .action("\(model.base)/json"), .class("stacked"),
                    Layout.csrfField(context),
                    .label(.for("house-json"), .class("visually-hidden"), .text("House JSON")),
                    .textarea(.name("json"), .id("house-json"), .class("code"), .attribute(named: "rows", value: "16"), .text(model.json)),
                    .button(.type(.submit), .text("Replace house"))
                )
            )
        )
    }

    static func pvForm(_ model: Model, _ pv: PV?, index: Int, context: PageContext) -> Node<HTML.BodyContext> {
        let id = "pv\(index)"
        return .div(
            .class("pv-system"),
            .form(
                .method(.post), .action(pv == nil ? "\(model.base)/pv" : "\(model.base)/pv/\(index)"), .class("filters"),
                Layout.csrfField(context),
                GridUI.input("kWp", name: "kwp", id: "\(id)-kwp", value: GridUI.field(pv?.kWp), type: "number", required: true, step: "any"),
                GridUI.input("Tilt °", name: "tilt_deg", id: "\(id)-tilt", value: GridUI.field(pv?.tilt ?? 30), type: "number", step: "any"),
                GridUI.input("Azimuth °", name: "azimuth_deg", id: "\(id)-az", value: GridUI.field(pv?.azimuth ?? 180), type: "number", step: "any"),
                GridUI.input("Losses %", name: "losses_percent", id: "\(id)-loss", value: GridUI.field(pv?.losses ?? 14), type: "number", step: "any"),
                GridUI.input("DC/AC ratio", name: "dc_ac_ratio", id: "\(id)-ratio", value: GridUI.field(pv?.dcAcRatio), type: "number", step: "any"),
                GridUI.input("Inverter kW", name: "inverter_ac_kw", id: "\(id)-inv", value: GridUI.field(pv?.inverterKW), type: "number", step: "any"),
                .button(.type(.submit), .text(pv == nil ? "Add PV system" : "Save"))
            ),
            .if(pv != nil, .form(
                .method(.post), .action("\(model.base)/pv/\(index)/delete"), .class("inline"),
                Layout.csrfField(context),
                .button(.type(.submit), .class("small danger"), .text("Remove PV system \(index + 1)"))
            ))
        )
    }
}
