/// Plants as CSV in eGRID's own codes (one code row, with a `YEAR` column), so an export can be
/// read back by `EGRIDReader` and opened next to EPA's sheets.
public enum PlantExport {
    /// The columns written, in order.
    public static let codes: [String] = {
        var c = ["YEAR", "ORISPL", "PNAME", "PSTATABB", "FIPSST", "FIPSCNTY", "CNTYNAME", "LAT", "LON", "OPRNAME", "OPRCODE",
                 "UTLSRVNM", "UTLSRVID", "SECTOR", "BACODE", "BANAME", "SUBRGN", "SRNAME", "NERC", "ISORTO", "PLPRMFL", "PLFUELCT",
                 "NAMEPCAP", "CAPFAC", "PLNGENAN", "PLHTIAN", "PLHTIANT"]
        c += Pollutant.allCases.map { $0.massMeasure.plantCode } + ["PLHGAN"]
        c += Pollutant.allCases.map { "PL" + $0.outputRateSuffix }
        c += ResourceFuel.allCases.map { "PL" + $0.generationSuffix }
        c += ResourceFuel.allCases.map { "PL" + $0.shareSuffix }
        return c
    }()

    public static func csv(_ plants: [Plant]) -> String {
        var w = CSVWriter()
        w.row(codes)
        let n = CSVWriter.number
        for p in plants {
            var f = ["\(p.year)", "\(p.plantID)", p.name, p.state, p.fipsState ?? "", p.fipsCounty ?? "", p.county ?? "",
                     n(p.latitude), n(p.longitude), p.operatorName ?? "", p.operatorCode ?? "", p.utilityName ?? "",
                     p.utilityID ?? "", p.sector ?? "", p.balancingAuthorityCode ?? "", p.balancingAuthorityName ?? "",
                     p.subregion ?? "", p.subregionName ?? "", p.nercRegion ?? "", p.isoRTO ?? "", p.primaryFuel ?? "",
                     p.fuelCategory ?? "", n(p.nameplateCapacity), n(p.capacityFactor), n(p.netGeneration), n(p.heatInput),
                     n(p.totalHeatInput)]
            f += Pollutant.allCases.map { n(p.emissions[$0]) } + [n(p.mercury)]
            f += Pollutant.allCases.map { n(p.outputRates[$0]) }
            f += ResourceFuel.allCases.map { n(p.generationByFuel[$0]) }
            f += ResourceFuel.allCases.map { n(p.resourceMix[$0]) }
            w.row(f)
        }
        return w.text
    }
}

/// Region aggregates as CSV in the codes of EPA's region sheets (`Year`, `SUBRGN`, `SRNAME`,
/// `SRNAMEPCAP`, `SRCO2AN`, `SRCO2RTA`, …), plus `PLFUELCT` for by-fuel aggregates and
/// `<prefix>CAPFAC` and `<prefix>NUMPLT` (not in EPA's sheets). Shares are fractions.
public enum RegionExport {
    public static func csv(_ aggregates: [RegionAggregate]) -> String {
        var w = CSVWriter()
        guard let level = aggregates.first?.level else { return "" }
        let p = level.prefix
        let byFuel = aggregates.contains { $0.fuelCategory != nil }
        var header = ["YEAR"] + [level.keyCode, level.nameCode].compactMap { $0 } + (byFuel ? ["PLFUELCT"] : [])
        header += [p + "NUMPLT"] + measures.map { p + $0.regionSuffix } + [p + "CAPFAC"]
        header += Pollutant.allCases.map { p + $0.outputRateSuffix } + Pollutant.allCases.map { p + $0.inputRateSuffix }
        header += ResourceFuel.allCases.map { p + $0.generationSuffix } + ResourceFuel.allCases.map { p + $0.shareSuffix }
        w.row(header)
        let n = CSVWriter.number
        for a in aggregates where a.level == level {
            var f = ["\(a.year)"] + (level.keyCode == nil ? [] : [a.code]) + (level.nameCode == nil ? [] : [a.name ?? ""])
            if byFuel { f.append(a.fuelCategory ?? "") }
            f += ["\(a.totals.plantCount)"] + measures.map { n(a.totals[$0]) } + [n(a.capacityFactor)]
            f += Pollutant.allCases.map { n(a.outputRates[$0]) } + Pollutant.allCases.map { n(a.inputRates[$0]) }
            f += ResourceFuel.allCases.map { n(a.totals.generationByFuel[$0]) } + ResourceFuel.allCases.map { n(a.resourceMix[$0]) }
            w.row(f)
        }
        return w.text
    }

    private static let measures = RegionTotals.plantMeasures
}
