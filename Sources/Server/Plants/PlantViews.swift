import Foundation
import PlantData
import Storage

/// API representations of the Plants module. Units are in the field names (`capacity_mw`,
/// `co2_tons`, `lb_per_mwh`); a missing value is `null` ("no data"), never 0.

/// Numbers by name, in a fixed order, with nulls written out so every answer has the same keys.
struct NamedValues: Encodable, Sendable {
    let entries: [(String, Double?)]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (name, value) in entries {
            if let value, value.isFinite { try container.encode(value, forKey: AnyKey(name)) } else {
                try container.encodeNil(forKey: AnyKey(name))
            }
        }
    }

    static func pollutants(_ values: EmissionValues) -> NamedValues {
        NamedValues(entries: Pollutant.allCases.map { ($0.rawValue, values[$0]) })
    }

    static func fuels(_ values: FuelValues) -> NamedValues {
        NamedValues(entries: ResourceFuel.allCases.map { (PlantNames.fuelKey($0), values[$0]) })
    }

    /// Masses with their units in the keys (`co2_tons`, `ch4_lb`).
    static func masses(_ values: EmissionValues) -> NamedValues {
        NamedValues(entries: Pollutant.allCases.map { (PlantNames.massKey($0), values[$0]) })
    }
}

struct AnyKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

enum PlantNames {
    static func fuelKey(_ fuel: ResourceFuel) -> String {
        switch fuel {
        case .otherFossil: "other_fossil"
        case .otherUnknown: "other_unknown"
        default: fuel.rawValue
        }
    }

    static func massKey(_ pollutant: Pollutant) -> String {
        pollutant.rawValue + (pollutant.massUnit == .pounds ? "_lb" : "_tons")
    }

    static func levelKey(_ level: RegionLevel) -> String {
        switch level {
        case .state: "state"
        case .balancingAuthority: "ba"
        case .subregion: "subregion"
        case .nercRegion: "nerc"
        case .us: "us"
        }
    }

    static func level(_ key: String) -> RegionLevel? {
        RegionLevel.allCases.first { levelKey($0) == key.lowercased() }
    }

    /// `subregion sheet (SRL)`.
    static func sheetTitle(_ level: RegionLevel) -> String {
        switch level {
        case .state: "state sheet (ST)"
        case .balancingAuthority: "balancing authority sheet (BA)"
        case .subregion: "subregion sheet (SRL)"
        case .nercRegion: "NERC region sheet (NRL)"
        case .us: "US sheet (US)"
        }
    }

    static func levelTitle(_ level: RegionLevel) -> String {
        switch level {
        case .state: "State"
        case .balancingAuthority: "Balancing authority"
        case .subregion: "eGRID subregion"
        case .nercRegion: "NERC region"
        case .us: "United States"
        }
    }
}

/// Which dataset an answer came from; `synthetic` marks the demo data.
struct DatasetRef: Encodable, Sendable {
    let id: UUID
    let releaseLabel: String
    let fileName: String?
    let sha256: String
    let synthetic: Bool

    init(_ dataset: PlantDataset) {
        id = dataset.id
        releaseLabel = dataset.releaseLabel
        fileName = dataset.fileName
        sha256 = dataset.sha256
        synthetic = dataset.synthetic
    }
}

struct DatasetView: Encodable, Sendable {
    struct Sheet: Encodable, Sendable {
        let index: Int
        let kind: String
        let name: String?
        let years: [Int]
        let rowCount: Int
        let columnCount: Int
        let codes: [String]
        let warnings: [String]
    }

    let id: UUID
    let sha256: String
    let fileName: String?
    let releaseLabel: String
    let years: [Int]
    let kinds: [String]
    let encoding: String
    let byteCount: Int
    let plantCount: Int
    let generatorCount: Int
    let unitCount: Int
    let regionCount: Int
    let synthetic: Bool
    let warnings: [String]
    let skippedSheets: [String]
    let importedAt: Date
    let importedBy: String
    let jobId: UUID?
    let sheets: [Sheet]

