/// The kinds of sheets in an eGRID release, named as EPA names them in the workbook.
public enum SheetKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// UNT: one row per combustion unit (boiler, turbine).
    case unit
    /// GEN: one row per generator.
    case generator
    /// PLNT: one row per plant; the sheet everything else is aggregated from.
    case plant
    /// ST, BA, SRL, NRL, US: one row per region of that level.
    case state, balancingAuthority, subregion, nercRegion, us

    /// The region level of a region sheet, `nil` for unit, generator and plant sheets.
    public var regionLevel: RegionLevel? { RegionLevel.allCases.first { $0.sheetKind == self } }

    /// Workbook sheet name stem (`PLNT` in `PLNT23`).
    public var sheetNameStem: String {
        switch self {
        case .unit: "UNT"
        case .generator: "GEN"
        case .plant: "PLNT"
        case .state: "ST"
        case .balancingAuthority: "BA"
        case .subregion: "SRL"
        case .nercRegion: "NRL"
        case .us: "US"
        }
    }

    /// Stem of the sequence-number code that opens the sheet (`SEQPLT` in `SEQPLT23`).
    var sequenceStem: String {
        switch self {
        case .unit: "SEQUNT"
        case .generator: "SEQGEN"
        case .plant: "SEQPLT"
        case .state: "SEQST"
        case .balancingAuthority: "SEQBA"
        case .subregion: "SEQSRL"
        case .nercRegion: "SEQNRL"
        case .us: "SEQUS"
        }
    }
}

/// Geographic levels at which eGRID publishes aggregates.
public enum RegionLevel: String, Sendable, Codable, CaseIterable, Hashable {
    case state, balancingAuthority, subregion, nercRegion, us

    /// Column-code prefix of the level's sheet (`ST` in `STCO2AN`).
    public var prefix: String {
        switch self {
        case .state: "ST"
        case .balancingAuthority: "BA"
        case .subregion: "SR"
        case .nercRegion: "NR"
        case .us: "US"
        }
    }

    /// Code of the column naming the region, the same on the plant sheet and the region sheet.
    public var keyCode: String? {
        switch self {
        case .state: "PSTATABB"
        case .balancingAuthority: "BACODE"
        case .subregion: "SUBRGN"
        case .nercRegion: "NERC"
        case .us: nil
        }
    }

    /// Code of the column with the region's long name, where the sheet has one.
    public var nameCode: String? {
        switch self {
        case .state: nil
        case .balancingAuthority: "BANAME"
        case .subregion: "SRNAME"
        case .nercRegion: "NERCNAME"
        case .us: nil
        }
    }

    /// The sheet kind that publishes this level.
    public var sheetKind: SheetKind {
        switch self {
        case .state: .state
        case .balancingAuthority: .balancingAuthority
        case .subregion: .subregion
        case .nercRegion: .nercRegion
        case .us: .us
        }
    }
}
