import Charts
import Foundation
import GridModel
import Platform
import Storage
import WebUI

/// Builds the run and comparison pages' models: KPI cards, charts from the stored series, the house table.
enum SimulationPageBuilder {
    /// Rows of the per-house table on the page (the CSV export has every house).
    static let maxHouseRows = 2_000

    static func model(_ s: StoredSimulation, identity: Identity, platform: PlatformServices) async throws -> SimulationPage.Model {
        let job = try await SimulationStore.job(s, platform)
        let state = SimulationStore.state(s, job)
        let parameters = (try? GridHTTP.parse(Data(s.parameters.utf8)))?.object ?? [:]
        var kpis: [SimulationPage.KPI] = []
        var charts: [Chart] = []
        var houses: [SimulationPage.HouseRow] = []
        var notes: [String] = []
        var currency = parameters["tariffs"]?["currency"]?.string ?? "EUR"
        var others: [(id: String, name: String)] = []
        if state == "succeeded" {
            let document = try SimulationStore.kpiDocument(s)
            notes = (document["notes"]?.array ?? []).compactMap(\.string)
            currency = document["options"]?["currency"]?.string ?? currency
            let topology = try GridTopology.read(json: Data(s.topology.utf8))
            kpis = cards(document, currency: currency)
            charts = try await self.charts(s, topology: topology, platform: platform)
            let shown = try await GridSimulationRepository(platform.database.db).housePage(simulationID: s.id, offset: 0, limit: maxHouseRows)
            if shown.total > shown.rows.count {
                notes.append("The house table shows the first \(shown.rows.count) of \(shown.total) houses; houses.csv has them all.")
            }
            houses = shown.rows.map { row in
                let result = (try? GridHTTP.parse(Data(row.result.utf8)))?.object ?? [:]
                let t = result["total"]
                func v(_ key: String) -> Double { t?[key]?.number ?? 0 }
                return SimulationPage.HouseRow(
                    name: row.name, transformer: row.transformer, load: v("load_kwh"), pv: v("pv_kwh"), received: v("received_kwh"),
                    gridImport: v("import_kwh"), gridExport: v("export_kwh"), selfSufficiency: result["kpis"]?["self_sufficiency"]?.number,
                    cost: v("cost"), saving: v("saving"), co2: v("co2_kg"))
            }
            others = try await GridSimulationRepository(platform.database.db).list(before: nil, limit: 100)
                .filter { $0.id != s.id && $0.state == "succeeded" }.map { ($0.id.uuidString.lowercased(), $0.name) }
        }
        let owner = s.createdBy == identity.user.id || identity.can(.jobsReadAll)
        return SimulationPage.Model(
            id: s.id.uuidString.lowercased(), name: s.name, gridID: s.gridID?.uuidString.lowercased(), gridName: s.gridName,
            jobID: s.jobID.uuidString.lowercased(), state: state, progress: state == "succeeded" ? 1 : job?.progress ?? 0, message: job?.message,
            error: s.error ?? job?.error, parameters: describe(parameters, simulation: s), notes: notes, kpis: kpis, charts: charts,
            currency: currency, houses: houses, others: others, canCancel: owner && identity.can(.simulationsRun),
            canDelete: owner && identity.can(.simulationsRun))
    }

    static func describe(_ p: [String: GridJSON], simulation s: StoredSimulation) -> [(String, String)] {
        func text(_ v: GridJSON?) -> String {
            switch v {
            case .string(let x)?: x
            case .number(let x)?: GridUI.field(x)
            case nil, .null?: "—"
            default: GridHTTP.compact(v!)
            }
        }
        var rows: [(String, String)] = [
            ("Grid", "\(s.gridName)\(s.gridVersion.map { " (version \($0))" } ?? ""), \(s.houseCount) houses"),
            ("Period", "\(text(p["from"])) to \(text(p["to"])) (exclusive), \(text(p["step_minutes"])) min steps"),
            ("Weather", s.weatherName), ("Sharing", "\(text(p["strategy"])) within each \(text(p["scope"]))"),
            ("Batteries", text(p["battery_strategy"]) + (p["peak_threshold_kw"].map { ", threshold \(text($0)) kW" } ?? "")),
            ("Tariffs", "import \(text(p["tariffs"]?["import"])), feed-in \(text(p["tariffs"]?["feed_in"])), community \(text(p["tariffs"]?["community"])) \(text(p["tariffs"]?["currency"]))/kWh"),
            ("CO2", "\(text(p["co2_kg_per_kwh"])) kg/kWh imported" + (p["co2_source"]?.string.map { " (\($0))" } ?? "")), ("Seed", text(p["seed"])), ("Detail", text(p["detail"])),
        ]
        if let priority = p["priority"]?.array { rows.insert(("Priority", priority.compactMap(\.string).joined(separator: ", ")), at: 4) }
        return rows
    }

