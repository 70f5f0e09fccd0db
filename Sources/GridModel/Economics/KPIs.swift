import Foundation

/// Key figures for a house, a transformer, a grid or the whole run. Ratios are `nil` when their denominator is zero.
public struct KPIs: Sendable, Equatable {
    public var totals: EnergyTotals
    /// `1 − Σimport / Σload`.
    public var selfSufficiency: Double?
    /// `1 − (Σexport + Σcurtailed) / ΣPV`.
    public var selfConsumption: Double?
    /// `Σreceived / Σload`.
    public var communityShare: Double?
    /// Equivalent full cycles: AC energy discharged / nominal battery capacity.
    public var batteryCycles: Double?
    public var batteryCapacityKWh: Double
    /// Highest step grid import of a house (houses only).
    public var peakImportKW: Double?
    /// Highest |flow| through the transformer (for a grid: its most loaded transformer).
    public var peakLoadingKW: Double?
    /// Highest |flow| as % of capacity (for a grid: the highest of its transformers).
    public var peakLoadingPercent: Double?
    /// Time with |flow| > capacity, hours (for a grid: summed over its transformers).
    public var hoursOverCapacity: Double?
    /// Energy above capacity, kWh.
    public var overloadKWh: Double?
    /// Largest excess over capacity in one step, kW.
    public var maxOverloadKW: Double?

    init(totals t: EnergyTotals, batteryCapacityKWh: Double) {
        totals = t
        self.batteryCapacityKWh = batteryCapacityKWh
        selfSufficiency = t.load > 0 ? 1 - t.gridImport / t.load : nil
        selfConsumption = t.pv > 0 ? 1 - (t.gridExport + t.curtailed) / t.pv : nil
        communityShare = t.load > 0 ? t.received / t.load : nil
        batteryCycles = batteryCapacityKWh > 0 ? t.batteryDischarge / batteryCapacityKWh : nil
    }

    /// Adds transformer loading figures from a flow series.
    mutating func addLoading(_ series: FlowSeries, stepHours: Double) {
        var peak = 0.0, over = 0, overKWh = 0.0, maxOver = 0.0
        for (f, o) in zip(series.flow, series.overload) {
            peak = max(peak, abs(f))
            if o > 0 { over += 1 }
            overKWh += o * stepHours
            maxOver = max(maxOver, o)
        }
        peakLoadingKW = peak
        peakLoadingPercent = series.capacityKW > 0 ? 100 * peak / series.capacityKW : nil
        hoursOverCapacity = Double(over) * stepHours
        overloadKWh = overKWh
        maxOverloadKW = maxOver
    }

    /// Combines transformer loading figures into a grid's: worst transformer for peaks, sums for durations and energy.
    mutating func addLoading(of parts: [KPIs]) {
        peakLoadingKW = parts.compactMap(\.peakLoadingKW).max()
        peakLoadingPercent = parts.compactMap(\.peakLoadingPercent).max()
        hoursOverCapacity = parts.compactMap(\.hoursOverCapacity).reduce(0, +)
        overloadKWh = parts.compactMap(\.overloadKWh).reduce(0, +)
        maxOverloadKW = parts.compactMap(\.maxOverloadKW).max()
    }
}

/// KPIs with the name of what they describe.
public struct NamedKPIs: Sendable, Equatable {
    public var name: String
    public var kpis: KPIs
}

/// All KPIs of a run: the whole community, each grid, each transformer, each house.
public struct KPIReport: Sendable, Equatable {
    public var total: KPIs
    public var grids: [NamedKPIs]
    public var transformers: [NamedKPIs]
    public var houses: [NamedKPIs]
}
