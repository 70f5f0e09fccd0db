import Foundation
import PlantData

/// `Plant` ↔ a row of `plant_plants`: every typed field has its own column (the names are those of
/// `008_CreatePlantTables`), so a dataset's plants load without parsing JSON.
enum PlantRowCodec {
    static let fuels: [(ResourceFuel, String)] = [
        (.coal, "coal"), (.oil, "oil"), (.gas, "gas"), (.nuclear, "nuclear"), (.hydro, "hydro"), (.biomass, "biomass"),
        (.wind, "wind"), (.solar, "solar"), (.geothermal, "geothermal"), (.otherFossil, "other_fossil"),
        (.otherUnknown, "other_unknown"),
    ]
    static let pollutants: [(Pollutant, String)] = [
        (.co2, "co2"), (.ch4, "ch4"), (.n2o, "n2o"), (.co2e, "co2e"), (.nox, "nox"), (.so2, "so2"),
    ]

    /// Typed columns in the order `cells(_:)` writes and `plant(_:)` reads them.
    static let typedColumns: [(String, SQLCellType)] = {
        var columns: [(String, SQLCellType)] = [
            ("year", .int), ("orispl", .int), ("sequence", .int), ("name", .text), ("state", .text),
            ("fips_state", .text), ("fips_county", .text), ("county", .text), ("latitude", .double), ("longitude", .double),
            ("operator_name", .text), ("operator_code", .text), ("utility_name", .text), ("utility_id", .text),
            ("sector", .text), ("ba_code", .text), ("ba_name", .text), ("subregion", .text), ("subregion_name", .text),
            ("nerc", .text), ("iso_rto", .text), ("primary_fuel", .text), ("fuel_category", .text),
            ("capacity_mw", .double), ("capacity_factor", .double), ("net_generation_mwh", .double),
            ("heat_input_mmbtu", .double), ("total_heat_input_mmbtu", .double), ("hg_lb", .double),
        ]
        for (_, name) in pollutants { columns += [("mass_" + name, .double), ("rate_" + name, .double)] }
        for (_, name) in fuels { columns += [("gen_" + name, .double), ("mix_" + name, .double)] }
        columns += [("row_index", .int), ("line", .int)]
        return columns
    }()

    static func cells(_ p: Plant) -> [SQLCell] {
        var out: [SQLCell] = [
            .int(p.year), .int(p.plantID), SQLCell(p.sequence), .text(p.name), .text(p.state),
            SQLCell(p.fipsState), SQLCell(p.fipsCounty), SQLCell(p.county), SQLCell(p.latitude), SQLCell(p.longitude),
            SQLCell(p.operatorName), SQLCell(p.operatorCode), SQLCell(p.utilityName), SQLCell(p.utilityID),
            SQLCell(p.sector), SQLCell(p.balancingAuthorityCode), SQLCell(p.balancingAuthorityName), SQLCell(p.subregion),
            SQLCell(p.subregionName), SQLCell(p.nercRegion), SQLCell(p.isoRTO), SQLCell(p.primaryFuel),
            SQLCell(p.fuelCategory), SQLCell(p.nameplateCapacity), SQLCell(p.capacityFactor), SQLCell(p.netGeneration),
            SQLCell(p.heatInput), SQLCell(p.totalHeatInput), SQLCell(p.mercury),
        ]
        out.reserveCapacity(typedColumns.count)
        for (pollutant, _) in pollutants { out += [SQLCell(p.emissions[pollutant]), SQLCell(p.outputRates[pollutant])] }
        for (fuel, _) in fuels { out += [SQLCell(p.generationByFuel[fuel]), SQLCell(p.resourceMix[fuel])] }
        out += [.int(p.row), .int(p.line)]
        return out
    }

    static func plant(_ c: [SQLCell]) -> Plant {
        var p = Plant(year: c[0].int ?? 0, plantID: c[1].int ?? 0, name: c[3].text ?? "", state: c[4].text ?? "")
        p.sequence = c[2].int
        p.fipsState = c[5].text; p.fipsCounty = c[6].text; p.county = c[7].text
        p.latitude = c[8].double; p.longitude = c[9].double
        p.operatorName = c[10].text; p.operatorCode = c[11].text; p.utilityName = c[12].text; p.utilityID = c[13].text
        p.sector = c[14].text; p.balancingAuthorityCode = c[15].text; p.balancingAuthorityName = c[16].text
        p.subregion = c[17].text; p.subregionName = c[18].text; p.nercRegion = c[19].text; p.isoRTO = c[20].text
        p.primaryFuel = c[21].text; p.fuelCategory = c[22].text
        p.nameplateCapacity = c[23].double; p.capacityFactor = c[24].double; p.netGeneration = c[25].double
        p.heatInput = c[26].double; p.totalHeatInput = c[27].double; p.mercury = c[28].double
        var i = 29
        for (pollutant, _) in pollutants {
            p.emissions[pollutant] = c[i].double
            p.outputRates[pollutant] = c[i + 1].double
            i += 2
        }
        for (fuel, _) in fuels {
            p.generationByFuel[fuel] = c[i].double
            p.resourceMix[fuel] = c[i + 1].double
            i += 2
        }
        p.row = c[i].int ?? 0
        p.line = c[i + 1].int ?? 0
        return p
    }
}