    static func cards(_ document: [String: GridJSON], currency: String) -> [SimulationPage.KPI] {
        let total = document["kpis"]?["total"]?.object ?? [:]
        func n(_ key: String) -> Double? { total[key]?.number }
        let transformers = (document["kpis"]?["transformers"]?.array ?? []).compactMap(\.object)
        let worst = transformers.max { ($0["peak_loading_percent"]?.number ?? 0) < ($1["peak_loading_percent"]?.number ?? 0) }
        let peak = worst?["peak_loading_percent"]?.number
        let kwh = { (v: Double?) in GridUI.number(v) + " kWh" }
        return [
            .init("Self-sufficiency", GridUI.percent(n("self_sufficiency")), detail: "1 − import / load"),
            .init("Self-consumption", GridUI.percent(n("self_consumption")), detail: "1 − (export + curtailed) / PV"),
            .init("Community share", GridUI.percent(n("community_share")), detail: "received from neighbours / load"),
            .init("Load", kwh(n("load_kwh")), detail: "PV \(kwh(n("pv_kwh")))"),
            .init("Grid import", kwh(n("import_kwh")), detail: "export \(kwh(n("export_kwh")))"),
            .init("Curtailed", kwh(n("curtailed_kwh")), detail: "at the transformer export limit", warn: (n("curtailed_kwh") ?? 0) > 0),
            .init("Peak loading", peak.map { GridUI.number($0, decimals: 1) + " %" } ?? "—",
                  detail: worst.map { "\($0["name"]?.string ?? "") · \(GridUI.number($0["peak_loading_kw"]?.number, decimals: 1)) kW" } ?? "",
                  warn: (peak ?? 0) > 100),
            .init("Over capacity", GridUI.number(n("hours_over_capacity"), decimals: 1) + " h",
                  detail: "\(GridUI.number(n("overload_kwh"), decimals: 1)) kWh over", warn: (n("hours_over_capacity") ?? 0) > 0),
            .init("Bills", GridUI.number(n("cost")) + " " + currency, detail: "without sharing \(GridUI.number(n("baseline_cost"))) \(currency)"),
            .init("Saving", GridUI.number(n("saving")) + " " + currency, detail: "by sharing"),
            .init("CO2", GridUI.number(n("co2_kg")) + " kg", detail: "without sharing \(GridUI.number(n("baseline_co2_kg"))) kg"),
            .init("Battery cycles", GridUI.number(n("battery_cycles"), decimals: 0), detail: "\(GridUI.number(n("battery_capacity_kwh"))) kWh installed"),
        ]
    }

    static let balance: [(metric: String, label: String, sign: Double, color: ChartColor)] = [
        ("self_kw", "PV used on site", 1, .solar), ("battery_discharge_kw", "battery discharge", 1, .battery),
        ("shared_received_kw", "shared from neighbours", 1, ChartColor.palette(1)), ("import_kw", "grid import", 1, .grid),
        ("battery_charge_kw", "battery charge", -1, ChartColor.palette(0)), ("shared_delivered_kw", "shared to neighbours", -1, ChartColor.palette(6)),
        ("export_kw", "grid export", -1, .export), ("curtailed_kw", "curtailed", -1, .limit),
    ]

