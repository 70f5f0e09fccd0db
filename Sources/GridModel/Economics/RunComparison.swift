import Foundation

/// KPI deltas between two runs (e.g. pro rata vs equal share, with vs without batteries). Rows are matched by
/// level and name; a name present in only one run gets `nil` on the other side.
public struct RunComparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// `total`, `grid`, `transformer` or `house`.
        public var level: String
        public var name: String
        public var metric: String
        public var base: Double?
        public var candidate: Double?
        /// `candidate − base` when both exist.
        public var delta: Double? { if let base, let candidate { candidate - base } else { nil } }
    }

    public var rows: [Row]

    public init(base: KPIReport, candidate: KPIReport) {
        var rows: [Row] = []
        func add(_ level: String, _ name: String, _ a: KPIs?, _ b: KPIs?) {
            let am = a.map { Dictionary($0.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x }) } ?? [:]
            let bm = b.map { Dictionary($0.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x }) } ?? [:]
            for metric in (a ?? b)!.metrics.map(\.name) {
                let x = am[metric] ?? nil, y = bm[metric] ?? nil
                if x != nil || y != nil { rows.append(Row(level: level, name: name, metric: metric, base: x, candidate: y)) }
            }
        }
        func addAll(_ level: String, _ a: [NamedKPIs], _ b: [NamedKPIs]) {
            let bByName = Dictionary(b.map { ($0.name, $0.kpis) }, uniquingKeysWith: { x, _ in x })
            let aNames = Set(a.map(\.name))
            for item in a { add(level, item.name, item.kpis, bByName[item.name]) }
            for item in b where !aNames.contains(item.name) { add(level, item.name, nil, item.kpis) }
        }
        add("total", "", base.total, candidate.total)
        addAll("grid", base.grids, candidate.grids)
        addAll("transformer", base.transformers, candidate.transformers)
        addAll("house", base.houses, candidate.houses)
        self.rows = rows
    }

    /// The row for one figure, e.g. `row("total", "", "self_sufficiency")`.
    public func row(_ level: String, _ name: String, _ metric: String) -> Row? {
        rows.first { $0.level == level && $0.name == name && $0.metric == metric }
    }

    public var jsonValue: GridJSON {
        .array(rows.map { r in
            var o: [String: GridJSON] = ["level": .string(r.level), "name": .string(r.name), "metric": .string(r.metric)]
            o.put("base", r.base)
            o.put("candidate", r.candidate)
            o.put("delta", r.delta)
            return .object(o)
        })
    }
}
