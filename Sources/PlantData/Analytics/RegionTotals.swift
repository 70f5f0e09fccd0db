/// Sums over a set of plants, by EPA's rule `sum(x, na.rm = TRUE)`: missing values are skipped,
/// and a sum whose inputs are all missing is missing (`nil`), not 0.
///
/// Rates, shares and the capacity factor are derived from the sums — never averaged over plants.
public struct RegionTotals: Sendable, Hashable, Codable {
    public private(set) var plantCount: Int = 0
    /// Summed measures (MW, MMBtu, MWh, tons or lb as `Measure` says).
    public private(set) var sums = MeasureValues()
    /// Summed net generation by resource-mix fuel, MWh.
    public private(set) var generationByFuel = FuelValues()

    public init() {}

    /// Adds one plant's values.
    public mutating func add(_ plant: Plant) {
        plantCount += 1
        // Field by field rather than through `Measure`: this runs for every plant of every request.
        Self.add(plant.nameplateCapacity, to: &sums.capacity)
        Self.add(plant.heatInput, to: &sums.heatInput)
        Self.add(plant.totalHeatInput, to: &sums.totalHeatInput)
        Self.add(plant.netGeneration, to: &sums.netGeneration)
        Self.add(plant.emissions.nox, to: &sums.nox)
        Self.add(plant.emissions.so2, to: &sums.so2)
        Self.add(plant.emissions.co2, to: &sums.co2)
        Self.add(plant.emissions.ch4, to: &sums.ch4)
        Self.add(plant.emissions.n2o, to: &sums.n2o)
        Self.add(plant.emissions.co2e, to: &sums.co2e)
        Self.add(plant.mercury, to: &sums.hg)
        let g = plant.generationByFuel
        Self.add(g.coal, to: &generationByFuel.coal)
        Self.add(g.oil, to: &generationByFuel.oil)
        Self.add(g.gas, to: &generationByFuel.gas)
        Self.add(g.nuclear, to: &generationByFuel.nuclear)
        Self.add(g.hydro, to: &generationByFuel.hydro)
        Self.add(g.biomass, to: &generationByFuel.biomass)
        Self.add(g.wind, to: &generationByFuel.wind)
        Self.add(g.solar, to: &generationByFuel.solar)
        Self.add(g.geothermal, to: &generationByFuel.geothermal)
        Self.add(g.otherFossil, to: &generationByFuel.otherFossil)
        Self.add(g.otherUnknown, to: &generationByFuel.otherUnknown)
    }

    /// `sum(na.rm = TRUE)` for one value: missing is skipped, the first present value starts the sum.
    @inline(__always)
    private static func add(_ value: Double?, to sum: inout Double?) {
        if let value { sum = (sum ?? 0) + value }
    }

    /// Adds another set of totals (e.g. fuel groups into a region total).
    public mutating func add(_ other: RegionTotals) {
        plantCount += other.plantCount
        for measure in Measure.allCases { if let v = other.sums[measure] { sums[measure] = (sums[measure] ?? 0) + v } }
        for fuel in ResourceFuel.allCases {
            if let v = other.generationByFuel[fuel] { generationByFuel[fuel] = (generationByFuel[fuel] ?? 0) + v }
        }
    }

    /// Measures a `Plant` carries (the ozone-season ones stay in the sheet table).
    static let plantMeasures: [Measure] = [.capacity, .heatInput, .totalHeatInput, .netGeneration, .nox, .so2, .co2, .ch4, .n2o, .co2e, .hg]

    public subscript(_ measure: Measure) -> Double? { sums[measure] }

    /// Summed annual mass of a pollutant.
    public func mass(_ pollutant: Pollutant) -> Double? { sums[pollutant.massMeasure] }

    /// Output emission rate in lb/MWh: `2000 × tons / MWh` (CO2, CO2e, NOx, SO2) or `lb / MWh`
    /// (CH4, N2O), from the summed mass and net generation. `nil` without mass or without positive generation.
    public func outputRate(_ pollutant: Pollutant) -> Double? {
        EmissionRate.output(pollutant, mass: mass(pollutant), generation: sums[.netGeneration])
    }

    /// Input emission rate in lb/MMBtu of combustion heat input.
    public func inputRate(_ pollutant: Pollutant) -> Double? {
        EmissionRate.output(pollutant, mass: mass(pollutant), generation: sums[.heatInput])
    }

    /// All output rates, lb/MWh.
    public var outputRates: EmissionValues {
        var out = EmissionValues()
        for p in Pollutant.allCases { out[p] = outputRate(p) }
        return out
    }

    /// All input rates, lb/MMBtu.
    public var inputRates: EmissionValues {
        var out = EmissionValues()
        for p in Pollutant.allCases { out[p] = inputRate(p) }
        return out
    }

    /// Resource mix as fractions, EPA's way: negative generation of a fuel (pumped storage,
    /// station use) counts as 0 in both the fuel's share and the total, so shares are within 0…1
    /// and add up to 1. (Checked against EPA's state, subregion and US sheets.)
    public var resourceMix: FuelValues { ResourceMix.shares(generationByFuel) }

    /// Capacity factor: net generation / (nameplate capacity × hours in the year).
    public func capacityFactor(year: Int) -> Double? {
        guard let gen = sums[.netGeneration], let cap = sums[.capacity], cap > 0 else { return nil }
        return gen / (cap * Double(DataYear.hours(inYear: year)))
    }
}
