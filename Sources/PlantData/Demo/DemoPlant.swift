import Foundation

/// One synthetic plant: physically consistent (generation = capacity × hours × capacity factor,
/// masses = heat input × emission factor, rates = 2000 × tons / MWh) but invented.
struct DemoPlant {
    struct Region { let state: String; let fips: String; let subregion: String; let subregionName: String; let nerc: String; let ba: String; let baName: String; let lat: Double; let lon: Double }
    struct Category { let name: String; let fuel: ResourceFuel; let primaryFuels: [String]; let heatRate: Double?; let co2: Double; let nox: Double; let so2: Double; let cf: ClosedRange<Double>; let weight: Int }

    static let regions: [Region] = [
        Region(state: "TX", fips: "48", subregion: "ERCT", subregionName: "ERCOT All", nerc: "TRE", ba: "ERCO", baName: "Electric Reliability Council of Texas, Inc.", lat: 31.0, lon: -97.5),
        Region(state: "TX", fips: "48", subregion: "SPSO", subregionName: "SPP South", nerc: "SPP", ba: "SWPP", baName: "Southwest Power Pool", lat: 34.5, lon: -101.5),
        Region(state: "CA", fips: "06", subregion: "CAMX", subregionName: "WECC California", nerc: "WECC", ba: "CISO", baName: "California Independent System Operator", lat: 36.5, lon: -119.5),
        Region(state: "NY", fips: "36", subregion: "NYUP", subregionName: "NPCC Upstate NY", nerc: "NPCC", ba: "NYIS", baName: "New York Independent System Operator", lat: 42.8, lon: -75.5),
        Region(state: "NY", fips: "36", subregion: "NYCW", subregionName: "NPCC NYC/Westchester", nerc: "NPCC", ba: "NYIS", baName: "New York Independent System Operator", lat: 40.9, lon: -73.9),
        Region(state: "IA", fips: "19", subregion: "MROW", subregionName: "MRO West", nerc: "MRO", ba: "MISO", baName: "Midcontinent Independent System Operator, Inc.", lat: 42.0, lon: -93.5),
        Region(state: "AL", fips: "01", subregion: "SRSO", subregionName: "SERC South", nerc: "SERC", ba: "SOCO", baName: "Southern Company Services, Inc. - Trans", lat: 32.8, lon: -86.8),
        Region(state: "WA", fips: "53", subregion: "NWPP", subregionName: "WECC Northwest", nerc: "WECC", ba: "BPAT", baName: "Bonneville Power Administration", lat: 47.4, lon: -120.5),
    ]

    static let categories: [Category] = [
        Category(name: "COAL", fuel: .coal, primaryFuels: ["SUB", "BIT"], heatRate: 10_500, co2: 206, nox: 0.15, so2: 0.25, cf: 0.3...0.75, weight: 4),
        Category(name: "GAS", fuel: .gas, primaryFuels: ["NG"], heatRate: 7_800, co2: 117, nox: 0.02, so2: 0.0006, cf: 0.1...0.7, weight: 20),
        Category(name: "OIL", fuel: .oil, primaryFuels: ["DFO", "RFO"], heatRate: 11_500, co2: 163, nox: 0.3, so2: 0.1, cf: 0.01...0.2, weight: 4),
        Category(name: "NUCLEAR", fuel: .nuclear, primaryFuels: ["NUC"], heatRate: nil, co2: 0, nox: 0, so2: 0, cf: 0.85...0.95, weight: 1),
        Category(name: "HYDRO", fuel: .hydro, primaryFuels: ["WAT"], heatRate: nil, co2: 0, nox: 0, so2: 0, cf: 0.2...0.6, weight: 10),
        Category(name: "WIND", fuel: .wind, primaryFuels: ["WND"], heatRate: nil, co2: 0, nox: 0, so2: 0, cf: 0.2...0.45, weight: 12),
        Category(name: "SOLAR", fuel: .solar, primaryFuels: ["SUN"], heatRate: nil, co2: 0, nox: 0, so2: 0, cf: 0.15...0.3, weight: 25),
        Category(name: "BIOMASS", fuel: .biomass, primaryFuels: ["WDS", "LFG"], heatRate: 13_000, co2: 0, nox: 0.2, so2: 0.03, cf: 0.3...0.8, weight: 5),
    ]

    private var values: [String: String] = [:]

