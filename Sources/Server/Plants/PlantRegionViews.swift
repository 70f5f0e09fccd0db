import Foundation
import PlantData
import Storage

/// Region figures: aggregated from plants (`source: plants`) or EPA's published region row
/// (`source: published`). Rates are always recomputed from the summed masses; published rows also carry
/// EPA's own rates for comparison.
struct RegionFiguresView: Encodable, Sendable {
    let level: String
    let year: Int
    let code: String
    let name: String?
    let fuelCategory: String?
    let source: String
    let plantCount: Int?
    let totals: NamedValues
    let outputRatesLbPerMwh: NamedValues
    let inputRatesLbPerMmbtu: NamedValues
    let publishedOutputRatesLbPerMwh: NamedValues?
    let generationByFuelMwh: NamedValues
    let resourceMix: NamedValues
    let capacityFactor: Double?

    static func totals(_ values: MeasureValues) -> NamedValues {
        NamedValues(entries: [
            ("capacity_mw", values.capacity), ("net_generation_mwh", values.netGeneration),
            ("heat_input_mmbtu", values.heatInput), ("total_heat_input_mmbtu", values.totalHeatInput),
            ("co2_tons", values.co2), ("ch4_lb", values.ch4), ("n2o_lb", values.n2o), ("co2e_tons", values.co2e),
            ("nox_tons", values.nox), ("so2_tons", values.so2), ("hg_lb", values.hg),
        ])
    }

    init(_ a: RegionAggregate) {
        level = PlantNames.levelKey(a.level)
        year = a.year
        code = a.code
        name = a.name
        fuelCategory = a.fuelCategory
        source = "plants"
        plantCount = a.totals.plantCount
        totals = Self.totals(a.totals.sums)
        outputRatesLbPerMwh = .pollutants(a.outputRates)
        inputRatesLbPerMmbtu = .pollutants(a.inputRates)
        publishedOutputRatesLbPerMwh = nil
        generationByFuelMwh = .fuels(a.totals.generationByFuel)
        resourceMix = .fuels(a.resourceMix)
        capacityFactor = a.capacityFactor
    }

    init(_ r: RegionRecord) {
        level = PlantNames.levelKey(r.level)
        year = r.year
        code = r.code
        name = r.name
        fuelCategory = nil
        source = "published"
        plantCount = nil
        totals = Self.totals(r.totals)
        var output = EmissionValues(), input = EmissionValues()
        for p in Pollutant.allCases {
            let mass = r.totals[p.massMeasure]
            output[p] = EmissionRate.output(p, mass: mass, generation: r.totals.netGeneration)
            input[p] = EmissionRate.output(p, mass: mass, generation: r.totals.heatInput)
        }
        outputRatesLbPerMwh = .pollutants(output)
        inputRatesLbPerMmbtu = .pollutants(input)
        publishedOutputRatesLbPerMwh = .pollutants(r.outputRates)
        generationByFuelMwh = .fuels(r.generationByFuel)
        resourceMix = .fuels(r.resourceMix)
        capacityFactor = r.value(.capacityFactor)
    }
}

struct EmissionFactorsView: Encodable, Sendable {
    let year: Int
    let subregion: String
    let source: String
    let lbPerMwh: NamedValues
    let kgPerKwh: NamedValues
    let dataset: DatasetRef

    init(_ f: EmissionFactors, dataset: PlantDataset) {
        year = f.year
        subregion = f.code
        source = f.source.rawValue
        lbPerMwh = .pollutants(f.poundsPerMegawattHour)
        kgPerKwh = .pollutants(f.kilogramsPerKilowattHour)
        self.dataset = DatasetRef(dataset)
    }
}
