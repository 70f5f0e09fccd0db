import Foundation

/// Per-step aggregates of a transformer or a grid, in kW (interval averages). `flow` is the physical net import
/// through the transformer (`D_X − S_X` after curtailment, negative = export); `overload` is `max(0, |flow| − capacity)`.
public struct FlowSeries: Sendable, Equatable {
    public var name: String
    public var capacityKW: Double
    public var load: [Double]
    public var pv: [Double]
    public var selfConsumption: [Double]
    public var batteryCharge: [Double]
    public var batteryDischarge: [Double]
    /// Energy received from other houses of the sharing scope ("shared").
    public var received: [Double]
    /// Energy delivered to other houses of the sharing scope.
    public var delivered: [Double]
    public var gridImport: [Double]
    public var gridExport: [Double]
    public var curtailed: [Double]
    public var flow: [Double]
    public var overload: [Double]

    /// Column names for CSV output, in `columns` order.
    public static let columnNames = [
        "load_kw", "pv_kw", "self_kw", "battery_charge_kw", "battery_discharge_kw", "shared_received_kw", "shared_delivered_kw",
        "import_kw", "export_kw", "curtailed_kw", "flow_kw", "overload_kw",
    ]

    /// The series in `columnNames` order.
    public var columns: [[Double]] {
        [load, pv, selfConsumption, batteryCharge, batteryDischarge, received, delivered, gridImport, gridExport, curtailed, flow, overload]
    }

    init(name: String, capacityKW: Double, columns c: [[Double]]) {
        self.name = name
        self.capacityKW = capacityKW
        load = c[0]; pv = c[1]; selfConsumption = c[2]; batteryCharge = c[3]; batteryDischarge = c[4]; received = c[5]
        delivered = c[6]; gridImport = c[7]; gridExport = c[8]; curtailed = c[9]; flow = c[10]; overload = c[11]
    }
}

/// Energy (kWh), money and CO2 (kg) over some time span. The `baseline…` fields are the same house without sharing
/// (same batteries and curtailment: both act before sharing, so the baseline is exactly import + received and
/// export + delivered priced at the grid tariffs).
public struct EnergyTotals: Sendable, Equatable {
    public var load = 0.0
    public var pv = 0.0
    public var selfConsumption = 0.0
    public var batteryCharge = 0.0
    public var batteryDischarge = 0.0
    public var received = 0.0
    public var delivered = 0.0
    public var gridImport = 0.0
    public var gridExport = 0.0
    public var curtailed = 0.0
    /// Net bill: import and received energy paid, export and delivered energy credited.
    public var cost = 0.0
    public var baselineCost = 0.0
    public var co2Kg = 0.0
    public var baselineCo2Kg = 0.0

    public init() {}

    static let fieldCount = 14

    init(_ v: UnsafeBufferPointer<Double>) {
        load = v[0]; pv = v[1]; selfConsumption = v[2]; batteryCharge = v[3]; batteryDischarge = v[4]; received = v[5]
        delivered = v[6]; gridImport = v[7]; gridExport = v[8]; curtailed = v[9]; cost = v[10]; baselineCost = v[11]
        co2Kg = v[12]; baselineCo2Kg = v[13]
    }

    public static func + (a: EnergyTotals, b: EnergyTotals) -> EnergyTotals {
        var r = EnergyTotals()
        r.load = a.load + b.load; r.pv = a.pv + b.pv; r.selfConsumption = a.selfConsumption + b.selfConsumption
        r.batteryCharge = a.batteryCharge + b.batteryCharge; r.batteryDischarge = a.batteryDischarge + b.batteryDischarge
        r.received = a.received + b.received; r.delivered = a.delivered + b.delivered; r.gridImport = a.gridImport + b.gridImport
        r.gridExport = a.gridExport + b.gridExport; r.curtailed = a.curtailed + b.curtailed; r.cost = a.cost + b.cost
        r.baselineCost = a.baselineCost + b.baselineCost; r.co2Kg = a.co2Kg + b.co2Kg; r.baselineCo2Kg = a.baselineCo2Kg + b.baselineCo2Kg
        return r
    }

    /// `baselineCost − cost`: what sharing saved.
    public var saving: Double { baselineCost - cost }
}

/// One house's totals per month and over the run.
public struct HouseResult: Sendable, Equatable {
    public var name: String
    public var grid: String
    public var transformer: String
    /// One entry per `SimulationResult.months`.
    public var monthly: [EnergyTotals]
    public var total: EnergyTotals
    /// Highest grid import of any step, kW.
    public var peakImportKW: Double
    public var batteryCapacityKWh: Double?
}

/// Everything a run produces (except the optional per-house per-step series, which go to the sink).
public struct SimulationResult: Sendable, Equatable {
    public var period: SimulationPeriod
    public var options: SimulationOptions
    /// `YYYY-MM` of each month the period touches (local time).
    public var months: [String]
    public var transformers: [FlowSeries]
    /// Grid name of each transformer.
    public var transformerGrid: [String]
    public var grids: [FlowSeries]
    public var houses: [HouseResult]
    public var kpis: KPIReport
}

/// A block of every house's per-step series, delivered to the sink when `detail == .full`. Arrays are house-major:
/// the value of house `h` at step `startStep + k` is at `h * stepCount + k`.
public struct HouseStepBlock: Sendable {
    public var startStep: Int
    public var stepCount: Int
    public var houseNames: [String]
    public var load: [Double]
    public var pv: [Double]
    public var selfConsumption: [Double]
    public var batteryCharge: [Double]
    public var batteryDischarge: [Double]
    /// Stored energy (kWh) at the end of the step.
    public var batteryEnergy: [Double]
    public var received: [Double]
    public var delivered: [Double]
    public var gridImport: [Double]
    public var gridExport: [Double]
    public var curtailed: [Double]
}
