import Foundation

/// Writes a run's outputs as files: `kpis.json`, `transformers.csv` and `grids.csv` (per-step series, long format:
/// one row per step and transformer/grid, timestamps ISO 8601 UTC of the interval start), `houses.csv` (monthly and
/// total energy, money and CO2 per house).
public enum ResultWriter {
    public static func write(_ result: SimulationResult, notes: [String] = [], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(result.kpiDocument(notes: notes).serialized().utf8).write(to: directory.appendingPathComponent("kpis.json"))
        try Data(seriesCSV(result.transformers, period: result.period, label: "transformer").utf8).write(to: directory.appendingPathComponent("transformers.csv"))
        try Data(seriesCSV(result.grids, period: result.period, label: "grid").utf8).write(to: directory.appendingPathComponent("grids.csv"))
        try Data(housesCSV(result).utf8).write(to: directory.appendingPathComponent("houses.csv"))
    }

    /// Per-step series of several transformers (or grids) as CSV text.
    public static func seriesCSV(_ series: [FlowSeries], period: SimulationPeriod, label: String) -> String {
        var out = "timestamp,\(label),capacity_kw," + FlowSeries.columnNames.joined(separator: ",") + "\n"
        out.reserveCapacity(series.count * period.stepCount * 120)
        let stamps = (0..<period.stepCount).map { utcStamp(period.date(ofStep: $0)) }
        for s in series {
            let columns = s.columns
            let prefix = "," + csvField(s.name) + "," + number(s.capacityKW)
            for i in 0..<period.stepCount {
                out += stamps[i]
                out += prefix
                for c in columns {
                    out += ","
                    out += number(c[i])
                }
                out += "\n"
            }
        }
        return out
    }

    public static func housesCSV(_ result: SimulationResult) -> String {
        var out = "house,grid,transformer,month," + EnergyTotals().metrics.map(\.name).joined(separator: ",") + "\n"
        for h in result.houses {
            for (month, t) in zip(result.months + ["total"], h.monthly + [h.total]) {
                out += [csvField(h.name), csvField(h.grid), csvField(h.transformer), month].joined(separator: ",")
                out += "," + t.metrics.map { number($0.value) }.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Six decimals (1 mW / 1 mWh resolution), trailing zeros dropped: compact and stable.
    static func number(_ v: Double) -> String {
        let r = (v * 1e6).rounded() / 1e6
        return GridJSON.format(r == 0 ? 0 : r)
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded())
        let day = Int((Double(seconds) / 86400).rounded(.down))
        let rest = seconds - day * 86400
        return "\(LocalDate(epochDay: day))T" + String(format: "%02d:%02d:%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
