/// Grid emission factors of a region and year: what a simulation needs to price imports in CO2.
public struct EmissionFactors: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Codable {
        /// EPA's published output rates (a region sheet).
        case published
        /// Recomputed from plants aggregated by region.
        case plants
    }

    public let level: RegionLevel
    public let code: String
    public let year: Int
    public let source: Source
    /// Output emission rates, lb/MWh.
    public let poundsPerMegawattHour: EmissionValues
    /// The same in kg/kWh (lb/MWh × 0.45359237 / 1000).
    public let kilogramsPerKilowattHour: EmissionValues

    init(level: RegionLevel, code: String, year: Int, source: Source, rates: EmissionValues) {
        self.level = level
        self.code = code
        self.year = year
        self.source = source
        poundsPerMegawattHour = rates
        var kg = EmissionValues()
        for p in Pollutant.allCases { kg[p] = rates[p].map(EmissionRate.kilogramsPerKilowattHour(fromPoundsPerMegawattHour:)) }
        kilogramsPerKilowattHour = kg
    }

    /// Factors from EPA's published region row (missing rates recomputed from its sums).
    public init(_ record: RegionRecord) {
        var rates = EmissionValues()
        for p in Pollutant.allCases {
            rates[p] = record.value(RegionMetric.allCases.first { $0.isRate && $0.pollutant == p }!)
        }
        self.init(level: record.level, code: record.code, year: record.year, source: .published, rates: rates)
    }

    /// Factors recomputed from aggregated plants.
    public init(_ aggregate: RegionAggregate) {
        self.init(level: aggregate.level, code: aggregate.code, year: aggregate.year, source: .plants, rates: aggregate.outputRates)
    }

    /// The factors of `subregion` in `year`: EPA's published subregion row when loaded, else the
    /// plants of that subregion aggregated.
    public static func subregion(_ subregion: String, year: Int, records: [RegionRecord] = [], plants: [Plant] = []) -> EmissionFactors? {
        if let r = records.first(where: { $0.level == .subregion && $0.year == year && $0.code == subregion }) { return EmissionFactors(r) }
        let own = plants.filter { $0.year == year && $0.subregion == subregion }
        return PlantAggregator.aggregate(own, by: .subregion).first.map(EmissionFactors.init)
    }
}