    init(index i: Int, year: Int, random: inout DemoRandom) {
        let region = i < Self.regions.count ? Self.regions[i] : Self.regions[Int.random(in: 0..<Self.regions.count, using: &random)]
        var pick = Int.random(in: 0..<Self.categories.map(\.weight).reduce(0, +), using: &random)
        let category = Self.categories.first { pick -= $0.weight; return pick < 0 }!
        let hours = Double(DataYear.hours(inYear: year))
        let capacity = (exp(Double.random(in: 0...7, using: &random)) * 10).rounded() / 10
        let cf = Double.random(in: category.cf, using: &random)
        // Some hydro plants are pumped storage and consume more than they make.
        let pumped = category.fuel == .hydro && Double.random(in: 0...1, using: &random) < 0.08
        let generation = ((pumped ? -0.05 : cf) * capacity * hours * 1000).rounded() / 1000
        let adjectives = ["North", "South", "Lake", "River", "Ridge", "Valley", "Mesa", "Harbor"]
        let name = "Demo \(adjectives[i % adjectives.count]) \(category.name.capitalized) \(i + 1)"

        var v: [String: String] = [
            "SEQPLT{yy}": "\(i + 1)", "YEAR": "\(year)", "PSTATABB": region.state, "PNAME": name, "ORISPL": "\(90_000 + i)",
            "OPRNAME": "Demo Operator \(1 + i % 17)", "OPRCODE": "\(100 + i % 17)", "UTLSRVNM": "Demo Utility \(1 + i % 11)",
            "UTLSRVID": "\(500 + i % 11)", "SECTOR": i % 3 == 0 ? "IPP Non-CHP" : "Electric Utility", "BANAME": region.baName,
            "BACODE": region.ba, "NERC": region.nerc, "SUBRGN": region.subregion, "SRNAME": region.subregionName,
            "FIPSST": region.fips, "FIPSCNTY": String(format: "%03d", 1 + 2 * (i % 60)), "CNTYNAME": "Demo County",
            "LAT": String(format: "%.4f", region.lat + Double.random(in: -1.5...1.5, using: &random)),
            "LON": String(format: "%.4f", region.lon + Double.random(in: -2...2, using: &random)),
            "PLPRMFL": category.primaryFuels[i % category.primaryFuels.count], "PLFUELCT": category.name,
            "CAPFAC": Self.text(capacity > 0 ? (generation / (capacity * hours) * 100_000).rounded() / 100_000 : nil),
            "NAMEPCAP": Self.text(capacity), "PLNGENAN": Self.text(generation),
        ]
        let heatInput = category.heatRate.map { generation > 0 ? (generation * $0).rounded() / 1000 : 0 } ?? 0
        v["PLHTIAN"] = Self.text(heatInput)
        v["PLHTIANT"] = Self.text(heatInput > 0 ? heatInput : (abs(generation) * 3412).rounded() / 1000)
        let masses: [Pollutant: Double] = [
            .co2: heatInput * category.co2 / 2000, .nox: heatInput * category.nox / 2000, .so2: heatInput * category.so2 / 2000,
            .ch4: heatInput * (category.fuel == .coal ? 0.011 : 0.002), .n2o: heatInput * (category.fuel == .coal ? 0.0016 : 0.0002),
        ]
        let co2e = masses[.co2]! + (masses[.ch4]! * 25 + masses[.n2o]! * 298) / 2000
        for p in Pollutant.allCases {
            let mass = ((p == .co2e ? co2e : masses[p]!) * 1000).rounded() / 1000
            v[p.massMeasure.plantCode] = Self.text(mass)
            v["PL" + p.outputRateSuffix] = Self.text(EmissionRate.output(p, mass: mass, generation: generation).map { ($0 * 1000).rounded() / 1000 })
        }
        for f in ResourceFuel.allCases {
            v["PL" + f.generationSuffix] = Self.text(f == category.fuel ? generation : 0)
            v["PL" + f.shareSuffix] = Self.text(f == category.fuel ? (generation > 0 ? 1 : 0) : 0)
        }
        values = v
    }

    func cell(_ code: String) -> String { values[code] ?? "" }

    /// Excel's display: thousands separators (quoted by the writer), negatives in parentheses.
    static func text(_ value: Double?) -> String {
        guard let value else { return "" }
        let plain = NumberFormatting.plain(abs(value))
        let parts = plain.split(separator: ".", maxSplits: 1)
        let whole = Int(parts[0]).map(NumberFormatting.grouped) ?? String(parts[0])
        let body = parts.count > 1 ? whole + "." + parts[1] : whole
        return value < 0 ? "(\(body))" : body
    }
}
