import Foundation
import GridModel
import PlantData
import Platform
import Storage

/// `"co2_kg_per_kwh": {"egrid_subregion": "ERCT", "year": 2023}` in a run request prices grid imports with the
/// Plants module's CO2 output rate of that eGRID subregion (EPA's published row, else aggregated from plants; the
/// latest loaded year when `year` is left out). It is resolved once, when the run is queued, and written into the
/// run's parameters as the number it was, with `co2_source` saying where it came from: the run stays reproducible
/// when datasets are imported or deleted later.
enum EGRIDEmissionFactor {
    static func resolve(_ body: [String: GridJSON], platform: PlatformServices) async throws -> [String: GridJSON] {
        guard case .object(let choice)? = body["co2_kg_per_kwh"] else { return body }
        let field = "/co2_kg_per_kwh"
        if let unknown = choice.keys.sorted().first(where: { !["egrid_subregion", "year"].contains($0) }) {
            throw Problem.invalid("\(field)/\(unknown)", "unknown field; an eGRID factor takes egrid_subregion and year")
        }
        guard let subregion = choice["egrid_subregion"]?.string?.uppercased(), (2...12).contains(subregion.count),
              subregion.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw Problem.invalid("\(field)/egrid_subregion", "is required: an eGRID subregion acronym such as ERCT")
        }
        var year: Int?
        switch choice["year"] {
        case nil, .null?: break
        case .number(let value)? where value == value.rounded() && (1990...2100).contains(value): year = Int(value)
        default: throw Problem.invalid("\(field)/year", "must be a data year such as 2023")
        }
        let found: (factors: EmissionFactors, dataset: PlantDataset)
        do {
            found = try await PlantsRegionsAPI.emissionFactors(
                subregion: subregion, year: year, store: PlantStore.shared(for: platform.database))
        } catch let problem as Problem where problem.statusCode == 404 {
            throw Problem.invalid("\(field)/egrid_subregion", "no eGRID data for subregion \(subregion)"
                + (year.map { " in \($0)" } ?? "") + "; import EPA's files on the Plants pages first")
        }
        guard let kgPerKWh = found.factors.kilogramsPerKilowattHour.co2 else {
            throw Problem.invalid("\(field)/egrid_subregion", "eGRID has no CO2 output rate for subregion \(subregion) in \(found.factors.year)")
        }
        var resolved = body
        resolved["co2_kg_per_kwh"] = .number(kgPerKWh)
        resolved["co2_source"] = .string(
            "eGRID \(found.factors.year) subregion \(found.factors.code), CO2 output rate "
            + (found.factors.source == .published ? "published by EPA" : "aggregated from plants")
            + " (\(found.dataset.releaseLabel))")
        return resolved
    }
}
