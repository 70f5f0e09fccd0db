/// One row of an eGRID region sheet (ST, BA, SRL, NRL, US): EPA's published totals, rates and
/// resource mix for a region and year.
public struct RegionRecord: Sendable, Hashable, Codable {
    public var level: RegionLevel
    public var year: Int
    /// State abbreviation, BA code, subregion acronym, NERC acronym, or `US`.
    public var code: String
    /// Long name where the sheet has one (`SRNAME`, `BANAME`, `NERCNAME`).
    public var name: String?
    /// State FIPS code, for state rows.
    public var fipsState: String?
    /// Published sums (`STNAMEPCAP`, `STNGENAN`, `STCO2AN`…).
    public var totals: MeasureValues
    /// Published generation by fuel, MWh (`STGENACL`…).
    public var generationByFuel: FuelValues
    /// Published output emission rates, lb/MWh (`STCO2RTA`…).
    public var outputRates: EmissionValues
    /// Published resource mix, fractions (`STCLPR`… — explorer files publish percent numbers,
    /// normalised on import).
    public var resourceMix: FuelValues
    public var row: Int
    public var line: Int

    static func all(from t: SheetTable, level: RegionLevel, year sheetYear: Int?) throws -> [RegionRecord] {
        typealias R = TableReader
        let yearCol = t.numbers("YEAR")
        let key = level.keyCode.flatMap { t.column($0) }
        if let keyCode = level.keyCode, key == nil {
            throw EGRIDImportError(.badHeader("a \(level.sheetKind.sheetNameStem) sheet needs the \(keyCode) column"), column: keyCode)
        }
        let name = level.nameCode.flatMap { t.column($0) }, fips = t.column("FIPSST")
        let totals = Measure.allCases.map { t.numbers($0.regionCode(level)) }
        let gens = ResourceFuel.allCases.map { t.numbers(level.prefix + $0.generationSuffix) }
        let shares = ResourceFuel.allCases.map { t.numbers(level.prefix + $0.shareSuffix) }
        let rates = Pollutant.allCases.map { t.numbers(level.prefix + $0.outputRateSuffix) }
        var out: [RegionRecord] = []
        for r in 0..<t.rowCount {
            let line = t.lines[r]
            let year = try R.year(yearCol, r, sheetYear: sheetYear, line: line)
            let code: String
            if let keyCode = level.keyCode {
                guard let c = R.text(key, r) else { throw EGRIDImportError(.missingValue, line: line, column: keyCode) }
                code = c
            } else {
                code = "US"
            }
            var rec = RegionRecord(
                level: level, year: year, code: code, name: R.text(name, r), fipsState: R.text(fips, r),
                totals: MeasureValues(), generationByFuel: FuelValues(), outputRates: EmissionValues(),
                resourceMix: FuelValues(), row: r, line: line)
            for (k, m) in Measure.allCases.enumerated() { rec.totals[m] = R.value(totals[k], r) }
            for (k, f) in ResourceFuel.allCases.enumerated() {
                rec.generationByFuel[f] = R.value(gens[k], r)
                rec.resourceMix[f] = R.value(shares[k], r)
            }
            for (k, p) in Pollutant.allCases.enumerated() { rec.outputRates[p] = R.value(rates[k], r) }
            out.append(rec)
        }
        return out
    }
}