    init(_ d: PlantDataset) {
        id = d.id
        sha256 = d.sha256
        fileName = d.fileName
        releaseLabel = d.releaseLabel
        years = d.years
        kinds = d.kinds.map(\.rawValue)
        encoding = d.encoding
        byteCount = d.byteCount
        plantCount = d.plantCount
        generatorCount = d.generatorCount
        unitCount = d.unitCount
        regionCount = d.regionCount
        synthetic = d.synthetic
        warnings = d.warnings
        skippedSheets = d.skippedSheets
        importedAt = d.importedAt
        importedBy = d.importedByName
        jobId = d.jobID
        sheets = d.sheets.map {
            Sheet(index: $0.index, kind: $0.kind.rawValue, name: $0.name, years: $0.years, rowCount: $0.rowCount,
                  columnCount: $0.codes.count, codes: $0.codes, warnings: $0.warnings)
        }
    }
}

/// A plant in lists (search, top-N, map).
struct PlantSummaryView: Encodable, Sendable {
    let id: String
    let year: Int
    let orispl: Int
    let name: String
    let state: String
    let county: String?
    let latitude: Double?
    let longitude: Double?
    let operatorName: String?
    let utilityName: String?
    let sector: String?
    let balancingAuthority: String?
    let balancingAuthorityName: String?
    let subregion: String?
    let subregionName: String?
    let nercRegion: String?
    let primaryFuel: String?
    let fuelCategory: String?
    let capacityMw: Double?
    let capacityFactor: Double?
    let netGenerationMwh: Double?
    let heatInputMmbtu: Double?
    let co2Tons: Double?
    /// Recomputed from the plant's mass and generation (2000 × tons / MWh).
    let co2RateLbPerMwh: Double?

    init(_ p: Plant) {
        id = p.id
        year = p.year
        orispl = p.plantID
        name = p.name
        state = p.state
        county = p.county
        latitude = p.latitude
        longitude = p.longitude
        operatorName = p.operatorName
        utilityName = p.utilityName
        sector = p.sector
        balancingAuthority = p.balancingAuthorityCode
        balancingAuthorityName = p.balancingAuthorityName
        subregion = p.subregion
        subregionName = p.subregionName
        nercRegion = p.nercRegion
        primaryFuel = p.primaryFuel
        fuelCategory = p.fuelCategory
        capacityMw = p.nameplateCapacity
        capacityFactor = p.capacityFactor
        netGenerationMwh = p.netGeneration
        heatInputMmbtu = p.heatInput
        co2Tons = p.emissions.co2
        co2RateLbPerMwh = EmissionRate.output(.co2, mass: p.emissions.co2, generation: p.netGeneration)
    }

    enum CodingKeys: String, CodingKey {
        case id, year, orispl, name, state, county, latitude, longitude, sector, subregion
        case operatorName = "operator_name", utilityName = "utility_name", balancingAuthority = "balancing_authority"
        case balancingAuthorityName = "balancing_authority_name", subregionName = "subregion_name", nercRegion = "nerc_region"
        case primaryFuel = "primary_fuel", fuelCategory = "fuel_category", capacityMw = "capacity_mw"
        case capacityFactor = "capacity_factor", netGenerationMwh = "net_generation_mwh", heatInputMmbtu = "heat_input_mmbtu"
        case co2Tons = "co2_tons", co2RateLbPerMwh = "co2_rate_lb_per_mwh"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(year, forKey: .year)
        try c.encode(orispl, forKey: .orispl)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(county, forKey: .county)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
        try c.encode(operatorName, forKey: .operatorName)
        try c.encode(utilityName, forKey: .utilityName)
        try c.encode(sector, forKey: .sector)
        try c.encode(balancingAuthority, forKey: .balancingAuthority)
        try c.encode(balancingAuthorityName, forKey: .balancingAuthorityName)
        try c.encode(subregion, forKey: .subregion)
        try c.encode(subregionName, forKey: .subregionName)
        try c.encode(nercRegion, forKey: .nercRegion)
        try c.encode(primaryFuel, forKey: .primaryFuel)
        try c.encode(fuelCategory, forKey: .fuelCategory)
        try c.encode(capacityMw, forKey: .capacityMw)
        try c.encode(capacityFactor, forKey: .capacityFactor)
        try c.encode(netGenerationMwh, forKey: .netGenerationMwh)
        try c.encode(heatInputMmbtu, forKey: .heatInputMmbtu)
        try c.encode(co2Tons, forKey: .co2Tons)
        try c.encode(co2RateLbPerMwh, forKey: .co2RateLbPerMwh)
    }
}

