/// One power plant of an eGRID plant sheet (PLNT), with the core fields typed.
///
/// Every number is optional: `nil` is "no data" (a blank cell), which EPA keeps distinct from 0.
/// Units are EPA's: MW, MWh, MMBtu, short tons (CO2, CO2e, NOx, SO2) and lb (CH4, N2O, Hg).
/// The sheet's other columns stay in the `SheetTable` the plant came from (`row`).
public struct Plant: Sendable, Hashable, Codable, Identifiable {
    /// Data year.
    public var year: Int
    /// eGRID sequence number (`SEQPLT23`).
    public var sequence: Int?
    /// DOE/EIA ORIS plant code (`ORISPL`).
    public var plantID: Int
    /// Plant name (`PNAME`).
    public var name: String
    /// State abbreviation (`PSTATABB`).
    public var state: String
    /// State and county FIPS codes, strings with their leading zeros (`01`, `003`).
    public var fipsState: String?
    public var fipsCounty: String?
    public var county: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Plant operator (`OPRNAME`, `OPRCODE`), called "system owner" in EPA's build.
    public var operatorName: String?
    public var operatorCode: String?
    /// Utility (`UTLSRVNM`, `UTLSRVID`).
    public var utilityName: String?
    public var utilityID: String?
    public var sector: String?
    /// Balancing authority (`BACODE`, `BANAME`).
    public var balancingAuthorityCode: String?
    public var balancingAuthorityName: String?
    /// eGRID subregion (`SUBRGN`, `SRNAME`).
    public var subregion: String?
    public var subregionName: String?
    /// NERC region (`NERC`).
    public var nercRegion: String?
    public var isoRTO: String?
    /// Primary fuel (`PLPRMFL`, e.g. `NG`, `SUB`, `WND`).
    public var primaryFuel: String?
    /// Fuel category (`PLFUELCT`: COAL, OIL, GAS, NUCLEAR, HYDRO, BIOMASS, WIND, SOLAR, GEOTHERMAL, OFSL, OTHF).
    public var fuelCategory: String?
    /// Nameplate capacity, MW (`NAMEPCAP`).
    public var nameplateCapacity: Double?
    /// Capacity factor as a fraction (`CAPFAC`).
    public var capacityFactor: Double?
    /// Annual net generation, MWh (`PLNGENAN`); negative for plants that consume more than they make.
    public var netGeneration: Double?
    /// Annual combustion heat input, MMBtu (`PLHTIAN`).
    public var heatInput: Double?
    /// Annual total heat input, MMBtu (`PLHTIANT`).
    public var totalHeatInput: Double?
    /// Annual masses (`PLCO2AN`, `PLCH4AN`, `PLN2OAN`, `PLCO2EQA`, `PLNOXAN`, `PLSO2AN`).
    public var emissions: EmissionValues
    /// Annual mercury, lb (`PLHGAN`).
    public var mercury: Double?
    /// Output emission rates as EPA published them, lb/MWh (`PLCO2RTA`…).
    public var outputRates: EmissionValues
    /// Annual net generation by fuel, MWh (`PLGENACL`…).
    public var generationByFuel: FuelValues
    /// Resource mix as published, fractions (`PLCLPR`…).
    public var resourceMix: FuelValues
    /// Row in the source `SheetTable` and physical line in the file.
    public var row: Int
    public var line: Int

    /// `"<year>-<ORISPL>"`: ORISPL is unique within a year.
    public var id: String { "\(year)-\(plantID)" }

    public init(year: Int, plantID: Int, name: String, state: String) {
        self.year = year
        self.plantID = plantID
        self.name = name
        self.state = state
        self.emissions = EmissionValues()
        self.outputRates = EmissionValues()
        self.generationByFuel = FuelValues()
        self.resourceMix = FuelValues()
        self.row = 0
        self.line = 0
    }

    /// The value of an additive measure.
    public func value(_ measure: Measure) -> Double? {
        switch measure {
        case .capacity: nameplateCapacity
        case .heatInput: heatInput
        case .totalHeatInput: totalHeatInput
        case .netGeneration: netGeneration
        case .nox: emissions.nox
        case .so2: emissions.so2
        case .co2: emissions.co2
        case .ch4: emissions.ch4
        case .n2o: emissions.n2o
        case .co2e: emissions.co2e
        case .hg: mercury
        case .heatInputOzone, .totalHeatInputOzone, .netGenerationOzone, .noxOzone: nil
        }
    }

    /// The code of the region this plant belongs to at `level` (`"US"` for the US).
    public func regionCode(_ level: RegionLevel) -> String? {
        switch level {
        case .state: state
        case .balancingAuthority: balancingAuthorityCode
        case .subregion: subregion
        case .nercRegion: nercRegion
        case .us: "US"
        }
    }
}
