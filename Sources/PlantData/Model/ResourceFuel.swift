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

/// A value per resource-mix fuel; `nil` means no data.
public struct FuelValues: Sendable, Hashable, Codable {
    private var storage: [Double?]

    public init() { storage = Array(repeating: nil, count: ResourceFuel.allCases.count) }

    public subscript(_ fuel: ResourceFuel) -> Double? {
        get { storage[fuel.index] }
        set { storage[fuel.index] = newValue }
    }

    /// Fuels with data, in EPA's order.
    public var entries: [(fuel: ResourceFuel, value: Double)] {
        ResourceFuel.allCases.compactMap { f in self[f].map { (f, $0) } }
    }
}

extension ResourceFuel {
    var index: Int {
        switch self {
        case .coal: 0
        case .oil: 1
        case .gas: 2
        case .nuclear: 3
        case .hydro: 4
        case .biomass: 5
        case .wind: 6
        case .solar: 7
        case .geothermal: 8
        case .otherFossil: 9
        case .otherUnknown: 10
        }
    }
}
