/// The pollutants eGRID reports as annual masses and output emission rates.
public enum Pollutant: String, Sendable, Codable, CaseIterable, Hashable {
    case co2, ch4, n2o, co2e, nox, so2

    /// Mass unit as EPA publishes it: CO2, CO2e, NOx and SO2 in short tons; CH4 and N2O in pounds.
    public var massUnit: MassUnit {
        switch self {
        case .co2, .co2e, .nox, .so2: .shortTons
        case .ch4, .n2o: .pounds
        }
    }

    /// Pounds per unit of the published mass: 2000 lb per short ton, 1 for pounds. An output rate
    /// in lb/MWh is `poundsPerMassUnit × mass / net generation`, as EPA computes it.
    public var poundsPerMassUnit: Double { massUnit == .shortTons ? 2000 : 1 }

    /// The measure holding this pollutant's annual mass.
    public var massMeasure: Measure {
        switch self {
        case .co2: .co2
        case .ch4: .ch4
        case .n2o: .n2o
        case .co2e: .co2e
        case .nox: .nox
        case .so2: .so2
        }
    }

    /// Suffix of the annual output emission rate (lb/MWh): `CO2RTA` in `PLCO2RTA`, `STCO2RTA`.
    public var outputRateSuffix: String {
        switch self {
        case .co2: "CO2RTA"
        case .ch4: "CH4RTA"
        case .n2o: "N2ORTA"
        case .co2e: "C2ERTA"
        case .nox: "NOXRTA"
        case .so2: "SO2RTA"
        }
    }

    /// Suffix of the annual input emission rate (lb/MMBtu of combustion heat input): `CO2RA`.
    public var inputRateSuffix: String {
        switch self {
        case .co2: "CO2RA"
        case .ch4: "CH4RA"
        case .n2o: "N2ORA"
        case .co2e: "C2ERA"
        case .nox: "NOXRA"
        case .so2: "SO2RA"
        }
    }

    /// Suffix of the combustion output rate (lb/MWh of combustion generation): `CO2CRT`.
    public var combustionRateSuffix: String {
        switch self {
        case .co2: "CO2CRT"
        case .ch4: "CH4CRT"
        case .n2o: "N2OCRT"
        case .co2e: "C2ECRT"
        case .nox: "NOXCRT"
        case .so2: "SO2CRT"
        }
    }
}

/// Units in which eGRID publishes masses.
public enum MassUnit: String, Sendable, Codable, Hashable {
    case shortTons, pounds
}

/// A value per pollutant (masses or rates); `nil` means no data, never zero.
public struct EmissionValues: Sendable, Hashable, Codable {
    public var co2: Double?
    public var ch4: Double?
    public var n2o: Double?
    public var co2e: Double?
    public var nox: Double?
    public var so2: Double?

    public init(co2: Double? = nil, ch4: Double? = nil, n2o: Double? = nil, co2e: Double? = nil, nox: Double? = nil, so2: Double? = nil) {
        self.co2 = co2; self.ch4 = ch4; self.n2o = n2o; self.co2e = co2e; self.nox = nox; self.so2 = so2
    }

    public subscript(_ pollutant: Pollutant) -> Double? {
        get {
            switch pollutant {
            case .co2: co2
            case .ch4: ch4
            case .n2o: n2o
            case .co2e: co2e
            case .nox: nox
            case .so2: so2
            }
        }
        set {
            switch pollutant {
            case .co2: co2 = newValue
            case .ch4: ch4 = newValue
            case .n2o: n2o = newValue
            case .co2e: co2e = newValue
            case .nox: nox = newValue
            case .so2: so2 = newValue
            }
        }
    }
}