struct GeneratorView: Encodable, Sendable {
    let generatorId: String
    let status: String?
    let primeMover: String?
    let fuel: String?
    let capacityMw: Double?
    let capacityFactor: Double?
    let netGenerationMwh: Double?
    let yearOnline: Int?
    let retirementYear: Int?

    init(_ g: Generator) {
        generatorId = g.generatorID
        status = g.status
        primeMover = g.primeMover
        fuel = g.fuel
        capacityMw = g.nameplateCapacity
        capacityFactor = g.capacityFactor
        netGenerationMwh = g.netGeneration
        yearOnline = g.yearOnline
        retirementYear = g.retirementYear
    }
}

struct UnitView: Encodable, Sendable {
    let unitId: String
    let status: String?
    let primeMover: String?
    let fuel: String?
    let operatingHours: Double?
    let heatInputMmbtu: Double?
    let noxTons: Double?
    let so2Tons: Double?
    let co2Tons: Double?
    let yearOnline: Int?

    init(_ u: GeneratingUnit) {
        unitId = u.unitID
        status = u.status
        primeMover = u.primeMover
        fuel = u.fuel
        operatingHours = u.operatingHours
        heatInputMmbtu = u.heatInput
        noxTons = u.nox
        so2Tons = u.so2
        co2Tons = u.co2
        yearOnline = u.yearOnline
    }
}

/// One cell of the source row: its code and value (number, text or null).
struct CellView: Encodable, Sendable {
    let code: String
    let value: CellValue

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(code, forKey: AnyKey("code"))
        switch value {
        case .missing: try c.encodeNil(forKey: AnyKey("value"))
        case .number(let v): try c.encode(v, forKey: AnyKey("value"))
        case .text(let t): try c.encode(t, forKey: AnyKey("value"))
        }
    }
}

struct PlantDetailView: Encodable, Sendable {
    let plant: PlantSummaryView
    let fipsState: String?
    let fipsCounty: String?
    let operatorCode: String?
    let utilityId: String?
    let isoRto: String?
    let totalHeatInputMmbtu: Double?
    let hgLb: Double?
    let emissions: NamedValues
    /// As EPA published them in the plant sheet.
    let publishedOutputRatesLbPerMwh: NamedValues
    /// Recomputed from the masses and net generation.
    let outputRatesLbPerMwh: NamedValues
    let generationByFuelMwh: NamedValues
    let resourceMix: NamedValues
    let generators: [GeneratorView]
    let units: [UnitView]
    /// Every cell of the plant's row, by code, in the sheet's order.
    let columns: [CellView]
    let dataset: DatasetRef

    init(_ p: Plant, generators: [Generator], units: [GeneratingUnit], cells: [(code: String, value: CellValue)], dataset: PlantDataset) {
        plant = PlantSummaryView(p)
        fipsState = p.fipsState
        fipsCounty = p.fipsCounty
        operatorCode = p.operatorCode
        utilityId = p.utilityID
        isoRto = p.isoRTO
        totalHeatInputMmbtu = p.totalHeatInput
        hgLb = p.mercury
        emissions = .masses(p.emissions)
        publishedOutputRatesLbPerMwh = .pollutants(p.outputRates)
        var recomputed = EmissionValues()
        for pollutant in Pollutant.allCases {
            recomputed[pollutant] = EmissionRate.output(pollutant, mass: p.emissions[pollutant], generation: p.netGeneration)
        }
        outputRatesLbPerMwh = .pollutants(recomputed)
        generationByFuelMwh = .fuels(p.generationByFuel)
        resourceMix = .fuels(p.resourceMix)
        self.generators = generators.map(GeneratorView.init)
        self.units = units.map(UnitView.init)
        columns = cells.map { CellView(code: $0.code, value: $0.value) }
        self.dataset = DatasetRef(dataset)
    }
}
