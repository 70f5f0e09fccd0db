/// Plants summed over one region (and optionally one fuel category), with EPA's derived figures.
public struct RegionAggregate: Sendable, Hashable, Codable {
    public var level: RegionLevel
    public var year: Int
    /// Region code (`TX`, `ERCO`, `ERCT`, `TRE`, `US`).
    public var code: String
    /// Long name where the plants carry one (`SRNAME`, `BANAME`).
    public var name: String?
    /// Fuel category (`PLFUELCT`) of this group, `nil` for all fuels.
    public var fuelCategory: String?
    public var totals: RegionTotals
    /// lb/MWh, recomputed from the summed masses.
    public var outputRates: EmissionValues
    /// lb/MMBtu, recomputed from the summed masses and combustion heat input.
    public var inputRates: EmissionValues
    /// Fractions of generation by resource-mix fuel.
    public var resourceMix: FuelValues
    /// Fraction.
    public var capacityFactor: Double?

    public init(level: RegionLevel, year: Int, code: String, name: String?, fuelCategory: String?, totals: RegionTotals) {
        self.level = level
        self.year = year
        self.code = code
        self.name = name
        self.fuelCategory = fuelCategory
        self.totals = totals
        self.outputRates = totals.outputRates
        self.inputRates = totals.inputRates
        self.resourceMix = totals.resourceMix
        self.capacityFactor = totals.capacityFactor(year: year)
    }
}

/// Aggregates plants by region, the way EPA builds its region sheets from the plant sheet.
public enum PlantAggregator {
    /// Totals per region of `level` (and per fuel category when `byFuel`), per data year, sorted by
    /// year, code and fuel category. Plants with no code at that level (e.g. Alaskan plants outside
    /// every balancing authority) belong to no region of it, as in EPA's sheets. With `byFuel`, a
    /// plant without a fuel category is grouped under `UNKNOWN`.
    public static func aggregate(_ plants: [Plant], by level: RegionLevel, byFuel: Bool = false) -> [RegionAggregate] {
        struct Key: Hashable { let year: Int; let code: String; let fuel: String? }
        var groupOf: [Key: Int] = [:]
        var keys: [Key] = []
        var totals: [RegionTotals] = []
        var names: [String?] = []
        // Indexing rather than `for plant in plants`: it borrows each plant instead of copying it.
        for i in plants.indices {
            guard let code = plants[i].regionCode(level), !code.isEmpty else { continue }
            let key = Key(year: plants[i].year, code: code, fuel: byFuel ? (plants[i].fuelCategory ?? "UNKNOWN") : nil)
            let g: Int
            if let known = groupOf[key] {
                g = known
            } else {
                g = keys.count
                groupOf[key] = g
                keys.append(key)
                totals.append(RegionTotals())
                names.append(nil)
            }
            totals[g].add(plants[i])
            if names[g] == nil { names[g] = regionName(plants[i], level) }
        }
        return keys.indices.map { g in
            RegionAggregate(level: level, year: keys[g].year, code: keys[g].code, name: names[g], fuelCategory: keys[g].fuel, totals: totals[g])
        }
        .sorted { ($0.year, $0.code, $0.fuelCategory ?? "") < ($1.year, $1.code, $1.fuelCategory ?? "") }
    }

    /// Every level at once (state, BA, subregion, NERC, US), each optionally by fuel: what a region
    /// page or an export needs.
    public static func aggregateAll(_ plants: [Plant], byFuel: Bool = false) -> [RegionLevel: [RegionAggregate]] {
        var out: [RegionLevel: [RegionAggregate]] = [:]
        for level in RegionLevel.allCases { out[level] = aggregate(plants, by: level, byFuel: byFuel) }
        return out
    }

    private static func regionName(_ plant: Plant, _ level: RegionLevel) -> String? {
        switch level {
        case .balancingAuthority: plant.balancingAuthorityName
        case .subregion: plant.subregionName
        case .state, .nercRegion: nil
        case .us: "United States"
        }
    }
}
