import ArgumentParser
import Foundation
import GridModel

/// `powerhouse simulate`: one energy-community run from files, no server or database.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate an energy community from a topology file (no server): writes KPIs and per-step series.",
        discussion: """
            TOPOLOGY.json is a powerhouse.grid/v1 document (reference/grid/topology-schema.md). Loads come from the \
            BDEW profile builder (seeded), PV from the Solar model on the weather (--weather FILE: TMY3, EPW or a plain \
            CSV with GHI, DNI, DHI, temperature and wind; without it Solar's seeded synthetic weather). --loads and \
            --pv replace the builder and the PV model for the houses they name: a CSV with a timestamp column and one \
            column per house name, in kW.

            Writes into --out: kpis.json (powerhouse.grid-kpis/v1), transformers.csv and grids.csv (one row per step \
            and transformer/grid), houses.csv (monthly and total energy, money and CO2 per house).

            Example: powerhouse simulate demo.json --from 2025-01-01 --to 2026-01-01 --strategy equal --out run1
            """)

    @Argument(help: "Topology document (powerhouse.grid/v1 JSON).")
    var topology: String

    @Option(help: "Weather file (TMY3, EPW or plain CSV). Default: synthetic weather, seeded by --seed.")
    var weather: String?

    @Option(help: "First day, YYYY-MM-DD (local midnight in the topology's time zone).")
    var from: String

    @Option(help: "End day, YYYY-MM-DD, exclusive (at most a year after --from).")
    var to: String

    @Option(help: "Sharing among buyers: pro-rata, equal or priority.")
    var strategy = "pro-rata"

    @Option(help: "Where houses share: transformer, grid or none.")
    var scope = "transformer"

    @Option(help: "Priority list entry (repeat, in order): a house name, flag or tag, or house:/flag:/tag: NAME. Default: flag:priority.")
    var priority: [String] = []

    @Option(help: "CSV of measured loads (timestamp, one column per house, kW).")
    var loads: String?

    @Option(help: "CSV of measured PV output (timestamp, one column per house, kW).")
    var pv: String?

    @Option(help: "Seed of the load randomisation and the synthetic weather.")
    var seed: UInt64 = 1

    @Option(help: "Step length in minutes (5, 10, 15, 30 or 60).")
    var step = 15

    @Option(help: "Output directory (created if missing).")
    var out: String

    func run() throws {
        let started = ContinuousClock.now
        do {
            let topologyDocument = try GridTopology.read(json: try Self.data(topology))
            guard let fromDate = LocalDate(from) else { throw ValidationError("--from \"\(from)\" is not a date like 2025-01-01") }
            guard let toDate = LocalDate(to) else { throw ValidationError("--to \"\(to)\" is not a date like 2026-01-01") }
            guard let scopeValue = SharingScope(rawValue: scope) else {
                throw ValidationError("--scope \"\(scope)\": use transformer, grid or none")
            }
            var options = SimulationOptions(scope: scopeValue)
            options.sharing = try SimulateCommand.sharingStrategy(
                strategy, priority: priority, houseNames: Set(topologyDocument.allHouses.map(\.name)))
            let request = SimulateRequest(
                topology: topologyDocument, from: fromDate, to: toDate, stepMinutes: step, seed: seed, options: options,
                loadsCSV: try loads.map(Self.data), pvCSV: try pv.map(Self.data))
            let source: RunWeather = try weather.map { path in
                .file(text: String(decoding: try Self.data(path), as: UTF8.self), name: URL(fileURLWithPath: path).lastPathComponent)
            } ?? .synthetic(seed: seed)
            let outcome = try SolarRun.run(request, weather: source)
            let directory = URL(fileURLWithPath: out)
            try ResultWriter.write(outcome.result, notes: outcome.notes, to: directory)
            print(Self.summary(outcome, topology: topologyDocument, elapsed: ContinuousClock.now - started, directory: directory))
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("powerhouse simulate: \(error)")
            throw ExitCode.failure
        }
    }

    static func data(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }

    static func summary(_ outcome: SimulateOutcome, topology: GridTopology, elapsed: Duration, directory: URL) -> String {
        let r = outcome.result
        let total = r.kpis.total
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
        func kwh(_ v: Double) -> String { String(format: "%.0f kWh", v) }
        let worst = r.kpis.transformers.max { ($0.kpis.peakLoadingPercent ?? 0) < ($1.kpis.peakLoadingPercent ?? 0) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var lines = [
            "simulated \(r.houses.count) houses, \(r.transformers.count) transformers, \(r.period.stepCount) steps × \(r.period.stepMinutes) min "
                + "(\(r.period.timeZoneID)) in \(String(format: "%.2f", seconds)) s",
            "self-sufficiency \(pct(total.selfSufficiency)), self-consumption \(pct(total.selfConsumption)), "
                + "community share \(pct(total.communityShare)); load \(kwh(total.totals.load)), PV \(kwh(total.totals.pv)), "
                + "import \(kwh(total.totals.gridImport)), export \(kwh(total.totals.gridExport)), curtailed \(kwh(total.totals.curtailed))",
        ]
        if let worst {
            lines.append(
                "peak transformer loading \(String(format: "%.1f", worst.kpis.peakLoadingPercent ?? 0)) % (\(worst.name)); "
                    + "\(String(format: "%.2f", total.hoursOverCapacity ?? 0)) h over capacity in all")
        }
        lines.append(String(format: "bills %.2f %@, saving by sharing %.2f %@, CO2 %.0f kg", total.totals.cost, r.options.economics.currency,
                            total.totals.saving, r.options.economics.currency, total.totals.co2Kg))
        lines += outcome.notes.map { "note: \($0)" }
        lines.append("wrote \(directory.path)/kpis.json, transformers.csv, grids.csv, houses.csv")
        return lines.joined(separator: "\n")
    }
}
