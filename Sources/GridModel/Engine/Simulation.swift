import Foundation

/// The energy-community simulator. Per step Δt and house, with load L and PV G (kW):
///
/// 1. own use `self = min(L, G)`, surplus `s = G − self`, deficit `d = L − self`;
/// 2. battery (self-consumption): charge `c = min(s, Pc, (Emax − E)/(ηc·Δt))`, or discharge
///    `x = min(d, Pd, (E − Emin)·ηd/Δt)`; peak shaving discharges only the part of `d` above a threshold;
/// 3. transformer export limit: if `S_X − D_X > Cap`, the excess is curtailed from the surpluses pro rata;
/// 4. sharing in the scope: `T = min(S, D)`; sellers deliver `T·s_h/S`; buyers receive by strategy;
/// 5. the rest is grid import/export; 6. transformer flow `F_X = D_X − S_X`, overload when `|F_X| > Cap`.
///
/// Same inputs → bit-identical results (fixed summation order, no threads, counter-based randomness).
public enum Simulation {
    /// Runs the simulation.
    /// - Parameters:
    ///   - load: kW per house and step (the profile builder `StandardLoadSource`, measured arrays, …).
    ///   - pv: kW AC per house and step (`PVShapeSource` fed by the PV model, arrays from CSV, …).
    ///   - progress: called after each block with the fraction done; return `false` to cancel (throws `.cancelled`).
    ///   - sink: receives every house's per-step series block by block when `options.detail == .full`.
    public static func run(
        topology: GridTopology, period: SimulationPeriod, load: any HouseProfileSource, pv: any HouseProfileSource,
        options: SimulationOptions = SimulationOptions(), holidays: HolidayCalendar = .germanyNational,
        progress: ((Double) -> Bool)? = nil, sink: ((HouseStepBlock) throws -> Void)? = nil
    ) throws -> SimulationResult {
        let issues = topology.validate()
        if !issues.isEmpty { throw TopologyError(issues: issues) }
        try options.economics.importTariff.validate(name: "import tariff", stepCount: period.stepCount)
        try options.economics.feedInTariff.validate(name: "feed-in tariff", stepCount: period.stepCount)
        try options.economics.emissions.validate(period: period)
        guard period.stepCount > 0 else { throw SimulationError.invalidInput("the period has no steps") }
        let calendar = StepCalendar(period: period, holidays: holidays)
        let engine = Engine(topology: topology, calendar: calendar, options: options)
        defer { engine.release() }
        try engine.run(load: load, pv: pv, progress: progress, sink: options.detail == .full ? sink : nil)
        return engine.result(topology: topology)
    }
}
