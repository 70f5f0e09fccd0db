/// eGRID's resource-mix fuels: generation by fuel (`PLGENACL`…) and its shares (`PLCLPR`…).
public enum ResourceFuel: String, Sendable, Codable, CaseIterable, Hashable {
    case coal, oil, gas, nuclear, hydro, biomass, wind, solar, geothermal
    /// Other fossil fuels (OF).
    case otherFossil
    /// Other unknown, purchased fuel and waste heat (OP).
    case otherUnknown

    /// EPA's two-letter fuel code.
    public var code: String {
        switch self {
        case .coal: "CL"
        case .oil: "OL"
        case .gas: "GS"
        case .nuclear: "NC"
        case .hydro: "HY"
        case .biomass: "BM"
        case .wind: "WI"
        case .solar: "SO"
        case .geothermal: "GT"
        case .otherFossil: "OF"
        case .otherUnknown: "OP"
        }
    }

    /// `GENACL`: annual net generation from the fuel, MWh.
    public var generationSuffix: String { "GENA" + code }
    /// `CLPR`: the fuel's share of annual net generation.
    public var shareSuffix: String { code + "PR" }

    /// The plant fuel category (`PLFUELCT`) that corresponds to this resource-mix fuel.
    public var fuelCategory: String {
        switch self {
        case .coal: "COAL"
        case .oil: "OIL"
        case .gas: "GAS"
        case .nuclear: "NUCLEAR"
        case .hydro: "HYDRO"
        case .biomass: "BIOMASS"
        case .wind: "WIND"
        case .solar: "SOLAR"
        case .geothermal: "GEOTHERMAL"
        case .otherFossil: "OFSL"
        case .otherUnknown: "OTHF"
        }
    }
}

/// A value per resource-mix fuel; `nil` means no data. Stored inline (no heap array) because
/// every plant carries two of them and aggregation adds them up 100,000 times per request.
public struct FuelValues: Sendable, Hashable, Codable {
    public var coal, oil, gas, nuclear, hydro, biomass, wind, solar, geothermal, otherFossil, otherUnknown: Double?

    public init() {}

    public subscript(_ fuel: ResourceFuel) -> Double? {
        get {
            switch fuel {
            case .coal: coal
            case .oil: oil
            case .gas: gas
            case .nuclear: nuclear
            case .hydro: hydro
            case .biomass: biomass
            case .wind: wind
            case .solar: solar
            case .geothermal: geothermal
            case .otherFossil: otherFossil
            case .otherUnknown: otherUnknown
            }
        }
        set {
            switch fuel {
            case .coal: coal = newValue
            case .oil: oil = newValue
            case .gas: gas = newValue
            case .nuclear: nuclear = newValue
            case .hydro: hydro = newValue
            case .biomass: biomass = newValue
            case .wind: wind = newValue
            case .solar: solar = newValue
            case .geothermal: geothermal = newValue
            case .otherFossil: otherFossil = newValue
            case .otherUnknown: otherUnknown = newValue
            }
        }
    }

    /// Fuels with data, in EPA's order.
    public var entries: [(fuel: ResourceFuel, value: Double)] {
        ResourceFuel.allCases.compactMap { f in self[f].map { (f, $0) } }
    }
}
