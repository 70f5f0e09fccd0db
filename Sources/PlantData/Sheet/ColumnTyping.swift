/// What eGRID's codes say about the type of their column.
///
/// Three classes: text (names, codes and ids — kept as strings so that FIPS `01` and generator
/// `01` keep their leading zeros), strict numbers (the columns the typed records read: a value that
/// is not a number rejects the file), and everything else, whose type is inferred from its cells.
enum ColumnTyping {
    enum Class { case text, strictNumber, inferred }

    private static let textCodes: Set<String> = [
        "PSTATABB", "PNAME", "FIPSST", "FIPSCNTY", "CNTYNAME", "NERC", "SUBRGN", "ISORTO", "SECTOR",
        "PLPRMFL", "PLFUELCT", "GENSTAT", "PRMVR", "FUELG1", "FUELU1", "UNTOPST", "BOTFIRTY",
        "PRGCODE", "OPRCODE", "UTLSRVID", "BACODE", "GENID", "UNITID", "BLRID", "PLANTID",
    ]
    private static let textSuffixes = ["NAME", "NM", "FLAG", "SRC", "CTLDV", "CODE", "ID", "ABB"]

    static func classify(_ upperCode: String, kind: SheetKind) -> Class {
        if textCodes.contains(upperCode) { return .text }
        if strictNumbers(for: kind).contains(upperCode) { return .strictNumber }
        if upperCode.hasPrefix("SEQ") { return .strictNumber }
        if textSuffixes.contains(where: { upperCode.hasSuffix($0) }) { return .text }
        return .inferred
    }

    /// Width to which digit-only FIPS codes are padded back (Excel drops the leading zeros).
    static func fipsWidth(_ upperCode: String) -> Int? {
        switch upperCode {
        case "FIPSST": 2
        case "FIPSCNTY": 3
        default: nil
        }
    }

    static func strictNumbers(for kind: SheetKind) -> Set<String> {
        switch kind {
        case .plant: plantNumbers
        case .generator: ["YEAR", "ORISPL", "NUMBLR", "NAMEPCAP", "CFACT", "GENNTAN", "GENNTOZ", "GENYRONL", "GENYRRET"]
        case .unit: ["YEAR", "ORISPL", "NUMGEN", "HRSOP", "HTIAN", "HTIOZ", "NOXAN", "NOXOZ", "SO2AN", "CO2AN", "HGAN", "UNTYRONL"]
        case .state, .balancingAuthority, .subregion, .nercRegion, .us: regionNumbers[kind.regionLevel!]!
        }
    }

    private static let plantNumbers: Set<String> = {
        var s: Set<String> = ["YEAR", "ORISPL", "LAT", "LON", "NAMEPCAP", "CAPFAC"]
        for m in Measure.allCases { s.insert(m.plantCode) }
        for p in Pollutant.allCases { s.insert("PL" + p.outputRateSuffix) }
        for f in ResourceFuel.allCases { s.insert("PL" + f.generationSuffix); s.insert("PL" + f.shareSuffix) }
        return s
    }()

    private static let regionNumbers: [RegionLevel: Set<String>] = {
        var out: [RegionLevel: Set<String>] = [:]
        for level in RegionLevel.allCases {
            var s: Set<String> = ["YEAR"]
            for m in Measure.allCases { s.insert(level.prefix + m.regionSuffix) }
            for p in Pollutant.allCases { s.insert(level.prefix + p.outputRateSuffix) }
            for f in ResourceFuel.allCases { s.insert(level.prefix + f.generationSuffix); s.insert(level.prefix + f.shareSuffix) }
            out[level] = s
        }
        return out
    }()

    /// Columns that hold a fraction which Excel users often store as a percent number.
    /// Resource-mix shares (`PLCLPR`, `STNBGSPR`…) form one family per sheet: a one-row US sheet
    /// cannot tell from `USOLPR = 0.6` alone whether that is 0.6 % or 60 %, but its siblings can.
    enum PercentFamily: Hashable { case shares, single(String) }

    static func percentFamily(_ upperCode: String) -> PercentFamily? {
        switch upperCode {
        case "CAPFAC", "CFACT", "NBFACTOR", "ELCALLOC": return .single(upperCode)
        default: break
        }
        guard upperCode.hasSuffix("PR"), upperCode.count >= 6 else { return nil }
        let prefixes = ["PL", "ST", "BA", "SR", "NR", "US"]
        guard prefixes.contains(where: { upperCode.hasPrefix($0) }) else { return nil }
        var fuel = upperCode.dropFirst(2).dropLast(2)
        if fuel.hasPrefix("NB") && fuel.count == 4 { fuel = fuel.dropFirst(2) }
        let fuels: Set<Substring> = ["CL", "OL", "GS", "NC", "HY", "BM", "WI", "SO", "GT", "OF", "OP", "TN", "TR", "TH", "CY", "CN"]
        return fuels.contains(fuel) ? .shares : nil
    }
}
