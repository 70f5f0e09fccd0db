/// How a region's figures changed across the loaded years.
public struct RegionTrend: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public let year: Int
        public let value: Double?
    }

    /// Change from one loaded year to the next loaded year.
    public struct Change: Sendable, Hashable, Codable {
        public let fromYear: Int
        public let toYear: Int
        public let absolute: Double
        /// `nil` when the earlier value is 0.
        public let relative: Double?
    }

    public let level: RegionLevel
    public let code: String
    public let fuelCategory: String?
    public let metric: RegionMetric
    public let points: [Point]
    public let changes: [Change]
}

public enum YearOverYear {
    /// Trends of every region (and fuel category) in `figures`, for each metric, over the years present.
    /// Works on EPA's records (`state.csv` holds 2018 and 2019) and on aggregates of several plant years.
    public static func trends(_ figures: [any RegionFigures], metrics: [RegionMetric] = RegionMetric.allCases) -> [RegionTrend] {
        struct Key: Hashable { let level: RegionLevel; let code: String; let fuel: String? }
        var groups: [Key: [any RegionFigures]] = [:]
        for f in figures { groups[Key(level: f.level, code: f.code, fuel: f.fuelCategory), default: []].append(f) }
        var out: [RegionTrend] = []
        for key in groups.keys.sorted(by: { ($0.level.rawValue, $0.code, $0.fuel ?? "") < ($1.level.rawValue, $1.code, $1.fuel ?? "") }) {
            let series = groups[key]!.sorted { $0.year < $1.year }
            for metric in metrics {
                let points = series.map { RegionTrend.Point(year: $0.year, value: $0.value(metric)) }
                var changes: [RegionTrend.Change] = []
                for (a, b) in zip(points, points.dropFirst()) {
                    guard let x = a.value, let y = b.value else { continue }
                    changes.append(RegionTrend.Change(fromYear: a.year, toYear: b.year, absolute: y - x, relative: x == 0 ? nil : (y - x) / abs(x)))
                }
                out.append(RegionTrend(level: key.level, code: key.code, fuelCategory: key.fuel, metric: metric, points: points, changes: changes))
            }
        }
        return out
    }
}
