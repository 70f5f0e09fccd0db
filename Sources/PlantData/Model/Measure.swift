/// The additive quantities of the plant sheet, which region sheets publish as sums over plants.
public enum Measure: String, Sendable, Codable, CaseIterable, Hashable {
    /// Nameplate capacity, MW.
    case capacity
    /// Annual combustion heat input, MMBtu (`PLHTIAN`): the denominator of input emission rates.
    case heatInput
    /// Ozone-season combustion heat input, MMBtu.
    case heatInputOzone
    /// Annual total heat input including non-combustion, MMBtu (`PLHTIANT`).
    case totalHeatInput
    case totalHeatInputOzone
    /// Annual net generation, MWh (may be negative).
    case netGeneration
    case netGenerationOzone
    /// Annual masses: NOx, SO2, CO2, CO2e in short tons; CH4, N2O and Hg in lb.
    case nox, noxOzone, so2, co2, ch4, n2o, co2e, hg

    /// Code suffix shared by all levels (`NGENAN` in `PLNGENAN`, `STNGENAN`).
    public var regionSuffix: String {
        switch self {
        case .capacity: "NAMEPCAP"
        case .heatInput: "HTIAN"
        case .heatInputOzone: "HTIOZ"
        case .totalHeatInput: "HTIANT"
        case .totalHeatInputOzone: "HTIOZT"
        case .netGeneration: "NGENAN"
        case .netGenerationOzone: "NGENOZ"
        case .nox: "NOXAN"
        case .noxOzone: "NOXOZ"
        case .so2: "SO2AN"
        case .co2: "CO2AN"
        case .ch4: "CH4AN"
        case .n2o: "N2OAN"
        case .co2e: "CO2EQA"
        case .hg: "HGAN"
        }
    }

    /// Code on the plant sheet: `PL` + suffix, except capacity, which is plain `NAMEPCAP`.
    public var plantCode: String { self == .capacity ? "NAMEPCAP" : "PL" + regionSuffix }

    /// Code on a region sheet of `level`: `STNAMEPCAP`, `SRCO2AN`, `USNGENAN`…
    public func regionCode(_ level: RegionLevel) -> String { level.prefix + regionSuffix }
}
