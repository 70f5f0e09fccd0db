import Foundation

/// A small synthetic eGRID dataset for `serve --demo`: a few hundred plants across several states,
/// subregions, balancing authorities and NERC regions, written as an eGRID plant sheet (two header
/// rows, quoted thousands, a negative as `(1,234)`) and read back through `EGRIDReader`, so the demo
/// exercises the real import path. Deterministic for a seed; labelled synthetic everywhere.
public enum DemoDataset {
    /// E.g. `2023 synthetic demo (seed 1) — not EPA data`.
    public static func releaseLabel(seed: UInt64, year: Int) -> String {
        "\(year) synthetic demo (seed \(seed)) — not EPA data"
    }

    /// The plant sheet as CSV bytes in EPA's format.
    public static func plantSheetCSV(seed: UInt64 = 1, plantCount: Int = 300, year: Int = 2023) -> Data {
        var w = CSVWriter()
        w.row(columns.map { $0.1.replacingYear(year) })
        w.row(columns.map { $0.0.replacingYear(year) })
        var random = DemoRandom(seed: seed)
        for i in 0..<plantCount {
            let p = DemoPlant(index: i, year: year, random: &random)
            w.row(columns.map { p.cell($0.0) })
        }
        return Data(w.text.utf8)
    }

    /// The demo as an imported file: the plant sheet plus region sheets (state, BA, subregion, NERC,
    /// US) built from the plants, so every page (regions, consistency, emission factors) has data.
    public static func load(seed: UInt64 = 1, plantCount: Int = 300, year: Int = 2023) throws -> EGRIDFile {
        let options = ImportOptions(releaseLabel: releaseLabel(seed: seed, year: year), fileName: "demo_PLNT\(year % 100).csv")
        let plantFile = try EGRIDReader.readCSV(plantSheetCSV(seed: seed, plantCount: plantCount, year: year), options: options)
        var sheets = plantFile.sheets
        let plants = sheets[0].plants
        for level in RegionLevel.allCases {
            let csv = RegionExport.csv(PlantAggregator.aggregate(plants, by: level))
            sheets += try EGRIDReader.readCSV(Data(csv.utf8), options: options).sheets
        }
        return EGRIDFile(identity: plantFile.identity, encoding: .utf8, sheets: sheets)
    }

    /// (code, description); `{yy}` stands for the two-digit year.
    static let columns: [(String, String)] = {
        var c: [(String, String)] = [
            ("SEQPLT{yy}", "eGRID20{yy} Plant file sequence number"), ("YEAR", "Data Year"),
            ("PSTATABB", "Plant state abbreviation"), ("PNAME", "Plant name"), ("ORISPL", "DOE/EIA ORIS plant or facility code"),
            ("OPRNAME", "Plant transmission or distribution system owner name"), ("OPRCODE", "Plant transmission or distribution system owner ID"),
            ("UTLSRVNM", "Utility name"), ("UTLSRVID", "Utility ID"), ("SECTOR", "Plant-level sector"),
            ("BANAME", "Balancing Authority Name"), ("BACODE", "Balancing Authority Code"), ("NERC", "NERC region acronym"),
            ("SUBRGN", "eGRID subregion acronym"), ("SRNAME", "eGRID subregion name"), ("FIPSST", "Plant FIPS state code"),
            ("FIPSCNTY", "Plant FIPS county code"), ("CNTYNAME", "Plant county name"), ("LAT", "Plant latitude"),
            ("LON", "Plant longitude"), ("PLPRMFL", "Plant primary fuel"), ("PLFUELCT", "Plant primary fuel category"),
            ("CAPFAC", "Plant capacity factor"), ("NAMEPCAP", "Plant nameplate capacity (MW)"),
            ("PLHTIAN", "Plant annual heat input from combustion (MMBtu)"), ("PLHTIANT", "Plant total annual heat input (MMBtu)"),
            ("PLNGENAN", "Plant annual net generation (MWh)"),
        ]
        for p in Pollutant.allCases {
            c.append((p.massMeasure.plantCode, "Plant annual \(p.rawValue.uppercased()) emissions (\(p.massUnit == .pounds ? "lbs" : "tons"))"))
        }
        for p in Pollutant.allCases { c.append(("PL" + p.outputRateSuffix, "Plant annual \(p.rawValue.uppercased()) total output emission rate (lb/MWh)")) }
        for f in ResourceFuel.allCases { c.append(("PL" + f.generationSuffix, "Plant annual \(f.rawValue) net generation (MWh)")) }
        for f in ResourceFuel.allCases { c.append(("PL" + f.shareSuffix, "Plant \(f.rawValue) generation percent (resource mix)")) }
        return c
    }()
}

private extension String {
    func replacingYear(_ year: Int) -> String {
        let yy = year % 100 < 10 ? "0\(year % 100)" : "\(year % 100)"
        return split(separator: "{", omittingEmptySubsequences: false).enumerated().map { i, part in
            i == 0 ? String(part) : (part.hasPrefix("yy}") ? yy + part.dropFirst(3) : "{" + part)
        }.joined()
    }
}
