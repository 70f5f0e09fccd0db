import Foundation
import PlantData

/// EPA's published region rows of one level summed to the nation and compared with EPA's US row: the
/// typed-record form of `ConsistencyCheck.regions` (which needs the source sheets). Region values are
/// published rounded, so the tolerance is the rounding of every summed value plus that of the US value
/// plus one part per million.
enum RegionRollup {
    struct Row: Encodable, Sendable, Hashable {
        let level: String
        let year: Int
        let column: String
        let sum: Double?
        let us: Double?
        let difference: Double?
        let relativeDifference: Double?
        let tolerance: Double
        let status: String
        let regionCount: Int
    }

    static let measures: [(String, Measure)] = [
        ("capacity_mw", .capacity), ("net_generation_mwh", .netGeneration), ("heat_input_mmbtu", .heatInput),
        ("co2_tons", .co2), ("ch4_lb", .ch4), ("n2o_lb", .n2o), ("co2e_tons", .co2e), ("nox_tons", .nox), ("so2_tons", .so2),
    ]

    static func compare(_ parts: [RegionRecord], level: RegionLevel, against us: RegionRecord) -> [Row] {
        var rows: [Row] = []
        func row(_ column: String, _ values: [Double?], _ published: Double?) -> Row {
            let present = values.compactMap { $0 }
            let sum = present.isEmpty ? nil : present.reduce(0, +)
            var tolerance = present.reduce(0) { $0 + halfUnit($1) } + (published.map(halfUnit) ?? 0)
            tolerance += 1e-6 * abs(published ?? 0) + 1e-9
            var status = "ok"
            var difference: Double?, relative: Double?
            switch (sum, published) {
            case (nil, nil): status = "ok"
            case (nil, _): status = "computed_missing"
            case (_, nil): status = "published_missing"
            case let (s?, p?):
                difference = s - p
                relative = p == 0 ? nil : (s - p) / abs(p)
                status = abs(s - p) <= tolerance ? "ok" : "differs"
            }
            return Row(level: PlantNames.levelKey(level), year: us.year, column: column, sum: sum, us: published,
                       difference: difference, relativeDifference: relative, tolerance: tolerance, status: status,
                       regionCount: parts.count)
        }
        for (column, measure) in measures {
            rows.append(row(column, parts.map { $0.totals[measure] }, us.totals[measure]))
        }
        for fuel in ResourceFuel.allCases {
            rows.append(row("generation_" + PlantNames.fuelKey(fuel) + "_mwh", parts.map { $0.generationByFuel[fuel] }, us.generationByFuel[fuel]))
        }
        return rows
    }

    /// Half a unit in the last decimal place written: 0.0005 for `947.182`, 0.5 for `4168370118`.
    static func halfUnit(_ v: Double) -> Double {
        guard v.isFinite, v != 0 else { return 0 }
        var scale = 1.0
        for _ in 0...12 {
            let x = v * scale
            if abs(x - x.rounded()) <= 1e-9 * max(1, abs(x)) { return 0.5 / scale }
            scale *= 10
        }
        return 0
    }
}
