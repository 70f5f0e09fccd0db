import Foundation
import GridModel
import Platform
import Storage

/// API representations of simulation runs.
enum SimulationViews {
    /// A run with its state (the job's, until the run succeeded), parameters and — once done — KPIs and notes.
    /// `brief` leaves out the per-transformer and per-grid KPIs.
    static func view(_ s: StoredSimulation, job: Job?, brief: Bool = false) -> GridJSON {
        let state = SimulationStore.state(s, job)
        var o: [String: GridJSON] = [
            "id": .uuid(s.id), "name": .string(s.name), "grid_id": .uuid(s.gridID), "grid_name": .string(s.gridName),
            "grid_version": .optional(s.gridVersion.map(Double.init)), "job_id": .uuid(s.jobID), "state": .string(state),
            "progress": .number(state == "succeeded" ? 1 : job?.progress ?? 0), "message": .optional(job?.message),
            "error": .optional(s.error ?? job?.error), "weather_name": .string(s.weatherName), "house_count": .number(Double(s.houseCount)),
            "created_by": .uuid(s.createdBy), "created_at": .date(s.createdAt), "started_at": .date(job?.startedAt),
            "finished_at": .date(s.finishedAt ?? job?.finishedAt),
            "parameters": (try? GridHTTP.parse(Data(s.parameters.utf8))) ?? .null,
        ]
        if state == "succeeded", let text = s.kpis, case .object(let document)? = try? GridHTTP.parse(Data(text.utf8)) {
            o["period"] = document["period"] ?? .null
            o["notes"] = document["notes"] ?? .array([])
            var kpis = document["kpis"]?.object ?? [:]
            if brief { kpis = kpis.filter { $0.key == "total" } }
            o["kpis"] = .object(kpis)
        }
        return .object(o)
    }

    static func links(_ links: [SimulationSeriesLink]) -> GridJSON {
        .array(links.map { link in
            .object([
                "level": .string(link.level), "name": .string(link.name), "metric": .string(link.metric), "series_id": .uuid(link.seriesID),
                "values": .string("/api/v1/series/\(link.seriesID.uuidString.lowercased())"),
            ])
        })
    }

    /// The KPI report of a run in comparable form: `total`, `grids`, `transformers` (and `houses`).
    static func comparable(_ s: StoredSimulation, houses: Bool, platform: PlatformServices) async throws -> [String: GridJSON] {
        var kpis = try SimulationStore.kpiDocument(s)["kpis"]?.object ?? [:]
        if houses {
            kpis["houses"] = .array(try await SimulationStore.houses(s, platform).map { row, result in
                var o = result["kpis"]?.object ?? [:]
                o["name"] = .string(row.name)
                return .object(o)
            })
        }
        return kpis
    }
}

/// The CSV files of a run, in the layout `powerhouse simulate` writes (GridModel's `ResultWriter`).
enum SimulationExport {
    static func seriesCSV(_ s: StoredSimulation, level: String, platform: PlatformServices) async throws -> String {
        let topology = try GridTopology.read(json: Data(s.topology.utf8))
        let entries: [(String, Double)] = level == "grid"
            ? topology.grids.map { ($0.name, $0.transformers.reduce(0) { $0 + $1.capacityKW }) }
            : topology.grids.flatMap { $0.transformers.map { ($0.name, $0.capacityKW) } }
        var out = "timestamp,\(level),capacity_kw," + FlowSeries.columnNames.joined(separator: ",") + "\n"
        for (name, capacity) in entries {
            let found = try await SimulationStore.series(s, level: level, name: name, metrics: FlowSeries.columnNames, platform: platform)
            let stamps = found.timestamps.map { ISO8601.string(Date(timeIntervalSince1970: Double($0) / 1000)) }
            let prefix = "," + field(name) + "," + number(capacity)
            for i in found.timestamps.indices {
                out += stamps[i] + prefix
                for column in found.values { out += "," + number(i < column.values.count ? column.values[i] : .nan) }
                out += "\n"
            }
        }
        return out
    }

    static func housesCSV(_ houses: [(SimulationHouseRow, [String: GridJSON])]) -> String {
        let metrics = EnergyTotals().metrics.map(\.name)
        var out = "house,grid,transformer,month," + metrics.joined(separator: ",") + "\n"
        for (row, result) in houses {
            let monthly = (result["monthly"]?.object ?? [:]).sorted { $0.key < $1.key }
            for (month, totals) in monthly + [("total", result["total"] ?? .null)] {
                out += [field(row.name), field(row.grid), field(row.transformer), month].joined(separator: ",")
                out += "," + metrics.map { number(totals[$0]?.number ?? 0) }.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Six decimals, trailing zeros dropped (as ResultWriter writes them).
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        let r = (v * 1e6).rounded() / 1e6
        if r == 0 { return "0" }
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    static func field(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