    /// Daily energy balance, transformer loading over time and its duration curve.
    static func charts(_ s: StoredSimulation, topology: GridTopology, platform: PlatformServices) async throws -> [Chart] {
        let zone = TimeZone(identifier: topology.timeZone) ?? TimeZone(identifier: "UTC")!
        var charts: [Chart] = []
        // Energy balance of the whole community, per local day.
        var times: [Int64] = []
        var sums: [String: [Double]] = [:]
        for grid in topology.grids {
            let found = try await SimulationStore.series(s, level: "grid", name: grid.name, metrics: balance.map(\.metric), platform: platform)
            times = found.timestamps
            for (link, values) in found.values {
                sums[link.metric] = zip(sums[link.metric] ?? Array(repeating: 0, count: values.count), values).map(+)
            }
        }
        if times.count > 1 {
            let stepHours = Double(times[1] - times[0]) / 3_600_000
            var dayStarts: [Int64] = []
            var dayIndex: [Int] = []
            var lastDay = Int.min
            for t in times {
                let day = Int(((Double(t) / 1000 + Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t) / 1000)))) / 86400).rounded(.down))
                if day != lastDay { dayStarts.append(t); lastDay = day }
                dayIndex.append(dayStarts.count - 1)
            }
            let series = balance.compactMap { item -> ChartSeries? in
                guard let values = sums[item.metric] else { return nil }
                var daily = Array(repeating: 0.0, count: dayStarts.count)
                for (i, v) in values.enumerated() { daily[dayIndex[i]] += item.sign * v * stepHours }
                return ChartSeries(id: item.metric, name: item.label, unit: "kWh", values: daily, color: item.color)
            }
            charts.append(Chart(
                id: "energy-balance", title: "Daily energy balance",
                summary: "Above zero: where the load's energy came from (the stack is the load). Below zero: where the PV energy went.",
                kind: .stackedBars, x: .time(dayStarts, timeZone: zone), series: series, options: ChartOptions(height: 340)))
        }
        // Transformer flows.
        var flows: [(name: String, capacity: Double, times: [Int64], values: [Double])] = []
        for t in topology.grids.flatMap(\.transformers) {
            let found = try await SimulationStore.series(s, level: "transformer", name: t.name, metrics: ["flow_kw"], platform: platform)
            if let values = found.values.first?.values { flows.append((t.name, t.capacityKW, found.timestamps, values)) }
        }
        if let first = flows.first {
            let capacities = Set(flows.map(\.capacity)).sorted()
            let lines = capacities.count <= 3
                ? capacities.flatMap { [ChartReferenceLine(value: $0, label: "capacity \(GridUI.field($0)) kW"),
                                        ChartReferenceLine(value: -$0, label: "export limit \(GridUI.field($0)) kW")] } : []
            charts.append(Chart(
                id: "transformer-loading", title: "Transformer loading over time",
                summary: "Net flow through each transformer (positive: drawn from the grid above, negative: fed back), with its capacity.",
                kind: .line, x: .time(first.times, timeZone: zone),
                series: flows.enumerated().map { i, f in ChartSeries(id: f.name, name: f.name, unit: "kW", values: f.values, color: ChartColor.palette(i)) },
                options: ChartOptions(height: 320, referenceLines: lines)))
            charts.append(DurationCurve.chart(
                id: "transformer-duration", title: "Transformer loading duration curve",
                summary: "Loading as % of capacity (|flow| / capacity).",
                series: flows.enumerated().map { i, f in
                    ChartSeries(id: f.name, name: f.name, unit: "%", values: f.values.map { 100 * abs($0) / f.capacity }, color: ChartColor.palette(i))
                },
                options: ChartOptions(height: 300, referenceLines: [ChartReferenceLine(value: 100, label: "capacity")])))
        }
        return charts
    }

    static func comparison(_ base: StoredSimulation, _ candidate: StoredSimulation, platform: PlatformServices) async throws -> SimulationComparePage.Model {
        let a = try await SimulationViews.comparable(base, houses: false, platform: platform)
        let b = try await SimulationViews.comparable(candidate, houses: false, platform: platform)
        let rows = SimulationStore.comparison(base: a, candidate: b).compactMap { row -> SimulationComparePage.Row? in
            guard let o = row.object else { return nil }
            return SimulationComparePage.Row(
                level: o["level"]?.string ?? "", name: o["name"]?.string ?? "", metric: o["metric"]?.string ?? "", base: o["base"]?.number,
                candidate: o["candidate"]?.number)
        }
        var series: [ChartSeries] = []
        for (run, label) in [(base, "base"), (candidate, "candidate")] {
            let topology = try GridTopology.read(json: Data(run.topology.utf8))
            for t in topology.grids.flatMap(\.transformers) {
                let found = try await SimulationStore.series(run, level: "transformer", name: t.name, metrics: ["flow_kw"], platform: platform)
                guard let values = found.values.first?.values else { continue }
                series.append(ChartSeries(id: "\(label)-\(t.name)", name: "\(t.name) (\(label))", unit: "%",
                                          values: values.map { 100 * abs($0) / t.capacityKW }, color: ChartColor.palette(series.count)))
            }
        }
        let chart = DurationCurve.chart(
            id: "compare-duration", title: "Transformer loading duration curves, both runs", series: series,
            options: ChartOptions(height: 320, referenceLines: [ChartReferenceLine(value: 100, label: "capacity")]))
        return SimulationComparePage.Model(
            base: (base.id.uuidString.lowercased(), base.name), candidate: (candidate.id.uuidString.lowercased(), candidate.name), rows: rows,
            charts: [chart])
    }
}
